import type { IncomingMessage } from 'node:http';
import { basename } from 'node:path';
import { constantTimeEqual } from '@vodkit/signer/node';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import { checkFaultPlan } from './faults.js';
import { baseHeaders, closeAfterAnswer, send } from './http.js';
import type { Incoming } from './http.js';
import type { AccountConfig, StsTokenConfig } from './keys.js';
import type { SeedImage } from './store.js';
import { readBody } from './parse.js';
import { StateFileError, stateFileIn } from './state.js';
import type { EmulatorState, StateSnapshot } from './state.js';

/** The prefix of the admin API; no RPC path can start with it (RPC calls go to `/`). */
export const ADMIN_PREFIX = '/__admin/';

/** The admin routes, for `--help` and `GET /__admin/`. */
export const ADMIN_ROUTES: readonly string[] = [
  'GET    /__admin/health                  liveness, URL, image count (HEAD too)',
  'GET    /__admin/state                   images (with URLs) and CDN tombstones',
  'POST   /__admin/images                  add images: [..] or { images: [..] }',
  'POST   /__admin/reset                   empty the store (or { images }), forget nonces, rate limits, requests',
  'GET    /__admin/snapshot                the store as a snapshot',
  'POST   /__admin/restore                 replace the store with a snapshot',
  'POST   /__admin/save                    write the snapshot to { file } (a name in the state dir) or the state file',
  'POST   /__admin/load                    read the store from { file } (a name in the state dir) or the state file',
  'GET    /__admin/faults                  the active fault plan',
  'POST   /__admin/faults                  set the fault plan (DELETE clears it)',
  'GET    /__admin/requests?limit=N        received RPC requests, secrets redacted (DELETE clears)',
  'GET    /__admin/clock                   the emulator clock; POST { offsetMs } or { advanceMs } moves it',
  'POST   /__admin/accounts                add an account: { accountId, accessKeys: [..] }',
  'POST   /__admin/sts-tokens              add STS credentials: { accessKeyId, accessKeySecret, securityToken, expiresAt, accountId }',
];

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

/** Serves `/__admin/*`: JSON in, JSON out; errors are `{ error }` with a 4xx status. */
export async function handleAdmin(
  core: EmulatorCore,
  state: EmulatorState,
  incoming: Incoming,
): Promise<void> {
  const { req, res, requestId, path, rawQuery } = incoming;
  const reply = (status: number, value: unknown): void => {
    send(
      res,
      status,
      { contentType: 'application/json;charset=utf-8', text: JSON.stringify(value) },
      // Never CORS headers: `--cors` opens the RPC endpoint to pages, not the admin API.
      baseHeaders(core, requestId, false),
    );
  };
  const route = `${req.method ?? ''} ${path.slice(ADMIN_PREFIX.length - 1)}`;
  try {
    const refused = refusal(core, req);
    if (refused !== undefined) {
      req.resume();
      throw refused;
    }
    const body = await readJson(req, core.maxBodyBytes);
    switch (route) {
      case 'HEAD /health': {
        res.writeHead(200, {
          ...baseHeaders(core, requestId, false),
          'content-type': 'application/json;charset=utf-8',
        });
        res.end();
        return;
      }
      case 'GET /': {
        reply(200, { routes: ADMIN_ROUTES });
        return;
      }
      case 'GET /health': {
        reply(200, { ok: true, url: core.baseUrl, images: state.size });
        return;
      }
      case 'GET /state': {
        reply(200, {
          size: state.size,
          images: state.images(),
          tombstones: state.snapshot().tombstones,
        });
        return;
      }
      case 'POST /images': {
        const images = imagesArg(body);
        if (images === undefined) throw new AdminError(400, 'expected [..] or { images: [..] }');
        state.add(images);
        reply(200, { added: images.length, size: state.size });
        return;
      }
      case 'POST /reset':
        state.reset(imagesArg(body));
        {
          reply(200, { size: state.size });
          return;
        }
      case 'GET /snapshot': {
        reply(200, state.snapshot());
        return;
      }
      case 'POST /restore':
        state.restore(body as StateSnapshot);
        {
          reply(200, { size: state.size });
          return;
        }
      case 'POST /save': {
        const saved = await state.save(await fileArg(core, body));
        reply(200, { file: basename(saved), size: state.size });
        return;
      }
      case 'POST /load':
        await state.load(await fileArg(core, body));
        {
          reply(200, { size: state.size });
          return;
        }
      case 'GET /faults': {
        reply(200, core.faults.get());
        return;
      }
      case 'POST /faults':
        core.faults.set(checkFaultPlan(body ?? {}));
        {
          reply(200, core.faults.get());
          return;
        }
      case 'DELETE /faults':
        core.faults.clear();
        {
          reply(200, core.faults.get());
          return;
        }
      case 'GET /requests': {
        const limit = Number(new URLSearchParams(rawQuery).get('limit') ?? 'NaN');
        const all = core.requests.list();
        reply(200, {
          requests: Number.isInteger(limit) && limit >= 0 ? all.slice(all.length - limit) : all,
        });
        return;
      }
      case 'DELETE /requests':
        core.requests.clear();
        {
          reply(200, { requests: [] });
          return;
        }
      case 'GET /clock': {
        reply(200, { now: nowOf(core), offsetMs: core.clockOffsetMs });
        return;
      }
      case 'POST /clock': {
        const offsetMs = field(body, 'offsetMs');
        const value = offsetMs ?? field(body, 'advanceMs');
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new AdminError(400, 'expected { offsetMs: number } or { advanceMs: number }');
        }
        core.clockOffsetMs = offsetMs === undefined ? core.clockOffsetMs + value : value;
        reply(200, { now: nowOf(core), offsetMs: core.clockOffsetMs });
        return;
      }
      case 'POST /accounts':
        core.keys.addAccount(body as AccountConfig);
        {
          reply(200, { accounts: core.keys.accountCount });
          return;
        }
      case 'POST /sts-tokens':
        core.keys.addStsToken(body as StsTokenConfig);
        {
          reply(200, { ok: true });
          return;
        }
      default:
        throw new AdminError(404, `no admin route ${route}; GET ${ADMIN_PREFIX} lists them`);
    }
  } catch (error) {
    if (error instanceof AdminError) {
      if (error.status === 413) closeAfterAnswer(req, res);
      reply(error.status, { error: error.message });
      return;
    }
    if (error instanceof TypeError || error instanceof StateFileError) {
      reply(400, { error: error.message });
      return;
    }
    // Not an error of the request: say so without echoing anything the handler read.
    reply(500, { error: `admin ${route} failed: ${(error as Error).name}` });
    return;
  }
}
