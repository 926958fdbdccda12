/**
 * Scriptable faults over HTTP: error codes, fail-the-next-N, transport faults (reset, malformed
 * JSON, truncated body), latency, seeded probability; set through options, the controller and the
 * admin API. A faulted call never changes the store.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DOCUMENTED_ERRORS } from '@vodkit/types';
import { startEmulator } from '../../src/index.js';
import type { FaultKind, RunningEmulator } from '../../src/index.js';
import type { FaultSource } from '../../src/faults.js';
import { callV2, callV3, expectErrorShape, seeded } from '../support/rpc.js';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startEmulator({ qps: Infinity });
});
afterAll(async () => {
  await vod.close();
});
beforeEach(() => {
  vod.faults.clear();
  vod.state.reset([{ imageId: 'img' }]);
});

describe('error faults', () => {
  // Every documented code, so each one's status and shape is proven over HTTP at least once.
  const codes = Object.keys(DOCUMENTED_ERRORS) as (keyof typeof DOCUMENTED_ERRORS)[];
  test.each(codes)(
    '%s answers its documented status and shape, and deletes nothing',
    async (code) => {
      vod.faults.failNext(1, code);
      const answer = await callV2(vod.url, seeded(vod, 'img'));
      expect(expectErrorShape(answer).Code).toBe(code);
      expect(answer.status).toBe(DOCUMENTED_ERRORS[code].httpStatus);
      expect(vod.state.has('img')).toBe(true);
      expect(vod.requests().at(-1)?.fault).toBe(code);
    },
  );

  test('fail the next N, then succeed', async () => {
    vod.faults.set({ failNext: { count: 3, fault: 'ServiceUnavailable' } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await callV3(vod.url, seeded(vod, 'img'))).status);
    expect(statuses).toEqual([503, 503, 503, 200, 200]);
    expect(vod.faults.get().failNext?.count).toBe(0);
    expect(vod.state.has('img')).toBe(false);
  });

  test('an explicit code and status, with a message', async () => {
    vod.faults.failNext(1, { code: 'QuotaExceeded.Custom', httpStatus: 429, message: 'Too much.' });
    const answer = await callV2(vod.url, seeded(vod, 'img'), { format: 'XML' });
    expect(answer.status).toBe(429);
    expect(answer.text).toContain('<Code>QuotaExceeded.Custom</Code><Message>Too much.</Message>');
  });

  test('an undocumented code defaults to 500', async () => {
    vod.faults.failNext(1, 'Backend.Exploded');
    expect((await callV2(vod.url, seeded(vod, 'img'))).status).toBe(500);
  });

  test('throttling faults carry x-acs-retry-after when the plan sets it', async () => {
    vod.faults.set({ failNext: { count: 2, fault: 'Throttling.User' }, retryAfterMs: 1500 });
    expect((await callV2(vod.url, seeded(vod, 'img'))).headers.get('x-acs-retry-after')).toBe(
      '1500',
    );
    vod.faults.set({ failNext: { count: 1, fault: 'Throttling.User' } });
    expect((await callV2(vod.url, seeded(vod, 'img'))).headers.get('x-acs-retry-after')).toBeNull();
  });
});

describe('transport faults', () => {
  test('reset: the connection drops without an answer', async () => {
    vod.faults.failNext(1, 'reset');
    await expect(callV2(vod.url, seeded(vod, 'img'))).rejects.toThrow();
    expect(vod.state.has('img')).toBe(true);
    expect(vod.requests().at(-1)).toMatchObject({ status: 0, fault: 'reset' });
    expect((await callV2(vod.url, seeded(vod, 'img'))).status).toBe(200);
  });

  test('malformed-json: a 200 whose JSON body does not parse', async () => {
    vod.faults.failNext(1, 'malformed-json');
    const answer = await callV2(vod.url, seeded(vod, 'img'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.json).toBeUndefined();
    expect(answer.text.startsWith('{"RequestId":')).toBe(true);
    expect(vod.state.has('img')).toBe(true);
  });

  test('truncated: the body ends before its Content-Length', async () => {
    vod.faults.failNext(1, 'truncated');
    const response = await fetch(`${vod.url}/`, { method: 'POST' });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});

describe('latency and probability', () => {
  test('fixed latency delays the answer', async () => {
    vod.faults.set({ latencyMs: 150 });
    const started = performance.now();
    expect((await callV2(vod.url, seeded(vod, 'img'))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('random latency stays in range and repeats for a seed', async () => {
    const draw = async (seed: number): Promise<number[]> => {
      const e = await startEmulator({ seed, faults: { latencyMs: [10, 20] } });
      try {
        // The controller the faults stage draws from: the seed option must reach it.
        const source = e.faults as FaultSource;
        return Array.from({ length: 50 }, () => source.next().delayMs);
      } finally {
        await e.close();
      }
    };
    const a = await draw(7);
    expect(a.every((ms) => ms >= 10 && ms <= 20)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(3);
    expect(await draw(7)).toEqual(a);
    expect(await draw(8)).not.toEqual(a);
  });

  test('seeded probability: the same seed fails the same calls, over HTTP', async () => {
    const run = async (): Promise<number[]> => {
      const e = await startEmulator({
        qps: Infinity,
        seed: 42,
        faults: { probability: { rate: 0.5, faults: ['InternalError', 'ServiceUnavailable'] } },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 20; i += 1) statuses.push((await callV2(e.url, seeded(e, 'x'))).status);
        return statuses;
      } finally {
        await e.close();
      }
    };
    const first = await run();
    expect(first.filter((s) => s !== 200).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(first.every((s) => [200, 500, 503].includes(s))).toBe(true);
    expect(await run()).toEqual(first);
  });

  test('bad plans are refused with the field named', () => {
    const bad: [unknown, RegExp][] = [
      [{ latencyMs: -1 }, /latencyMs/],
      [{ latencyMs: [5, 1] }, /latencyMs/],
      [{ failNext: { count: 1.5, fault: 'InternalError' } }, /failNext\.count/],
      [{ failNext: { count: 1, fault: '' } }, /failNext\.fault/],
      [{ probability: { rate: 2, faults: ['InternalError'] } }, /probability\.rate/],
      [{ probability: { rate: 0.1, faults: [] } }, /probability\.faults/],
      [{ failNext: { count: 1, fault: { code: 'X', httpStatus: 99 } } }, /failNext\.fault/],
      [{ chaos: true }, /faults\.chaos is not a fault setting/],
    ];
    for (const [plan, message] of bad) {
      expect(() => {
        vod.faults.set(plan as { latencyMs: number });
      }).toThrow(message);
    }
  });
});

describe('faults from options and the admin API', () => {
  test('options.faults applies from the first call', async () => {
    const fault: FaultKind = 'InternalError';
    const e = await startEmulator({ faults: { failNext: { count: 1, fault } } });
    try {
      expect((await callV2(e.url, seeded(e, 'x'))).status).toBe(500);
      expect((await callV2(e.url, seeded(e, 'x'))).status).toBe(200);
    } finally {
      await e.close();
    }
  });

  test('POST /__admin/faults sets, GET reads, DELETE clears', async () => {
    const json = { 'content-type': 'application/json' };
    const set = await fetch(`${vod.url}/__admin/faults`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ failNext: { count: 2, fault: 'ServiceUnavailable' } }),
    });
    expect(set.status).toBe(200);
    expect((await callV2(vod.url, seeded(vod, 'img'))).status).toBe(503);
    const read = (await (await fetch(`${vod.url}/__admin/faults`)).json()) as {
      failNext: { count: number };
    };
    expect(read.failNext.count).toBe(1);
    await fetch(`${vod.url}/__admin/faults`, { method: 'DELETE', headers: json });
    expect((await callV2(vod.url, seeded(vod, 'img'))).status).toBe(200);
    const refused = await fetch(`${vod.url}/__admin/faults`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ latencyMs: 'slow' }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('latencyMs');
  });

  test('faults never touch the admin API or image URLs', async () => {
    vod.faults.set({ probability: { rate: 1, faults: ['reset'] } });
    expect((await fetch(`${vod.url}/__admin/health`)).status).toBe(200);
    expect((await fetch(vod.state.get('img')?.url ?? '')).status).toBe(200);
  });

  test('close() cuts injected latency short', async () => {
    const e = await startEmulator({ faults: { latencyMs: 60_000 } });
    const pending = callV2(e.url, seeded(e, 'x')).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setTimeout(r, 100));
    await e.close();
    expect(['answered', 'dropped']).toContain(await pending);
  });
});
