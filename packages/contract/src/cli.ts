#!/usr/bin/env node
/**
 * `vodkit-contract`: runs the DeleteImage contract from the command line. Exits 0 when every
 * check that applies passed, 1 when one failed, 2 when the run could not be made (a usage
 * error, an unreachable target, a report file that cannot be written, the run's deadline), with
 * one line saying which.
 */
import { CHECKS } from './checks/index.js';
import { cliNeedsMessage } from './cli-needs.js';
import { parseCli, USAGE, UsageError } from './cli-options.js';
import type { CliPlan } from './cli-options.js';
import type { Credentials } from '@vodkit/signer';
import { printable, printableLine } from './printable.js';
import { probe } from './reach.js';
import { checkReportFiles, reportIdentity, writeReports } from './report.js';
import { rerunCommand } from './rerun.js';
import { redactResult, redactorOf, secretsOfCredentials } from './secrets.js';
import type { CheckResult } from './runner.js';
import { runContract } from './suite.js';
import type { ContractOutcome, TargetOption } from './suite.js';
import { ALIBABA_ENV, alibabaTarget, emulatorUrlTarget, urlTarget } from './targets.js';
import { DEFAULT_ANSWER_TIMEOUT_MS } from './wire.js';

/** The run's own deadline passed (`--run-timeout-ms`). */
class RunDeadlineError extends Error {
  override readonly name = 'RunDeadlineError';
}

/** The target the plan names, its fixtures given (the in-process emulator is made by the run). */
async function targetOf(plan: CliPlan, signal: AbortSignal): Promise<TargetOption> {
  if (plan.target === 'emulator') return 'emulator';
  const timeoutMs = plan.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  if (plan.target === 'alibaba') {
    const base = alibabaTarget(
      { ...process.env, [ALIBABA_ENV.accessKeyId]: plan.credentials?.accessKeyId },
      {
        destructive: plan.fixtures.deletableIds !== undefined,
        deletableIds: plan.fixtures.deletableIds,
      },
    );
    await probe(base.url, timeoutMs, signal);
    return urlTarget(base.url, {
      ...plan.fixtures,
      credentials: plan.credentials ?? base.credentials,
      label: base.label,
      destructive: base.destructive,
    });
  }
  await probe(plan.target, timeoutMs, signal);
  if (plan.emulatorAdmin) {
    const admin = await emulatorUrlTarget(plan.target, {
      adminToken: plan.adminToken,
      profile: plan.strict ? 'strict' : undefined,
      partialBatch: plan.fixtures.partialBatch,
      qps: plan.fixtures.qps,
      timeoutMs,
      signal,
    });
    // Fixtures given as flags stand in for the admin API's own.
    return urlTarget(admin.url, { ...admin, ...plan.fixtures, destructive: true });
  }
  if (plan.credentials === undefined) throw new UsageError('credentials are required');
  return urlTarget(plan.target, { ...plan.fixtures, credentials: plan.credentials });
}

const write = (text: string): void => {
  process.stdout.write(text);
};

/** The console report: one line per check, then each failure with its reproducer and rerun. */
function printOutcome({ results, meta }: ContractOutcome): void {
  write(
    `DeleteImage contract against ${printableLine(meta.target)} (seed ${meta.seed}${meta.strict ? ', strict' : ''})\n`,
  );
  for (const r of results) {
    const mark = r.status === 'passed' ? 'pass' : r.status === 'failed' ? 'FAIL' : 'n/a ';
    const why = r.status === 'not-applicable' ? `  (${printableLine(r.message ?? '')})` : '';
    write(`  ${mark}  ${r.id.padEnd(22)} ${String(r.durationMs).padStart(5)} ms${why}\n`);
  }
  for (const r of results.filter((x) => x.status === 'failed')) {
    const caseLine =
      r.caseNumber === undefined
        ? ''
        : `case ${r.caseNumber}: ${printableLine(r.caseLabel ?? '')}\n`;
    write(`\n${r.id}: ${printable(r.message ?? '')}\n${caseLine}`);
    if (r.reproducer !== undefined) write(`${printable(r.reproducer)}\n`);
    if (r.rerun !== undefined) write(`  rerun:   ${printableLine(r.rerun)}\n`);
  }
  write(`\ncoverage: ${meta.coverage.line}\n`);
}

/**
 * Every secret the plan knows: the admin token, the target's and every fixture's secret and
 * token, and whatever the variables it read secrets from hold.
 */
function secretsOfPlan(plan: CliPlan, env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v !== 'object' || v === null || depth > 4) return;
    if ('accessKeySecret' in v) found.push(...secretsOfCredentials(v as Credentials));
    for (const inner of Object.values(v)) walk(inner, depth + 1);
  };
  walk(plan.credentials, 0);
  walk(plan.fixtures, 0);
  if (plan.adminToken !== undefined) found.push(plan.adminToken);
  for (const name of plan.secretEnv) {
    const value = env[name];
    if (value !== undefined) found.push(value);
  }
  return found;
}

/** Runs the plan; every way it cannot be made is an error whose message is one line. */
async function runPlan(plan: CliPlan, redact: (text: string) => string): Promise<number> {
  checkReportFiles(plan);
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(
      new RunDeadlineError(`the run did not finish within --run-timeout-ms ${plan.runTimeoutMs}`),
    );
  }, plan.runTimeoutMs);
  const { signal } = deadline;
  let outcome: ContractOutcome;
  try {
    outcome = await runContract({
      target: await targetOf(plan, signal),
      checks: plan.checks,
      strict: plan.strict,
      seed: plan.seed,
      answerTimeoutMs: plan.answerTimeoutMs,
      caseNumber: plan.caseNumber,
      signal,
    });
  } finally {
    clearTimeout(timer);
  }
  const base = { targetArgs: plan.targetArgs, secretEnv: plan.secretEnv, seed: outcome.meta.seed };
  // The one point where what a target wrote enters the output: every secret the run knows leaves it.
  const results: CheckResult[] = outcome.results.map((r) =>
    redactResult(
      r.status === 'failed'
        ? { ...r, rerun: rerunCommand(base, r) }
        : r.status === 'not-applicable' && r.message !== undefined
          ? {
              ...r,
              message: cliNeedsMessage(
                r.message,
                CHECKS.find((c) => c.id === r.id),
              ),
            }
          : r,
      redact,
    ),
  );
  const meta = { ...outcome.meta, target: redact(outcome.meta.target) };
  const withRerun = { results, meta };
  printOutcome(withRerun);
  writeReports(results, meta, plan);
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
  let plan: CliPlan;
  try {
    plan = parseCli(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // One line (its flag values escaped: a pasted ESC must not rewrite the terminal), and where
    // the rules are; the whole --help after it would bury the line.
    process.stderr.write(
      `vodkit-contract: ${printableLine(error.message)}\nrun vodkit-contract --help for the usage\n`,
    );
    return 2;
  }
  if (plan.mode === 'help') {
    write(`${USAGE}\n`);
    return 0;
  }
  if (plan.mode === 'version') {
    write(`vodkit-contract ${reportIdentity().vodkitVersion}\n`);
    return 0;
  }
  if (plan.mode === 'list') {
    for (const c of CHECKS) write(`${c.id.padEnd(22)} ${c.proves}\n`);
    return 0;
  }
  const redact = redactorOf(secretsOfPlan(plan, process.env));
  try {
    return await runPlan(plan, redact);
  } catch (error) {
    // Whatever stopped the run, one line: a stack trace is for a bug of the suite, not a usage.
    const message = redact(error instanceof Error ? error.message : String(error));
    process.stderr.write(`vodkit-contract: ${printableLine(message.split('\n')[0] ?? message)}\n`);
    return 2;
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const code = await main(process.argv.slice(2));
// The run's deadline may leave a request of a hostile target open: do not wait for it.
if (code === 2) process.exit(code);
process.exitCode = code;
