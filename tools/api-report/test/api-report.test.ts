/**
 * The API report check: every entry point of every published package has a committed report and
 * no report is left over; the reports match the built declarations; and, on a fixture package,
 * a changed export fails `check`, `update` writes it, and an unresolved `{@link}` or a tsdoc
 * syntax error is a problem in both modes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reportedEntries } from '../src/entries.ts';
import type { ReportedEntry } from '../src/entries.ts';
import { extractReports } from '../src/extract.ts';
import { PENDING, pendingFor } from '../src/pending.ts';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';

const entries = reportedEntries();

describe('the workspace reports', () => {
  it('cover every module entry point of every published package', () => {
    expect(entries.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining([
        '@vodkit/types',
        '@vodkit/signer',
        '@vodkit/signer/node',
        '@vodkit/signer/v2',
        '@vodkit/signer/verify',
        '@vodkit/signer/redact',
        '@vodkit/signer/encode',
        '@vodkit/client',
        '@vodkit/client/node',
        '@vodkit/emulator',
        '@vodkit/contract',
        '@vodkit/contract/vitest',
      ]),
    );
    for (const entry of entries) {
      expect(
        existsSync(join(entry.reportFolder, `${entry.reportName}.api.md`)),
        entry.specifier,
      ).toBe(true);
    }
  });

  it('leave no report behind for an entry point that is gone', () => {
    const expected = new Set(entries.map((e) => join(e.reportFolder, `${e.reportName}.api.md`)));
    const found = publishablePackages().flatMap(({ dir }) =>
      existsSync(join(dir, 'api'))
        ? readdirSync(join(dir, 'api')).map((name) => join(dir, 'api', name))
        : [],
    );
    expect(found.filter((file) => !expected.has(file))).toEqual([]);
  });

  it('match the built declarations, with no problem but the pending ones', () => {
    const started = performance.now();
    const outcomes = extractReports('check', entries);
    console.log(
      `api:check of ${outcomes.length} entry points: ${Math.round(performance.now() - started)} ms`,
    );
    expect(outcomes.filter((o) => o.changed).map((o) => o.entry.specifier)).toEqual([]);
    const problems = outcomes.flatMap((o) => o.problems);
    expect(problems.filter((problem) => pendingFor(problem) === undefined)).toEqual([]);
    for (const pending of PENDING) {
      expect(
        problems.some((problem) => pendingFor(problem) === pending),
        pending.file,
      ).toBe(true);
    }
  });
});

describe('on a fixture package', () => {
  // Inside this package, so `types: ["node"]` resolves as it does for the real entries.
  const root = fileURLToPath(new URL(`./.fixture-${process.pid}/`, import.meta.url));
  const entry: ReportedEntry = {
    specifier: 'fixture',
    packageDir: root,
    declarations: join(root, 'index.d.ts'),
    reportFolder: join(root, 'api'),
    reportName: 'fixture',
  };
  const report = join(root, 'api', 'fixture.api.md');

  const write = async (declarations: string): Promise<void> => {
    await mkdir(root, { recursive: true });
    await writeFile(
      join(root, 'package.json'),
      JSON.stringify({ name: 'fixture', version: '1.0.0', types: 'index.d.ts' }),
    );
    await writeFile(entry.declarations, declarations);
  };

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('update writes the report; check passes until an export changes, then fails with the diff', async () => {
    await write('/** Adds one. */\nexport declare function inc(n: number): number;\n');
    const [written] = extractReports('update', [entry]);
    expect(written?.problems).toEqual([]);
    expect(await readFile(report, 'utf8')).toContain('export function inc(n: number): number;');
    expect(extractReports('check', [entry])[0]?.changed).toBe(false);

    await write('/** Adds one. */\nexport declare function inc(n: number, by?: number): number;\n');
    const [checked] = extractReports('check', [entry]);
    expect(checked?.changed).toBe(true);
    expect(checked?.diff).toContain('by?: number');
    // check never writes: the committed report still says the old signature.
    expect(await readFile(report, 'utf8')).not.toContain('by?: number');
  });

  it('an unresolved {@link} and a tsdoc syntax error are problems in both modes', async () => {
    await write(
      [
        '/** Adds one; see {@link Missing}. */',
        'export declare function inc(n: number): number;',
        '/**',
        ' * Broken.',
        ' * @example inc({ n: 1 })',
        ' */',
        'export declare const two: 2;',
        '',
      ].join('\n'),
    );
    for (const mode of ['check', 'update'] as const) {
      const ids = extractReports(mode, [entry])[0]?.problems.map((problem) => problem.id) ?? [];
      expect(ids, mode).toContain('ae-unresolved-link');
      expect(ids, mode).toContain('tsdoc-malformed-inline-tag');
    }
  });
});
