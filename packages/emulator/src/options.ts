/**
 * What `startEmulator` takes, and the one place it is checked: {@link resolveOptions} refuses a
 * bad option by name and returns every setting resolved, so no default is decided where a
 * setting is used.
 */
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  CLOCK_SKEW_SECONDS,
  NONCE_REPLAY_WINDOW_SECONDS,
  QPS_LIMIT_PER_ACCOUNT,
} from '@vodkit/types';
import { checkFaultPlan } from './faults.js';
import type { FaultPlan } from './faults.js';
import { DEFAULT_MAX_STATE_FILE_BYTES } from './files.js';
import { checkCredentials, defaultAccounts } from './keys.js';
import type { AccountConfig, StsTokenConfig } from './keys.js';
import { isLoopbackHost } from './loopback.js';
import type { Stage } from './stage.js';
import type { ValidationProfile } from './spec-validator.js';
import { DEFAULT_STAGES } from './stages/index.js';
import { checkImages } from './store.js';
import type { PartialBatch, SeedImage } from './store.js';

/** Options of {@link startEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /**
   * Interface to listen on. Default `127.0.0.1`. Any address that is not loopback exposes the
   * admin API to the network, so it needs `adminToken`.
   */
  readonly host?: string | undefined;
  /**
   * Which rules requests are held to. `service` (the default) behaves like the documented
   * service: fields of another variant and unknown fields are ignored, and only the service's
   * own rules apply. `strict` enforces every rule of the spec, vodkit's stricter ones included
   * (`x-vodkit-rules`), to catch a client's own mistakes. Both answer `NoSuchResource` for
   * images that do not exist.
   */
  readonly profile?: ValidationProfile | undefined;
  /**
   * What a call does when only some of the images it names exist; the documentation does not
   * say. `fail-whole-call` (the default) answers `NoSuchResource` and deletes nothing;
   * `delete-rest` deletes the images that exist and succeeds.
   */
  readonly partialBatch?: PartialBatch | undefined;
  /**
   * The RPC pipeline; default `DEFAULT_STAGES`. Remove or replace one stage to build a variant:
   * `withoutStage(DEFAULT_STAGES, 'verify')`.
   */
  readonly stages?: readonly Stage[] | undefined;
  /**
   * The only folder whose files `POST /__admin/save` and `/load` may name (a plain file name,
   * no path). Default: the folder of `stateFile`; without either, they take no name.
   */
  readonly stateDir?: string | undefined;
  /**
   * A secret every `/__admin/` request must carry (`Authorization: Bearer <token>` or
   * `x-vodkit-admin-token`). Required when `host` is not a loopback address.
   */
  readonly adminToken?: string | undefined;
  /** Port; `0` (the default) picks a free one. */
  readonly port?: number | undefined;
  /**
   * Accounts and their keys. Default: one account (`DEFAULT_ACCOUNT_ID`) holding
   * `DEFAULT_EMULATOR_CREDENTIALS`, allowed `vod:DeleteImage`.
   */
  readonly accounts?: readonly AccountConfig[] | undefined;
  /** STS credentials accepted in addition to the accounts' keys. */
  readonly stsTokens?: readonly StsTokenConfig[] | undefined;
  /** Images to seed (ignored when `stateFile` exists: the file wins). */
  readonly images?: readonly SeedImage[] | undefined;
  /** State file: loaded at start when it exists, saved on `close()` and by `POST /__admin/save`. */
  readonly stateFile?: string | undefined;
  /** Requests per second per account. Default `QPS_LIMIT_PER_ACCOUNT` (50); `Infinity` disables. */
  readonly qps?: number | undefined;
  /** Allowed clock skew of `Timestamp`/`x-acs-date`, ms. Default `CLOCK_SKEW_SECONDS` (15 min). */
  readonly maxSkewMs?: number | undefined;
  /** The emulator's clock in epoch ms (skew, STS expiry, rate limit, CDN lag, `Date`). */
  readonly now?: (() => number) | undefined;
  /** How long (ms) a deleted image's URL keeps serving. Default 0. */
  readonly cdnLagMs?: number | undefined;
  /** Faults active from the start; change them later with `running.faults.set()`. */
  readonly faults?: FaultPlan | undefined;
  /**
   * Add `x-acs-retry-after` (ms until the account's next free slot) to `Throttling.User`
   * answers of the rate limiter. Default `false`, like the classic gateway.
   */
  readonly retryAfter?: boolean | undefined;
  /**
   * CORS for browser tests: answers preflights and exposes `x-acs-*` and `Date` to scripts.
   * `true` allows any origin. Default off.
   */
  readonly cors?: boolean | { readonly origin: string } | undefined;
  /** Receives one JSON line per request (secrets redacted). Default `false`: silent. */
  readonly log?: false | ((line: string) => void) | undefined;
  /** Seed of the generator behind random latency and probabilistic faults. Default 1. */
  readonly seed?: number | undefined;
  /**
   * Largest state file read at start and by `load` (also `POST /__admin/load`), bytes. Default
   * 256 MiB. Only regular files are read; a FIFO, device or directory is refused at once.
   */
  readonly maxStateFileBytes?: number | undefined;
  /**
   * How long (ms) a client may take to send a whole request, headers and body; past it the
   * connection is closed (a stalled upload never holds a handler). Default 60 000.
   */
  readonly requestTimeoutMs?: number | undefined;
  /** Largest request body accepted, bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined;
  /** How many received requests `requests()` keeps (the oldest go first). Default 1000. */
  readonly maxRecordedRequests?: number | undefined;
  /**
   * `HostId` in error bodies when the request's `Host` header is unusable. Default the
   * default region's endpoint, `vod.cn-shanghai.aliyuncs.com`.
   */
  readonly hostId?: string | undefined;
}

/** Default largest request body: 1 MiB (a 20-URL DeleteImage form is a few kB). */
export const DEFAULT_MAX_BODY_BYTES: number = 1024 * 1024;

/** Default of `requestTimeoutMs`: a whole request (headers and body) must arrive within it. */
export const DEFAULT_REQUEST_TIMEOUT_MS: number = 60_000;

/** `HostId` when the request's `Host` is unusable: the default region's endpoint. */
const DEFAULT_HOST_ID = 'vod.cn-shanghai.aliyuncs.com';

// Past this many remembered nonces the oldest go first (about 40 MB): an unlimited emulator under a
// flood forgets early rather than growing without bound.
const MAX_NONCES = 250_000;

/** {@link EmulatorOptions} checked, with every default filled in. */
export interface EmulatorConfig {
  readonly host: string;
  /** Whether `host` is a loopback address (the admin API then insists on a loopback `Host`). */
  readonly loopback: boolean;
  readonly port: number;
  readonly profile: ValidationProfile;
  readonly partialBatch: PartialBatch;
  readonly stages: readonly Stage[];
  /** The only folder admin `save`/`load` may touch (absolute, real path); none: no names. */
  readonly stateDir: string | undefined;
  readonly adminToken: string | undefined;
  /** Checked copies: a caller changing its objects later changes nothing. */
  readonly accounts: readonly AccountConfig[];
  readonly stsTokens: readonly StsTokenConfig[];
  readonly images: readonly SeedImage[];
  readonly stateFile: string | undefined;
  /** Requests per second per account; `Infinity` for none. */
  readonly qps: number;
  /** How many nonces to remember: every account at its limit for the whole replay window. */
  readonly maxNonces: number;
  readonly maxSkewMs: number;
  readonly now: () => number;
  readonly cdnLagMs: number;
  readonly faults: FaultPlan | undefined;
  readonly retryAfter: boolean;
  readonly cors: { readonly origin: string } | undefined;
  readonly log: ((line: string) => void) | undefined;
  readonly seed: number;
  readonly maxStateFileBytes: number;
  readonly requestTimeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxRecordedRequests: number;
  readonly hostId: string;
}

function checkNumber(value: number | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < min) {
    throw new TypeError(`${name} must be a number ≥ ${min}`);
  }
  return value;
}

function oneOf<T extends string>(
  value: T | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new TypeError(`${name} must be one of ${allowed.join(', ')}`);
  }
  return value;
}

/** The state directory, resolved once at start to its real path. */
function stateDirOf(options: EmulatorOptions): string | undefined {
  const dir =
    options.stateDir ??
    (options.stateFile === undefined ? undefined : dirname(resolve(options.stateFile)));
  if (dir === undefined) return undefined;
  if (typeof dir !== 'string' || dir === '') throw new TypeError('stateDir must be a folder path');
  try {
    return realpathSync(dir);
  } catch {
    // Not there yet: the first save creates it.
    return resolve(dir);
  }
}

function corsOf(cors: EmulatorOptions['cors']): { origin: string } | undefined {
  if (cors === undefined || cors === false) return undefined;
  if (cors === true) return { origin: '*' };
  const origin = (cors as { origin?: unknown } | null)?.origin;
  if (typeof origin !== 'string' || origin === '') {
    throw new TypeError('cors must be true, false or { origin: string }');
  }
  return { origin };
}

/** A function option (a clock, a log sink), or its default when it is not given. */
function functionOr<F extends (...args: never[]) => unknown, D>(
  value: F | undefined,
  name: string,
  fallback: D,
): F | D {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw new TypeError(`${name} must be a function`);
  return value;
}

/** Checks a stage list given from outside: an array of `{ name, run }`, names unique. */
function checkStages(stages: unknown): readonly Stage[] {
  if (!Array.isArray(stages)) throw new TypeError('stages must be an array of { name, run }');
  const names = new Set<string>();
  stages.forEach((stage: unknown, i) => {
    const s = stage as Partial<Stage> | null;
    if (typeof s?.name !== 'string' || s.name === '' || typeof s.run !== 'function') {
      throw new TypeError(`stages[${i}] must be { name: string, run(ctx) }`);
    }
    if (names.has(s.name)) throw new TypeError(`stages[${i}]: the name "${s.name}" is used twice`);
    names.add(s.name);
  });
  return stages as readonly Stage[];
}

/**
 * Checks every option (a `TypeError` names the first bad one and its rule) and fills in the
 * defaults; what it returns is all `startEmulator` needs to assemble and listen.
 */
export function resolveOptions(options: EmulatorOptions): EmulatorConfig {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  const adminToken = options.adminToken;
  if (adminToken !== undefined && (typeof adminToken !== 'string' || adminToken.length < 8)) {
    throw new TypeError('adminToken must be a string of at least 8 characters');
  }
  if (!loopback && adminToken === undefined) {
    throw new TypeError(
      `host ${host} is not a loopback address: the admin API would be open to the network; set adminToken (--admin-token)`,
    );
  }
  const profile = oneOf(options.profile, 'profile', ['service', 'strict'], 'service');
  const partialBatch = oneOf(
    options.partialBatch,
    'partialBatch',
    ['fail-whole-call', 'delete-rest'],
    'fail-whole-call',
  );
  const stages = options.stages === undefined ? DEFAULT_STAGES : checkStages(options.stages);
  const qps = checkNumber(options.qps, 'qps', QPS_LIMIT_PER_ACCOUNT);
  const credentials = checkCredentials(
    options.accounts ?? defaultAccounts(),
    options.stsTokens ?? [],
  );
  // Size the nonce memory for every account sending at its limit for the whole window.
  const maxNonces = Number.isFinite(qps)
    ? Math.min(
        MAX_NONCES,
        Math.max(
          10_000,
          Math.ceil(qps * NONCE_REPLAY_WINDOW_SECONDS * Math.max(1, credentials.accounts.length)),
        ),
      )
    : MAX_NONCES;
  return {
    host,
    loopback,
    port: checkNumber(options.port, 'port', 0),
    profile,
    partialBatch,
    stages,
    stateDir: stateDirOf(options),
    adminToken,
    accounts: credentials.accounts,
    stsTokens: credentials.stsTokens,
    images: options.images === undefined ? [] : checkImages(options.images, 'images'),
    stateFile: options.stateFile,
    qps,
    maxNonces,
    maxSkewMs: checkNumber(options.maxSkewMs, 'maxSkewMs', CLOCK_SKEW_SECONDS * 1000),
    now: functionOr(options.now, 'now', Date.now),
    cdnLagMs: checkNumber(options.cdnLagMs, 'cdnLagMs', 0),
    faults: options.faults === undefined ? undefined : checkFaultPlan(options.faults),
    retryAfter: options.retryAfter === true,
    cors: corsOf(options.cors),
    log: options.log === false ? undefined : functionOr(options.log, 'log', undefined),
    seed: checkNumber(options.seed, 'seed', 1),
    maxStateFileBytes: checkNumber(
      options.maxStateFileBytes,
      'maxStateFileBytes',
      DEFAULT_MAX_STATE_FILE_BYTES,
      1,
    ),
    requestTimeoutMs: checkNumber(
      options.requestTimeoutMs,
      'requestTimeoutMs',
      DEFAULT_REQUEST_TIMEOUT_MS,
      1,
    ),
    maxBodyBytes: checkNumber(options.maxBodyBytes, 'maxBodyBytes', DEFAULT_MAX_BODY_BYTES, 1),
    maxRecordedRequests: checkNumber(options.maxRecordedRequests, 'maxRecordedRequests', 1000),
    hostId: options.hostId ?? DEFAULT_HOST_ID,
  };
}
