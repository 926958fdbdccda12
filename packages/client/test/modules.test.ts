/**
 * The client's modules import one another in one direction only: no circle, type imports
 * included, so each module can be read (and loaded) after the ones it names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url);

/**
 * Each module's own imports, by path under `src/` without the extension (`node/pool` imports
 * `../transport.js` → `transport`), from its source text; every folder under `src/` included.
 */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const file of files) {
    const text = readFileSync(new URL(file, SRC), 'utf8');
    const names = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.\.?\/[\w/.-]+)\.js'/g)].map((m) =>
      posix.join(posix.dirname(file), m[1] ?? ''),
    );
    graph.set(file.slice(0, -3), [...new Set(names)]);
  }
  return graph;
}

/** A circle of imports, if there is one. */
function findCircle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const at = path.indexOf(name);
    if (at >= 0) return [...path.slice(at), name];
    if (done.has(name)) return undefined;
    path.push(name);
    for (const next of graph.get(name) ?? []) {
      const circle = visit(next);
      if (circle !== undefined) return circle;
    }
    path.pop();
    done.add(name);
    return undefined;
  };
  for (const name of graph.keys()) {
    const circle = visit(name);
    if (circle !== undefined) return circle;
  }
  return undefined;
}

it('no import circle among the client modules', () => {
  const graph = importGraph();
  expect(graph.get('client')).toContain('send-loop');
  // The Node folder is read too, its imports of the main modules resolved.
  expect(graph.get('node/socket-transport')).toContain('node/pool');
  expect(graph.get('node/index')).toContain('index');
  expect(findCircle(graph)).toBeUndefined();
});

it('the circle finder finds a circle', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
  ]);
  expect(findCircle(graph)).toEqual(['a', 'b', 'c', 'a']);
});
