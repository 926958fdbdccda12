/**
 * Where a full run's report lives and how it is written: `results/latest.json` (the data) and
 * `results/latest.md` (rendered from it). Both are generated; edit neither by hand.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderLatestMarkdown } from './render.ts';
import type { BenchReport } from './support/report.ts';

/** tools/bench/results/. */
export const RESULTS_DIR: string = fileURLToPath(new URL('../results/', import.meta.url));
/** The repository root, for the READMEs. */
export const REPO_ROOT: string = fileURLToPath(new URL('../../../', import.meta.url));

const JSON_FILE = `${RESULTS_DIR}latest.json`;
const MARKDOWN_FILE = `${RESULTS_DIR}latest.md`;

/** Reads results/latest.json, refusing a file of another shape. */
export async function readReport(): Promise<BenchReport> {
  const parsed = JSON.parse(await readFile(JSON_FILE, 'utf8')) as { schema?: unknown };
  if (parsed.schema !== 1) {
    throw new Error(`${JSON_FILE}: schema ${String(parsed.schema)}, expected 1: run pnpm bench`);
  }
  return parsed as BenchReport;
}

/** Writes the report and its markdown rendering; returns the paths written, from the repo root. */
export async function writeReport(report: BenchReport): Promise<string[]> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(JSON_FILE, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(MARKDOWN_FILE, renderLatestMarkdown(report));
  return [JSON_FILE, MARKDOWN_FILE].map((file) => file.slice(REPO_ROOT.length));
}
