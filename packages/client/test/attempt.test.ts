/**
 * One attempt against the emulator: signed afresh each time, sent through a real transport, and
 * reported (a response or the transport's failure) rather than judged; bad input and aborts reject.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import { signV2, signV3 } from '@vodkit/signer/node';
import { redactSigned } from '@vodkit/signer/redact';
import { VodCredentialsError, VodValidationError, fetchTransport } from '../src/index.ts';
import { attempt } from '../src/attempt.ts';
import type { AttemptContext, OutgoingCall } from '../src/attempt.ts';
import { resolveClientOptions } from '../src/client-config.ts';
import type { VodClientOptions } from '../src/client-config.ts';
import { createRedactor } from '../src/redact.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator, nonceOf } from './support.ts';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator({ qps: Infinity });
});
afterAll(async () => {
  await vod.close();
});

const signer = { signV3, signV2, redactSigned };
function context(options: Partial<VodClientOptions> = {}): AttemptContext {
  const config = resolveClientOptions(
    { endpoint: vod.url, credentials: DEFAULT_EMULATOR_CREDENTIALS, ...options },
    { signer, transport: fetchTransport() },
  );
  return { config, now: Date.now, redactor: createRedactor() };
}
const CALL: OutgoingCall = {
  verb: 'POST',
  params: { DeleteImageType: 'ImageId', ImageIds: 'a1' },
  headers: {},
};

describe('attempt', () => {
  it.each(['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const)(
    '%s: signs each attempt afresh and returns the response',
    async (signatureAlgorithm) => {
      const ctx = context({ signatureAlgorithm });
      vod.state.add([{ imageId: 'a1' }]);
      const first = await attempt(ctx, CALL, DEFAULT_EMULATOR_CREDENTIALS);
      const second = await attempt(ctx, CALL, DEFAULT_EMULATOR_CREDENTIALS);
      expect(first.response?.status).toBe(200);
      // Deleted by the first: the service's own answer, not a failure.
      expect(second.response?.status).toBe(404);
      const nonces = vod.requests().slice(-2).map(nonceOf);
      expect(nonces[0]).toBeDefined();
      expect(nonces[0]).not.toBe(nonces[1]);
    },
  );

  it('reports a transport failure instead of throwing it', async () => {
    const ctx = context({ endpoint: 'http://127.0.0.1:9' });
    const result = await attempt(ctx, CALL, DEFAULT_EMULATOR_CREDENTIALS);
    expect(result.response).toBeUndefined();
    expect(result.error).toBeInstanceOf(Error);
  });

  it("rejects with the signer's field and rule when signing refuses the input", async () => {
    const ctx = context({ signatureAlgorithm: 'HMAC-SHA1' });
    const call = { ...CALL, params: { ...CALL.params, Signature: 'x' } };
    const error = await attempt(ctx, call, DEFAULT_EMULATOR_CREDENTIALS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VodValidationError);
    expect(error).toMatchObject({
      field: 'params.Signature',
      rule: 'is set by the signer; remove it',
      message: 'params.Signature: is set by the signer; remove it',
    });
    const badKey = { accessKeyId: 'ak', accessKeySecret: '' };
    await expect(attempt(ctx, CALL, badKey)).rejects.toThrow(VodCredentialsError);
  });

  it("rejects with the caller's abort reason", async () => {
    vod.faults.set({ latencyMs: 2000 });
    try {
      const controller = new AbortController();
      const pending = attempt(
        context(),
        { ...CALL, signal: controller.signal },
        DEFAULT_EMULATOR_CREDENTIALS,
      );
      const reason = new Error('stop');
      setTimeout(() => {
        controller.abort(reason);
      }, 50);
      await expect(pending).rejects.toBe(reason);
    } finally {
      vod.faults.set({});
    }
  });
});
