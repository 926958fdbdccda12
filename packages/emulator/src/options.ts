import type { FaultPlan } from './faults.js';
import type { AccountConfig, StsTokenConfig } from './keys.js';
import type { Stage } from './pipeline.js';
import type { ValidationProfile } from './spec-validator.js';
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
