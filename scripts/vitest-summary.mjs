// Sums the JSON reports every vitest run writes to <package>/.reports/vitest.json (and
// vitest-dist.json for a run against the built dist, vitest-node<major>.json for the Node matrix) and prints one line, `N passed, N failed`, so CI's totals are visible at a glance.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const runs = [];
for (const group of ['packages', 'tools']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const reports = join(group, name, '.reports');
    if (!existsSync(reports)) continue;
    // vitest.json, vitest-dist.json, and vitest-node<major>.json from `pnpm test:node-matrix`.
    const names = readdirSync(reports).filter((file) => /^vitest(-[a-z0-9]+)*\.json$/.test(file));
    for (const reportName of names.sort()) {
      const report = join(reports, reportName);
      const result = JSON.parse(readFileSync(report, 'utf8'));
      passed += result.numPassedTests;
      failed += result.numFailedTests;
      skipped += result.numPendingTests + result.numTodoTests;
      // A suite that failed to load has no failed tests but must still count as a failure.
      failed += result.testResults.filter(
        (file) => file.status === 'failed' && file.assertionResults.length === 0,
      ).length;
      const variant = reportName.slice('vitest-'.length, -'.json'.length);
      const label = reportName === 'vitest.json' ? '' : ` (${variant.replace('-', ', ')})`;
      runs.push(
        `${group}/${name}${label}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`,
      );
    }
  }
}
for (const run of runs) console.log(`  ${run}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
