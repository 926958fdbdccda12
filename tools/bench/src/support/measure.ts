/**
 * Small, dependency-free measurement helpers shared by the benchmarks: repeat an operation for a
 * fixed time after a warm-up, and print aligned tables with ratios against a baseline.
 */
import type { ReportTable } from './report.ts';

/** The result of timing one operation. */
export interface Measurement {
  readonly name: string;
  /** Operations completed per second. */
  readonly opsPerSecond: number;
  /** Mean nanoseconds per operation. */
  readonly nsPerOp: number;
  readonly iterations: number;
}

/** How long to warm up and to measure, in milliseconds. */
export interface MeasureOptions {
  readonly warmupMs?: number;
  readonly durationMs?: number;
}

/**
 * Times a synchronous or asynchronous operation. Batches of calls are timed together so the
 * clock read does not dominate operations that take a microsecond or two.
 */
export async function measure(
  name: string,
  operation: () => unknown,
  options: MeasureOptions = {},
): Promise<Measurement> {
  const { warmupMs = 300, durationMs = 1500 } = options;
  const runFor = async (ms: number): Promise<{ iterations: number; elapsedNs: bigint }> => {
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(ms) * 1_000_000n;
    let iterations = 0;
    let now = start;
    while (now < deadline) {
      for (let batch = 0; batch < 64; batch += 1) {
        const result = operation();
        if (result instanceof Promise) await result;
      }
      iterations += 64;
      now = process.hrtime.bigint();
    }
    return { iterations, elapsedNs: now - start };
  };
  await runFor(warmupMs);
  const { iterations, elapsedNs } = await runFor(durationMs);
  const nsPerOp = Number(elapsedNs) / iterations;
  return { name, opsPerSecond: 1e9 / nsPerOp, nsPerOp, iterations };
}

/** Prints an aligned table: a header row, then one row per entry. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

/** Formats `value / baseline` as `1.23x`. */
export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}x`;
}

/** Formats a count with thousands separators. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/**
 * Prints a table under its title (as {@link printTable}) and returns it for the run's report, so
 * what latest.md shows is what the terminal showed.
 */
export function reportTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): ReportTable {
  if (title !== '') console.log(`\n${title}`);
  printTable(header, rows);
  return { title, header, rows };
}
