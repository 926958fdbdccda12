/**
 * What a bench run records: each benchmark's tables (as printed) and its raw figures, with the
 * machine, Node version, date and load average a reader needs to judge the noise. `pnpm bench`
 * writes it as `results/latest.json`; `results/latest.md` and the README blocks are rendered from
 * that file alone (see render.ts), never typed by hand.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** One printed table: a header row and its rows, cells already formatted. */
export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * What one benchmark returns: the lines it prints before its tables, its tables, and its raw
 * figures under flat names (`vodkit.seqRps`), the numbers the README blocks are rendered from.
 */
export interface BenchmarkOutput {
  readonly notes: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly figures: Readonly<Record<string, number>>;
}

/** The machine a run was made on. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly platform: string;
}

/** A whole run: `results/latest.json`. */
export interface BenchReport {
  /** Bumped when the shape changes, so an old file is refused rather than misread. */
  readonly schema: 1;
  /** When the run started, ISO 8601 (UTC). */
  readonly date: string;
  readonly node: string;
  readonly machine: MachineInfo;
  /** The 1, 5 and 15 minute load averages when the run started. */
  readonly loadAverage: readonly [number, number, number];
  /** Each benchmark's output, by benchmark name (`signer`, `client`, …). */
  readonly benchmarks: Readonly<Record<string, BenchmarkOutput>>;
}

const gib = (bytes: number): number => Math.round((bytes / 1024 ** 3) * 10) / 10;

/** The machine, Node and load average now: read once, before the first benchmark starts. */
export function runContext(): Omit<BenchReport, 'benchmarks'> {
  const cores = cpus();
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    schema: 1,
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpu: cores[0]?.model.trim() ?? 'unknown',
      cores: cores.length,
      memoryGiB: gib(totalmem()),
      freeMemoryGiB: gib(freemem()),
      platform: `${process.platform} ${process.arch}`,
    },
    loadAverage: [round(one), round(five), round(fifteen)],
  };
}

/**
 * Reads a figure, failing loudly when a benchmark did not record it: a renamed figure must break
 * the README render, not print `NaN`.
 */
export function figure(report: BenchReport, benchmark: string, name: string): number {
  const value = report.benchmarks[benchmark]?.figures[name];
  if (value === undefined) {
    throw new Error(`results/latest.json has no figure ${benchmark}/${name}: run pnpm bench`);
  }
  return value;
}
