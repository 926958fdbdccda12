/**
 * The client against the real emulator listening on ::1 (port 0), through the emulator's own
 * url (`http://[::1]:<port>`): DeleteImage deletes with both algorithms on every transport. V3
 * signs the bracketed host, so this is where an IPv6 endpoint has to work end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import {
  createVodClient,
  fetchTransport,
  nodeTransport,
  socketTransport,
} from '../src/node/index.ts';
import type { Transport } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, FAST_RETRY, emulator } from './support.ts';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator({ host: '::1', qps: Infinity });
});
afterAll(async () => {
  await vod.close();
});

const TRANSPORTS: readonly (readonly [string, () => Transport | undefined])[] = [
  ['default (socket) transport', () => undefined],
  ['socketTransport()', () => socketTransport()],
  ['nodeTransport()', () => nodeTransport()],
  ['fetchTransport()', () => fetchTransport()],
];

describe.each(TRANSPORTS)('%s to http://[::1]:<port>', (_name, transport) => {
  for (const algorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
    for (const method of ['POST', 'GET'] as const) {
      it(`${algorithm} ${method} deletes`, async () => {
        expect(vod.url).toBe(`http://[::1]:${vod.port}`);
        const t = transport();
        const c = createVodClient({
          endpoint: vod.url,
          credentials: DEFAULT_EMULATOR_CREDENTIALS,
          signatureAlgorithm: algorithm,
          method,
          retry: FAST_RETRY,
          ...(t === undefined ? {} : { transport: t }),
        });
        const imageId = `v6-${algorithm}-${method}`;
        vod.state.add([{ imageId }]);
        const { data, error } = await c.deleteImage({
          DeleteImageType: 'ImageId',
          ImageIds: [imageId],
        });
        expect(error).toBeUndefined();
        expect(data?.requestId).toMatch(/^[0-9A-F-]{36}$/);
        expect(vod.state.has(imageId)).toBe(false);
        const seen = vod.requests().at(-1);
        expect([seen?.algorithm, seen?.method, seen?.status]).toEqual([algorithm, method, 200]);
      });
    }
  }
});
