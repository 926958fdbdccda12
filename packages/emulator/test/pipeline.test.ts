/**
 * The pipeline as data: the default stages in order, and emulators built in one line with a
 * stage removed or replaced, each showing that the stage it lacks did its job. The stages
 * themselves are tested one file each under `stages/`.
 */
import { describe, expect, test } from 'vitest';
import {
  ANSWERED,
  DEFAULT_EMULATOR_CREDENTIALS,
  DEFAULT_STAGES,
  replaceStage,
  startEmulator,
  withoutStage,
} from '../src/index.js';
import type { EmulatorOptions, RunningEmulator, Stage } from '../src/index.js';
import { byIds, callV2, callV3, seeded } from './support/rpc.js';

const wrongSecret = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'not-the-secret' };

async function withEmulator(
  options: EmulatorOptions,
  body: (vod: RunningEmulator) => Promise<void>,
): Promise<void> {
  const vod = await startEmulator(options);
  try {
    await body(vod);
  } finally {
    await vod.close();
  }
}

describe('the default pipeline', () => {
  test('runs the nine named stages in order', () => {
    expect(DEFAULT_STAGES.map((s) => s.name)).toEqual([
      'parse',
      'faults',
      'api',
      'verify',
      'authorize',
      'rate-limit',
      'validate',
      'apply',
      'answer',
    ]);
    expect(Object.isFrozen(DEFAULT_STAGES)).toBe(true);
  });

  test('withoutStage and replaceStage copy the list and name what is missing', () => {
    const without = withoutStage(DEFAULT_STAGES, 'verify');
    expect(without.map((s) => s.name)).not.toContain('verify');
    expect(DEFAULT_STAGES).toHaveLength(9);
    expect(() => withoutStage(DEFAULT_STAGES, 'sign')).toThrow(
      /no stage named "sign"; the stages are parse, faults, api, verify/,
    );
    const noop: Stage = { name: 'apply', run: () => undefined };
    expect(replaceStage(DEFAULT_STAGES, 'apply', noop)[7]).toBe(noop);
  });

  test('a bad stage list is refused when the emulator starts', async () => {
    await expect(startEmulator({ stages: 'verify' as unknown as Stage[] })).rejects.toThrow(
      /stages must be an array/,
    );
    await expect(startEmulator({ stages: [{ name: 'x' } as unknown as Stage] })).rejects.toThrow(
      /stages\[0\] must be \{ name: string, run\(ctx\) \}/,
    );
    await expect(
      startEmulator({ stages: [DEFAULT_STAGES[0], DEFAULT_STAGES[0]] as Stage[] }),
    ).rejects.toThrow(/the name "parse" is used twice/);
  });
});

describe('the list order is the order errors win', () => {
  // A request that names another API and is signed with the wrong secret fails both checks.
  const both = { credentials: wrongSecret, common: { Action: 'DescribeImages' } };

  test('failing api and verify, the api error answers: api comes first, as at the gateway', async () => {
    await withEmulator({}, async (vod) => {
      const answer = await callV2(vod.url, seeded(vod, 'w'), both);
      expect(answer.json?.['Code']).toBe('InvalidAction.NotFound');
      const v3 = await callV3(vod.url, seeded(vod, 'w'), {
        credentials: wrongSecret,
        action: 'GetImageInfo',
      });
      expect(v3.json?.['Code']).toBe('InvalidAction.NotFound');
      expect(vod.state.has('w')).toBe(true);
    });
  });

  test('each stage does only its own check: the same request answers whichever comes first', async () => {
    await withEmulator({ stages: withoutStage(DEFAULT_STAGES, 'api') }, async (vod) => {
      expect((await callV2(vod.url, seeded(vod, 'w'), both)).json?.['Code']).toBe(
        'SignatureDoesNotMatch',
      );
    });
    const [api, verify] = ['api', 'verify'].map((name) => {
      const stage = DEFAULT_STAGES.find((s) => s.name === name);
      if (stage === undefined) throw new Error(`no ${name} stage`);
      return stage;
    }) as [Stage, Stage];
    const swapped = DEFAULT_STAGES.map((s) => (s === api ? verify : s === verify ? api : s));
    await withEmulator({ stages: swapped }, async (vod) => {
      expect((await callV2(vod.url, seeded(vod, 'w'), both)).json?.['Code']).toBe(
        'SignatureDoesNotMatch',
      );
    });
  });
});

describe('one stage removed or replaced, in one line', () => {
  test('without verify, a wrong secret deletes', async () => {
    await withEmulator({ stages: withoutStage(DEFAULT_STAGES, 'verify') }, async (vod) => {
      const answer = await callV2(vod.url, seeded(vod, 'a'), { credentials: wrongSecret });
      expect(answer.status).toBe(200);
      expect(vod.state.has('a')).toBe(false);
    });
    await withEmulator({}, async (vod) => {
      const answer = await callV2(vod.url, seeded(vod, 'a'), { credentials: wrongSecret });
      expect(answer.json?.['Code']).toBe('SignatureDoesNotMatch');
      expect(vod.state.has('a')).toBe(true);
    });
  });

  test('without api, another action (V3 names it in a header) is served as DeleteImage', async () => {
    await withEmulator({}, async (vod) => {
      const answer = await callV3(vod.url, seeded(vod, 'b'), { action: 'GetImageInfo' });
      expect(answer.json?.['Code']).toBe('InvalidAction.NotFound');
    });
    await withEmulator({ stages: withoutStage(DEFAULT_STAGES, 'api') }, async (vod) => {
      const answer = await callV3(vod.url, seeded(vod, 'b'), { action: 'GetImageInfo' });
      expect(answer.status).toBe(200);
      expect(vod.state.has('b')).toBe(false);
    });
  });

  test('without authorize, a RAM deny is not enforced', async () => {
    const denied = {
      accessKeyId: 'LTAI5tDenied',
      accessKeySecret: 'denied',
      policy: { deny: ['vod:DeleteImage'] },
    };
    const accounts = [{ accountId: 'a', accessKeys: [denied] }];
    await withEmulator({ accounts }, async (vod) => {
      const answer = await callV2(vod.url, seeded(vod, 'd'), { credentials: denied });
      expect(answer.json?.['Code']).toBe('Forbidden.RAM');
    });
    await withEmulator(
      { accounts, stages: withoutStage(DEFAULT_STAGES, 'authorize') },
      async (vod) => {
        expect((await callV2(vod.url, seeded(vod, 'd'), { credentials: denied })).status).toBe(200);
      },
    );
  });

  test('without rate-limit, calls past the QPS are not throttled', async () => {
    const t = Date.parse('2026-03-01T00:00:00Z');
    await withEmulator(
      { now: () => t, qps: 2, stages: withoutStage(DEFAULT_STAGES, 'rate-limit') },
      async (vod) => {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          statuses.push((await callV2(vod.url, seeded(vod, `r${i}`), { time: t })).status);
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200]);
      },
    );
  });

  test('without validate, nothing reaches apply: the pipeline answers InternalError, never a hang', async () => {
    await withEmulator({ stages: withoutStage(DEFAULT_STAGES, 'validate') }, async (vod) => {
      const answer = await callV2(vod.url, seeded(vod, 'v'));
      expect(answer.status).toBe(500);
      expect(answer.json?.['Message']).toContain('needs a validated request');
      expect(vod.state.has('v')).toBe(true);
    });
  });

  test('with apply replaced, the call succeeds and deletes nothing', async () => {
    const skip: Stage = { name: 'apply', run: () => undefined };
    await withEmulator({ stages: replaceStage(DEFAULT_STAGES, 'apply', skip) }, async (vod) => {
      expect((await callV2(vod.url, seeded(vod, 'kept'))).status).toBe(200);
      expect(vod.state.has('kept')).toBe(true);
      // And a missing image no longer answers NoSuchResource.
      expect((await callV2(vod.url, byIds('never'))).status).toBe(200);
    });
  });

  test('without answer, the pipeline still answers (InternalError), so no request hangs', async () => {
    await withEmulator({ stages: withoutStage(DEFAULT_STAGES, 'answer') }, async (vod) => {
      const answer = await callV2(vod.url, seeded(vod, 'n'));
      expect(answer.status).toBe(500);
      expect(answer.json?.['Message']).toContain('no stage answered');
      // apply ran: the image is gone even though the answer says otherwise.
      expect(vod.state.has('n')).toBe(false);
    });
  });

  test('a stage of its own can answer and stop the pipeline', async () => {
    const teapot: Stage = {
      name: 'answer',
      run(ctx) {
        ctx.res.writeHead(418, { 'content-type': 'text/plain' }).end(ctx.caller?.accessKeyId);
        return ANSWERED;
      },
    };
    await withEmulator({ stages: replaceStage(DEFAULT_STAGES, 'answer', teapot) }, async (vod) => {
      const response = await callV3(vod.url, seeded(vod, 't'));
      expect(response.status).toBe(418);
      expect(response.text).toBe(DEFAULT_EMULATOR_CREDENTIALS.accessKeyId);
      expect(vod.requests().at(-1)).toMatchObject({ status: 418, deleted: ['t'] });
    });
  });

  test('a stage may fail the request with any error, which is answered in Alibaba’s shape', async () => {
    const refuse: Stage = {
      name: 'authorize',
      run: () => ({
        error: { code: 'Forbidden', httpStatus: 403, message: 'Refused by a test stage.' },
      }),
    };
    await withEmulator(
      { stages: replaceStage(DEFAULT_STAGES, 'authorize', refuse) },
      async (vod) => {
        const answer = await callV2(vod.url, seeded(vod, 'f'), { format: 'XML' });
        expect(answer.status).toBe(403);
        expect(answer.text).toContain('<Code>Forbidden</Code>');
        expect(vod.requests().at(-1)?.code).toBe('Forbidden');
      },
    );
  });
});
