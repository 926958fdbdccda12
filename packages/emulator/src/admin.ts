/**
 * The admin API's gate and handlers: JSON in, JSON out. Which handler answers which method and
 * path is the route table's (`routes.ts`); every admin request passes the gate first.
 */
import type { IncomingMessage } from 'node:http';
import { basename } from 'node:path';
import { constantTimeEqual } from '@vodkit/signer/node';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import { checkFaultPlan } from './faults.js';
import type { Exchange } from './http.js';
import type { AccountConfig, StsTokenConfig } from './keys.js';
import type { SeedImage } from './store.js';
import { readBody } from './parse.js';
import { StateFileError, stateFileIn } from './state.js';
import type { EmulatorState, StateSnapshot } from './state.js';

/** The largest clock offset the admin API sets, either way: 100 years. */
const MAX_CLOCK_OFFSET_MS = 100 * 365.25 * 24 * 3_600_000;

/** The prefix of the admin API; no RPC path can start with it (RPC calls go to `/`). */
export const ADMIN_PREFIX = '/__admin/';

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const read = await readBody(req, limit);
  if (!read.ok) {
    throw new AdminError(
      413,
      `body holds ${read.bytes} bytes or more; at most ${limit} are allowed`,
    );
  }
  const text = read.body.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AdminError(400, 'body must be JSON');
  }
}

/** A field of a JSON object body (`undefined` for anything else). */
const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null && Object.hasOwn(body, name)
    ? (body as Record<string, unknown>)[name]
    : undefined;

/** The `file` of a save/load body: a name inside the state directory, or none (the state file). */
const fileArg = async (core: EmulatorCore, body: unknown): Promise<string | undefined> => {
  const file = field(body, 'file');
  if (file === undefined) return undefined;
  if (typeof file !== 'string' || file === '') {
    throw new AdminError(400, 'file must be a file name inside the state directory');
  }
  return stateFileIn(core.stateDir, file);
};

const LOOPBACK_HOST =
  /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[::ffff:127(?:\.\d{1,3}){3}\])(?::\d{1,5})?$/i;

/** The token a request carries, from `Authorization: Bearer` or `x-vodkit-admin-token`. */
function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-vodkit-admin-token'];
  if (typeof header === 'string') return header;
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') === true ? auth.slice('Bearer '.length) : undefined;
}

/**
 * Why an admin request is refused, if it is. The admin API changes state and touches files, so
 * it answers only requests that cannot come from a web page on another site: no foreign
 * `Origin` or `Sec-Fetch-Site`, a loopback `Host` while listening on loopback (a DNS-rebinding
 * page sends its own name), a JSON content type on every request that changes something (HTML
 * forms and simple cross-site requests cannot send one), and the admin token when one is set.
 */
function refusal(core: EmulatorCore, req: IncomingMessage): AdminError | undefined {
  if (core.adminToken !== undefined) {
    const token = tokenOf(req);
    if (token === undefined || !constantTimeEqual(token, core.adminToken)) {
      return new AdminError(
        401,
        'this emulator requires its admin token (Authorization: Bearer <token>)',
      );
    }
  }
  const host = req.headers.host ?? '';
  if (core.loopback && !LOOPBACK_HOST.test(host)) {
    return new AdminError(
      403,
      'admin requests must address the emulator by a loopback name (Host)',
    );
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return new AdminError(403, 'admin requests from a web page on another origin are refused');
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return new AdminError(403, 'cross-site admin requests are refused');
  }
  const method = req.method ?? '';
  if (method !== 'GET' && method !== 'HEAD') {
    const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return new AdminError(
        415,
        `admin ${method} requests must be sent with content-type: application/json`,
      );
    }
  }
  return undefined;
}

/**
 * The images of an `images` or `reset` body: `[..]` or `{ images: [..] }`. Any other field is
 * refused, so a misspelt `{ "image": [..] }` is not read as "no images" (an empty store).
 */
const imagesArg = (body: unknown): SeedImage[] | undefined => {
  if (body === undefined) return undefined;
  if (Array.isArray(body)) return body as SeedImage[];
  if (typeof body !== 'object' || body === null) {
    throw new AdminError(400, 'body must be [..] or { images: [..] }');
  }
  const extra = Object.keys(body).find((name) => name !== 'images');
  if (extra !== undefined) {
    throw new AdminError(400, `${extra} is not a field of this body (allowed: images)`);
  }
  const images = field(body, 'images');
  if (images === undefined) return undefined;
  if (!Array.isArray(images)) throw new AdminError(400, 'images must be an array');
  return images as SeedImage[];
};

/** What an admin handler is given: the emulator, and the request's JSON body and query. */
export interface AdminCall {
  readonly core: EmulatorCore;
  readonly state: EmulatorState;
  /** The parsed JSON body; `undefined` when empty. */
  readonly body: unknown;
  /** The query string, without `?`. */
  readonly rawQuery: string;
}

/** An admin handler: returns the JSON value answered with 200 (a `HEAD` answers no body). */
export type AdminHandler = (call: AdminCall) => unknown;

/** The names of the admin handlers. */
export type AdminHandlerName =
  | 'health'
  | 'state'
  | 'addImages'
  | 'reset'
  | 'snapshot'
  | 'restore'
  | 'save'
  | 'load'
  | 'faults'
  | 'setFaults'
  | 'clearFaults'
  | 'requests'
  | 'clearRequests'
  | 'clock'
  | 'setClock'
  | 'addAccount'
  | 'addStsToken';

/** The admin handlers, by what they do; the route table gives each its method and path. */
export const adminHandlers: Readonly<Record<AdminHandlerName, AdminHandler>> = {
  health: ({ core, state }: AdminCall): unknown => ({
    ok: true,
    url: core.baseUrl,
    images: state.size,
  }),
  state: ({ state }: AdminCall): unknown => ({
    size: state.size,
    images: state.images(),
    tombstones: state.snapshot().tombstones,
  }),
  addImages: ({ state, body }: AdminCall): unknown => {
    const images = imagesArg(body);
    if (images === undefined) throw new AdminError(400, 'expected [..] or { images: [..] }');
    state.add(images);
    return { added: images.length, size: state.size };
  },
  reset: ({ state, body }: AdminCall): unknown => {
    state.reset(imagesArg(body));
    return { size: state.size };
  },
  snapshot: ({ state }: AdminCall): unknown => state.snapshot(),
  restore: ({ state, body }: AdminCall): unknown => {
    state.restore(body as StateSnapshot);
    return { size: state.size };
  },
  save: async ({ core, state, body }: AdminCall): Promise<unknown> => {
    const saved = await state.save(await fileArg(core, body));
    return { file: basename(saved), size: state.size };
  },
  load: async ({ core, state, body }: AdminCall): Promise<unknown> => {
    await state.load(await fileArg(core, body));
    return { size: state.size };
  },
  faults: ({ core }: AdminCall): unknown => core.faults.get(),
  setFaults: ({ core, body }: AdminCall): unknown => {
    core.faults.set(checkFaultPlan(body ?? {}));
    return core.faults.get();
  },
  clearFaults: ({ core }: AdminCall): unknown => {
    core.faults.clear();
    return core.faults.get();
  },
  requests: ({ core, rawQuery }: AdminCall): unknown => {
    const limit = Number(new URLSearchParams(rawQuery).get('limit') ?? 'NaN');
    const all = core.requests.list();
    return {
      requests: Number.isInteger(limit) && limit >= 0 ? all.slice(all.length - limit) : all,
    };
  },
  clearRequests: ({ core }: AdminCall): unknown => {
    core.requests.clear();
    return { requests: [] };
  },
  clock: ({ core }: AdminCall): unknown => ({ now: nowOf(core), offsetMs: core.clockOffsetMs }),
  setClock: ({ core, body }: AdminCall): unknown => {
    const offsetMs = field(body, 'offsetMs');
    const value = offsetMs ?? field(body, 'advanceMs');
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new AdminError(400, 'expected { offsetMs: number } or { advanceMs: number }');
    }
    const next = offsetMs === undefined ? core.clockOffsetMs + value : value;
    // A clock far outside what Date can show would make every later answer's Date header and
    // log line throw; a century either way covers every skew and expiry test.
    if (Math.abs(next) > MAX_CLOCK_OFFSET_MS) {
      throw new AdminError(
        400,
        `the clock offset must stay within ±${MAX_CLOCK_OFFSET_MS} ms (100 years)`,
      );
    }
    core.clockOffsetMs = next;
    return { now: nowOf(core), offsetMs: core.clockOffsetMs };
  },
  addAccount: ({ core, body }: AdminCall): unknown => {
    core.keys.addAccount(body as AccountConfig);
    return { accounts: core.keys.accountCount };
  },
  addStsToken: ({ core, body }: AdminCall): unknown => {
    core.keys.addStsToken(body as StsTokenConfig);
    return { ok: true };
  },
};

/**
 * Serves one admin request: the gate (see {@link refusal}), the JSON body, then `handler`, or a
 * 404 naming `route` when no route matched. Errors are `{ error }` with a 4xx status.
 */
export async function serveAdmin(
  x: Exchange,
  state: EmulatorState,
  route: string,
  handler: AdminHandler | undefined,
): Promise<void> {
  const { core, req, res } = x;
  const reply = (status: number, value: unknown): void => {
    x.send(
      status,
      { contentType: 'application/json;charset=utf-8', text: JSON.stringify(value) },
      // Never CORS headers: `--cors` opens the RPC endpoint to pages, not the admin API.
      x.headers(false),
    );
  };
  try {
    const refused = refusal(core, req);
    if (refused !== undefined) {
      req.resume();
      throw refused;
    }
    const body = await readJson(req, core.maxBodyBytes);
    if (handler === undefined) {
      throw new AdminError(404, `no admin route ${route}; GET ${ADMIN_PREFIX} lists them`);
    }
    const value = await handler({ core, state, body, rawQuery: x.rawQuery });
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...x.headers(false), 'content-type': 'application/json;charset=utf-8' });
      res.end();
      return;
    }
    reply(200, value);
  } catch (error) {
    if (error instanceof AdminError) {
      if (error.status === 413) x.closeAfterAnswer();
      reply(error.status, { error: error.message });
      return;
    }
    if (error instanceof TypeError || error instanceof StateFileError) {
      reply(400, { error: error.message });
      return;
    }
    // Not an error of the request: say so without echoing anything the handler read.
    reply(500, { error: `admin ${route} failed: ${(error as Error).name}` });
  }
}
