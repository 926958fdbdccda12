/**
 * What the mutation run covers (scope.json) and the hashes that tell whether a committed report
 * still describes the files: one sha256 per file and one over them all.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT: string = fileURLToPath(new URL('../../../', import.meta.url));

/** Code inside a mutated file that Stryker leaves alone (applied by src/stryker-ignorer.mjs). */
export interface IgnoreRule {
  /** The file (repository-relative), `dir/*` for the files under dir/, or `*` for every file. */
  readonly file: string;
  /** Declarations (functions, class and object methods, `const`s) whose mutants are ignored. */
  readonly names?: readonly string[];
  /** Objects whose member assignments (`entry.code = …`) are ignored. */
  readonly assignmentsTo?: readonly string[];
  /** Calls whose arguments at these positions are message text (`errorOf: [1]`). */
  readonly textArguments?: Readonly<Record<string, readonly number[]>>;
  /** Object properties whose values are message text (`message`). */
  readonly textProperties?: readonly string[];
  /** Why: reported as the ignored mutants' reason. */
  readonly reason: string;
}

/** scope.json. */
export interface Scope {
  /** The mutated files, repository-relative. */
  readonly mutate: readonly string[];
  /** Code inside them that is not mutated, with reasons. */
  readonly ignore: readonly IgnoreRule[];
  /** The run's own configuration: a change to any of them changes what a run measures. */
  readonly config: readonly string[];
  /** The test's sources (folders or files): a change reruns every mutant (see main.ts). */
  readonly tests: readonly string[];
}

/** Reads scope.json. */
export function readScope(root: string = ROOT): Scope {
  return JSON.parse(readFileSync(join(root, 'tools/mutation/scope.json'), 'utf8')) as Scope;
}

/** One file's hash, as a report records it. */
export interface FileHash {
  readonly path: string;
  readonly sha256: string;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The files under `path` (itself when it is a file), repository-relative, sorted. */
function filesUnder(root: string, path: string): string[] {
  if (!statSync(join(root, path)).isDirectory()) return [path];
  return readdirSync(join(root, path), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length).split('\\').join('/'))
    .map((file) => file.replace(/^\/+/, ''))
    .sort();
}

/** The sha256 of each file of `paths` (folders expanded), sorted by path. */
export function hashFiles(paths: readonly string[], root: string = ROOT): FileHash[] {
  return paths
    .flatMap((path) => filesUnder(root, path))
    .sort()
    .map((path) => ({ path, sha256: sha256(readFileSync(join(root, path))) }));
}

/** One sha256 over a list of file hashes: each `path sha256` on a line, in path order. */
export function combinedHash(files: readonly FileHash[]): string {
  return sha256(
    [...files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => `${f.path} ${f.sha256}\n`)
      .join(''),
  );
}

/** The hashes of what a report describes: the mutated files and the run's configuration. */
export function sourceHashes(scope: Scope, root: string = ROOT): FileHash[] {
  return hashFiles([...scope.mutate, ...scope.config], root);
}
