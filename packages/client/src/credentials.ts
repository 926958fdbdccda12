import type { Credentials } from '@vodkit/signer';
import { VodCredentialsError, isCredentialsNotFound } from './errors.js';

/** Credentials as providers return them: an AccessKey pair or STS credentials, maybe expiring. */
export interface VodCredentials extends Credentials {
  /** When temporary credentials expire, in epoch milliseconds; absent for long-lived keys. */
  readonly expiresAt?: number | undefined;
}

/** A source of credentials. It rejects with a `CredentialsNotFound` {@link VodCredentialsError} when it has none, so that {@link chain} tries the next one. */
export type CredentialProvider = () => Promise<VodCredentials>;

/** Rejects with the "try the next provider" error; `source` names where it looked, never a secret. */
export function notFound(source: string, detail: string): never {
  throw new VodCredentialsError(`${source}: ${detail}`, { code: 'CredentialsNotFound' });
}

/** Throws a "found but unusable" error: it stops a {@link chain}. */
export function malformed(source: string, detail: string): never {
  throw new VodCredentialsError(`${source}: ${detail}`, { code: 'CredentialsMalformed' });
}

/**
 * A provider that always returns the same credentials.
 *
 * @example
 * ```ts
 * createVodClient({ region: 'cn-shanghai', credentials: staticCredentials({ accessKeyId, accessKeySecret }) })
 * ```
 */
export function staticCredentials(credentials: VodCredentials): CredentialProvider {
  const c = Object.freeze({ ...credentials });
  return () => Promise.resolve(c);
}

type Env = Readonly<Record<string, string | undefined>>;

/** One family of environment variables: an ID, a secret and maybe a token, named alike. */
export interface EnvFamily {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
}

/**
 * The environment-variable families, most preferred first: `ALIBABA_CLOUD_*`, then the aliases
 * the aliyun CLI accepts, then Terraform's. Credentials come from one family, never mixed.
 */
export const ENV_FAMILIES: readonly EnvFamily[] = /* @__PURE__ */ [
  [
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'ALIBABA_CLOUD_SECURITY_TOKEN',
  ],
  ['ALIBABACLOUD_ACCESS_KEY_ID', 'ALIBABACLOUD_ACCESS_KEY_SECRET', 'ALIBABACLOUD_SECURITY_TOKEN'],
  ['ALICLOUD_ACCESS_KEY_ID', 'ALICLOUD_ACCESS_KEY_SECRET', 'ALICLOUD_SECURITY_TOKEN'],
  ['ALICLOUD_ACCESS_KEY', 'ALICLOUD_SECRET_KEY', 'ALICLOUD_SECURITY_TOKEN'],
  ['ACCESS_KEY_ID', 'ACCESS_KEY_SECRET', 'SECURITY_TOKEN'],
].map(([accessKeyId, accessKeySecret, securityToken]) =>
  Object.freeze({ accessKeyId, accessKeySecret, securityToken } as EnvFamily),
);

/** Every variable name {@link fromEnv} reads, by field, most preferred first. */
export const ENV_NAMES: {
  readonly accessKeyId: readonly string[];
  readonly accessKeySecret: readonly string[];
  readonly securityToken: readonly string[];
} = {
  accessKeyId: /* @__PURE__ */ ENV_FAMILIES.map((f) => f.accessKeyId),
  accessKeySecret: /* @__PURE__ */ ENV_FAMILIES.map((f) => f.accessKeySecret),
  securityToken: /* @__PURE__ */ Array.from(
    /* @__PURE__ */ new Set(/* @__PURE__ */ ENV_FAMILIES.map((f) => f.securityToken)),
  ),
};

const value = (env: Env, name: string): string | undefined => {
  const v = Object.hasOwn(env, name) ? env[name] : undefined;
  return v === undefined || v === '' ? undefined : v;
};

/**
 * Reads credentials from the first family of variables that has an ID or a secret
 * set (`ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and optional
 * `ALIBABA_CLOUD_SECURITY_TOKEN` first): ID, secret and token all from that one family, so an ID
 * from one tool's variables is never signed with another tool's secret. `env` defaults to
 * `process.env` where it exists, so edge runtimes can pass their bindings instead.
 *
 * @example
 * ```ts
 * const provider = fromEnv();
 * ```
 */
export function fromEnv(env?: Env): CredentialProvider {
  return () => {
    const e: Env = env ?? (globalThis as { process?: { env?: Env } }).process?.env ?? {};
    const family = ENV_FAMILIES.find(
      (f) => value(e, f.accessKeyId) !== undefined || value(e, f.accessKeySecret) !== undefined,
    );
    if (family === undefined) {
      return Promise.reject(notFoundError('environment', 'ALIBABA_CLOUD_ACCESS_KEY_ID is not set'));
    }
    const accessKeyId = value(e, family.accessKeyId);
    const accessKeySecret = value(e, family.accessKeySecret);
    if (accessKeyId === undefined || accessKeySecret === undefined) {
      const missing = accessKeyId === undefined ? family.accessKeyId : family.accessKeySecret;
      return Promise.reject(
        new VodCredentialsError(
          `environment: ${missing} is missing (ID, secret and token are read from one family of variables)`,
          { code: 'CredentialsMalformed' },
        ),
      );
    }
    const securityToken = value(e, family.securityToken);
    return Promise.resolve(
      securityToken === undefined
        ? { accessKeyId, accessKeySecret }
        : { accessKeyId, accessKeySecret, securityToken },
    );
  };
}

const notFoundError = (source: string, detail: string): VodCredentialsError =>
  new VodCredentialsError(`${source}: ${detail}`, { code: 'CredentialsNotFound' });

/**
 * Tries each provider in turn; a provider that has nothing (`CredentialsNotFound`) passes to
 * the next, any other failure stops the chain. Rejects with `CredentialsNotFound` listing where
 * it looked when none has credentials.
 *
 * @example
 * ```ts
 * const provider = memoize(chain(fromEnv(), fromAliyunConfig(), fromCredentialsFile()));
 * ```
 */
export function chain(...providers: readonly CredentialProvider[]): CredentialProvider {
  return async () => {
    const tried: string[] = [];
    for (const provider of providers) {
      try {
        return await provider();
      } catch (error) {
        if (!isCredentialsNotFound(error)) throw error;
        tried.push((error as Error).message);
      }
    }
    throw new VodCredentialsError(`no credentials found (${tried.join('; ')})`, {
      code: 'CredentialsNotFound',
    });
  };
}

/** Options of {@link memoize}. */
export interface MemoizeOptions {
  /** Refresh this long before `expiresAt`, in ms; defaults to 5 minutes. */
  readonly refreshBeforeMs?: number | undefined;
  /** Current time in epoch ms; defaults to `Date.now`. */
  readonly now?: (() => number) | undefined;
}

/**
 * Caches a provider's credentials until `refreshBeforeMs` before they expire (forever when they
 * do not expire). Concurrent callers share one in-flight load; a failed load is not cached.
 *
 * @example
 * ```ts
 * const provider = memoize(fromSts(() => myStsCall()));
 * ```
 */
export function memoize(
  provider: CredentialProvider,
  options: MemoizeOptions = {},
): CredentialProvider {
  const early = options.refreshBeforeMs ?? 300_000;
  const now = options.now ?? Date.now;
  let cached: VodCredentials | undefined;
  let pending: Promise<VodCredentials> | undefined;
  return () => {
    if (
      cached !== undefined &&
      (cached.expiresAt === undefined || now() < cached.expiresAt - early)
    ) {
      return Promise.resolve(cached);
    }
    pending ??= provider().then(
      (c) => {
        cached = c;
        pending = undefined;
        return c;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}

/** Temporary credentials in the shape Alibaba's STS `AssumeRole*` and the ECS metadata service return them. */
export interface StsCredentialsBody {
  /** `STS.…` AccessKey ID. */
  readonly AccessKeyId: string;
  /** The temporary secret. */
  readonly AccessKeySecret: string;
  /** The security token. */
  readonly SecurityToken: string;
  /** Expiry as an ISO 8601 string (`2025-01-15T09:30:00Z`). */
  readonly Expiration: string;
}

/**
 * The shape for STS and ECS-role sources: wrap any function that returns Alibaba's
 * `{ AccessKeyId, AccessKeySecret, SecurityToken, Expiration }` (your `AssumeRole` call, your
 * metadata fetch), and {@link memoize} refreshes it before it expires.
 *
 * @example
 * ```ts
 * const provider = memoize(fromSts(async () => (await sts.assumeRole(args)).Credentials));
 * ```
 */
export function fromSts(load: () => Promise<StsCredentialsBody>): CredentialProvider {
  return async () => {
    const body = await load();
    const expiresAt = Date.parse(body.Expiration);
    if (
      typeof body.AccessKeyId !== 'string' ||
      typeof body.AccessKeySecret !== 'string' ||
      typeof body.SecurityToken !== 'string' ||
      Number.isNaN(expiresAt)
    ) {
      malformed('sts', 'expected { AccessKeyId, AccessKeySecret, SecurityToken, Expiration }');
    }
    return {
      accessKeyId: body.AccessKeyId,
      accessKeySecret: body.AccessKeySecret,
      securityToken: body.SecurityToken,
      expiresAt,
    };
  };
}

/** Accepts credentials or a provider, and returns a provider. */
export const toProvider = (c: VodCredentials | CredentialProvider): CredentialProvider =>
  typeof c === 'function' ? c : staticCredentials(c);
