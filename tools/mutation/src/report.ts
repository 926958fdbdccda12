/**
 * The committed report (report.json, rendered as report.md) built from Stryker's: counts, the
 * score as Stryker computes it, the aim score with justified equivalents left out, per-file
 * scores, and every mutant no check detected, each justified (equivalents.json) or "not yet
 * killed".
 */
import type { Equivalent } from './equivalents.ts';
import { entryName, justifies, keyOf, surroundings } from './equivalents.ts';
import type { FileHash } from './scope.ts';
import type { MutantStatus, StrykerReport } from './stryker-report.ts';
import { textAt } from './stryker-report.ts';

/** Mutant counts by outcome. */
export interface Counts {
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  /** Left alone by scope.json's rules (not counted). */
  readonly ignored: number;
  /** Mutants that crashed the run or did not compile (not counted, as in Stryker). */
  readonly errors: number;
  /** Every mutant, ignored and errors included. */
  readonly total: number;
}

/** A mutant no check detected (Survived or NoCoverage). */
export interface Undetected {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly mutator: string;
  readonly status: 'Survived' | 'NoCoverage';
  /** The code the mutant replaced. */
  readonly original: string;
  readonly replacement: string;
  /** The reason from equivalents.json, when justified. */
  readonly equivalent?: string;
}

/** One file's figures. */
export interface FileScore extends Counts {
  readonly file: string;
  /** Stryker's score for the file, in percent (null when it has no counted mutant). */
  readonly score: number | null;
}

/** When and how the figures were measured. */
export interface RunInfo {
  /** `full` (every mutant run) or `incremental` (only changed ones; the rest reused). */
  readonly mode: 'full' | 'incremental' | 'report-only';
  /** Wall-clock seconds of the Stryker run that produced the figures (0 for report-only). */
  readonly seconds: number;
  /** The last full run's seconds and machine, kept across incremental runs. */
  readonly lastFull?: { readonly seconds: number; readonly cores: number } | undefined;
}

/** report.json. */
export interface MutationReport {
  readonly $comment: string;
  readonly strykerVersion: string;
  /** sha256 over {@link files}: the mutated files and the run's configuration. */
  readonly sourcesSha256: string;
  readonly files: readonly FileHash[];
  /** sha256 over the contract's sources when measured (a change reruns every mutant). */
  readonly testsSha256: string;
  readonly run: RunInfo;
  readonly counts: Counts;
  /** (killed + timeout) / (killed + timeout + survived + noCoverage), percent: Stryker's score. */
  readonly mutationScore: number;
  /** Undetected mutants justified in equivalents.json. */
  readonly justified: number;
  /** (killed + timeout) / (that denominator − justified), percent: what the aim (≥ 90) is held to. */
  readonly aimScore: number;
  readonly aim: number;
  readonly perFile: readonly FileScore[];
  readonly undetected: readonly Undetected[];
  /** Entries of equivalents.json that match no undetected mutant (stale justifications). */
  readonly unusedEquivalents: readonly string[];
}

/** The aim, in percent. */
export const AIM = 90;

const COUNTED: Readonly<Record<MutantStatus, keyof Counts>> = {
  Killed: 'killed',
  Timeout: 'timeout',
  Survived: 'survived',
  NoCoverage: 'noCoverage',
  Ignored: 'ignored',
  CompileError: 'errors',
  RuntimeError: 'errors',
  Pending: 'errors',
};

const emptyCounts = (): Record<keyof Counts, number> => ({
  killed: 0,
  timeout: 0,
  survived: 0,
  noCoverage: 0,
  ignored: 0,
  errors: 0,
  total: 0,
});

/** Percent with two decimals; `null` for no counted mutant. */
function percent(detected: number, valid: number): number | null {
  return valid === 0 ? null : Math.round((detected / valid) * 10_000) / 100;
}

/** Stryker's mutation score of `c`, percent. */
export const scoreOf = (c: Counts): number | null =>
  percent(c.killed + c.timeout, c.killed + c.timeout + c.survived + c.noCoverage);

/** The aim score: justified equivalents are taken out of the denominator. */
export const aimScoreOf = (c: Counts, justified: number): number | null =>
  percent(c.killed + c.timeout, c.killed + c.timeout + c.survived + c.noCoverage - justified);

/** What {@link buildReport} needs besides Stryker's report. */
export interface ReportInput {
  readonly stryker: StrykerReport;
  readonly strykerVersion: string;
  readonly equivalents: readonly Equivalent[];
  readonly files: readonly FileHash[];
  readonly sourcesSha256: string;
  readonly testsSha256: string;
  readonly run: RunInfo;
}

/** Builds report.json's content. */
export function buildReport(input: ReportInput): MutationReport {
  const used = new Set<Equivalent>();
  const total = emptyCounts();
  const perFile: FileScore[] = [];
  const undetected: Undetected[] = [];
  for (const file of Object.keys(input.stryker.files).sort()) {
    const { source, mutants } = input.stryker.files[file] ?? { source: '', mutants: [] };
    const counts = emptyCounts();
    for (const m of mutants) {
      counts[COUNTED[m.status]]++;
      counts.total++;
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const original = textAt(source, m.location.start, m.location.end);
      const entry = {
        file,
        mutator: m.mutatorName,
        original,
        replacement: m.replacement ?? '',
      };
      const key = keyOf(entry);
      const around = surroundings(source, m.location.start.line);
      const match = input.equivalents.find((e) => justifies(e, key, around));
      const reason = match?.reason;
      if (match !== undefined) used.add(match);
      undetected.push({
        file,
        line: m.location.start.line,
        column: m.location.start.column,
        mutator: m.mutatorName,
        status: m.status,
        original,
        replacement: entry.replacement,
        ...(reason === undefined ? {} : { equivalent: reason }),
      });
    }
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += counts[k];
    perFile.push({ file, ...counts, score: scoreOf(counts) });
  }
  undetected.sort((a, b) =>
    a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1,
  );
  const justified = undetected.filter((u) => u.equivalent !== undefined).length;
  return {
    $comment: 'Generated by `pnpm test:mutation` (tools/mutation/src/main.ts); do not edit.',
    strykerVersion: input.strykerVersion,
    sourcesSha256: input.sourcesSha256,
    files: input.files,
    testsSha256: input.testsSha256,
    run: input.run,
    counts: total,
    mutationScore: scoreOf(total) ?? 0,
    justified,
    aimScore: aimScoreOf(total, justified) ?? 0,
    aim: AIM,
    perFile,
    undetected,
    unusedEquivalents: input.equivalents.filter((e) => !used.has(e)).map(entryName),
  };
}
