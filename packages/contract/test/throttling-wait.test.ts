/**
 * The throttling check waits the largest x-acs-retry-after of its burst. Against a target that
 * keeps its word but whose first throttled answer names a slot a later call of the same burst
 * then takes, waiting the first value fails a correct target; waiting the largest passes.
 */
import { DEFAULT_STAGES, replaceStage } from '@vodkit/emulator';
import type { Stage } from '@vodkit/emulator';
import { expect, it } from 'vitest';
import { createRun, emulatorTarget, selectChecks } from '../src/index.ts';

const throttling = selectChecks(['throttling'])[0];
if (throttling === undefined) throw new Error('no throttling check');

const QPS = 50;

/**
 * `qps` calls pass; the next is told a slot frees in 1 ms; the one after takes that slot; then
 * the limiter holds every call for 150 ms from that moment and says so.
 */
function slotTakenByLaterCall(qps: number): Stage {
  let calls = 0;
  let freeAt = 0;
  return {
    name: 'rate-limit',
    run(ctx) {
      calls += 1;
      const now = Date.now();
      if (calls <= qps) return undefined;
      const throttle = (ms: number) =>
        ctx.fail(
          {
            code: 'Throttling.User',
            httpStatus: 400,
            message: 'Request was denied due to user flow control.',
          },
          { 'x-acs-retry-after': String(ms) },
        );
      if (calls === qps + 1) return throttle(1);
      if (calls === qps + 2) {
        freeAt = now + 150;
        return undefined;
      }
      return now >= freeAt ? undefined : throttle(Math.ceil(freeAt - now));
    },
  };
}

it('waits the largest x-acs-retry-after of the burst, not the first', async () => {
  const target = await emulatorTarget({
    qps: QPS,
    stages: replaceStage(DEFAULT_STAGES, 'rate-limit', slotTakenByLaterCall(QPS)),
  });
  try {
    const result = await createRun({ target, seed: 1 }).run(throttling);
    expect(result.message).toBeUndefined();
    expect(result.status).toBe('passed');
  } finally {
    await target.close();
  }
});
