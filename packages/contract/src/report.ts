/** Reports a CI system or a dashboard can read: JUnit XML and JSON. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Coverage } from './coverage.js';
import type { CheckResult, ContractRun } from './runner.js';
import type { ContractTarget } from './target.js';

const require = createRequire(import.meta.url);

/** What a report says about the run as a whole. */
export interface ReportMeta {
  readonly target: string;
  readonly seed: number;
  readonly strict: boolean;
  /** `@vodkit/contract`'s version. */
  readonly vodkitVersion: string;
  /** SHA-256 of the spec the checks come from (`@vodkit/types/openapi.json`). */
  readonly specHash: string;
  readonly coverage: Coverage;
}

/** The version of this package and the hash of the spec it checks against. */
export function reportIdentity(): { vodkitVersion: string; specHash: string } {
  const pkg = JSON.parse(
    readFileSync(require.resolve('@vodkit/contract/package.json'), 'utf8'),
  ) as { version: string };
  const spec = readFileSync(require.resolve('@vodkit/types/openapi.json'));
  return { vodkitVersion: pkg.version, specHash: createHash('sha256').update(spec).digest('hex') };
}

/** What the reports of a run say about it as a whole. */
export function reportMetaOf(target: ContractTarget, run: ContractRun): ReportMeta {
  return {
    target: target.label,
    seed: run.seed,
    strict: run.strict,
    coverage: run.coverage(),
    ...reportIdentity(),
  };
}

/** Writes the reports asked for (either, both or none). */
export function writeReports(
  results: readonly CheckResult[],
  meta: ReportMeta,
  files: { readonly junit?: string | undefined; readonly json?: string | undefined },
): void {
  if (files.junit !== undefined) writeFileSync(files.junit, toJunitReport(results, meta));
  if (files.json !== undefined) writeFileSync(files.json, toJsonReport(results, meta));
}

/** The JSON report. */
export function toJsonReport(results: readonly CheckResult[], meta: ReportMeta): string {
  return `${JSON.stringify(
    {
      target: meta.target,
      vodkitVersion: meta.vodkitVersion,
      specHash: meta.specHash,
      seed: meta.seed,
      strict: meta.strict,
      checks: results.map((r) => ({
        id: r.id,
        result: r.status,
        durationMs: r.durationMs,
        ...(r.message === undefined ? {} : { message: r.message }),
        ...(r.reproducer === undefined ? {} : { reproducer: r.reproducer }),
      })),
      coverage: meta.coverage,
    },
    null,
    2,
  )}\n`;
}

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these at all
const XML_FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const xml = (s: string): string =>
  s.replace(XML_FORBIDDEN, '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The JUnit XML report: one testcase per check. */
export function toJunitReport(results: readonly CheckResult[], meta: ReportMeta): string {
  const failures = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'not-applicable').length;
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  const cases = results.map((r) => {
    const open = `    <testcase classname="vodkit.contract" name="${xml(r.id)}" time="${seconds(r.durationMs)}"`;
    if (r.status === 'passed') return `${open}/>`;
    if (r.status === 'not-applicable')
      return `${open}>\n      <skipped message="${xml(r.message ?? '')}"/>\n    </testcase>`;
    return `${open}>\n      <failure message="${xml(r.message ?? '')}">${xml(r.reproducer ?? '')}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="@vodkit/contract" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds(total)}">`,
    `  <testsuite name="DeleteImage contract: ${xml(meta.target)}" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds(total)}">`,
    '    <properties>',
    `      <property name="target" value="${xml(meta.target)}"/>`,
    `      <property name="vodkitVersion" value="${xml(meta.vodkitVersion)}"/>`,
    `      <property name="specHash" value="${meta.specHash}"/>`,
    `      <property name="seed" value="${meta.seed}"/>`,
    `      <property name="coverage" value="${xml(meta.coverage.line)}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
