/**
 * `pnpm api:check` / `pnpm api:update` (root scripts): runs extract.ts over every entry point,
 * prints one line per entry and each problem, and exits 1 when a report is out of date (check),
 * when any problem was found that pending.ts does not list, or when a pending entry matched
 * nothing (both modes); 2 on a usage error.
 */
import { reportedEntries } from './entries.ts';
import { extractReports } from './extract.ts';
import { PENDING, pendingFor } from './pending.ts';
import type { PendingProblem } from './pending.ts';

const [mode, ...only] = process.argv.slice(2);
if (mode !== 'check' && mode !== 'update') {
  console.error('usage: cli.ts check|update [specifier...]');
  process.exit(2);
}
const started = performance.now();
const outcomes = extractReports(
  mode,
  reportedEntries().filter((entry) => only.length === 0 || only.includes(entry.specifier)),
);
const matched = new Set<PendingProblem>();
let failed = false;
for (const { entry, changed, problems, diff } of outcomes) {
  const stale = mode === 'check' && changed;
  const open = problems.filter((problem) => pendingFor(problem) === undefined);
  const state = stale ? 'CHANGED' : open.length > 0 ? 'PROBLEMS' : changed ? 'updated' : 'ok';
  console.log(`${state.padEnd(8)} ${entry.specifier} (${entry.reportName}.api.md)`);
  for (const problem of problems) {
    const pending = pendingFor(problem);
    if (pending !== undefined) matched.add(pending);
    const mark = pending === undefined ? '' : ` [pending: ${pending.why}]`;
    console.log(`  ${problem.where ?? entry.specifier} ${problem.id}: ${problem.text}${mark}`);
  }
  if (stale && diff !== undefined) console.log(diff.replace(/^/gm, '    '));
  failed ||= stale || open.length > 0;
}
if (only.length === 0) {
  for (const pending of PENDING.filter((p) => !matched.has(p))) {
    console.log(`FIXED    ${pending.file}: remove its entry from tools/api-report/src/pending.ts`);
    failed = true;
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${outcomes.length} entry points in ${seconds} s`);
if (outcomes.some((outcome) => outcome.changed) && mode === 'check') {
  console.log('A public export changed: run `pnpm api:update` and commit the api/ reports.');
}
process.exitCode = failed ? 1 : 0;
