/**
 * The part of Stryker's report (the mutation-testing-report-schema JSON that Stryker also writes
 * as its incremental file) the report here reads.
 */

/** A mutant's state after a run, as Stryker names it. */
export type MutantStatus =
  | 'Killed'
  | 'Survived'
  | 'NoCoverage'
  | 'Timeout'
  | 'CompileError'
  | 'RuntimeError'
  | 'Ignored'
  | 'Pending';

/** A position in a file: both 1-based, as the schema has them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One mutant. */
export interface StrykerMutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: Position; readonly end: Position };
  readonly status: MutantStatus;
  readonly statusReason?: string;
  readonly coveredBy?: readonly string[];
  readonly killedBy?: readonly string[];
}

/** One mutated file. */
export interface StrykerFile {
  readonly source: string;
  readonly mutants: readonly StrykerMutant[];
}

/** A Stryker report. */
export interface StrykerReport {
  readonly files: Readonly<Record<string, StrykerFile>>;
}

/** The text between two positions of `source`. */
export function textAt(source: string, start: Position, end: Position): string {
  const lines = source.split('\n');
  const offset = (p: Position): number => {
    let at = 0;
    for (let i = 0; i < p.line - 1; i++) at += (lines[i]?.length ?? 0) + 1;
    return at + p.column - 1;
  };
  return source.slice(offset(start), offset(end));
}
