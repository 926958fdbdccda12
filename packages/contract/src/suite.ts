/** A whole run, start to end: resolve the target, run the checks, collect what a report needs. */
import { selectChecks } from './checks/index.js';
import { reportMetaOf } from './report.js';
import type { ReportMeta } from './report.js';
import { createRun } from './runner.js';
import type { CheckResult } from './runner.js';
import type { ContractTarget } from './target.js';
import { alibabaTarget, emulatorTarget, urlTarget } from './targets.js';
import type { EmulatorTargetOptions, UrlTargetOptions } from './targets.js';
import type { Credentials } from '@vodkit/signer';

/** Where to point the suite: `'emulator'`, `'alibaba'`, a base URL, or a target of your own. */
export type TargetOption = string | ContractTarget;

/** Options shared by {@link runContract} and `defineDeleteImageContract`. */
export interface ContractOptions {
  /** `'emulator'` (default: one started in this process), `'alibaba'`, a base URL, or a target. */
  readonly target?: TargetOption | undefined;
  /** Credentials for a URL target (the emulator's defaults otherwise). */
  readonly credentials?: Credentials | undefined;
  /** The checks to run, by ID; default all. */
  readonly checks?: readonly string[] | undefined;
  /** Allow checks that delete. Required for `'alibaba'`, with `deletableIds`. */
  readonly destructive?: boolean | undefined;
  /** For `'alibaba'`: the image IDs destructive checks may delete. */
  readonly deletableIds?: readonly string[] | undefined;
  /** The seed of generated cases. */
  readonly seed?: number | undefined;
  /** Also check vodkit's stricter rules (pass on the emulator's `strict` profile). */
  readonly strict?: boolean | undefined;
  /** For a URL target: fixtures and declared behaviour (seed, lookup, partialBatch, qps, keys…). */
  readonly url?: Omit<UrlTargetOptions, 'credentials'> | undefined;
  /** For the emulator target: its options (profile, partialBatch, qps, stages…). */
  readonly emulator?: EmulatorTargetOptions | undefined;
  /** Environment for `'alibaba'`; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** How long one request may take, to the answer's last byte; default 10 000 ms. */
  readonly answerTimeoutMs?: number | undefined;
  /** Run only this case (1-based) of each selected check: what a failure's rerun command names. */
  readonly caseNumber?: number | undefined;
  /**
   * Ends the run early: every request and wait stops, and {@link runContract} rejects with the
   * signal's reason (the CLI's `--run-timeout-ms` is `AbortSignal.timeout`).
   */
  readonly signal?: AbortSignal | undefined;
}

/** Whether {@link resolveTarget} makes the target (and the suite closes it), or it was given. */
export const startsTarget = (options: ContractOptions): boolean =>
  options.target === undefined || typeof options.target === 'string';

/** Makes the target an option names. */
export async function resolveTarget(options: ContractOptions): Promise<ContractTarget> {
  const target = options.target ?? 'emulator';
  if (typeof target !== 'string') return target;
  if (target === 'emulator') {
    return emulatorTarget({
      ...(options.strict === true ? { profile: 'strict' } : {}),
      ...options.emulator,
    });
  }
  if (target === 'alibaba') {
    return alibabaTarget(options.env ?? process.env, {
      destructive: options.destructive,
      deletableIds: options.deletableIds,
    });
  }
  if (options.credentials === undefined) {
    throw new TypeError(`target ${target}: credentials are required for a URL target`);
  }
  return urlTarget(target, {
    ...options.url,
    credentials: options.credentials,
    ...(options.destructive === undefined ? {} : { destructive: options.destructive }),
  });
}

/** The results of a run and what its reports say. */
export interface ContractOutcome {
  readonly results: readonly CheckResult[];
  readonly meta: ReportMeta;
}

/** Runs the suite against a target and closes what it started. */
export async function runContract(options: ContractOptions = {}): Promise<ContractOutcome> {
  const checks = selectChecks(options.checks);
  options.signal?.throwIfAborted();
  const target = await resolveTarget(options);
  try {
    const run = createRun({
      target,
      strict: options.strict,
      seed: options.seed,
      answerTimeoutMs: options.answerTimeoutMs,
      caseNumber: options.caseNumber,
      signal: options.signal,
    });
    const results: CheckResult[] = [];
    for (const check of checks) {
      options.signal?.throwIfAborted();
      results.push(await run.run(check));
    }
    // A check cut short by the signal failed for the run's sake, not the target's: say so.
    options.signal?.throwIfAborted();
    return { results, meta: reportMetaOf(target, run) };
  } finally {
    if (startsTarget(options)) await target.close();
  }
}
