/**
 * The suite proves its own strength: against each broken emulator (one stage removed or
 * replaced) at least one named check must fail. Prints the kill score and which checks caught
 * each mutant; the score must be 100%.
 */
import { expect, it } from 'vitest';
import { CHECKS, createRun, emulatorTarget } from '../src/index.ts';
import { MUTANTS } from './mutants.ts';

it('every mutant of the emulator is caught by at least one named check', async () => {
  const caughtBy = await Promise.all(
    MUTANTS.map(async (mutant) => {
      const target = await emulatorTarget({ stages: mutant.stages });
      try {
        const run = createRun({ target, seed: 20261201 });
        const failed: string[] = [];
        for (const check of CHECKS) {
          const result = await run.run(check);
          if (result.status === 'failed') failed.push(check.id);
          expect(result.status, `${mutant.name}: ${check.id} could not run`).not.toBe(
            'not-applicable',
          );
        }
        return { mutant: mutant.name, failed };
      } finally {
        await target.close();
      }
    }),
  );
  const killed = caughtBy.filter((m) => m.failed.length > 0);
  const lines = caughtBy.map(
    (m) =>
      `  ${m.failed.length > 0 ? 'killed ' : 'SURVIVED'} ${m.mutant.padEnd(26)} ${m.failed.join(', ')}`,
  );
  console.log(
    `kill score: ${killed.length}/${caughtBy.length} (${Math.round((killed.length / caughtBy.length) * 100)}%)\n${lines.join('\n')}`,
  );
  expect(caughtBy.filter((m) => m.failed.length === 0).map((m) => m.mutant)).toEqual([]);
  expect(caughtBy).toHaveLength(12);
}, 120_000);
