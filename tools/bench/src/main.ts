/**
 * `pnpm bench`: runs every benchmark in this folder; `pnpm bench signer` runs the named ones. A
 * benchmark is a module `src/<name>.ts` exporting `run(): Promise<void>` that prints its own
 * table. A name selects the benchmark of that name and those named `<name>-*`, so `emulator`
 * runs `emulator` and `emulator-startup`. Benchmarks are found by file name so that adding one
 * needs no edit here.
 */
import { readdir } from 'node:fs/promises';

/** What a benchmark module exports. */
interface BenchmarkModule {
  run(): Promise<void>;
}

const here = new URL('./', import.meta.url);

async function availableBenchmarks(): Promise<string[]> {
  const files = await readdir(here);
  return files
    .filter((file) => file.endsWith('.ts') && file !== 'main.ts')
    .map((file) => file.slice(0, -'.ts'.length))
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
  for (const name of selected) {
    console.log(`\n## ${name}\n`);
    const module = (await import(new URL(`${name}.ts`, here).href)) as BenchmarkModule;
    await module.run();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
