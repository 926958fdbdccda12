/** Reports a CI system or a dashboard can read: JUnit XML and JSON. */
import { createHash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Coverage } from './coverage.js';
import { printable } from './printable.js';
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

/** A report file that cannot be written: one line naming the file and the cause. */
export class ReportFileError extends Error {
  override readonly name = 'ReportFileError';
}

/**
 * Opens `path` for writing without ever blocking: `O_NONBLOCK` makes a FIFO without a reader fail
 * (`ENXIO`) instead of waiting for one, and only a regular file is kept open.
 */
function openRegular(path: string, flags: number): number {
  const fd = openSync(path, flags | constants.O_WRONLY | constants.O_NONBLOCK, 0o644);
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
  }
  return fd;
}

/**
 * Throws a {@link ReportFileError} unless `file` can be written: its folder exists and is
 * writable, and the file is a regular file (or does not exist yet) that opens for writing; a
 * FIFO, a device (`/dev/full`) or a folder is refused, as a file the system cannot create
 * (`/proc/…`). Asked before a run, so a typo in a path costs no run, and a report can never
 * block the end of a run.
 */
export function checkReportFile(what: string, file: string): void {
  const path = resolve(file);
  const folder = dirname(path);
  const fail = (cause: string): never => {
    throw new ReportFileError(`${what} ${file}: ${cause}`);
  };
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    return fail(`the folder ${folder} does not exist`);
  }
  if (!folderStat.isDirectory()) fail(`${folder} is not a folder`);
  let fileStat;
  try {
    fileStat = statSync(path);
  } catch {
    fileStat = undefined;
  }
  if (fileStat?.isDirectory() === true) fail('it is a folder');
  if (fileStat !== undefined && !fileStat.isFile()) fail('it is not a regular file');
  try {
    accessSync(fileStat === undefined ? folder : path, constants.W_OK);
  } catch {
    fail(fileStat === undefined ? `the folder ${folder} is not writable` : 'it is not writable');
  }
  // Opening proves what permissions cannot (a read-only or virtual file system); a file made
  // only to prove it is removed again.
  let fd: number;
  try {
    fd = openRegular(path, fileStat === undefined ? constants.O_CREAT | constants.O_EXCL : 0);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return fail(`cannot write it (${typeof code === 'string' ? code : 'open failed'})`);
  }
  closeSync(fd);
  if (fileStat === undefined) unlinkSync(path);
}

/** Throws a {@link ReportFileError} when two reports would be written to one file. */
export function checkReportFiles(files: {
  readonly junit?: string | undefined;
  readonly json?: string | undefined;
}): void {
  if (files.junit !== undefined) checkReportFile('--junit', files.junit);
  if (files.json !== undefined) checkReportFile('--json', files.json);
  if (files.junit !== undefined && files.json !== undefined) {
    if (resolve(files.junit) === resolve(files.json))
      throw new ReportFileError(`--junit and --json name the same file ${files.json}`);
  }
}

/**
 * Writes `text` to `file`, or throws a {@link ReportFileError} naming it and the cause. Never
 * blocks: the file is opened non-blocking and must be a regular file (see {@link openRegular}).
 */
function writeReport(what: string, file: string, text: string): void {
  try {
    const fd = openRegular(file, constants.O_CREAT | constants.O_TRUNC);
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ReportFileError(
      `${what} ${file}: cannot write it (${typeof code === 'string' ? code : String(error)})`,
    );
  }
}

/** Writes the reports asked for (either, both or none). */
export function writeReports(
  results: readonly CheckResult[],
  meta: ReportMeta,
  files: { readonly junit?: string | undefined; readonly json?: string | undefined },
): void {
  if (files.junit !== undefined) writeReport('junit', files.junit, toJunitReport(results, meta));
  if (files.json !== undefined) writeReport('json', files.json, toJsonReport(results, meta));
}

/** The JSON report. */
export function toJsonReport(results: readonly CheckResult[], meta: ReportMeta): string {
  return `${JSON.stringify(
    {
      target: printable(meta.target),
      vodkitVersion: meta.vodkitVersion,
      specHash: meta.specHash,
      seed: meta.seed,
      strict: meta.strict,
      checks: results.map((r) => ({
        id: r.id,
        result: r.status,
        durationMs: r.durationMs,
        ...(r.message === undefined ? {} : { message: printable(r.message) }),
        ...(r.caseNumber === undefined ? {} : { caseNumber: r.caseNumber }),
        ...(r.caseLabel === undefined ? {} : { caseLabel: printable(r.caseLabel) }),
        ...(r.reproducer === undefined ? {} : { reproducer: printable(r.reproducer) }),
        ...(r.rerun === undefined ? {} : { rerun: r.rerun }),
      })),
      coverage: meta.coverage,
    },
    null,
    2,
  )}\n`;
}

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these at all
const XML_FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
// Control characters a target sent are escaped first (printable), so none is lost silently.
const xml = (s: string): string =>
  printable(s)
    .replace(XML_FORBIDDEN, '')
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

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
    const body = [
      r.reproducer,
      r.caseNumber === undefined ? undefined : `case ${r.caseNumber}: ${r.caseLabel ?? ''}`,
      r.rerun === undefined ? undefined : `rerun: ${r.rerun}`,
    ].filter((line) => line !== undefined);
    return `${open}>\n      <failure message="${xml(r.message ?? '')}">${xml(body.join('\n'))}</failure>\n    </testcase>`;
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
