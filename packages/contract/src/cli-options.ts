/**
 * The command line of `vodkit-contract`, read into a plan: the flags, and the environment
 * variables beside them. Key IDs come by flag or variable, secrets only by variable (a flag would
 * land in the shell's history and in `ps`). Pure: the caller passes `argv` and `env`.
 */
import { parseArgs } from 'node:util';
import type { Credentials } from '@vodkit/signer';
import type { StsCredentials } from './target.js';
import { printableLine } from './printable.js';
import { ALIBABA_ENV } from './targets.js';
import type { UrlTargetOptions } from './targets.js';

/** A command line that cannot be run as written: exit 2, naming the flag and the rule. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The default of `--run-timeout-ms`: the whole suite against the emulator takes a few seconds. */
export const DEFAULT_RUN_TIMEOUT_MS = 120_000;

/** The variable holding the admin token of an emulator reached with `--emulator-admin`. */
export const ADMIN_TOKEN_ENV = 'VODKIT_EMULATOR_ADMIN_TOKEN';

/** A key fixture: its flag (the key ID) and the variables of its ID, secret and token. */
export interface KeyFixture {
  readonly flag: string;
  /** Prefix of its variables: `<env>_ID`, `<env>_SECRET` (and `<env>_SECURITY_TOKEN`). */
  readonly env: string;
  readonly sts: boolean;
  readonly help: string;
}

/** The key fixtures a plain-URL target can be given, each for the check named in `help`. */
export const KEY_FIXTURES: Readonly<
  Record<
    | 'disabledKey'
    | 'deniedKey'
    | 'suspendedKey'
    | 'unactivatedKey'
    | 'otherAccountKey'
    | 'stsValid'
    | 'stsExpired',
    KeyFixture
  >
> = {
  disabledKey: {
    flag: 'disabled-key',
    env: 'VODKIT_CONTRACT_DISABLED_KEY',
    sts: false,
    help: 'a key the target has disabled (disabled-key)',
  },
  deniedKey: {
    flag: 'denied-key',
    env: 'VODKIT_CONTRACT_DENIED_KEY',
    sts: false,
    help: 'a key whose RAM policy denies vod:DeleteImage (ram-deny)',
  },
  suspendedKey: {
    flag: 'suspended-key',
    env: 'VODKIT_CONTRACT_SUSPENDED_KEY',
    sts: false,
    help: 'a key of an account whose VOD service is suspended (overdue)',
  },
  unactivatedKey: {
    flag: 'unactivated-key',
    env: 'VODKIT_CONTRACT_UNACTIVATED_KEY',
    sts: false,
    help: 'a key of an account that has not activated VOD',
  },
  otherAccountKey: {
    flag: 'other-account-key',
    env: 'VODKIT_CONTRACT_OTHER_ACCOUNT_KEY',
    sts: false,
    help: "an active key of another account (throttling: the limit is the account's)",
  },
  stsValid: {
    flag: 'sts-key',
    env: 'VODKIT_CONTRACT_STS_KEY',
    sts: true,
    help: 'valid STS credentials (sts-tokens; with --expired-sts-key)',
  },
  stsExpired: {
    flag: 'expired-sts-key',
    env: 'VODKIT_CONTRACT_EXPIRED_STS_KEY',
    sts: true,
    help: 'STS credentials whose token has expired (sts-tokens)',
  },
};

/** A list or value fixture: its flag and its variable. */
export interface ValueFixture {
  readonly flag: string;
  readonly env: string;
  readonly help: string;
}

/** The other fixtures and declared behaviours of a target. */
export const VALUE_FIXTURES: Readonly<
  Record<
    'deletableIds' | 'deletableUrls' | 'deletableVideoIds' | 'qps' | 'partialBatch',
    ValueFixture
  >
> = {
  deletableIds: {
    flag: 'deletable-ids',
    env: 'VODKIT_CONTRACT_DELETABLE_IDS',
    help: 'image IDs the suite may delete (given-ids-delete), comma-separated',
  },
  deletableUrls: {
    flag: 'deletable-urls',
    env: 'VODKIT_CONTRACT_DELETABLE_URLS',
    help: 'image URLs the suite may delete, comma-separated',
  },
  deletableVideoIds: {
    flag: 'deletable-video-ids',
    env: 'VODKIT_CONTRACT_DELETABLE_VIDEO_IDS',
    help: 'videos whose snapshots the suite may delete, comma-separated',
  },
  qps: {
    flag: 'qps',
    env: 'VODKIT_CONTRACT_QPS',
    help: "the target's calls per second per account (default 50, the service's)",
  },
  partialBatch: {
    flag: 'partial-batch',
    env: 'VODKIT_CONTRACT_PARTIAL_BATCH',
    help: 'what the target does with a batch naming a missing image: fail-whole-call | delete-rest',
  },
};

/**
 * A list of RAM keys with one expected verdict: its flag (the key IDs, comma-separated) and the
 * prefix of its variables. Each key's secret has a variable of its own, numbered by the key's
 * place in the list (`<env>_1_SECRET`, `<env>_2_SECRET`, …): one variable per secret keeps any
 * character a secret may hold, the number pairs it with its key without putting the key ID in a
 * variable name (where a `.` or a case-insensitive shell would break it), and the IDs stay in
 * the flag, so a rerun names them.
 */
export interface RamKeyFixture {
  readonly flag: string;
  /** Prefix of its variables: `<env>S` (the IDs), `<env>_<n>_SECRET`. */
  readonly env: string;
  readonly help: string;
}

/** The `ramKeys` of `ram-deny`: keys a policy allows to delete, and keys it denies. */
export const RAM_KEY_FIXTURES: Readonly<Record<'allowed' | 'denied', RamKeyFixture>> = {
  allowed: {
    flag: 'ram-allowed-keys',
    env: 'VODKIT_CONTRACT_RAM_ALLOWED_KEY',
    help: 'keys a RAM policy lets delete (ram-deny: by a wildcard, a list, despite another deny)',
  },
  denied: {
    flag: 'ram-denied-keys',
    env: 'VODKIT_CONTRACT_RAM_DENIED_KEY',
    help: 'keys a RAM policy denies (ram-deny: by an allow list without it, a wildcard deny)',
  },
};

/** The declared behaviour `--retry-after`: throttled answers carry `x-acs-retry-after`. */
export const RETRY_AFTER_FIXTURE: ValueFixture = {
  flag: 'retry-after',
  env: 'VODKIT_CONTRACT_RETRY_AFTER',
  help: 'the target sends x-acs-retry-after when it throttles (throttling then requires it)',
};

/** What a target is given from the command line: every fixture, none of them required. */
export type CliFixtures = Omit<
  UrlTargetOptions,
  'credentials' | 'seed' | 'lookup' | 'label' | 'profile'
>;

/** What the command line asks for. */
export interface CliPlan {
  readonly mode: 'run' | 'help' | 'version' | 'list';
  /** `emulator`, `alibaba`, or a URL's origin. */
  readonly target: string;
  readonly emulatorAdmin: boolean;
  readonly adminToken: string | undefined;
  readonly checks: readonly string[] | undefined;
  readonly strict: boolean;
  readonly seed: number | undefined;
  readonly caseNumber: number | undefined;
  readonly answerTimeoutMs: number | undefined;
  readonly runTimeoutMs: number;
  readonly junit: string | undefined;
  readonly json: string | undefined;
  /** The target's credentials, when the variables hold them. */
  readonly credentials: Credentials | undefined;
  readonly fixtures: CliFixtures;
  /** The flags that point a rerun at the same target with the same fixtures; no secret. */
  readonly targetArgs: readonly string[];
  /** The variables this run read secrets from: a rerun needs them set the same way. */
  readonly secretEnv: readonly string[];
}

const KEY_FLAG_OPTIONS = Object.fromEntries(
  Object.values(KEY_FIXTURES).map((k) => [k.flag, { type: 'string' as const }]),
);
const VALUE_FLAG_OPTIONS = Object.fromEntries(
  Object.values(VALUE_FIXTURES).map((v) => [v.flag, { type: 'string' as const }]),
);

const OPTIONS = {
  target: { type: 'string' },
  checks: { type: 'string' },
  case: { type: 'string' },
  strict: { type: 'boolean' },
  seed: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'run-timeout-ms': { type: 'string' },
  junit: { type: 'string' },
  json: { type: 'string' },
  list: { type: 'boolean' },
  'emulator-admin': { type: 'boolean' },
  'access-key-id': { type: 'string' },
  ...KEY_FLAG_OPTIONS,
  ...VALUE_FLAG_OPTIONS,
  'ram-allowed-keys': { type: 'string' },
  'ram-denied-keys': { type: 'string' },
  'retry-after': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type Values = Record<string, string | boolean | undefined>;

/**
 * The longest timeout a flag takes: 24 hours. Node's timers hold at most 2^31-1 ms (24.8 days)
 * and silently fire after 1 ms above that; no run needs more than a day.
 */
export const MAX_TIMEOUT_MS: number = 24 * 60 * 60 * 1000;

/** The rules of the number flags, as their usage errors state them. */
const NUMBER_RULES: Readonly<Record<string, string>> = {
  seed: 'a whole number',
  case: 'a case number, a whole number above 0',
  'timeout-ms': `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (24 h)`,
  'run-timeout-ms': `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (24 h)`,
  qps: 'a whole number of calls per second above 0',
};

/**
 * A value that starts with `-` (`--qps -1`) looks like a flag to `parseArgs`, which refuses it in
 * three lines about ambiguity; this says the flag's own rule in one.
 */
function refuseDashValues(argv: readonly string[]): void {
  for (let i = 0; i + 1 < argv.length; i += 1) {
    const name = /^--([a-z-]+)$/.exec(argv[i] ?? '')?.[1];
    const next = argv[i + 1] ?? '';
    if (name === undefined || !next.startsWith('-') || next.startsWith('--')) continue;
    const option = (OPTIONS as Record<string, { type: string } | undefined>)[name];
    if (option?.type !== 'string') continue;
    const rule = NUMBER_RULES[name];
    throw new UsageError(
      rule === undefined
        ? `--${name} needs a value: one that starts with "-" is written --${name}=${next}`
        : name === 'seed'
          ? `--seed ${next}: write a negative seed as --seed=${next}`
          : `--${name} must be ${rule}, not "${next}"`,
    );
  }
}

/** Printable ASCII without spaces or commas: the signer's rule for an AccessKey ID. */
const KEY_ID = /^[!-+\--~]+$/;

/** `id` if it is a valid AccessKey ID, else a {@link UsageError} naming where it came from. */
function keyId(where: string, id: string): string {
  if (!KEY_ID.test(id)) {
    throw new UsageError(
      `${where} must be an AccessKey ID of printable ASCII without spaces or commas, not "${printableLine(id)}"`,
    );
  }
  return id;
}

/** A whole number above 0 (or any whole number with `signed`), or a {@link UsageError}. */
function wholeNumber(flag: string, text: string, rule: string, signed = false): number {
  const value = Number(text);
  if (!(signed ? /^-?\d+$/ : /^[1-9]\d*$/).test(text) || !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} must be ${rule}, not "${text}"`);
  }
  return value;
}

/** A timeout flag's milliseconds, from 1 to {@link MAX_TIMEOUT_MS}, or a {@link UsageError}. */
function timeoutOf(flag: string, text: string): number {
  const rule = NUMBER_RULES[flag.slice(2)] ?? '';
  const ms = wholeNumber(flag, text, rule);
  if (ms > MAX_TIMEOUT_MS) throw new UsageError(`${flag} must be ${rule}, not "${text}"`);
  return ms;
}

/** The origin of an `http(s)://` URL target, or a {@link UsageError} saying what is wrong. */
export function targetOrigin(target: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new UsageError(
      `--target ${target} has no scheme: did you mean http://${target}? (or emulator, alibaba)`,
    );
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`--target ${target} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--target ${target}: only http:// and https:// URLs can be targets`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new UsageError(
      `--target ${target}: give the endpoint's origin only (${url.origin}); DeleteImage is served at /`,
    );
  }
  return url.origin;
}

/** The string flags' values, none of them empty. */
function nonEmpty(values: Values): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new UsageError(`--${name} needs a value, not an empty string`);
  }
}

/** The plan of `--help`, `--version` and `--list`: nothing is run, so nothing else is read. */
const IDLE_PLAN: CliPlan = {
  mode: 'help',
  target: 'emulator',
  emulatorAdmin: false,
  adminToken: undefined,
  checks: undefined,
  strict: false,
  seed: undefined,
  caseNumber: undefined,
  answerTimeoutMs: undefined,
  runTimeoutMs: DEFAULT_RUN_TIMEOUT_MS,
  junit: undefined,
  json: undefined,
  credentials: undefined,
  fixtures: {},
  targetArgs: [],
  secretEnv: [],
};

/** Reads the command line and the environment; every problem is a {@link UsageError}. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliPlan {
  refuseDashValues(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { tokens } = parsed;
  const values = parsed.values as Values;
  // parseArgs keeps the last of a repeated flag; which one was meant is a guess, so refuse.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  nonEmpty(values);
  const mode =
    values['help'] === true
      ? 'help'
      : values['version'] === true
        ? 'version'
        : values['list'] === true
          ? 'list'
          : 'run';
  if (mode !== 'run') return { ...IDLE_PLAN, mode };
  const str = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  /** A variable's value; an empty one counts as unset. */
  const envOf = (name: string): string | undefined =>
    env[name] === undefined || env[name] === '' ? undefined : env[name];

  const checks = str('checks')
    ?.split(',')
    .filter((c) => c !== '');
  if (checks?.length === 0)
    throw new UsageError('--checks needs at least one check ID (see --list)');
  const seedText = str('seed');
  const seed =
    seedText === undefined ? undefined : wholeNumber('--seed', seedText, 'a whole number', true);
  const caseText = str('case');
  const caseNumber =
    caseText === undefined
      ? undefined
      : wholeNumber('--case', caseText, 'a case number, a whole number above 0');
  if (caseNumber !== undefined && checks?.length !== 1) {
    throw new UsageError(
      '--case needs --checks with exactly one check (cases are numbered per check)',
    );
  }
  const timeoutText = str('timeout-ms');
  const answerTimeoutMs =
    timeoutText === undefined ? undefined : timeoutOf('--timeout-ms', timeoutText);
  const runTimeoutText = str('run-timeout-ms');
  const runTimeoutMs =
    runTimeoutText === undefined
      ? DEFAULT_RUN_TIMEOUT_MS
      : timeoutOf('--run-timeout-ms', runTimeoutText);

  const rawTarget = str('target') ?? 'emulator';
  const target =
    rawTarget === 'emulator' || rawTarget === 'alibaba' ? rawTarget : targetOrigin(rawTarget);
  const emulatorAdmin = values['emulator-admin'] === true;
  if (emulatorAdmin && (target === 'emulator' || target === 'alibaba')) {
    throw new UsageError('--emulator-admin needs --target <URL> of a running vodkit emulator');
  }

  const secretEnv: string[] = [];
  const targetArgs: string[] = ['--target', target];
  if (emulatorAdmin) targetArgs.push('--emulator-admin');
  const adminToken = emulatorAdmin ? envOf(ADMIN_TOKEN_ENV) : undefined;
  if (adminToken !== undefined) secretEnv.push(ADMIN_TOKEN_ENV);

  /** A key from its flag or `<env>_ID`, with its secret (and token) from the variables. */
  const keyOf = (fixture: KeyFixture): StsCredentials | Credentials | undefined => {
    const flagged = str(fixture.flag);
    const given = flagged ?? envOf(`${fixture.env}_ID`);
    if (given === undefined) return undefined;
    const accessKeyId = keyId(
      flagged === undefined ? `${fixture.env}_ID` : `--${fixture.flag}`,
      given,
    );
    const secretVar = `${fixture.env}_SECRET`;
    const accessKeySecret = envOf(secretVar);
    if (accessKeySecret === undefined) {
      throw new UsageError(
        `--${fixture.flag} ${accessKeyId}: set its secret in ${secretVar} (secrets are never flags)`,
      );
    }
    secretEnv.push(secretVar);
    targetArgs.push(`--${fixture.flag}`, accessKeyId);
    if (!fixture.sts) return { accessKeyId, accessKeySecret };
    const tokenVar = `${fixture.env}_SECURITY_TOKEN`;
    const securityToken = envOf(tokenVar);
    if (securityToken === undefined) {
      throw new UsageError(`--${fixture.flag} ${accessKeyId}: set its STS token in ${tokenVar}`);
    }
    secretEnv.push(tokenVar);
    return { accessKeyId, accessKeySecret, securityToken };
  };
  const fixtures: { -readonly [K in keyof CliFixtures]: CliFixtures[K] } & Record<string, unknown> =
    {};
  for (const [field, fixture] of Object.entries(KEY_FIXTURES)) {
    if (!fixture.sts) {
      const key = keyOf(fixture);
      if (key !== undefined) fixtures[field] = key;
    }
  }
  const valid = keyOf(KEY_FIXTURES.stsValid) as StsCredentials | undefined;
  const expired = keyOf(KEY_FIXTURES.stsExpired) as StsCredentials | undefined;
  if ((valid === undefined) !== (expired === undefined)) {
    throw new UsageError(
      '--sts-key and --expired-sts-key go together: sts-tokens checks a valid and an expired token',
    );
  }
  if (valid !== undefined && expired !== undefined) fixtures.sts = { valid, expired };

  /** The keys of one RAM list: IDs by flag or `<env>S`, each secret in `<env>_<n>_SECRET`. */
  const ramKeysOf = ({ flag, env: prefix }: RamKeyFixture): Credentials[] => {
    const listVar = `${prefix}S`;
    const ids = (str(flag) ?? envOf(listVar))?.split(',').map((id) => id.trim());
    const where = str(flag) === undefined ? listVar : `--${flag}`;
    // A numbered secret beyond the list is paired with no key: a list edited without its
    // variables, whose secrets would now sign for the wrong keys.
    const secretOf = new RegExp(`^${prefix}_(\\d+)_SECRET$`);
    for (const name of Object.keys(env)) {
      const n = Number(secretOf.exec(name)?.[1] ?? 0);
      if (n > (ids?.length ?? 0) && envOf(name) !== undefined) {
        throw new UsageError(
          `${name} is set but --${flag} names ${ids?.length ?? 0} keys: the secret of key n is ${prefix}_<n>_SECRET`,
        );
      }
    }
    if (ids === undefined) return [];
    if (ids.some((id) => id === '')) {
      throw new UsageError(
        `--${flag} must be a comma-separated list of key IDs with no empty item`,
      );
    }
    for (const id of ids) keyId(`${where} (each key)`, id);
    targetArgs.push(`--${flag}`, ids.join(','));
    return ids.map((accessKeyId, i) => {
      const secretVar = `${prefix}_${i + 1}_SECRET`;
      const accessKeySecret = envOf(secretVar);
      if (accessKeySecret === undefined) {
        throw new UsageError(
          `--${flag} ${accessKeyId} (key ${i + 1}): set its secret in ${secretVar} (secrets are never flags)`,
        );
      }
      secretEnv.push(secretVar);
      return { accessKeyId, accessKeySecret };
    });
  };
  const allowed = ramKeysOf(RAM_KEY_FIXTURES.allowed);
  const denied = ramKeysOf(RAM_KEY_FIXTURES.denied);
  if (allowed.length + denied.length > 0) {
    const seenIds = new Set<string>();
    for (const { accessKeyId } of [...allowed, ...denied]) {
      if (seenIds.has(accessKeyId)) {
        throw new UsageError(
          `--ram-allowed-keys and --ram-denied-keys name ${accessKeyId} twice: each key has one expected verdict`,
        );
      }
      seenIds.add(accessKeyId);
    }
    // ram-deny needs the denied key; RAM keys without it would never be tried.
    if (fixtures.deniedKey === undefined) {
      throw new UsageError(
        `--${allowed.length > 0 ? RAM_KEY_FIXTURES.allowed.flag : RAM_KEY_FIXTURES.denied.flag} needs --denied-key: ram-deny, which tries them, runs with a denied key`,
      );
    }
    fixtures.ramKeys = { allowed, denied };
  }

  const retryText = env[RETRY_AFTER_FIXTURE.env];
  if (retryText !== undefined && !['', 'true', 'false', '1', '0'].includes(retryText)) {
    throw new UsageError(
      `${RETRY_AFTER_FIXTURE.env} must be true, false, 1 or 0, not "${retryText}"`,
    );
  }
  if (values['retry-after'] === true || retryText === 'true' || retryText === '1') {
    fixtures.retryAfter = true;
    targetArgs.push('--retry-after');
  }

  const valueOf = (fixture: ValueFixture): string | undefined => {
    const value = str(fixture.flag) ?? envOf(fixture.env);
    if (value !== undefined) targetArgs.push(`--${fixture.flag}`, value);
    return value;
  };
  for (const field of ['deletableIds', 'deletableUrls', 'deletableVideoIds'] as const) {
    const fixture = VALUE_FIXTURES[field];
    const list = valueOf(fixture)
      ?.split(',')
      .map((item) => item.trim());
    if (list === undefined) continue;
    if (list.some((item) => item === '')) {
      throw new UsageError(`--${fixture.flag} must be a comma-separated list with no empty item`);
    }
    fixtures[field] = list;
  }
  const qpsText = valueOf(VALUE_FIXTURES.qps);
  if (qpsText !== undefined) {
    fixtures.qps = wholeNumber('--qps', qpsText, NUMBER_RULES['qps'] ?? '');
  }
  const partialBatch = valueOf(VALUE_FIXTURES.partialBatch);
  if (partialBatch !== undefined) {
    if (partialBatch !== 'fail-whole-call' && partialBatch !== 'delete-rest') {
      throw new UsageError(
        `--partial-batch must be fail-whole-call or delete-rest, not "${partialBatch}"`,
      );
    }
    fixtures.partialBatch = partialBatch;
  }
  const deletes =
    fixtures.deletableIds !== undefined ||
    fixtures.deletableUrls !== undefined ||
    fixtures.deletableVideoIds !== undefined;
  // Naming what the suite may delete is the permission to delete it.
  if (deletes) fixtures.destructive = true;
  if (target === 'emulator' && Object.keys(fixtures).length > 0) {
    throw new UsageError(
      `--${targetArgs[2]?.slice(2) ?? 'fixture'} is for a URL or alibaba target: the in-process emulator makes its own fixtures`,
    );
  }

  let credentials: Credentials | undefined;
  const givenKeyId = str('access-key-id') ?? envOf(ALIBABA_ENV.accessKeyId);
  const accessKeyId =
    givenKeyId === undefined || target === 'emulator' || emulatorAdmin
      ? givenKeyId
      : keyId(
          str('access-key-id') === undefined ? ALIBABA_ENV.accessKeyId : '--access-key-id',
          givenKeyId,
        );
  const accessKeySecret = envOf(ALIBABA_ENV.accessKeySecret);
  if (target !== 'emulator' && !emulatorAdmin && accessKeyId !== undefined) {
    if (str('access-key-id') !== undefined) targetArgs.push('--access-key-id', accessKeyId);
    if (accessKeySecret !== undefined) {
      const securityToken = envOf(ALIBABA_ENV.securityToken);
      secretEnv.push(ALIBABA_ENV.accessKeySecret);
      if (securityToken !== undefined) secretEnv.push(ALIBABA_ENV.securityToken);
      credentials = {
        accessKeyId,
        accessKeySecret,
        ...(securityToken === undefined ? {} : { securityToken }),
      };
    }
  }
  if (
    fixtures.otherAccountKey !== undefined &&
    fixtures.otherAccountKey.accessKeyId === (credentials?.accessKeyId ?? accessKeyId)
  ) {
    throw new UsageError(
      `--other-account-key ${fixtures.otherAccountKey.accessKeyId} is the target's own key: throttling needs a key of another account`,
    );
  }
  if (target !== 'emulator' && !emulatorAdmin && credentials === undefined) {
    const missing = [
      ...(accessKeyId === undefined ? [`${ALIBABA_ENV.accessKeyId} (or --access-key-id)`] : []),
      ...(accessKeySecret === undefined ? [ALIBABA_ENV.accessKeySecret] : []),
    ];
    throw new UsageError(
      `--target ${target} needs credentials: set ${missing.join(' and ')} (${ALIBABA_ENV.securityToken} too for STS credentials)`,
    );
  }
  return {
    mode,
    target,
    emulatorAdmin,
    adminToken,
    checks,
    strict: values['strict'] === true,
    seed,
    caseNumber,
    answerTimeoutMs,
    runTimeoutMs,
    junit: str('junit'),
    json: str('json'),
    credentials,
    fixtures,
    targetArgs: [
      ...targetArgs,
      ...(values['strict'] === true ? ['--strict'] : []),
      ...(timeoutText === undefined ? [] : ['--timeout-ms', timeoutText]),
    ],
    secretEnv,
  };
}

const fixtureLines = (): string =>
  [
    ...Object.values(KEY_FIXTURES).map(
      (k) =>
        `  --${`${k.flag} ID`.padEnd(23)} ${k.help}\n${' '.repeat(28)}ID or ${k.env}_ID; secret ${k.env}_SECRET${k.sts ? `,\n${' '.repeat(28)}token ${k.env}_SECURITY_TOKEN` : ''}`,
    ),
    ...Object.values(RAM_KEY_FIXTURES).map(
      (r) =>
        `  --${`${r.flag} A,B`.padEnd(23)} ${r.help}\n${' '.repeat(28)}or ${r.env}S; secret of key n ${r.env}_<n>_SECRET`,
    ),
    ...Object.values(VALUE_FIXTURES).map(
      (v) => `  --${`${v.flag} V`.padEnd(23)} ${v.help}\n${' '.repeat(28)}or ${v.env}`,
    ),
    `  --${RETRY_AFTER_FIXTURE.flag.padEnd(23)} ${RETRY_AFTER_FIXTURE.help}\n${' '.repeat(28)}or ${RETRY_AFTER_FIXTURE.env}=true`,
  ].join('\n');

/** What `--help` prints (and a usage error, after its one line). */
export const USAGE: string = `usage: vodkit-contract [--target emulator|alibaba|URL] [--emulator-admin] [fixtures]
                       [--checks a,b] [--case N] [--seed N] [--strict]
                       [--timeout-ms N] [--run-timeout-ms N] [--junit FILE] [--json FILE]
                       [--list] [--version] [--help]

  --target URL              where to point the suite: emulator (default: one started here),
                            alibaba (VODKIT_CONTRACT_REGION or VODKIT_CONTRACT_ENDPOINT), or
                            an http(s) URL's origin
  --emulator-admin          the URL is a vodkit emulator (or a mock of its admin protocol):
                            keys, STS tokens and images come through /__admin/ (token in
                            ${ADMIN_TOKEN_ENV} if it has one)
  --checks a,b              run only these checks (see --list)
  --case N                  run only case N of the one check named by --checks
  --seed N                  seed of the generated cases (printed with every failure)
  --strict                  also check vodkit's stricter rules
  --timeout-ms N            how long one answer may take, to its last byte (default 10000)
  --run-timeout-ms N        how long the whole run may take (default ${DEFAULT_RUN_TIMEOUT_MS})
  --junit FILE, --json FILE write a JUnit XML / JSON report (the folder must exist)

Credentials of a URL or alibaba target:
  --access-key-id ID        or ${ALIBABA_ENV.accessKeyId}
                            secret ${ALIBABA_ENV.accessKeySecret}; token ${ALIBABA_ENV.securityToken} (STS)

Fixtures of a URL or alibaba target (each lets the checks that need it run):
${fixtureLines()}

Secrets (AccessKey secrets, STS tokens, the admin token) are read from environment variables
only, never from flags: a flag lands in the shell's history and in ps. Giving deletable IDs,
URLs or videos allows the suite to delete exactly those.

Exit codes: 0 every check that applies passed, 1 a check failed, 2 the run could not be made
(a usage error, an unreachable target, a report file that cannot be written, --run-timeout-ms).
Every failure prints a command that reruns exactly that case.`;
