import { DEFAULT_ACCOUNT_ID, DEFAULT_EMULATOR_CREDENTIALS } from './keys.js';
import type { RunningEmulator } from './server.js';
import { isLoopbackHost } from './loopback.js';
import { ROUTES } from './routes.js';

/** The path of the first route of `area` in the route table, as listed. */
const pathOf = (area: (typeof ROUTES)[number]['area']): string =>
  ROUTES.find((r) => r.area === area)?.path ?? '';

/**
 * The startup banner: where the emulator listens, how to sign against it and where the admin
 * API is. The default credentials are printed only when the default account is in use: they are
 * public and only ever work against an emulator.
 */
export function formatBanner(running: RunningEmulator, notes: readonly string[] = []): string {
  const usesDefault =
    running.keys.get(DEFAULT_EMULATOR_CREDENTIALS.accessKeyId)?.accountId === DEFAULT_ACCOUNT_ID;
  const lines = [
    `vodkit emulator: ApsaraVideo VOD DeleteImage (2017-03-21) listening on ${running.url}`,
    `  RPC endpoint   ${running.url}${pathOf('rpc')}   (HMAC-SHA1 and ACS3-HMAC-SHA256)`,
    `  admin API      ${running.url}${pathOf('admin')}`,
    `  images         ${running.url}${pathOf('images')}   (${running.state.size} stored)`,
    ...(usesDefault
      ? [
          `  AccessKeyId     ${DEFAULT_EMULATOR_CREDENTIALS.accessKeyId}`,
          `  AccessKeySecret ${DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret}`,
        ]
      : []),
    ...notes.map((n) => `  ${n}`),
  ];
  // The listen address decides who can connect: a wildcard one's url names loopback.
  const host = [running.address, new URL(running.url).hostname].find((h) => !isLoopbackHost(h));
  if (host !== undefined) {
    lines.push(
      `  WARNING: listening on ${host}, not a loopback address: the RPC endpoint and the admin API`,
      '           are reachable from the network (admin requests need the admin token).',
    );
  }
  return lines.join('\n');
}
