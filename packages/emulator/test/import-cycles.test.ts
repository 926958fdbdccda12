/**
 * No import circles in `src/`: read from the source text, so `import type` counts too. A circle
 * of types is still a circle of meaning (each module needs the other to be read), and the one
 * through `options.ts` hid where the domain types belonged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

/**
 * The import circles among the `.ts` files under `root`, each as the list of files (relative to
 * `root`) that lead back to its first one. Follows relative `import … from` and `export … from`
 * specifiers, type-only ones included; `./x.js` names `./x.ts`.
 */
export function importCycles(root: string): string[][] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*'(\.[^']+)'/gms)].map(
      (m) => resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts')),
    );
    edges.set(file, [...new Set(targets)]);
  }
  const cycles: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, path: string[]): void => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push(path.slice(at).map((f) => relative(root, f)));
      return;
    }
    if (done.has(file)) return;
    for (const next of edges.get(file) ?? []) walk(next, [...path, file]);
    done.add(file);
  };
  for (const file of files) walk(file, []);
  return cycles;
}

test('src/ has no import circles (type imports included)', () => {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  expect(importCycles(src)).toEqual([]);
});

test('the circle finder finds a circle', () => {
  // Its own test folder's support files must not import each other in a circle either, but a
  // finder that finds nothing proves nothing: point it at a fixture that has one.
  const cycles = importCycles(fileURLToPath(new URL('./fixtures/cycle', import.meta.url)));
  expect(cycles).toEqual([['a.ts', 'b.ts']]);
});
