/**
 * Justified survivors (equivalents.json): mutants that no faithful check could kill, each with the
 * reason. An entry is keyed by what the mutant is, not where: the file, the mutator, the original
 * code and its replacement (whitespace collapsed), so it survives edits that move lines. Two
 * mutants with the same key share the justification; write the snippet long enough to be one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './scope.ts';

/** One justified survivor. */
export interface Equivalent {
  /** The mutated file, repository-relative. */
  readonly file: string;
  /** Stryker's mutator name (`StringLiteral`, `ConditionalExpression`…). */
  readonly mutator: string;
  /** The original code the mutant replaced. */
  readonly original: string;
  /** What Stryker put there. */
  readonly replacement: string;
  /**
   * Text that must appear within two lines of the mutant, for a snippet that occurs more than
   * once in the file with different verdicts (`'IncompleteSignature'` in one unreachable branch).
   */
  readonly near?: string;
  /** Why no check can tell the mutant from the original. */
  readonly reason: string;
}

/** Collapses runs of whitespace, so reformatting keeps a key. */
export const normalize = (code: string): string => code.replace(/\s+/g, ' ').trim();

/** The key a mutant and an entry share. */
export function keyOf(
  m: Pick<Equivalent, 'file' | 'mutator' | 'original' | 'replacement'>,
): string {
  return [m.file, m.mutator, normalize(m.original), normalize(m.replacement)].join(' | ');
}

/** The lines around a mutant (two either side), where an entry's `near` must appear. */
export function surroundings(source: string, line: number): string {
  return normalize(
    source
      .split('\n')
      .slice(Math.max(0, line - 3), line + 2)
      .join('\n'),
  );
}

/** Whether `entry` justifies a mutant with this key and these surroundings. */
export const justifies = (entry: Equivalent, key: string, around: string): boolean =>
  keyOf(entry) === key && (entry.near === undefined || around.includes(normalize(entry.near)));

/** How an entry is named in the report's list of unused ones. */
export const entryName = (entry: Equivalent): string =>
  entry.near === undefined ? keyOf(entry) : `${keyOf(entry)} | near ${normalize(entry.near)}`;

/** Reads equivalents.json. */
export function readEquivalents(root: string = ROOT): Equivalent[] {
  const file = join(root, 'tools/mutation/equivalents.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { equivalents: Equivalent[] };
  return parsed.equivalents;
}
