#!/usr/bin/env node
/**
 * `vodkit-emulator`: runs the emulator until interrupted, logging one JSON line per request to
 * stdout; the startup banner goes to stderr.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { ADMIN_ROUTES } from './admin.js';
import { formatBanner } from './banner.js';
import type { EmulatorOptions } from './options.js';
import { startEmulator } from './server.js';
import { readSeedFile } from './state.js';

const HELP = `Usage: vodkit-emulator [options]

A local Alibaba Cloud ApsaraVideo VOD DeleteImage service for tests and demos.

Options:
  --port <n>          port to listen on (default 4010; 0 picks a free one)
  --host <addr>       interface to listen on (default 127.0.0.1)
  --seed-file <path>  JSON with images (and optionally accounts, stsTokens) to start with
  --state-file <path> load the store from it at start (when present), save to it on exit
  --qps <n>           requests per second per account (default ${QPS_LIMIT_PER_ACCOUNT}; 0 = unlimited)
  --cors [origin]     answer CORS preflights for browser clients (default origin *)
  --quiet             no request log (the banner is still printed)
  --help              show this help

Admin API:
${ADMIN_ROUTES.map((r) => `  ${r}`).join('\n')}
`;

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'seed-file': { type: 'string' },
        'state-file': { type: 'string' },
        qps: { type: 'string' },
        cors: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(HELP);
    return 0;
  }
  const number = (text: string | undefined, name: string, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new Error(`--${name} must be a number ≥ 0`);
    return n;
  };
  const qps = number(values.qps, 'qps', QPS_LIMIT_PER_ACCOUNT);
  const seedFile = values['seed-file'];
  const seed = seedFile === undefined ? undefined : await readSeedFile(seedFile);
  const stateFile = values['state-file'];
  const options: EmulatorOptions = {
    host: values.host ?? '127.0.0.1',
    port: number(values.port, 'port', 4010),
    qps: qps === 0 ? Infinity : qps,
    ...(seed === undefined ? {} : { images: seed.images }),
    ...(seed?.accounts === undefined ? {} : { accounts: seed.accounts }),
    ...(seed?.stsTokens === undefined ? {} : { stsTokens: seed.stsTokens }),
    ...(stateFile === undefined ? {} : { stateFile }),
    ...(values.cors === undefined
      ? {}
      : { cors: values.cors === '' || values.cors === '*' ? true : { origin: values.cors } }),
    log: values.quiet === true ? false : (line: string) => process.stdout.write(`${line}\n`),
  };
  const running = await startEmulator(options);
  const notes = [
    stateFile === undefined
      ? ''
      : `state file     ${stateFile}${existsSync(stateFile) ? '' : ' (new)'}`,
    `rate limit     ${qps === 0 ? 'off' : `${qps} requests/s per account`}`,
  ].filter((n) => n !== '');
  // The banner goes to stderr so stdout carries only JSON log lines (pipe it to jq).
  process.stderr.write(`${formatBanner(running, notes)}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vodkit-emulator: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
