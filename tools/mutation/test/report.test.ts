/** How the report counts, scores and justifies, on a small Stryker report made here. */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../src/equivalents.ts';
import { renderMarkdown } from '../src/markdown.ts';
import { buildReport } from '../src/report.ts';
import type { ReportInput } from '../src/report.ts';
import type { MutantStatus, StrykerMutant } from '../src/stryker-report.ts';
import { textAt } from '../src/stryker-report.ts';

const SOURCE = "const a = 1;\nif (a > 0) log('hello');\nreturn a + 1;\n";

const mutant = (
  id: string,
  status: MutantStatus,
  mutatorName: string,
  line: number,
  columns: [number, number],
  replacement: string,
): StrykerMutant => ({
  id,
  status,
  mutatorName,
  replacement,
  location: { start: { line, column: columns[0] }, end: { line, column: columns[1] } },
});

const input = (equivalents: ReportInput['equivalents']): ReportInput => ({
  stryker: {
    files: {
      'b.ts': {
        source: SOURCE,
        mutants: [
          mutant('1', 'Killed', 'EqualityOperator', 2, [5, 10], 'a >= 0'),
          mutant('2', 'Timeout', 'ConditionalExpression', 2, [5, 10], 'true'),
          mutant('3', 'Survived', 'StringLiteral', 2, [16, 23], '""'),
          mutant('4', 'NoCoverage', 'ArithmeticOperator', 3, [8, 13], 'a - 1'),
          mutant('5', 'Ignored', 'BlockStatement', 1, [1, 13], '{}'),
          mutant('6', 'RuntimeError', 'BlockStatement', 1, [1, 13], '{}'),
        ],
      },
      'a.ts': {
        source: SOURCE,
        mutants: [mutant('7', 'Killed', 'BooleanLiteral', 1, [11, 12], '0')],
      },
    },
  },
  strykerVersion: '9.6.1',
  equivalents,
  files: [{ path: 'b.ts', sha256: 'x' }],
  sourcesSha256: 'y',
  testsSha256: 'z',
  run: { mode: 'full', seconds: 60, lastFull: { seconds: 60, cores: 2 } },
});

describe('the mutation report', () => {
  it("reads the original code at a mutant's location (1-based lines and columns)", () => {
    expect(textAt(SOURCE, { line: 2, column: 5 }, { line: 2, column: 10 })).toBe('a > 0');
    expect(textAt(SOURCE, { line: 3, column: 8 }, { line: 3, column: 13 })).toBe('a + 1');
  });

  it('scores as Stryker does: killed + timeout over killed, timeout, survived and no coverage', () => {
    const r = buildReport(input([]));
    expect(r.counts).toEqual({
      killed: 2,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
      ignored: 1,
      errors: 1,
      total: 7,
    });
    expect(r.mutationScore).toBe(60);
    expect(r.aimScore).toBe(60);
    expect(r.perFile.map((f) => [f.file, f.score])).toEqual([
      ['a.ts', 100],
      ['b.ts', 50],
    ]);
    expect(r.undetected.map((u) => [u.line, u.status, u.original, u.equivalent])).toEqual([
      [2, 'Survived', "'hello'", undefined],
      [3, 'NoCoverage', 'a + 1', undefined],
    ]);
  });

  it('takes a justified equivalent out of the aim score, matched by snippet whatever its line', () => {
    const justified = {
      file: 'b.ts',
      mutator: 'StringLiteral',
      original: "  'hello' ",
      replacement: '""',
      reason: 'log text',
    };
    const stale = { ...justified, original: "'bye'" };
    const r = buildReport(input([justified, stale]));
    expect(r.justified).toBe(1);
    expect(r.mutationScore).toBe(60);
    expect(r.aimScore).toBe(75);
    expect(r.undetected[0]?.equivalent).toBe('log text');
    expect(r.unusedEquivalents).toEqual([keyOf(stale)]);
    const md = renderMarkdown(r);
    expect(md).toContain('equivalent: log text');
    expect(md).toContain('**not yet killed**');
    expect(md).toContain('| b.ts | 50.00% | 1 | 1 | 1 | 1 | 1 |');
  });

  it('tells apart the same snippet in two places by the text `near` it', () => {
    const twice = "if (a) fail('X');\n// one\n\n\n\nif (b) fail('X'); // unreachable\n";
    const at = (line: number): StrykerMutant =>
      mutant(String(line), 'Survived', 'StringLiteral', line, [13, 16], '""');
    const base = input([
      {
        file: 'c.ts',
        mutator: 'StringLiteral',
        original: "'X'",
        replacement: '""',
        near: 'unreachable',
        reason: 'dead branch',
      },
    ]);
    const r = buildReport({
      ...base,
      stryker: { files: { 'c.ts': { source: twice, mutants: [at(1), at(6)] } } },
    });
    expect(r.undetected.map((u) => [u.line, u.equivalent])).toEqual([
      [1, undefined],
      [6, 'dead branch'],
    ]);
    expect(r.unusedEquivalents).toEqual([]);
  });
});
