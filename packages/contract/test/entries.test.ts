/**
 * The main entry and the CLI import no test framework: vitest is an optional peer, reached only
 * through `@vodkit/contract/vitest`, and `@vodkit/client` only by a lazy import when the
 * client-interop check runs. Follows the built modules' static imports from each entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Every bare specifier the module graph from `entry` imports statically (`import … from`). */
function staticImports(entry: string): Set<string> {
  const bare = new Set<string>();
  const seen = new Set<string>();
  const queue = [join(dist, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`${file} is missing: build the package first`);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'/gm)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
    for (const match of source.matchAll(/^import\s*'([^']+)'/gm)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
  }
  return bare;
}

it.each(['index.js', 'cli.js'])('dist/%s imports neither vitest nor @vodkit/client', (entry) => {
  const imports = [...staticImports(entry)];
  expect(imports).toEqual(expect.arrayContaining(['@vodkit/signer/node']));
  expect(imports.filter((s) => s === 'vitest' || s.startsWith('vitest/'))).toEqual([]);
  expect(imports.filter((s) => s.startsWith('@vodkit/client'))).toEqual([]);
});

it('dist/vitest.js is the entry that imports vitest', () => {
  expect([...staticImports('vitest.js')]).toContain('vitest');
});
