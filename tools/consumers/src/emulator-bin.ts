/**
 * The `vodkit-emulator` bin as a downstream project runs it: from the package npm installed, on
 * port 0 (its banner names the port it got), with a deadline to start and to stop, and driven
 * through its admin API.
 */
import { join } from 'node:path';
import { startProcess } from './processes.ts';

/** A running emulator bin. */
export interface EmulatorBin {
  /** Its origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Registers an account holding one AccessKey pair. */
  addKey(accountId: string, accessKeyId: string, accessKeySecret: string): Promise<void>;
  /** Makes images exist. */
  addImages(imageIds: readonly string[]): Promise<void>;
  /** The IDs of the images it holds. */
  imageIds(): Promise<string[]>;
  /** Everything it printed: the banner (stderr) and one JSON line per request (stdout). */
  output(): string;
  /** Stops it (SIGTERM, then SIGKILL past a deadline). */
  stop(): Promise<void>;
}

/** Deadline of one admin request, and of the start. */
const TIMEOUT_MS = 10_000;

/**
 * Starts `node_modules/@vodkit/emulator/bin/vodkit-emulator.js` of the project in `dir` with the
 * `node` binary given, on 127.0.0.1 port 0, and resolves once its banner says where it listens.
 */
export async function startEmulatorBin(dir: string, node: string): Promise<EmulatorBin> {
  const bin = join(dir, 'node_modules', '@vodkit', 'emulator', 'bin', 'vodkit-emulator.js');
  const child = await startProcess(node, [bin, '--host', '127.0.0.1', '--port', '0'], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '' },
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)\n/,
    timeoutMs: TIMEOUT_MS,
  });
  const url = child.match[1] ?? '';
  const admin = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}/__admin/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} /__admin/${path}: HTTP ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  };
  return {
    url,
    addKey: async (accountId, accessKeyId, accessKeySecret) => {
      await admin('POST', 'accounts', {
        accountId,
        accessKeys: [{ accessKeyId, accessKeySecret }],
      });
    },
    addImages: async (imageIds) => {
      await admin('POST', 'images', { images: imageIds.map((imageId) => ({ imageId })) });
    },
    imageIds: async () => {
      const state = (await admin('GET', 'state')) as { images: { imageId: string }[] };
      return state.images.map((image) => image.imageId);
    },
    output: () => child.output(),
    stop: () => child.stop(TIMEOUT_MS),
  };
}
