/**
 * Emulator start-up benchmark: how long a fresh Node process takes from
 * `await import('@vodkit/emulator')` to a listening server (`await startEmulator({ port: 0 })`),
 * the cold start every test file that starts its own emulator pays. Next to it, the floor: a
 * process that imports `node:http` and listens, doing nothing else. Run:
 * `pnpm bench emulator` (with the throughput benchmark) or `pnpm bench emulator-startup`.
 *
 * Each run is its own child process with a timeout; the emulator and the floor alternate, so
 * load from other work on the machine hits both alike. The package is imported by name from this
 * folder, so the run measures the built package as users install it. The target is reported as
 * met or not; it never fails the run.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportTable } from './support/measure.ts';
import type { BenchmarkOutput } from './support/report.ts';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Fresh processes per contender. */
const RUNS = 20;
/** A run that takes longer has hung; it fails the benchmark, naming the run. */
const RUN_TIMEOUT_MS = 15_000;
/** The start-up the emulator aims for: the median of import + start, in milliseconds. */
const TARGET_MS = 50;

const CHILD = String.raw`
const contender = process.argv[1];
const t0 = performance.now();
let listen;
if (contender === 'emulator') {
  const { startEmulator } = await import('@vodkit/emulator');
  listen = async () => { const vod = await startEmulator({ port: 0 }); return () => vod.close(); };
} else {
  const { createServer } = await import('node:http');
  listen = () => new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(() => new Promise((done) => server.close(done))));
  });
}
const t1 = performance.now();
const close = await listen();
const t2 = performance.now();
await close();
console.log(JSON.stringify({ importMs: t1 - t0, startMs: t2 - t1 }));
`;

const CONTENDERS = {
  'floor (node:http, listen)': 'floor',
  '@vodkit/emulator (startEmulator)': 'emulator',
} as const;
type Contender = keyof typeof CONTENDERS;

interface Run {
  readonly importMs: number;
  readonly startMs: number;
}

function runOnce(contender: Contender, run: number): Run {
  try {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', CHILD, CONTENDERS[contender]],
      {
        cwd: benchDir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: RUN_TIMEOUT_MS,
        killSignal: 'SIGKILL',
      },
    );
    return JSON.parse(out.trim()) as Run;
  } catch (error) {
    throw new Error(
      `${contender}, run ${run} of ${RUNS}: did not finish within ${RUN_TIMEOUT_MS / 1000} s or failed`,
      { cause: error },
    );
  }
}

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The 90th percentile (nearest rank). */
function p90(values: readonly number[]): number {
  const s = sorted(values);
  return s[Math.max(0, Math.ceil(0.9 * s.length) - 1)] ?? Number.NaN;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Runs the start-up benchmark, prints its table and the target's verdict, and returns them. */
export function run(): Promise<BenchmarkOutput> {
  const intro = `fresh node process: import + startEmulator({ port: 0 }) to a listening server; ${RUNS} runs each, alternating with the floor; node ${process.version}`;
  console.log(intro);
  const names = Object.keys(CONTENDERS) as Contender[];
  const runs = new Map<Contender, Run[]>(names.map((name) => [name, []]));
  for (let i = 1; i <= RUNS; i += 1) {
    for (const name of names) runs.get(name)?.push(runOnce(name, i));
  }
  const rows = names.map((name) => {
    const all = runs.get(name) ?? [];
    const columns = [
      all.map((r) => r.importMs),
      all.map((r) => r.startMs),
      all.map((r) => r.importMs + r.startMs),
    ];
    return [name, ...columns.flatMap((values) => [ms(median(values)), ms(p90(values))])];
  });
  const table = reportTable(
    '',
    [
      'process',
      'import median',
      'import p90',
      'start median',
      'start p90',
      'total median',
      'total p90',
    ],
    rows,
  );
  const emulator = runs.get('@vodkit/emulator (startEmulator)') ?? [];
  const total = median(emulator.map((r) => r.importMs + r.startMs));
  const verdict =
    total <= TARGET_MS
      ? `target: a median total of at most ${TARGET_MS} ms: met (${ms(total)})`
      : `target: a median total of at most ${TARGET_MS} ms: NOT met (${ms(total)}, ${ms(total - TARGET_MS)} over)`;
  console.log(`\n${verdict}`);
  const floor = runs.get('floor (node:http, listen)') ?? [];
  return Promise.resolve({
    notes: [intro, verdict],
    tables: [table],
    figures: {
      'emulator.totalMedianMs': total,
      'floor.totalMedianMs': median(floor.map((r) => r.importMs + r.startMs)),
    },
  });
}
