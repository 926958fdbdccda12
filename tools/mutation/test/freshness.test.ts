/**
 * The committed report still describes the code: the sha256 of every mutated file and of the
 * run's configuration equals what report.json recorded. Fast: no Stryker run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MutationReport } from '../src/report.ts';
import { combinedHash, readScope, ROOT, sourceHashes } from '../src/scope.ts';

const report = JSON.parse(
  readFileSync(join(ROOT, 'tools/mutation/report.json'), 'utf8'),
) as MutationReport;
const scope = readScope();

describe('the committed mutation report', () => {
  it('is current: no mutated file and no part of the run changed since it was measured', () => {
    const now = sourceHashes(scope);
    const recorded = new Map(report.files.map((f) => [f.path, f.sha256]));
    const current = new Map(now.map((f) => [f.path, f.sha256]));
    const changed = [
      ...now.filter((f) => recorded.get(f.path) !== f.sha256).map((f) => f.path),
      ...report.files.filter((f) => !current.has(f.path)).map((f) => `${f.path} (gone)`),
    ];
    expect(
      changed,
      `tools/mutation/report.json is stale (${changed.join(', ')} changed): run \`pnpm test:mutation\``,
    ).toEqual([]);
    expect(combinedHash(now), 'run `pnpm test:mutation`').toBe(report.sourcesSha256);
  });

  it('mutated exactly the files scope.json names', () => {
    expect(report.perFile.map((f) => f.file).sort()).toEqual([...scope.mutate].sort());
  });

  it("covers every stage of the emulator's pipeline", () => {
    const stages = readdirSync(join(ROOT, 'packages/emulator/src/stages'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `packages/emulator/src/stages/${name}`);
    expect(stages.filter((stage) => !scope.mutate.includes(stage))).toEqual([]);
  });
});
