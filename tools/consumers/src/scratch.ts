/**
 * A downstream team's project: a new folder outside the workspace with its own package.json,
 * whose dependencies plain `npm install` fetches from the local registry (no workspace links, no
 * tarball paths), the way a team installs a released version.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalRegistry } from './registry.ts';
import { LOCAL_SCOPE } from './registry.ts';
import { runOk } from './processes.ts';

/** Deadline for one `npm install` of the packages and their third-party dependencies. */
const INSTALL_TIMEOUT_MS = 240_000;

/** One package as npm's lockfile records it. */
export interface InstalledPackage {
  readonly version: string;
  /** The tarball URL it was fetched from. */
  readonly resolved: string;
  /** Its `sha512-…` integrity. */
  readonly integrity: string;
}

/** A scratch project that installed its dependencies. */
export interface ScratchProject {
  /** Its folder. */
  readonly dir: string;
  /** Every package npm installed (from `package-lock.json`), by name: version and where it came from. */
  readonly installed: ReadonlyMap<string, InstalledPackage>;
}

/**
 * Makes a project in a new temporary folder with `files` copied in (a folder's contents), and
 * installs `dependencies` (name to exact version) from `registry` with plain npm.
 */
export async function createScratchProject(
  registry: LocalRegistry,
  dependencies: Readonly<Record<string, string>>,
  files: string,
): Promise<ScratchProject> {
  const dir = await mkdtemp(join(tmpdir(), 'vodkit-downstream-app-'));
  await cp(files, dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'downstream-app', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  await runOk(
    'npm',
    [
      'install',
      '--registry',
      registry.url,
      '--userconfig',
      registry.npmrc,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      // The lockfile's `resolved` URLs prove where each package came from. A user or machine
      // config may turn them off (`omit-lockfile-registry-resolved`), and pnpm passes such
      // settings to npm as npm_config_* variables, which beat --userconfig; a flag beats both.
      '--omit-lockfile-registry-resolved=false',
    ],
    { cwd: dir, timeoutMs: INSTALL_TIMEOUT_MS },
  );
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<
      string,
      { version?: string; resolved?: string; integrity?: string; link?: boolean }
    >;
  };
  const installed = new Map<string, InstalledPackage>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    if (entry.link === true) throw new Error(`${path} is a link, not an installed package`);
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    installed.set(name, {
      version: entry.version ?? '',
      resolved: entry.resolved ?? '',
      integrity: entry.integrity ?? '',
    });
  }
  return { dir, installed };
}

/** The installed packages of the local scope (`@vodkit/*`). */
export function localPackages(project: ScratchProject): string[] {
  return [...project.installed.keys()].filter((name) => name.startsWith(`${LOCAL_SCOPE}/`)).sort();
}
