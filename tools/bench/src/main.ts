/**
 * `pnpm bench`: runs every benchmark in this folder; `pnpm bench signer` runs the named ones. A
 * benchmark is a module `src/<name>.ts` exporting `run(): Promise<BenchmarkOutput>` that prints
 * its own tables and returns them with its raw figures. A name selects the benchmark of that
 * name and those named `<name>-*`, so `emulator` runs `emulator` and `emulator-startup`.
 * Benchmarks are found by file name so that adding one needs no edit here (the modules that are
 * not benchmarks are listed in NOT_BENCHMARKS).
 *
 * A full run (no names) writes `results/latest.json` (the figures, machine, Node, date and load
 * average at start), renders `results/latest.md` from it and regenerates the README blocks
 * (`pnpm bench:readme` does that last step alone). A run of some benchmarks only prints: a
 * report mixing runs from different moments would not say when its figures were measured.
 */
import { readdir } from 'node:fs/promises';
import { writeReadmes } from './readme.ts';
import { writeReport } from './results.ts';
import { runContext } from './support/report.ts';
import type { BenchmarkOutput } from './support/report.ts';

/** What a benchmark module exports. */
interface BenchmarkModule {
  run(): Promise<BenchmarkOutput>;
}

/** Modules in src/ that are part of the runner, not benchmarks. */
const NOT_BENCHMARKS = new Set(['main', 'readme', 'render', 'results']);

const here = new URL('./', import.meta.url);

async function availableBenchmarks(): Promise<string[]> {
  const files = await readdir(here);
  return files
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => !NOT_BENCHMARKS.has(name))
    .sort();
}

async function main(requested: readonly string[]): Promise<number> {
  const available = await availableBenchmarks();
  const matching = (name: string): string[] =>
    available.filter((file) => file === name || file.startsWith(`${name}-`));
  const unknown = requested.filter((name) => matching(name).length === 0);
  if (unknown.length > 0) {
    console.error(`unknown benchmark: ${unknown.join(', ')}; available: ${available.join(', ')}`);
    return 2;
  }
  const selected =
    requested.length > 0
      ? available.filter((file) => requested.some((name) => matching(name).includes(file)))
      : available;
  if (selected.length === 0) {
    console.log('no benchmarks yet');
    return 0;
  }
  // Read before the first benchmark: the load the run started under, not the load it caused.
  const context = runContext();
  console.log(
    `${context.machine.cpu}, ${context.machine.cores} cores, ${context.machine.memoryGiB} GiB; node ${context.node}; load average at start ${context.loadAverage.join(', ')}`,
  );
  const benchmarks: Record<string, BenchmarkOutput> = {};
  for (const name of selected) {
    console.log(`\n## ${name}\n`);
    const module = (await import(new URL(`${name}.ts`, here).href)) as BenchmarkModule;
    benchmarks[name] = await module.run();
  }
  if (requested.length > 0) {
    console.log(
      '\nsome benchmarks only: results/latest.json not written (run pnpm bench for that)',
    );
    return 0;
  }
  const written = await writeReport({ ...context, benchmarks });
  const readmes = await writeReadmes();
  console.log(`\nwrote ${[...written, ...readmes].join(', ')}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
