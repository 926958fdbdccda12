// No import circle anywhere: every module of every package and tool (src, test, scripts and the
// files beside them) and the root's own scripts imports the others in one direction only, type
// imports, re-exports and dynamic `import()` included, so each module can be read (and loaded)
// after the ones it names. `pnpm lint` runs this.
//
// Why a script and not `import-x/no-cycle`: that rule skips every type-only import, and a circle
// made of type imports is still a circle for a reader (the emulator had one).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const SKIP_DIRS = new Set([
  'node_modules',
  'dist',
  '.turbo',
  '.reports',
  'coverage',
  '.bundle-out',
]);

/** Every source file under `dir`, recursively, build output and dependencies left out. */
function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.'))
        out.push(...sourceFiles(join(dir, entry.name)));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(join(dir, entry.name));
    }
  }
  return out;
}

/** The module specifiers `text` names: imports and re-exports (type-only too), `import()`, `import('x')` types, `require()`. */
export function specifiersOf(text, fileName = 'file.ts') {
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false));
  return [...new Set(found)];
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the source), if it is a source file. */
function resolveRelative(from, specifier) {
  const target = resolve(dirname(from), specifier);
  const candidates = [
    target,
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.jsx$/, '.tsx'),
    target.replace(/\.mjs$/, '.mts'),
    target.replace(/\.cjs$/, '.cts'),
  ];
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile());
}

/** Each file's imports of other source files of the repository. */
function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = specifiersOf(text, file)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolveRelative(file, s))
      .filter((t) => t !== undefined && t !== file);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Every circle of `graph`: one per strongly connected group of modules (Tarjan), each given as
 * `modules` (the whole group, sorted) and `path`, the shortest circle from its first module, in
 * import order, ending where it starts.
 */
export function findCircles(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const connect = (v) => {
    indexOf.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), indexOf.get(w)));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(new Set(group));
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) connect(v);
  // One concrete circle per group: the shortest way back from its first module (breadth first).
  const circles = groups.map((group) => {
    const start = [...group].sort()[0];
    const previous = new Map([[start, undefined]]);
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift();
      for (const w of graph.get(v) ?? []) {
        if (!group.has(w)) continue;
        if (w === start) {
          const path = [start];
          for (let at = v; at !== start; at = previous.get(at)) path.splice(1, 0, at);
          return { path: [...path, start], modules: [...group].sort() };
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return { path: [start, start], modules: [start] };
  });
  return circles.sort((a, b) => (a.modules[0] < b.modules[0] ? -1 : 1));
}

/** Fails loudly when the parser or the finder cannot see what it must. */
function selfCheck() {
  const names = specifiersOf(`
    import type { A } from './type-only.js';
    import { type B } from './inline-type.js';
    export { c } from './re-export.js';
    export * as d from './namespace.js';
    import './side-effect.js';
    type E = typeof import('./type-query.js');
    const f = await import('./dynamic.js');
    // import { g } from './comment.js';
    const h = "import { h } from './string.js'";
  `);
  const expected = [
    './type-only.js',
    './inline-type.js',
    './re-export.js',
    './namespace.js',
    './side-effect.js',
    './type-query.js',
    './dynamic.js',
  ];
  const circles = findCircles(
    new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a', 'd']],
      ['e', []],
    ]),
  );
  const ok =
    JSON.stringify(names) === JSON.stringify(expected) &&
    JSON.stringify(circles) ===
      JSON.stringify([
        { path: ['a', 'b', 'c', 'a'], modules: ['a', 'b', 'c'] },
        { path: ['d', 'd'], modules: ['d'] },
      ]);
  if (!ok) {
    console.error('import-circles: the self-check failed', { names, circles });
    process.exit(2);
  }
}

selfCheck();
const files = [
  ...['packages', 'tools'].flatMap((group) =>
    readdirSync(join(ROOT, group), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => sourceFiles(join(ROOT, group, d.name))),
  ),
  ...sourceFiles(join(ROOT, 'scripts')),
  ...readdirSync(ROOT)
    .filter((f) => SOURCE.test(f))
    .map((f) => join(ROOT, f)),
];
const graph = importGraph(files);
const rel = (f) => relative(ROOT, f).split(sep).join('/');
// The parser sees the client's own imports (a guard against a check that reads nothing).
const client = graph.get(join(ROOT, 'packages/client/src/client.ts')) ?? [];
if (!client.includes(join(ROOT, 'packages/client/src/send-loop.ts'))) {
  console.error('import-circles: packages/client/src/client.ts does not import send-loop.ts?');
  process.exit(2);
}
let failed = 0;
for (const circle of findCircles(graph)) {
  const modules = circle.modules.map(rel);
  const text = `${circle.path.map(rel).join(' -> ')} (${modules.length} modules import one another in a circle: ${modules.join(', ')})`;
  console.error(`import circle: ${text}`);
  failed += 1;
}
console.log(`import-circles: ${graph.size} modules, ${failed} circle(s) failing`);
process.exit(failed === 0 ? 0 : 1);
