import { chain, fromEnv, malformed, memoize, notFound } from '../credentials.js';
import { VodCredentialsError } from '../errors.js';
import type { CredentialProvider, VodCredentials } from '../credentials.js';
import type * as Ini from 'ini';

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

/** Largest credentials file read: real ones are a few hundred bytes. */
const MAX_FILE_BYTES = 1024 * 1024;

// `node:fs` and `node:os` load on first use of a file provider, not with the entry: most
// clients get credentials from options or the environment.
/**
 * Reads a credentials file: a missing one is "not found" (the chain goes on); a directory, a
 * FIFO or device (opened without blocking, so it cannot hang), a file over 1 MiB or one that
 * cannot be read is a `CredentialsMalformed` error naming the file and the problem, never its
 * contents.
 */
async function readOptional(path: string, source: string): Promise<string> {
  const { open } = await import('node:fs/promises');
  const { constants } = await import('node:fs');
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return notFound(source, `${path} does not exist`);
    return malformed(source, `${path} cannot be opened (${code ?? 'error'})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return malformed(
        source,
        `${path} is not a regular file (${info.isDirectory() ? 'a directory' : 'a FIFO, socket or device'})`,
      );
    }
    if (info.size > MAX_FILE_BYTES) {
      return malformed(
        source,
        `${path} holds ${info.size} bytes; a credentials file holds at most ${MAX_FILE_BYTES}`,
      );
    }
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof VodCredentialsError) throw error;
    return malformed(
      source,
      `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  } finally {
    await handle.close();
  }
}

/** `~/<dir>/<file>` for the current user. */
async function inHome(dir: string, file: string): Promise<string> {
  const os = await import('node:os');
  const path = await import('node:path');
  return path.join(os.homedir(), dir, file);
}

const field = (o: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const v = Object.hasOwn(o, name) ? o[name] : undefined;
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * Reads the Alibaba Cloud CLI's `~/.aliyun/config.json`: the profile named by `profile`, else
 * `ALIBABA_CLOUD_PROFILE`, else the file's `current`. Supports the `AK` and `StsToken` modes;
 * other modes (role assumption, ECS role, OIDC…) are reported as unsupported so you can plug
 * in a provider of your own. Skipped when `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`.
 *
 * @example
 * ```ts
 * const provider = fromAliyunConfig({ profile: 'prod' });
 * ```
 */
export function fromAliyunConfig(options: FileProviderOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? process.env;
    const source = 'aliyun CLI config';
    if (env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED'] === 'true') notFound(source, 'disabled');
    const path = options.path ?? (await inHome('.aliyun', 'config.json'));
    const text = await readOptional(path, source);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return malformed(source, `${path} is not valid JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return malformed(source, `${path} must hold a JSON object with "profiles"`);
    }
    const config = parsed as { current?: unknown; profiles?: unknown };
    const name =
      options.profile ??
      env['ALIBABA_CLOUD_PROFILE'] ??
      (typeof config.current === 'string' ? config.current : 'default');
    const profiles: unknown[] = Array.isArray(config.profiles) ? config.profiles : [];
    const profile = profiles.find(
      (p): p is Record<string, unknown> =>
        typeof p === 'object' && p !== null && field(p as Record<string, unknown>, 'name') === name,
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
      return malformed(
        source,
        `profile "${name}" in ${path} lacks access_key_id or access_key_secret`,
      );
    }
    if (mode === 'AK') return { accessKeyId, accessKeySecret };
    const securityToken = field(profile, 'sts_token');
    if (securityToken === undefined)
      return malformed(source, `profile "${name}" (StsToken) in ${path} lacks sts_token`);
    return { accessKeyId, accessKeySecret, securityToken };
  };
}

/** The part of the `ini` package used here. */
type IniModule = Pick<typeof Ini, 'parse'>;

/**
 * Parses an INI file into sections of key/value pairs with the maintained `ini` package, the
 * parser Alibaba's own `@alicloud/credentials` uses: quotes are stripped, `;` and `#` start
 * comments, also after a value. Sections and keys are null-prototype maps holding string values
 * only; `__proto__` never reaches `Object.prototype`. `ini` loads on first use.
 *
 * @example
 * ```ts
 * const sections = await parseIni('[default]\naccess_key_id = LTAI...');
 * ```
 */
export async function parseIni(text: string): Promise<Record<string, Record<string, string>>> {
  // `ini` is CommonJS. Loaded by Node or vite it has named exports; inlined by the bundler into a
  // chunk of its own it has only a default export (module.exports), so take whichever is there.
  const loaded = (await import('ini')) as IniModule & { default?: IniModule };
  const { parse } = loaded.default ?? loaded;
  const parsed = parse(text) as Record<string, unknown>;
  const out = Object.create(null) as Record<string, Record<string, string>>;
  for (const [name, section] of Object.entries(parsed)) {
    if (typeof section !== 'object' || section === null) continue;
    const keys = Object.create(null) as Record<string, string>;
    for (const [key, v] of Object.entries(section)) if (typeof v === 'string') keys[key] = v;
    out[name] = keys;
  }
  return out;
}

/**
 * Reads the shared INI file `~/.alibabacloud/credentials` (or `ALIBABA_CLOUD_CREDENTIALS_FILE`),
 * section `profile`, else `ALIBABA_CLOUD_PROFILE`, else `default`. Supports `type = access_key`
 * (and `sts`, with `security_token`); role types are reported as needing their own provider.
 *
 * @example
 * ```ts
 * const provider = fromCredentialsFile();
 * ```
 */
export function fromCredentialsFile(options: FileProviderOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? process.env;
    const source = 'credentials file';
    const path =
      options.path ??
      env['ALIBABA_CLOUD_CREDENTIALS_FILE'] ??
      (await inHome('.alibabacloud', 'credentials'));
    const sections = await parseIni(await readOptional(path, source));
    const name = options.profile ?? env['ALIBABA_CLOUD_PROFILE'] ?? 'default';
    const s = Object.hasOwn(sections, name) ? sections[name] : undefined;
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
      return malformed(source, `[${name}] in ${path} lacks access_key_id or access_key_secret`);
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
 * @example
 * ```ts
 * const client = createVodClient({ region: 'cn-shanghai' }); // uses this chain
 * ```
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
