/**
 * The command that reruns one failure: the same target and fixtures, only the failed check, only
 * its failed case, the same seed, and signing afresh (a new nonce and timestamp, which the
 * redacted `curl` beside it cannot give). Secrets stay out of it: the variables that hold them
 * are named instead.
 */
import type { CheckResult } from './runner.js';

/** A word a POSIX shell reads back unchanged. */
export const shellQuote = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

/** What a rerun needs of the run that failed. */
export interface RerunBase {
  /** The flags naming the target, its fixtures and the run's options (no secret among them). */
  readonly targetArgs: readonly string[];
  /** The variables the run read secrets from. */
  readonly secretEnv: readonly string[];
  readonly seed: number;
}

/**
 * `vodkit-contract <target flags> --checks <id> [--case <n>] --seed <s>`, and the variables it
 * needs set, as one line a person pastes.
 *
 * @example
 * ```ts
 * rerunCommand({ targetArgs: ['--target', 'http://127.0.0.1:4000'], secretEnv: [], seed: 7 }, result)
 * ```
 */
export function rerunCommand(base: RerunBase, result: CheckResult): string {
  const words = [
    'vodkit-contract',
    ...base.targetArgs,
    '--checks',
    result.id,
    ...(result.caseNumber === undefined ? [] : ['--case', String(result.caseNumber)]),
    // A negative value after a space reads as a flag to the parser: `--seed=-5` is one word.
    ...(base.seed < 0 ? [`--seed=${base.seed}`] : ['--seed', String(base.seed)]),
  ];
  const command = words.map(shellQuote).join(' ');
  const env = [...new Set(base.secretEnv)];
  return env.length === 0 ? command : `${command}   # with ${env.join(', ')} set as for this run`;
}
