/**
 * The admin listing and the banner against the modules that make them: the route table, the
 * loopback rule and the banner formatter (all inlined in the bundle, so src only). The admin
 * API's own answers are tested through dist in test/admin.test.ts.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator } from '../src/index.js';
import type { RunningEmulator } from '../src/index.js';
import { formatBanner } from '../src/banner.js';
import { isLoopbackHost } from '../src/loopback.js';
import { adminRouteLines } from '../src/routes.js';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startEmulator();
});
afterAll(async () => {
  await vod.close();
});

test('GET /__admin/ lists exactly the route table', async () => {
  const response = await fetch(`${vod.url}/__admin/`);
  const body = (await response.json()) as { routes: unknown };
  expect(body.routes).toEqual(adminRouteLines());
});

test('loopback hosts, and the banner warns off loopback only', () => {
  expect(isLoopbackHost('127.0.0.1') && isLoopbackHost('::1') && isLoopbackHost('localhost')).toBe(
    true,
  );
  expect(isLoopbackHost('0.0.0.0') || isLoopbackHost('::') || isLoopbackHost('10.0.0.1')).toBe(
    false,
  );
  expect(formatBanner({ ...vod, url: 'http://0.0.0.0:4010' })).toMatch(
    /WARNING: listening on 0\.0\.0\.0/,
  );
  expect(formatBanner(vod)).not.toContain('WARNING');
});

test.each(['::1', '127.0.0.1', '::', '0.0.0.0'])(
  'listening on %s, the banner says who else can reach a wildcard listener',
  async (host) => {
    const wildcard = host === '::' || host === '0.0.0.0';
    const running = await startEmulator({
      host,
      port: 0,
      log: false,
      ...(wildcard ? { adminToken: 'listen-address-test-token' } : {}),
    });
    try {
      expect(formatBanner(running).includes(`WARNING: listening on ${host},`)).toBe(wildcard);
    } finally {
      await running.close();
    }
  },
);
