/**
 * Each broken emulator (one stage removed or replaced) is caught by at least one named check, and
 * the unbroken one passes every check. Prints which checks caught each mutant. These mutants are
 * chosen by hand, one per fault or class of faults the checks close: a test that each stays
 * closed, not a measure of the suite (the mutation tool's report is that).
 */
import { expect, it } from 'vitest';
import { CHECKS, UNPROVOKED_CODES, createRun, emulatorTarget } from '../src/index.ts';
import type { ContractRun } from '../src/index.ts';
import type { Stage } from '@vodkit/emulator';
import { CLASS_MUTANTS, MUTANTS, PIPELINE_MUTANTS } from './mutants.ts';
import { inPool } from './pool.ts';

const AT_ONCE = 11;

/** Runs every check against an emulator built from `stages`; the IDs of those that failed. */
async function failedChecks(
  stages: readonly Stage[] | undefined,
  name: string,
): Promise<{ failed: string[]; run: ContractRun }> {
  const target = await emulatorTarget(stages === undefined ? {} : { stages });
  try {
    const run = createRun({ target, seed: 20261201 });
    const failed: string[] = [];
    for (const check of CHECKS) {
      const result = await run.run(check);
      if (result.status === 'failed') failed.push(`${check.id}: ${result.message ?? ''}`);
      expect(result.status, `${name}: ${check.id} could not run`).not.toBe('not-applicable');
    }
    return { failed, run };
  } finally {
    await target.close();
  }
}

it('every mutant of the emulator is caught by a named check, and the emulator itself passes them all', async () => {
  // A few at a time: the throttling check judges a burst by how long it took, and a process
  // running thirty suites at once makes every burst slow enough to pass a limit twice too high.
  const controlRun = failedChecks(undefined, 'the emulator');
  const caughtBy = await inPool(
    AT_ONCE,
    MUTANTS.map((mutant) => async () => ({
      mutant: mutant.name,
      failed: (await failedChecks(mutant.stages, mutant.name)).failed.map((f) => f.split(':')[0]),
    })),
  );
  const control = await controlRun;
  const lines = caughtBy.map(
    (m) =>
      `  ${m.failed.length > 0 ? 'caught  ' : 'MISSED  '} ${m.mutant.padEnd(38)} ${m.failed.join(', ')}`,
  );
  console.log(`mutants caught by a named check:\n${lines.join('\n')}`);
  expect(control.failed).toEqual([]);
  // Every documented code is answered but those no check provokes.
  const coverage = control.run.coverage();
  expect(Object.keys(coverage.codesNotSeen)).toEqual(Object.keys(UNPROVOKED_CODES));
  expect(coverage.codesSeen).toHaveLength(21);
  expect(caughtBy.filter((m) => m.failed.length === 0).map((m) => m.mutant)).toEqual([]);
  expect(PIPELINE_MUTANTS).toHaveLength(12);
  expect(caughtBy).toHaveLength(PIPELINE_MUTANTS.length + CLASS_MUTANTS.length);
}, 120_000);
