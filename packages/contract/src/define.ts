/**
 * `defineDeleteImageContract`: the suite as vitest tests, one per check, in a `describe` of
 * its own. The target starts in `beforeAll` and closes in `afterAll`; reports are written there
 * too when asked for.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { selectChecks } from './checks/index.js';
import { missingNeeds, needsMessage, createRun } from './runner.js';
import type { CheckResult, ContractRun } from './runner.js';
import { reportMetaOf, writeReports } from './report.js';
import { resolveTarget, startsTarget } from './suite.js';
import type { ContractOptions } from './suite.js';
import type { ContractTarget } from './target.js';

/** Options of {@link defineDeleteImageContract}. */
export interface DefineContractOptions extends ContractOptions {
  /** Write a JUnit XML report here after the suite. */
  readonly junit?: string | undefined;
  /** Write a JSON report here after the suite. */
  readonly json?: string | undefined;
}

/**
 * Registers the DeleteImage contract as vitest tests. Call it at the top level of a test file.
 *
 * @example
 * defineDeleteImageContract({ target: 'http://127.0.0.1:4000', credentials, url: { lookup } });
 */
export function defineDeleteImageContract(options: DefineContractOptions = {}): void {
  const checks = selectChecks(options.checks);
  let target: ContractTarget | undefined;
  let run: ContractRun | undefined;
  const results: CheckResult[] = [];
  describe('DeleteImage contract', () => {
    beforeAll(async () => {
      target = await resolveTarget(options);
      run = createRun({
        target,
        strict: options.strict,
        seed: options.seed,
        answerTimeoutMs: options.answerTimeoutMs,
        caseNumber: options.caseNumber,
      });
    });
    afterAll(async () => {
      if (run !== undefined) console.log(`DeleteImage contract coverage: ${run.coverage().line}`);
      if (target !== undefined && run !== undefined) {
        writeReports(results, reportMetaOf(target, run), options);
      }
      if (target !== undefined && startsTarget(options)) await target.close();
    });
    for (const check of checks) {
      it(`${check.id}: ${check.proves}`, async (test) => {
        if (target === undefined || run === undefined) throw new Error('the target did not start');
        const lacking = missingNeeds(check, target);
        if (lacking.length > 0) {
          results.push({
            id: check.id,
            status: 'not-applicable',
            durationMs: 0,
            message: needsMessage(lacking),
          });
          test.skip(`${check.id} ${needsMessage(lacking)}`);
          return;
        }
        const result = await run.run(check);
        results.push(result);
        if (result.status === 'failed') {
          throw new Error([result.message, result.reproducer].filter(Boolean).join('\n'));
        }
      }, 60_000);
    }
  });
}
