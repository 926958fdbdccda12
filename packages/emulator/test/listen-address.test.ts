/**
 * `RunningEmulator.url` is where a client can connect, whatever address the emulator listens
 * on: an IPv6 address in brackets, and a wildcard address (`::`, `0.0.0.0`) as the loopback
 * address of its family. Signed calls with both algorithms reach it through that URL. (The
 * wildcard listeners are started with an admin token, as the emulator requires, and the test
 * talks to them only over loopback.)
 */
import { describe, expect, test } from 'vitest';
import { startEmulator } from '../src/index.js';
import { callV2, callV3, seeded } from './support/rpc.js';

describe.each([
  ['::1', '[::1]'],
  ['127.0.0.1', '127.0.0.1'],
  ['::', '[::1]'],
  ['0.0.0.0', '127.0.0.1'],
])('listening on %s', (host, shown) => {
  test(`url is http://${shown}:<port>, and both algorithms get through it`, async () => {
    const wildcard = host === '::' || host === '0.0.0.0';
    const vod = await startEmulator({
      host,
      port: 0,
      log: false,
      ...(wildcard ? { adminToken: 'listen-address-test-token' } : {}),
    });
    try {
      expect(vod.url).toBe(`http://${shown}:${vod.port}`);
      expect(vod.address).toBe(host);
      // URL would write it the same way: what a client signs (V3) is what it sends.
      expect(new URL(vod.url).origin).toBe(vod.url);
      const v2 = await callV2(vod.url, seeded(vod, 'a1'));
      const v3 = await callV3(vod.url, seeded(vod, 'b2'));
      expect([v2.status, v3.status]).toEqual([200, 200]);
      expect(vod.state.has('a1') || vod.state.has('b2')).toBe(false);
    } finally {
      await vod.close();
    }
  });
});
