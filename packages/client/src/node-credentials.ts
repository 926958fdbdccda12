import { chain, fromEnv, malformed, memoize, notFound } from './credentials.js';
import type { CredentialProvider, VodCredentials } from './credentials.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Options of the file-based providers. */
export interface FileProviderOptions {
  /** The profile (section) to read; defaults to `ALIBABA_CLOUD_PROFILE`, then the file's own default. */
  readonly profile?: string | undefined;
  /** The file to read; defaults to the standard location. */
  readonly path?: string | undefined;
  /** The environment to read overrides from; defaults to `process.env`. */
  readonly env?: Env | undefined;
}

// `node:fs` and `node:os` load on first use of a file provider, not with the entry: most
// clients get credentials from options or the environment, and these cost ~2 ms of cold import.
async function readOptional(path: string, source: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      notFound(source, `${path} does not exist`);
    throw error;
  }
}

/** `~/<dir>/<file>` for the current user. */
async function inHome(dir: string, file: string): Promise<string> {
  const os = await import('node:os');
  const path = await import('node:path');
  return path.join(os.homedir(), dir, file);
}

const field = (o: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const v = o[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * Reads the Alibaba Cloud CLI's `~/.aliyun/config.json`: the profile named by `profile`, else
 * `ALIBABA_CLOUD_PROFILE`, else the file's `current`. Supports the `AK` and `StsToken` modes;
 * other modes (role assumption, ECS role, OIDC…) are reported as unsupported so you can plug
 * in a provider of your own. Skipped when `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`.
 *
 * @example const provider = fromAliyunConfig({ profile: 'prod' });
 */
export function fromAliyunConfig(options: FileProviderOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? process.env;
    const source = 'aliyun CLI config';
    if (env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED'] === 'true') notFound(source, 'disabled');
    const path = options.path ?? (await inHome('.aliyun', 'config.json'));
    const text = await readOptional(path, source);
    let config: { current?: unknown; profiles?: unknown };
    try {
      config = JSON.parse(text) as typeof config;
    } catch {
      return malformed(source, `${path} is not valid JSON`);
    }
    const name =
      options.profile ??
      env['ALIBABA_CLOUD_PROFILE'] ??
      (typeof config.current === 'string' ? config.current : 'default');
    const profiles = Array.isArray(config.profiles)
      ? (config.profiles as Record<string, unknown>[])
      : [];
    const profile = profiles.find(
      (p) => typeof p === 'object' && (p as { name?: unknown }).name === name,
    );
    if (profile === undefined) return notFound(source, `no profile "${name}" in ${path}`);
    const mode = field(profile, 'mode') ?? 'AK';
    const accessKeyId = field(profile, 'access_key_id');
    const accessKeySecret = field(profile, 'access_key_secret');
    if (mode !== 'AK' && mode !== 'StsToken') {
      return malformed(
        source,
        `profile "${name}" uses mode ${mode}, which needs a provider of its own (see fromSts)`,
      );
    }
    if (accessKeyId === undefined || accessKeySecret === undefined) {
      return malformed(source, `profile "${name}" lacks access_key_id or access_key_secret`);
    }
    if (mode === 'AK') return { accessKeyId, accessKeySecret };
    const securityToken = field(profile, 'sts_token');
    if (securityToken === undefined)
      return malformed(source, `profile "${name}" (StsToken) lacks sts_token`);
    return { accessKeyId, accessKeySecret, securityToken };
  };
}

/** Parses an INI file into sections of key/value pairs (`;` and `#` start comments). */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header !== null) {
      section = out[(header[1] ?? '').trim()] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0 && section !== undefined)
      section[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Reads the shared INI file `~/.alibabacloud/credentials` (or `ALIBABA_CLOUD_CREDENTIALS_FILE`),
 * section `profile`, else `ALIBABA_CLOUD_PROFILE`, else `default`. Supports `type = access_key`
 * (and `sts`, with `security_token`); role types are reported as needing their own provider.
 *
 * @example const provider = fromCredentialsFile();
 */
export function fromCredentialsFile(options: FileProviderOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? process.env;
    const source = 'credentials file';
    const path =
      options.path ??
      env['ALIBABA_CLOUD_CREDENTIALS_FILE'] ??
      (await inHome('.alibabacloud', 'credentials'));
    const sections = parseIni(await readOptional(path, source));
    const name = options.profile ?? env['ALIBABA_CLOUD_PROFILE'] ?? 'default';
    const s = sections[name];
    if (s === undefined) return notFound(source, `no section [${name}] in ${path}`);
    const type = field(s, 'type') ?? 'access_key';
    if (type !== 'access_key' && type !== 'sts') {
      return malformed(
        source,
        `[${name}] has type ${type}, which needs a provider of its own (see fromSts)`,
      );
    }
    const accessKeyId = field(s, 'access_key_id');
    const accessKeySecret = field(s, 'access_key_secret');
    if (accessKeyId === undefined || accessKeySecret === undefined) {
      return malformed(source, `[${name}] lacks access_key_id or access_key_secret`);
    }
    const securityToken = field(s, 'security_token');
    const c: VodCredentials =
      securityToken === undefined
        ? { accessKeyId, accessKeySecret }
        : { accessKeyId, accessKeySecret, securityToken };
    return c;
  };
}

/**
 * The default chain, in Alibaba's order: environment, CLI config profile, shared credentials
 * file; memoized. Role-based sources are left to you: prepend your own {@link fromSts} provider.
 *
 * @example const client = createVodClient({ region: 'cn-shanghai' }); // uses this chain
 */
export function defaultCredentials(
  options: { readonly env?: Env | undefined } = {},
): CredentialProvider {
  const env = options.env;
  return memoize(
    chain(
      fromEnv(env),
      fromAliyunConfig(env === undefined ? {} : { env }),
      fromCredentialsFile(env === undefined ? {} : { env }),
    ),
  );
}
