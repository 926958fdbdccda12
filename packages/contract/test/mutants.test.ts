/**
 * A fast smoke test of the suite against twelve hand-made broken emulators (one stage removed or
 * replaced): at least one named check must fail against each, and the test prints which caught
 * each. Twelve mutants built by the suite's authors measure their imagination, not the suite:
 * its strength is the StrykerJS mutation score, tools/mutation/report.md (`pnpm test:mutation`).
 */
import { expect, it } from 'vitest';
import { CHECKS, createRun, emulatorTarget } from '../src/index.ts';
import { MUTANTS } from './mutants.ts';

it('each of the twelve hand-made pipeline mutants is caught by at least one named check', async () => {
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
    `hand-made pipeline mutants caught: ${killed.length}/${caughtBy.length} (the suite's strength is the Stryker score in tools/mutation/report.md)\n${lines.join('\n')}`,
  );
  expect(caughtBy.filter((m) => m.failed.length === 0).map((m) => m.mutant)).toEqual([]);
  expect(caughtBy).toHaveLength(12);
}, 120_000);
