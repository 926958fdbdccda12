/**
 * `pnpm test:mutation`: runs StrykerJS (stryker.config.mjs) from the repository root, then writes
 * report.json and report.md from its incremental file.
 *
 * Stryker's incremental mode reuses a mutant's result while its code and its tests are unchanged,
 * but it only sees the test files it runs (suite/*.test.ts), not the contract's checks they call.
 * So when the contract's sources changed since the committed report, every mutant is rerun
 * (`--force`); otherwise only the mutants of changed code are.
 *
 * `--report-only` rewrites the report from the incremental file without running Stryker (after an
 * edit of equivalents.json); it refuses when anything else changed. `--force` reruns everything.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readEquivalents } from './equivalents.ts';
import { renderMarkdown } from './markdown.ts';
import { buildReport } from './report.ts';
import type { MutationReport, RunInfo } from './report.ts';
import { combinedHash, hashFiles, readScope, ROOT, sourceHashes } from './scope.ts';
import type { Scope } from './scope.ts';
import type { StrykerReport } from './stryker-report.ts';

const HERE = join(ROOT, 'tools/mutation');
const REPORT_JSON = join(HERE, 'report.json');
const INCREMENTAL = join(HERE, 'reports/stryker-incremental.json');

const { values } = parseArgs({
  options: {
    'report-only': { type: 'boolean' },
    force: { type: 'boolean' },
    // With --report-only and no report yet: the seconds of the full run made by calling Stryker
    // directly (`stryker run tools/mutation/stryker.config.mjs` from the root).
    'full-run-seconds': { type: 'string' },
  },
});

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const previous = existsSync(REPORT_JSON) ? (readJson(REPORT_JSON) as MutationReport) : undefined;
const scope = readScope();
const testsSha256 = combinedHash(hashFiles(scope.tests));

/** The config hash without equivalents.json: what decides whether a report-only pass is honest. */
function runConfigHash(s: Scope, files: readonly { path: string; sha256: string }[]): string {
  const justifications = 'tools/mutation/equivalents.json';
  return combinedHash(files.filter((f) => s.config.includes(f.path) && f.path !== justifications));
}

/** Why a report-only pass would misreport, or undefined when it is fine. */
function reportOnlyRefusal(stryker: StrykerReport): string | undefined {
  if (previous !== undefined && previous.testsSha256 !== testsSha256)
    return "the contract's sources changed";
  const config = runConfigHash(scope, sourceHashes(scope));
  if (previous !== undefined && config !== runConfigHash(scope, previous.files)) {
    return "the run's configuration changed";
  }
  for (const file of scope.mutate) {
    const measured = stryker.files[file]?.source;
    if (measured !== readFileSync(join(ROOT, file), 'utf8')) return `${file} changed`;
  }
  return undefined;
}

function runStryker(force: boolean): number {
  const started = performance.now();
  const bin = join(HERE, 'node_modules/.bin/stryker');
  const args = ['run', 'tools/mutation/stryker.config.mjs', ...(force ? ['--force'] : [])];
  console.log(`mutation: stryker ${args.join(' ')}${force ? ' (every mutant)' : ''}`);
  const result = spawnSync(bin, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`mutation: stryker ended with ${String(result.status ?? result.signal)}`);
    process.exit(result.status ?? 1);
  }
  return (performance.now() - started) / 1000;
}

let run: RunInfo;
if (values['report-only'] === true) {
  const refusal = existsSync(INCREMENTAL)
    ? reportOnlyRefusal(readJson(INCREMENTAL) as StrykerReport)
    : 'there is no incremental file';
  if (refusal !== undefined) {
    console.error(
      `mutation: cannot rewrite the report alone: ${refusal}; run \`pnpm test:mutation\``,
    );
    process.exit(2);
  }
  // The figures are the last run's: only the justifications changed.
  const seconds = Number(values['full-run-seconds'] ?? 0);
  run = previous?.run ?? {
    mode: 'full',
    seconds,
    lastFull: { seconds, cores: availableParallelism() },
  };
} else {
  const contractChanged = previous !== undefined && previous.testsSha256 !== testsSha256;
  if (contractChanged)
    console.log("mutation: the contract's sources changed: rerunning every mutant");
  const full = values.force === true || contractChanged || !existsSync(INCREMENTAL);
  const seconds = runStryker(full && existsSync(INCREMENTAL));
  run = {
    mode: full ? 'full' : 'incremental',
    seconds,
    lastFull: full ? { seconds, cores: availableParallelism() } : previous?.run.lastFull,
  };
}

const files = sourceHashes(scope);
const require = createRequire(join(HERE, 'package.json'));
const strykerVersion = (require('@stryker-mutator/core/package.json') as { version: string })
  .version;
const report = buildReport({
  stryker: readJson(INCREMENTAL) as StrykerReport,
  strykerVersion,
  equivalents: readEquivalents(),
  files,
  sourcesSha256: combinedHash(files),
  testsSha256,
  run,
});
writeFileSync(REPORT_JSON, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(HERE, 'report.md'), renderMarkdown(report));
const undetected = report.undetected.length - report.justified;
console.log(
  `mutation: score ${report.mutationScore}% (aim score ${report.aimScore}%, aim ≥ ${report.aim}%): ` +
    `${report.counts.total} mutants, ${undetected} not yet killed, ${report.justified} justified; ` +
    'tools/mutation/report.md',
);
