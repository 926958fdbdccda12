/**
 * The throttling check is stable: 200 runs in a row against correct emulators all pass. It waits
 * the largest x-acs-retry-after of its burst, not the first, and sends the proving call unpaced
 * right after it; waiting the first instead failed 24 of these 200 runs (a later call of the same
 * burst took the slot the first wait pointed at; `throttling-wait.test.ts` scripts that target). Runs go four at a
 * time, each against an emulator of its own started fresh, as the suite starts one.
 */
import { expect, it } from 'vitest';
import { createRun, emulatorTarget, selectChecks } from '../src/index.ts';

const throttling = selectChecks(['throttling'])[0];
if (throttling === undefined) throw new Error('no throttling check');

const RUNS = 200;
const AT_ONCE = 4;

it(`passes ${RUNS} runs in a row against the emulator`, async () => {
  const started = performance.now();
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < RUNS) {
      const n = (next += 1);
      const target = await emulatorTarget();
      try {
        const result = await createRun({ target, seed: n }).run(throttling);
        if (result.status !== 'passed') failures.push(`run ${n}: ${result.message ?? ''}`);
      } finally {
        await target.close();
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`throttling: ${RUNS - failures.length}/${RUNS} runs passed in ${seconds} s`);
  expect(failures).toEqual([]);
}, 120_000);
