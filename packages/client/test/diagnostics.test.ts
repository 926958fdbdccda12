/**
 * The socket transport publishes each request on node:diagnostics_channel (start, then end or
 * error), without the query, headers or body that could carry a signature or token.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import { DIAGNOSTICS_CHANNELS, createVodClient } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator({ images: [{ imageId: 'seen' }] });
});
afterAll(async () => {
  await vod.close();
});

/** Collects what the three channels publish while `run` runs. */
async function observe(run: () => Promise<unknown>): Promise<[string, unknown][]> {
  const seen: [string, unknown][] = [];
  const listeners = Object.entries(DIAGNOSTICS_CHANNELS).map(([kind, name]) => {
    const listener = (message: unknown): void => {
      seen.push([kind, message]);
    };
    subscribe(name, listener);
    return [name, listener] as const;
  });
  try {
    await run();
  } finally {
    for (const [name, listener] of listeners) unsubscribe(name, listener);
  }
  return seen;
}

describe('diagnostics_channel', () => {
  it('start and end for a call, with method, origin, path, status and duration, and no secret', async () => {
    const client = createVodClient({
      endpoint: vod.url,
      credentials: { ...DEFAULT_EMULATOR_CREDENTIALS, securityToken: undefined },
      signatureAlgorithm: 'HMAC-SHA1',
      method: 'GET',
    });
    const seen = await observe(() =>
      client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['seen'] }),
    );
    expect(seen.map(([kind]) => kind)).toEqual(['start', 'end']);
    expect(seen[1]?.[1]).toMatchObject({
      request: { method: 'GET', origin: vod.url, path: '/' },
      status: 200,
    });
    expect((seen[1]?.[1] as { durationMs: number }).durationMs).toBeGreaterThan(0);
    // A V2 GET carries the signature in the query: none of it is published.
    expect(JSON.stringify(seen)).not.toMatch(/Signature|AccessKeyId|ImageIds|seen/);
  });

  it('error for a connection that fails', async () => {
    const client = createVodClient({
      endpoint: 'http://127.0.0.1:9',
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      retry: { maxAttempts: 1 },
    });
    const seen = await observe(() =>
      client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] }),
    );
    expect(seen.map(([kind]) => kind)).toEqual(['start', 'error']);
    expect((seen[1]?.[1] as { error: { code?: string } }).error.code).toBe('ECONNREFUSED');
  });
});
