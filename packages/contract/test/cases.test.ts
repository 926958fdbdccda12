/** Cases: numbered in the order a check reaches them, named in a failure, rerun one at a time. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ContractFailure, createRun, emulatorTarget } from '../src/index.ts';
import type { Check, ContractTarget } from '../src/index.ts';

let target: ContractTarget;
beforeAll(async () => {
  target = await emulatorTarget();
});
afterAll(() => target.close());

/** A check of three cases that records which bodies ran; the second fails. */
function threeCases(ran: number[]): Check {
  return {
    id: 'three-cases',
    proves: 'nothing: a fixture of this test',
    source: 'test',
    needs: [],
    async run(ctx) {
      for (const n of [1, 2, 3]) {
        await ctx.case(`case body ${n}`, () => {
          ran.push(n);
          if (n === 2) throw new ContractFailure('the second case breaks');
          return Promise.resolve();
        });
      }
    },
  };
}

it('names the failing case and its label', async () => {
  const ran: number[] = [];
  const result = await createRun({ target, seed: 7 }).run(threeCases(ran));
  expect(result).toMatchObject({ status: 'failed', caseNumber: 2, caseLabel: 'case body 2' });
  expect(ran).toEqual([1, 2]);
});

it('runs only the case a run is given', async () => {
  const ran: number[] = [];
  const result = await createRun({ target, seed: 7, caseNumber: 3 }).run(threeCases(ran));
  expect(result.status).toBe('passed');
  expect(ran).toEqual([3]);
});

it('fails a case number the check does not reach, and refuses one that is not a number', async () => {
  const ran: number[] = [];
  const result = await createRun({ target, caseNumber: 9 }).run(threeCases(ran));
  expect(result).toMatchObject({ status: 'failed' });
  expect(result.message).toMatch(/case 9 does not exist: this check has 3 cases/);
  expect(ran).toEqual([]);
  expect(() => createRun({ target, caseNumber: 0 })).toThrow(
    /caseNumber: must be a whole number above 0/,
  );
});
