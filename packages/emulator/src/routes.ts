/**
 * Every route the emulator answers, as one table: the RPC endpoint, the images it serves in
 * place of the CDN, and the admin API. The dispatcher reads it, and the admin API's listing
 * (`GET /__admin/`) and the command line's `--help` print it, so no second list can drift.
 */
import { ADMIN_PREFIX, adminHandlers, serveAdmin } from './admin.js';
import type { AdminHandler } from './admin.js';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import type { Exchange } from './http.js';
import { IMAGES_PREFIX, refuseImageMethod, serveImage } from './images.js';
import { openRecord } from './log.js';
import { decodeParams, formatOf } from './parse.js';
import { runPipeline } from './pipeline.js';
import { errorOf } from './responses.js';
import type { Stage } from './stage.js';
import type { EmulatorState } from './state.js';

/** What the handlers of one emulator share. */
export interface App {
  readonly core: EmulatorCore;
  readonly state: EmulatorState;
  /** The RPC pipeline. */
  readonly stages: readonly Stage[];
}

interface RouteLine {
  readonly method: string;
  /** The path as listed: exact, or with a `<placeholder>` (images) or a `?query` shown. */
  readonly path: string;
  /**
   * The route's line in listings; `undefined` for a route the line before it already names
   * (`HEAD` of a `GET`, the `DELETE` that clears what a `POST` sets).
   */
  readonly help: string | undefined;
}

/** A route of the RPC endpoint or the images, served straight on the exchange. */
interface HttpRoute extends RouteLine {
  readonly area: 'rpc' | 'images';
  readonly serve: (x: Exchange, app: App) => void | Promise<void>;
}

/** A route of the admin API, served behind its gate (see `admin.ts`). */
interface AdminRoute extends RouteLine {
  readonly area: 'admin';
  readonly serve: AdminHandler;
}

/** One row of the route table. */
export type Route = HttpRoute | AdminRoute;

const rpc = (x: Exchange, app: App): Promise<void> => runPipeline(app.stages, app.core, x);

/** The RPC endpoint's path. */
export const RPC_PATH = '/';

/** Every route, by area; within the admin API, in the order the listing shows them. */
export const ROUTES: readonly Route[] = [
  {
    area: 'rpc',
    method: 'GET',
    path: RPC_PATH,
    help: 'DeleteImage, every field in the query',
    serve: rpc,
  },
  {
    area: 'rpc',
    method: 'POST',
    path: RPC_PATH,
    help: 'DeleteImage, fields in the query or a form body',
    serve: rpc,
  },
  {
    area: 'rpc',
    method: 'OPTIONS',
    path: RPC_PATH,
    help: 'CORS preflight, with --cors',
    serve: preflight,
  },
  {
    area: 'images',
    method: 'GET',
    path: `${IMAGES_PREFIX}<imageId>.png`,
    help: 'an image, while stored or within the CDN lag',
    serve: serveImage,
  },
  {
    area: 'images',
    method: 'HEAD',
    path: `${IMAGES_PREFIX}<imageId>.png`,
    help: undefined,
    serve: serveImage,
  },
  {
    area: 'admin',
    method: 'GET',
    path: ADMIN_PREFIX,
    help: undefined,
    serve: () => ({ routes: adminRouteLines() }),
  },
  {
    area: 'admin',
    method: 'GET',
    path: `${ADMIN_PREFIX}health`,
    help: 'liveness, URL, image count (HEAD too)',
    serve: adminHandlers.health,
  },
  {
    area: 'admin',
    method: 'HEAD',
    path: `${ADMIN_PREFIX}health`,
    help: undefined,
    serve: adminHandlers.health,
  },
  {
    area: 'admin',
    method: 'GET',
    path: `${ADMIN_PREFIX}state`,
    help: 'images (with URLs) and CDN tombstones',
    serve: adminHandlers.state,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}images`,
    help: 'add images: [..] or { images: [..] }',
    serve: adminHandlers.addImages,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}reset`,
    help: 'empty the store (or { images }), forget nonces, rate limits, requests',
    serve: adminHandlers.reset,
  },
  {
    area: 'admin',
    method: 'GET',
    path: `${ADMIN_PREFIX}snapshot`,
    help: 'the store as a snapshot',
    serve: adminHandlers.snapshot,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}restore`,
    help: 'replace the store with a snapshot',
    serve: adminHandlers.restore,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}save`,
    help: 'write the snapshot to { file } (a name in the state dir) or the state file',
    serve: adminHandlers.save,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}load`,
    help: 'read the store from { file } (a name in the state dir) or the state file',
    serve: adminHandlers.load,
  },
  {
    area: 'admin',
    method: 'GET',
    path: `${ADMIN_PREFIX}faults`,
    help: 'the active fault plan',
    serve: adminHandlers.faults,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}faults`,
    help: 'set the fault plan (DELETE clears it)',
    serve: adminHandlers.setFaults,
  },
  {
    area: 'admin',
    method: 'DELETE',
    path: `${ADMIN_PREFIX}faults`,
    help: undefined,
    serve: adminHandlers.clearFaults,
  },
  {
    area: 'admin',
    method: 'GET',
    path: `${ADMIN_PREFIX}requests?limit=N`,
    help: 'received RPC requests, secrets redacted (DELETE clears)',
    serve: adminHandlers.requests,
  },
  {
    area: 'admin',
    method: 'DELETE',
    path: `${ADMIN_PREFIX}requests`,
    help: undefined,
    serve: adminHandlers.clearRequests,
  },
  {
    area: 'admin',
    method: 'GET',
    path: `${ADMIN_PREFIX}clock`,
    help: 'the emulator clock; POST { offsetMs } or { advanceMs } moves it',
    serve: adminHandlers.clock,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}clock`,
    help: undefined,
    serve: adminHandlers.setClock,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}accounts`,
    help: 'add an account: { accountId, accessKeys: [..] }',
    serve: adminHandlers.addAccount,
  },
  {
    area: 'admin',
    method: 'POST',
    path: `${ADMIN_PREFIX}sts-tokens`,
    help: 'add STS credentials: { accessKeyId, accessKeySecret, securityToken, expiresAt, accountId }',
    serve: adminHandlers.addStsToken,
  },
];

/** The path a route matches: its listed path without a shown `?query`. */
const matchPath = (route: Route): string => route.path.split('?')[0] ?? route.path;

/** The listed lines of one area: method, path and help in columns. */
export function routeLines(area: Route['area']): string[] {
  return ROUTES.filter((r) => r.area === area && r.help !== undefined).map(
    (r) => `${r.method.padEnd(6)} ${r.path.padEnd(32)} ${r.help ?? ''}`,
  );
}

/** The admin routes, for `--help` and `GET /__admin/`. */
export function adminRouteLines(): string[] {
  return routeLines('admin');
}

/** Answers a CORS preflight of the RPC endpoint; without `cors` it is an API the gateway lacks. */
function preflight(x: Exchange): void {
  const { core, req, res } = x;
  if (core.cors === undefined) {
    unknownApi(x);
    return;
  }
  x.logAs('preflight');
  req.resume();
  res
    .writeHead(204, {
      ...x.headers(),
      'access-control-allow-methods': ROUTES.filter((r) => r.area === 'rpc')
        .map((r) => r.method)
        .join(', '),
      'access-control-allow-headers':
        req.headers['access-control-request-headers'] ??
        'authorization, content-type, x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce, x-acs-content-sha256, x-acs-security-token',
      'access-control-max-age': '600',
      'content-length': '0',
    })
    .end();
}

/** Any other path or method is an API the gateway does not know: `InvalidApi.NotFound`. */
function unknownApi(x: Exchange): void {
  const { core, req, res } = x;
  req.resume();
  const error = errorOf('InvalidApi.NotFound');
  const entry = openRecord(
    { requestId: x.requestId, receivedAt: nowOf(core), method: x.method, path: x.path },
    req.headers,
  );
  res.on('finish', () => {
    core.requests.record({ ...entry, status: error.httpStatus, code: error.code });
  });
  x.sendError(error, formatOf(decodeParams(x.rawQuery, undefined).params));
}

/** Serves one request by the table. */
export async function dispatch(x: Exchange, app: App): Promise<void> {
  const { path, method } = x;
  if (path.startsWith(ADMIN_PREFIX) || path === ADMIN_PREFIX.slice(0, -1)) {
    x.logAs('admin');
    const at = path === ADMIN_PREFIX.slice(0, -1) ? ADMIN_PREFIX : path;
    const route = ROUTES.find(
      (r): r is AdminRoute => r.area === 'admin' && r.method === method && matchPath(r) === at,
    );
    await serveAdmin(x, app.state, `${method} ${at.slice(ADMIN_PREFIX.length - 1)}`, route?.serve);
    return;
  }
  if (path.startsWith(IMAGES_PREFIX)) {
    x.logAs('image');
    const images = ROUTES.filter((r): r is HttpRoute => r.area === 'images');
    const route = images.find((r) => r.method === method);
    if (route === undefined)
      refuseImageMethod(
        x,
        images.map((r) => r.method),
      );
    else await route.serve(x, app);
    return;
  }
  const route = ROUTES.find(
    (r): r is HttpRoute => r.area === 'rpc' && r.method === method && r.path === path,
  );
  if (route === undefined) unknownApi(x);
  else await route.serve(x, app);
}
