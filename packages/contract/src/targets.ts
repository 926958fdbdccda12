/**
 * Where the suite points: an in-process emulator (the default), any URL, or Alibaba Cloud itself
 * (from environment variables, read-only unless destructive checks are asked for and the IDs
 * they may delete are given).
 */
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '@vodkit/emulator';
import type {
  AccountConfig,
  EmulatorOptions,
  RunningEmulator,
  StsTokenConfig,
} from '@vodkit/emulator';
import type { Credentials } from '@vodkit/signer';
import { QPS_LIMIT_PER_ACCOUNT, REGION_ENDPOINTS } from '@vodkit/types';
import { printableLine } from './printable.js';
import { TargetUnreachableError, causeOf } from './reach.js';
import { DEFAULT_ANSWER_TIMEOUT_MS, send } from './wire.js';
import type {
  ContractTarget,
  StsCredentials,
  TargetPartialBatch,
  TargetProfile,
} from './target.js';

/** A target URL's origin; refuses anything but an `http(s)://` URL, naming the option. */
function originOf(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new TypeError("target: must be 'emulator', 'alibaba' or an http:// or https:// URL");
  }
  return parsed.origin;
}

/** What the checks need of an emulator, as its configuration and as the target's fixtures. */
interface ContractFixtures {
  readonly accounts: readonly AccountConfig[];
  readonly stsTokens: readonly StsTokenConfig[];
  /** Images seeded for `given-ids-delete`. */
  readonly givenIds: readonly string[];

  readonly root: Credentials;
  readonly fixtures: Pick<
    ContractTarget,
    | 'disabledKey'
    | 'deniedKey'
    | 'suspendedKey'
    | 'unactivatedKey'
    | 'sts'
    | 'ramKeys'
    | 'otherAccountKey'
  >;
}

/**
 * A root key, a disabled key, a RAM-denied key, keys of a suspended and of an unactivated
 * account, valid and expired STS credentials and two images to delete. `tag` makes every name the run's own, so runs sharing an emulator keep apart.
 */
function contractFixtures(tag: string, now: number, root?: Credentials): ContractFixtures {
  const key = (name: string): Credentials => ({
    accessKeyId: `LTAI5tContract${name}${tag}`,
    accessKeySecret: `contract-${name.toLowerCase()}-secret${tag}`,
  });
  const sts = (name: string): StsCredentials => ({
    accessKeyId: `STS.Contract${name}${tag}`,
    accessKeySecret: `contract-sts-${name.toLowerCase()}-secret${tag}`,
    securityToken: `contract-sts-token-${name.toLowerCase()}${tag}`,
  });
  const rootKey = root ?? key('Root');
  const disabled = key('Disabled');
  const denied = key('Denied');
  const suspended = key('Suspended');
  const unactivated = key('Unactivated');
  const valid = sts('Valid');
  const expired = sts('Expired');
  const other = key('OtherAccount');
  // Policies the RAM evaluation must read right: wildcards, lists, a deny of another action.
  const allowedKeys = [
    { ...key('AllowWildcard'), policy: { allow: ['vod:*'] } },
    { ...key('AllowList'), policy: { allow: ['vod:GetImageInfo', 'vod:DeleteImage'] } },
    { ...key('AllowPrefix'), policy: { allow: ['vod:Delete*'], deny: ['vod:GetImageInfo'] } },
    // Action names ignore case.
    { ...key('AllowCase'), policy: { allow: ['VOD:deleteIMAGE'] } },
  ];
  const deniedKeys = [
    { ...key('DenyUnlisted'), policy: { allow: ['vod:GetImageInfo'] } },
    { ...key('DenyWildcard'), policy: { allow: ['*'], deny: ['vod:GetImageInfo', 'vod:Delete*'] } },
    // Only `*` is a wildcard: `.` and `?` are literal, and a name without `*` matches itself only.
    {
      ...key('DenyLiteral'),
      policy: { allow: ['vod:Delete.mage', 'vod:Delete?Image', 'vod:Delete'] },
    },
    // A deny of another action and no allow at all: nothing allows the call.
    { ...key('DenyNoAllow'), policy: { deny: ['vod:GetImageInfo'] } },
  ];
  const plain = ({ accessKeyId, accessKeySecret }: Credentials): Credentials => ({
    accessKeyId,
    accessKeySecret,
  });
  const accountId = `contract-account${tag}`;
  return {
    accounts: [
      {
        accountId,
        accessKeys: [
          rootKey,
          { ...disabled, active: false },
          { ...denied, policy: { allow: ['vod:*'], deny: ['vod:DeleteImage'] } },
          ...allowedKeys,
          ...deniedKeys,
        ],
      },
      { accountId: `${accountId}-other`, accessKeys: [other] },
      { accountId: `${accountId}-suspended`, accessKeys: [suspended], vodStatus: 'suspended' },
      {
        accountId: `${accountId}-unactivated`,
        accessKeys: [unactivated],
        vodStatus: 'not-activated',
      },
    ],
    stsTokens: [
      { ...valid, accountId, expiresAt: now + 3_600_000 },
      { ...expired, accountId, expiresAt: now - 60_000 },
    ],
    givenIds: [`contract-given-1${tag}`, `contract-given-2${tag}`],
    root: rootKey,
    fixtures: {
      disabledKey: disabled,
      deniedKey: denied,
      suspendedKey: suspended,
      unactivatedKey: unactivated,
      sts: { valid, expired },
      ramKeys: { allowed: allowedKeys.map(plain), denied: deniedKeys.map(plain) },
      otherAccountKey: other,
    },
  };
}

/** Options of {@link emulatorTarget}: any emulator option (stages, profile, partialBatch, qps…). */
export type EmulatorTargetOptions = Omit<
  EmulatorOptions,
  'accounts' | 'stsTokens' | 'host' | 'port' | 'log'
>;

/**
 * An emulator started in this process on 127.0.0.1, port 0, with the keys the checks need (a
 * root key, a disabled key, a RAM-denied key, valid and expired STS credentials). Seeding and
 * lookup go through its state.
 */
export async function emulatorTarget(
  options: EmulatorTargetOptions = {},
): Promise<ContractTarget & { readonly emulator: RunningEmulator }> {
  const f = contractFixtures('', (options.now ?? Date.now)(), DEFAULT_EMULATOR_CREDENTIALS);
  const emulator = await startEmulator({
    // The throttling check also holds the target to its x-acs-retry-after.
    retryAfter: true,
    ...options,
    images: [...(options.images ?? []), ...f.givenIds.map((imageId) => ({ imageId }))],
    host: '127.0.0.1',
    port: 0,
    log: false,
    accounts: f.accounts,
    stsTokens: f.stsTokens,
  });
  return {
    emulator,
    url: emulator.url,
    label: `in-process emulator (${emulator.profile})`,
    credentials: f.root,
    ...f.fixtures,
    seed: (images) => {
      emulator.state.add(images);
      return Promise.resolve();
    },
    lookup: (imageId) =>
      Promise.resolve(emulator.state.images().some((i) => i.imageId === imageId)),
    // Images the suite may delete as given, like a user's against the real service.
    deletableIds: f.givenIds,
    retryAfter: options.retryAfter ?? true,
    profile: emulator.profile,
    partialBatch: emulator.partialBatch,
    qps: options.qps ?? QPS_LIMIT_PER_ACCOUNT,
    destructive: true,
    close: () => emulator.close(),
  };
}

/** Options of {@link emulatorUrlTarget}. */
export interface EmulatorUrlTargetOptions {
  /** The emulator's admin token, if it was started with one. */
  readonly adminToken?: string | undefined;
  readonly profile?: TargetProfile | undefined;
  readonly partialBatch?: TargetPartialBatch | undefined;
  readonly qps?: number | undefined;
  /** How long one admin call may take, to its answer's last byte; default 10 000 ms. */
  readonly timeoutMs?: number | undefined;
  /** Ends every admin call early (the run's deadline). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * The most bytes of one admin answer read: `GET /__admin/state` lists every image the emulator
 * holds, so it may be larger than a DeleteImage answer, but never without bound.
 */
export const MAX_ADMIN_ANSWER_BYTES: number = 8 * 1_048_576;

/** A failed admin call: one line naming the URL and the cause. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
}

/**
 * The admin API of a vodkit emulator (or of any mock that implements its protocol; the README
 * documents it): JSON in and out, each answer bounded in size and by one deadline.
 */
function adminClient(
  origin: string,
  options: EmulatorUrlTargetOptions,
): (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<unknown> {
  return async (method, path, body) => {
    const url = `${origin}/__admin/${path}`;
    let answer;
    try {
      answer = await send(
        {
          method,
          url,
          headers: {
            'content-type': 'application/json',
            ...(options.adminToken === undefined
              ? {}
              : { authorization: `Bearer ${options.adminToken}` }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
        options.timeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS,
        { signal: options.signal, maxBytes: MAX_ADMIN_ANSWER_BYTES },
      );
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      throw new TargetUnreachableError(`${method} ${url}`, causeOf(error));
    }
    const said = (answer.json as { error?: unknown } | undefined)?.error;
    if (answer.status < 200 || answer.status > 299) {
      const why = typeof said === 'string' ? `: ${printableLine(said.slice(0, 300))}` : '';
      throw new AdminApiError(`admin ${method} ${url}: HTTP ${answer.status}${why}`);
    }
    if (answer.json === undefined) {
      throw new AdminApiError(`admin ${method} ${url}: the answer is not JSON`);
    }
    return answer.json;
  };
}

/**
 * A vodkit emulator running elsewhere (`vodkit-emulator`, a container), reached by URL: the
 * suite adds accounts with the keys it needs and seeds and looks up images through the
 * emulator's admin API (`/__admin/…`, the protocol the README documents for any mock).
 */
export async function emulatorUrlTarget(
  url: string,
  options: EmulatorUrlTargetOptions = {},
): Promise<ContractTarget> {
  const origin = originOf(url);
  const admin = adminClient(origin, options);
  // Names of this run only: an emulator shared by several runs keeps them apart.
  const f = contractFixtures(`-${Math.random().toString(36).slice(2, 10)}`, Date.now());
  for (const account of f.accounts) await admin('POST', 'accounts', account);
  for (const token of f.stsTokens) await admin('POST', 'sts-tokens', token);
  await admin('POST', 'images', { images: f.givenIds.map((imageId) => ({ imageId })) });
  return {
    ...urlTarget(origin, {
      credentials: f.root,
      ...f.fixtures,
      deletableIds: f.givenIds,
      seed: async (images) => {
        await admin('POST', 'images', { images });
      },
      lookup: async (imageId) => {
        const state = (await admin('GET', 'state')) as { images?: unknown };
        if (!Array.isArray(state.images)) {
          throw new AdminApiError(`admin GET ${origin}/__admin/state: no images array`);
        }
        return state.images.some((i) => (i as { imageId?: unknown } | null)?.imageId === imageId);
      },
      profile: options.profile,
      partialBatch: options.partialBatch,
      qps: options.qps,
      label: `emulator at ${origin} (admin API)`,
    }),
  };
}

/** Options of {@link urlTarget}. */
export interface UrlTargetOptions {
  readonly credentials: Credentials;
  readonly disabledKey?: Credentials | undefined;
  readonly deniedKey?: Credentials | undefined;
  readonly suspendedKey?: Credentials | undefined;
  readonly unactivatedKey?: Credentials | undefined;
  readonly ramKeys?: ContractTarget['ramKeys'];
  readonly otherAccountKey?: Credentials | undefined;
  readonly retryAfter?: boolean | undefined;
  readonly sts?: ContractTarget['sts'];
  readonly seed?: ContractTarget['seed'];
  readonly lookup?: ContractTarget['lookup'];
  /** Images destructive checks may delete as given (`given-ids-delete`). */
  readonly deletableIds?: readonly string[] | undefined;
  /** Image URLs destructive checks may delete as given. */
  readonly deletableUrls?: readonly string[] | undefined;
  /** Videos whose snapshots destructive checks may delete as given. */
  readonly deletableVideoIds?: readonly string[] | undefined;
  readonly profile?: TargetProfile | undefined;
  readonly partialBatch?: TargetPartialBatch | undefined;
  readonly qps?: number | undefined;
  /** Allow checks that delete (they need `seed` too). Default: true when `seed` is given. */
  readonly destructive?: boolean | undefined;
  readonly label?: string | undefined;
}

/** Any DeleteImage endpoint: a mock, a gateway, an emulator you started. */
export function urlTarget(url: string, options: UrlTargetOptions): ContractTarget {
  const origin = originOf(url);
  return {
    url: origin,
    label: options.label ?? `URL ${origin}`,
    credentials: options.credentials,
    disabledKey: options.disabledKey,
    deniedKey: options.deniedKey,
    suspendedKey: options.suspendedKey,
    unactivatedKey: options.unactivatedKey,
    ramKeys: options.ramKeys,
    otherAccountKey: options.otherAccountKey,
    retryAfter: options.retryAfter,
    sts: options.sts,
    seed: options.seed,
    lookup: options.lookup,
    deletableIds: options.deletableIds,
    deletableUrls: options.deletableUrls,
    deletableVideoIds: options.deletableVideoIds,
    profile: options.profile ?? 'service',
    partialBatch: options.partialBatch ?? 'fail-whole-call',
    qps: options.qps ?? QPS_LIMIT_PER_ACCOUNT,
    destructive: options.destructive ?? options.seed !== undefined,
    close: () => Promise.resolve(),
  };
}

/** The environment variables {@link alibabaTarget} reads. */
export const ALIBABA_ENV = {
  region: 'VODKIT_CONTRACT_REGION',
  endpoint: 'VODKIT_CONTRACT_ENDPOINT',
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  /** For temporary (STS) credentials: their token. */
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
} as const;

/**
 * The real service. Endpoint from `VODKIT_CONTRACT_ENDPOINT` or the region in
 * `VODKIT_CONTRACT_REGION` (default cn-shanghai), credentials from the standard variables
 * (`ALIBABA_CLOUD_SECURITY_TOKEN` too, for STS credentials); an empty variable counts as unset.
 * Destructive checks are refused unless `destructive: true` and the IDs they may delete are given.
 */
export function alibabaTarget(
  env: NodeJS.ProcessEnv,
  options: {
    readonly destructive?: boolean | undefined;
    readonly deletableIds?: readonly string[] | undefined;
  } = {},
): ContractTarget {
  const set = (name: string): string | undefined =>
    env[name] === undefined || env[name] === '' ? undefined : env[name];
  const accessKeyId = set(ALIBABA_ENV.accessKeyId);
  const accessKeySecret = set(ALIBABA_ENV.accessKeySecret);
  const securityToken = set(ALIBABA_ENV.securityToken);
  if (accessKeyId === undefined || accessKeySecret === undefined) {
    throw new TypeError(
      `target 'alibaba' needs ${ALIBABA_ENV.accessKeyId} and ${ALIBABA_ENV.accessKeySecret}`,
    );
  }
  if (options.destructive === true && (options.deletableIds ?? []).length === 0) {
    throw new TypeError(
      "target 'alibaba': destructive checks need deletableIds, the images they may delete",
    );
  }
  const region = set(ALIBABA_ENV.region) ?? 'cn-shanghai';
  const host = Object.hasOwn(REGION_ENDPOINTS, region)
    ? (REGION_ENDPOINTS as Readonly<Record<string, string>>)[region]
    : undefined;
  const given = set(ALIBABA_ENV.endpoint);
  const endpoint = given ?? (host === undefined ? undefined : `https://${host}`);
  if (endpoint === undefined)
    throw new TypeError(`${ALIBABA_ENV.region}: unknown region "${region}"`);
  return {
    ...urlTarget(endpoint, {
      credentials: {
        accessKeyId,
        accessKeySecret,
        ...(securityToken === undefined ? {} : { securityToken }),
      },
      label: `alibaba (${given === undefined ? region : originOf(given)})`,
    }),
    deletableIds: options.deletableIds,
    // The service cannot be seeded: checks that must create images stay not applicable.
    destructive: options.destructive === true,
  };
}
