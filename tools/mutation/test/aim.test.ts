/**
 * The aim: a mutation score of at least 90% over the mutated files, a mutant justified in
 * equivalents.json counting as neither detected nor undetected (taken out of the denominator):
 * (killed + timeout) / (killed + timeout + survived + noCoverage − justified) ≥ 90%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AIM, aimScoreOf } from '../src/report.ts';
import type { MutationReport } from '../src/report.ts';
import { ROOT } from '../src/scope.ts';

const report = JSON.parse(
  readFileSync(join(ROOT, 'tools/mutation/report.json'), 'utf8'),
) as MutationReport;

it(`the contract suite kills at least ${AIM}% of the mutants that are not justified equivalents`, () => {
  const justified = report.undetected.filter((u) => u.equivalent !== undefined).length;
  const score = aimScoreOf(report.counts, justified);
  const open = report.undetected.length - justified;
  expect(
    score,
    `aim score ${String(score)}% < ${AIM}%: ${open} mutants not yet killed (tools/mutation/report.md)`,
  ).toBeGreaterThanOrEqual(AIM);
});

it('every justification in equivalents.json matches a surviving mutant', () => {
  expect(report.unusedEquivalents, 'remove these from tools/mutation/equivalents.json').toEqual([]);
});
