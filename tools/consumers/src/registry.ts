/**
 * A real npm registry on loopback for the packed packages: Verdaccio (the catalog pins 6.8.0, the
 * last that runs on Node 20), storage and config in a temporary folder, started with a deadline
 * and stopped with one.
 *
 * `@vodkit/*` is served only from the local storage: its rule has no uplink, so a name the tests
 * did not publish is a 404, never a package of the same name from the public registry. Every other
 * name is proxied to `uplink` (the npm registry by default), which is how a scratch project gets
 * the third-party dependencies the packages declare, as a downstream team's install would.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess } from './processes.ts';

/** The registry third-party packages come from. */
export const DEFAULT_UPLINK = 'https://registry.npmjs.org/';

/** The scope served only from local storage. */
export const LOCAL_SCOPE = '@vodkit';

/** A running local registry. */
export interface LocalRegistry {
  /** Its base URL, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** An npm user config (`--userconfig`) naming this registry and a token that may publish. */
  readonly npmrc: string;
  /** The temporary folder holding its config, storage and the npmrc. */
  readonly folder: string;
  /** Stops it (SIGTERM, then SIGKILL past the deadline) and removes its folder. */
  close(): Promise<void>;
}

/** How to start a {@link LocalRegistry}. */
export interface RegistryOptions {
  /** Where third-party packages come from; defaults to {@link DEFAULT_UPLINK}. */
  readonly uplink?: string;
  /** Deadline for it to listen and to accept a user (default 30 000 ms). */
  readonly startTimeoutMs?: number;
}

/**
 * Verdaccio's config for a registry in `folder`: `@vodkit/*` local only, published by an
 * authenticated user; everything else read through `uplink`, published by nobody; no web UI.
 */
export function registryConfig(folder: string, uplink: string): string {
  return [
    `storage: ${JSON.stringify(join(folder, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(folder, 'htpasswd'))}`,
    '    max_users: 1',
    'uplinks:',
    '  npmjs:',
    `    url: ${JSON.stringify(uplink)}`,
    '    timeout: 30s',
    '    max_fails: 3',
    'packages:',
    `  '${LOCAL_SCOPE}/*':`,
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    "  '**':",
    '    access: $all',
    '    proxy: npmjs',
    'web:',
    '  enable: false',
    'log:',
    '  type: stdout',
    '  format: json',
    '  level: error',
    '',
  ].join('\n');
}

const CHILD = fileURLToPath(new URL('./registry-child.mjs', import.meta.url));

/**
 * Starts Verdaccio on 127.0.0.1 (a port the system picks) in a new temporary folder, adds a user,
 * and writes an npmrc with that user's token. Rejects, leaving nothing running, when it does not
 * listen or accept the user within the deadline.
 */
export async function startRegistry(options: RegistryOptions = {}): Promise<LocalRegistry> {
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const folder = await mkdtemp(join(tmpdir(), 'vodkit-registry-'));
  const config = join(folder, 'config.yaml');
  await writeFile(config, registryConfig(folder, options.uplink ?? DEFAULT_UPLINK));
  const child = await startProcess(process.execPath, [CHILD, config], {
    cwd: folder,
    ready: /vodkit-registry listening on (http:\/\/127\.0\.0\.1:\d+\/)/,
    timeoutMs,
  });
  const url = child.match[1] ?? '';
  const close = async (): Promise<void> => {
    await child.stop(10_000);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const token = await addUser(url, timeoutMs);
    const npmrc = join(folder, 'npmrc');
    const host = url.replace(/^http:/, '');
    await writeFile(npmrc, `registry=${url}\n${host}:_authToken=${token}\n`);
    return { url, npmrc, folder, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Creates the one user the htpasswd file allows (what `npm adduser` does) and returns its token. */
async function addUser(url: string, timeoutMs: number): Promise<string> {
  const name = 'vodkit-release';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    // A throwaway account of a registry that lives for one test run.
    body: JSON.stringify({ name, password: 'local-registry-only' }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { token?: unknown };
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(`the local registry refused a new user: HTTP ${response.status}`);
  }
  return body.token;
}
