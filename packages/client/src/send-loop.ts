/**
 * The send loop: asks for an attempt (`attempt.ts`), asks what to do with its result
 * (`judge.ts`), and does it. Everything it decides is decided there; what it keeps between
 * attempts is where the call stands.
 */
import { VodError } from './errors.js';
import { createRedactor } from './redact.js';
import type { Redactor } from './redact.js';
import type { ClientConfig } from './client-config.js';
import type { VodCredentials } from './credentials.js';
import { skewClock } from './clock.js';
import { attempt, signCall, transportRequest } from './attempt.js';
import type { AttemptContext, OutgoingCall } from './attempt.js';
import { judge } from './judge.js';
import type { CallState, Done } from './judge.js';
import type * as LoadCredentials from './load-credentials.js';
import { sleep } from './sleep.js';
import type { AttemptRecord } from './outcome.js';
import type { TransportRequest } from './transport.js';

export type { OutgoingCall } from './attempt.js';

/** What {@link SendLoop.send} ends with: the final answer as judged, and the record. */
export interface SendResult extends AttemptRecord, Done {}

/** Signing, retrying and sending, shared by both of the client's paths. */
export interface SendLoop {
  /**
   * Sends with retries, signing each attempt afresh (a new nonce and timestamp). Resolves with
   * a 2xx carrying a `RequestId` or with the final error response; rejects with a
   * `VodNetworkError` / `VodTimeoutError` when no attempt got an answer, a `VodValidationError`
   * / `VodCredentialsError` when signing refused the input, or the caller's abort reason.
   */
  send(call: OutgoingCall): Promise<SendResult>;
  /** Signs once, without sending: what `dryRun` shows. */
  signOnce(call: OutgoingCall, reveal: boolean): Promise<TransportRequest>;
  /**
   * Knows every secret, token and signature this loop used; `send` and `signOnce` pass their
   * errors through it, and so must anyone handing out an error of this client.
   */
  readonly redactor: Redactor;
}

/** Builds the send loop of one client. */
export function createSendLoop(config: ClientConfig): SendLoop {
  const redactor = createRedactor();
  redactor.remember(config.staticCredentials?.accessKeySecret, true);
  redactor.remember(config.staticCredentials?.securityToken, true);
  // One clock per client: a correction learnt in one call serves every later one.
  const clock = skewClock();
  const context: AttemptContext = { config, now: clock.now, redactor };

  let loading: Promise<typeof LoadCredentials> | undefined;
  /** The provider's credentials, checked; the code for it loads with the first call. */
  async function loadCredentials(signal?: AbortSignal): Promise<VodCredentials> {
    const loaded = await (loading ??= import('./load-credentials.js')).catch((error: unknown) => {
      // A chunk that failed to load (a flaky network in a browser) is tried again next time.
      loading = undefined;
      throw error;
    });
    signal?.throwIfAborted();
    return loaded.loadCredentials(config, redactor, signal);
  }

  /** A client error, by brand, cleaned of this loop's secrets; anything else as it is. */
  const redacted = (error: unknown): Promise<unknown> =>
    VodError.isInstance(error) ? redactor.error(error) : Promise.resolve(error);

  async function attempts(call: OutgoingCall): Promise<SendResult> {
    const { signal, context: hooks } = call;
    const at: CallState = {
      attempt: 0,
      maxAttempts: Math.max(1, hooks?.maxAttempts ?? config.retry.maxAttempts),
      clockCorrected: false,
      possiblyApplied: false,
    };
    for (;;) {
      at.attempt++;
      signal?.throwIfAborted();
      if (hooks?.beforeAttempt !== undefined) await hooks.beforeAttempt();
      const creds = config.staticCredentials ?? (await loadCredentials(signal));
      let verdict = judge(await attempt(context, call, creds), at, config);
      if (verdict.kind === 'correct-clock') {
        clock.correct(verdict.serverNow);
        at.clockCorrected = true;
        verdict = verdict.then;
      }
      if (verdict.kind === 'give-up') throw verdict.error;
      if (verdict.failure?.cls === 'throttling') hooks?.onThrottled?.();
      if (verdict.kind === 'done') {
        const { response, json, failure } = verdict;
        return {
          kind: 'done',
          response,
          json,
          failure,
          attempts: at.attempt,
          possiblyApplied: at.possiblyApplied,
        };
      }
      if (verdict.lost === true) at.possiblyApplied = true;
      await sleep(verdict.delayMs, signal);
    }
  }

  return {
    send: (call) =>
      attempts(call).catch(async (error: unknown) => {
        throw await redacted(error);
      }),
    async signOnce(call, reveal) {
      try {
        const signed = await signCall(context, call, await loadCredentials());
        redactor.remember(signed.signature);
        const shown = reveal ? signed : await config.signer.redactSigned(signed);
        return transportRequest(context, call, shown);
      } catch (error) {
        throw await redacted(error);
      }
    },
    redactor,
  };
}
