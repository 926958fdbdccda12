import { createRequire } from 'node:module';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type * as Net from 'node:net';
import type * as Tls from 'node:tls';
import type * as DiagnosticsChannel from 'node:diagnostics_channel';

// Node built-ins the Node entry needs only once it sends: loaded on first use, so that importing
// the client does not load them (the bench's cold-import row measures it). `process.getBuiltinModule` (Node ≥ 20.16) loads
// one synchronously; older Node 20 releases get the same module through `require`.
const load: (id: string) => unknown =
  typeof process.getBuiltinModule === 'function'
    ? (id) => process.getBuiltinModule(id)
    : createRequire(import.meta.url);

/** `node:net`, loaded on first call. */
export const loadNet = (): typeof Net => load('node:net') as typeof Net;

/** `node:tls`, loaded on first call. */
export const loadTls = (): typeof Tls => load('node:tls') as typeof Tls;

/** `node:http`, loaded on first call. */
export const loadHttp = (): typeof Http => load('node:http') as typeof Http;

/** `node:https`, loaded on first call. */
export const loadHttps = (): typeof Https => load('node:https') as typeof Https;

/** `node:diagnostics_channel`, loaded on first call. */
export const loadDiagnosticsChannel = (): typeof DiagnosticsChannel =>
  load('node:diagnostics_channel') as typeof DiagnosticsChannel;
