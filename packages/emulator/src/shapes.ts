/**
 * The shapes of what the emulator is given from outside: seed and state files, the admin API's
 * bodies, and the accounts, STS tokens and images passed to `startEmulator`. One checker per
 * shape, used by every way in, so a value that would disable something can never be read as
 * "enabled" because it had the wrong type: each field has one exact type and set of values, and
 * anything else (a string for a boolean, a misspelt status, `null`, an unknown or prototype key)
 * is refused with the path of the field and the rule.
 *
 * Unknown fields are refused rather than ignored: a misspelt `actve: false` or `vod_status`
 * ignored would leave a key or an account working that the author meant to disable, which is
 * exactly the fail-open this module exists to prevent.
 */
import { SNAPSHOT_KINDS } from '@vodkit/types';
import type {
  AccessKeyConfig,
  AccountConfig,
  ImageKind,
  KeyPolicy,
  SeedImage,
  StsTokenConfig,
} from './options.js';

/** A value that breaks its shape; the message is `<path> <rule>`, never the value itself. */
export class ShapeError extends TypeError {
  override readonly name: string = 'ShapeError';
  /** Where the value is, e.g. `accounts[0].accessKeys[1].active`. */
  readonly path: string;
  /** The rule it breaks, e.g. `must be true or false (a boolean), not a string`. */
  readonly rule: string;
  constructor(path: string, rule: string) {
    super(`${path} ${rule}`);
    this.path = path;
    this.rule = rule;
  }
}

/** The image kinds a store holds. */
export const IMAGE_KINDS: readonly ImageKind[] = [...SNAPSHOT_KINDS, 'Uploaded'];

/** The service states of an account. */
export const VOD_STATUSES: readonly NonNullable<AccountConfig['vodStatus']>[] = [
  'active',
  'not-activated',
  'suspended',
];

/** What a value is, in words, for a rule's "not …" (never the value: it may be a secret). */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A JSON-ish object read by own keys only; anything else (null, arrays, class instances) is refused. */
type Fields = Readonly<Record<string, unknown>>;

function objectAt(value: unknown, path: string, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(path, `must be an object (${what}), not ${typeName(value)}`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Inherited fields would be read as absent and fall back to defaults: refuse them outright.
  if (proto !== Object.prototype && proto !== null) {
    throw new ShapeError(path, `must be a plain object (${what})`);
  }
  return value as Fields;
}

/**
 * Checks that `object` has only the `allowed` own keys and every `required` one, then returns a
 * reader of own fields: `__proto__` or `constructor` can never be looked up through a prototype.
 */
function fieldsOf(
  object: Fields,
  path: string,
  what: string,
  allowed: readonly string[],
  required: readonly string[] = [],
): (name: string) => unknown {
  for (const name of Object.keys(object)) {
    if (!allowed.includes(name)) {
      throw new ShapeError(
        `${path}${path === '' ? '' : '.'}${name}`,
        `is not a field of ${what} (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  for (const name of required) {
    if (!Object.hasOwn(object, name)) {
      throw new ShapeError(`${path}${path === '' ? '' : '.'}${name}`, `is required in ${what}`);
    }
  }
  return (name) => (Object.hasOwn(object, name) ? object[name] : undefined);
}

const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

function textAt(value: unknown, path: string, noComma = false): string {
  if (typeof value !== 'string' || value === '') {
    throw new ShapeError(path, `must be a non-empty string, not ${typeName(value)}`);
  }
  if (noComma && value.includes(',')) {
    throw new ShapeError(path, 'must not contain a comma (DeleteImage lists are comma-joined)');
  }
  return value;
}

function listAt(value: unknown, path: string, what: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new ShapeError(path, `must be an array of ${what}, not ${typeName(value)}`);
  }
  return value as readonly unknown[];
}

function oneOfAt<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ShapeError(
      path,
      `must be exactly one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} (case and spaces count)${typeof value === 'string' ? '' : `, not ${typeName(value)}`}`,
    );
  }
  return value as T;
}

function numberAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ShapeError(path, `must be a number of epoch milliseconds, not ${typeName(value)}`);
  }
  return value;
}

/** Copies the optional fields that are present, so a checked value holds exactly what was given. */
function present<T extends object>(entries: { readonly [K in keyof T]-?: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entries)) if (value !== undefined) out[name] = value;
  return out as T;
}

/** Reads the fields of an image from an entry whose keys are already checked. */
function imageOf(get: (name: string) => unknown, path: string): SeedImage {
  const optional = <T>(name: string, check: (v: unknown, p: string) => T): T | undefined => {
    const v = get(name);
    return v === undefined ? undefined : check(v, join(path, name));
  };
  return present<SeedImage>({
    imageId: textAt(get('imageId'), join(path, 'imageId'), true),
    url: optional('url', (v, p) => textAt(v, p, true)),
    videoId: optional('videoId', (v, p) => textAt(v, p, true)),
    kind: optional('kind', (v, p) => oneOfAt(v, p, IMAGE_KINDS)),
  });
}

const IMAGE_FIELDS = ['imageId', 'url', 'videoId', 'kind'];

/** Checks a seed image (`imageId`, optional `url`, `videoId`, `kind`) and returns a copy. */
export function checkSeedImage(value: unknown, path: string): SeedImage {
  const object = objectAt(value, path, 'an image');
  return imageOf(fieldsOf(object, path, 'an image', IMAGE_FIELDS, ['imageId']), path);
}

/** A deleted image whose URL still serves until `until` (epoch ms), as state files hold it. */
export type SeedTombstone = SeedImage & { readonly until: number };

/** Checks a tombstone: an image and its `until`. */
export function checkTombstone(value: unknown, path: string): SeedTombstone {
  const object = objectAt(value, path, 'a tombstone');
  const get = fieldsOf(
    object,
    path,
    'a tombstone',
    [...IMAGE_FIELDS, 'until'],
    ['imageId', 'until'],
  );
  return { ...imageOf(get, path), until: numberAt(get('until'), join(path, 'until')) };
}

function checkPolicy(value: unknown, path: string): KeyPolicy {
  const get = fieldsOf(objectAt(value, path, 'a policy'), path, 'a policy', ['allow', 'deny']);
  const patterns = (name: string): readonly string[] | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    const p = join(path, name);
    return listAt(v, p, 'action patterns').map((item, i) => textAt(item, `${p}[${i}]`));
  };
  return present<KeyPolicy>({ allow: patterns('allow'), deny: patterns('deny') });
}

function checkAccessKey(value: unknown, path: string): AccessKeyConfig {
  const get = fieldsOf(
    objectAt(value, path, 'an access key'),
    path,
    'an access key',
    ['accessKeyId', 'accessKeySecret', 'active', 'policy'],
    ['accessKeyId', 'accessKeySecret'],
  );
  const active = get('active');
  if (active !== undefined && typeof active !== 'boolean') {
    throw new ShapeError(
      join(path, 'active'),
      `must be true or false (a boolean), not ${typeName(active)}`,
    );
  }
  const policy = get('policy');
  return present<AccessKeyConfig>({
    accessKeyId: textAt(get('accessKeyId'), join(path, 'accessKeyId')),
    accessKeySecret: textAt(get('accessKeySecret'), join(path, 'accessKeySecret')),
    active,
    policy: policy === undefined ? undefined : checkPolicy(policy, join(path, 'policy')),
  });
}

/** Checks an account (`accountId`, `accessKeys`, optional `vodStatus`) and returns a copy. */
export function checkAccount(value: unknown, path: string): AccountConfig {
  const get = fieldsOf(
    objectAt(value, path, 'an account'),
    path,
    'an account',
    ['accountId', 'accessKeys', 'vodStatus'],
    ['accountId', 'accessKeys'],
  );
  const keysPath = join(path, 'accessKeys');
  const vodStatus = get('vodStatus');
  const accessKeys = listAt(get('accessKeys'), keysPath, 'access keys').map((k, i) =>
    checkAccessKey(k, `${keysPath}[${i}]`),
  );
  const seen = new Set<string>();
  accessKeys.forEach((k, i) => {
    if (seen.has(k.accessKeyId)) {
      throw new ShapeError(`${keysPath}[${i}].accessKeyId`, 'is already used by another key');
    }
    seen.add(k.accessKeyId);
  });
  return present<AccountConfig>({
    accountId: textAt(get('accountId'), join(path, 'accountId')),
    accessKeys,
    vodStatus:
      vodStatus === undefined
        ? undefined
        : oneOfAt(vodStatus, join(path, 'vodStatus'), VOD_STATUSES),
  });
}

/** Checks STS credentials and returns a copy. */
export function checkStsToken(value: unknown, path: string): StsTokenConfig {
  const get = fieldsOf(
    objectAt(value, path, 'STS credentials'),
    path,
    'STS credentials',
    ['accessKeyId', 'accessKeySecret', 'securityToken', 'expiresAt', 'accountId', 'policy'],
    ['accessKeyId', 'accessKeySecret', 'securityToken', 'expiresAt', 'accountId'],
  );
  const policy = get('policy');
  return present<StsTokenConfig>({
    accessKeyId: textAt(get('accessKeyId'), join(path, 'accessKeyId')),
    accessKeySecret: textAt(get('accessKeySecret'), join(path, 'accessKeySecret')),
    securityToken: textAt(get('securityToken'), join(path, 'securityToken')),
    expiresAt: numberAt(get('expiresAt'), join(path, 'expiresAt')),
    accountId: textAt(get('accountId'), join(path, 'accountId')),
    policy: policy === undefined ? undefined : checkPolicy(policy, join(path, 'policy')),
  });
}

/**
 * Checks lists of accounts and STS tokens together: one AccessKey ID in two places (a disabled
 * key repeated as an active one) is refused, since "the last one wins" would decide silently.
 */
export function checkCredentials(
  accounts: unknown,
  stsTokens: unknown,
  paths: { readonly accounts: string; readonly stsTokens: string } = {
    accounts: 'accounts',
    stsTokens: 'stsTokens',
  },
): { accounts: AccountConfig[]; stsTokens: StsTokenConfig[] } {
  const checkedAccounts = listAt(accounts, paths.accounts, 'accounts').map((a, i) =>
    checkAccount(a, `${paths.accounts}[${i}]`),
  );
  const checkedTokens = listAt(stsTokens, paths.stsTokens, 'STS credentials').map((t, i) =>
    checkStsToken(t, `${paths.stsTokens}[${i}]`),
  );
  const accountIds = new Set<string>();
  const keyIds = new Set<string>();
  const claim = (id: string, path: string): void => {
    if (keyIds.has(id)) throw new ShapeError(path, 'is already used by another key');
    keyIds.add(id);
  };
  checkedAccounts.forEach((a, i) => {
    if (accountIds.has(a.accountId)) {
      throw new ShapeError(
        `${paths.accounts}[${i}].accountId`,
        'is already used by another account',
      );
    }
    accountIds.add(a.accountId);
    a.accessKeys.forEach((k, j) => {
      claim(k.accessKeyId, `${paths.accounts}[${i}].accessKeys[${j}].accessKeyId`);
    });
  });
  checkedTokens.forEach((t, i) => {
    claim(t.accessKeyId, `${paths.stsTokens}[${i}].accessKeyId`);
  });
  return { accounts: checkedAccounts, stsTokens: checkedTokens };
}

/** A list of seed images, checked. */
export function checkImages(value: unknown, path: string): SeedImage[] {
  return listAt(value, path, 'images').map((image, i) => checkSeedImage(image, `${path}[${i}]`));
}

/** The store as data: what `snapshot()` returns and `restore()` and state files take. */
export interface CheckedSnapshot {
  readonly version?: 1;
  readonly images: readonly SeedImage[];
  readonly tombstones?: readonly SeedTombstone[];
}

/** What a seed file holds: a snapshot, optionally with `accounts` and `stsTokens`. */
export interface CheckedSeed extends CheckedSnapshot {
  readonly accounts?: readonly AccountConfig[];
  readonly stsTokens?: readonly StsTokenConfig[];
}

/**
 * Checks a whole seed or state document: a bare array of images, or an object with `images` and
 * optionally `version` (1), `tombstones` and, when `credentials` is true (seed files), `accounts`
 * and `stsTokens`. Returns exactly the fields given, checked; throws a {@link ShapeError}.
 */
export function checkSeedDocument(data: unknown, credentials: boolean): CheckedSeed {
  if (Array.isArray(data)) return { images: checkImages(data, 'images') };
  if (typeof data !== 'object' || data === null) {
    throw new ShapeError(
      'the file',
      'holds no vodkit state: expected an array of images or { "images": [...] }',
    );
  }
  const what = credentials ? 'a seed file' : 'a state file';
  const object = objectAt(data, 'the file', what);
  if (!Object.hasOwn(object, 'images')) {
    throw new ShapeError(
      'the file',
      'holds no vodkit state: expected an array of images or { "images": [...] }',
    );
  }
  for (const name of ['accounts', 'stsTokens']) {
    if (!credentials && Object.hasOwn(object, name)) {
      throw new ShapeError(
        name,
        'belongs in a seed file (--seed-file); a state file holds images only and would not apply it',
      );
    }
  }
  const allowed = [
    'version',
    'images',
    'tombstones',
    ...(credentials ? ['accounts', 'stsTokens'] : []),
  ];
  const get = fieldsOf(object, '', what, allowed, ['images']);
  const version = get('version');
  if (version !== undefined && version !== 1) {
    throw new ShapeError(
      'version',
      `must be 1, not ${typeof version === 'number' ? version : typeName(version)}`,
    );
  }
  const tombstones = get('tombstones');
  const accounts = get('accounts');
  const stsTokens = get('stsTokens');
  const checked =
    accounts === undefined && stsTokens === undefined
      ? undefined
      : // Only an absent list means none: `null` is checked (and refused) like any other value.
        checkCredentials(
          accounts === undefined ? [] : accounts,
          stsTokens === undefined ? [] : stsTokens,
        );
  return present<CheckedSeed>({
    version,
    images: checkImages(get('images'), 'images'),
    tombstones: checkTombstones(tombstones, 'tombstones'),
    accounts: accounts === undefined ? undefined : checked?.accounts,
    stsTokens: stsTokens === undefined ? undefined : checked?.stsTokens,
  });
}

/** Checks an optional list of tombstones at `at`; absent stays absent. */
function checkTombstones(value: unknown, at: string): SeedTombstone[] | undefined {
  return value === undefined
    ? undefined
    : listAt(value, at, 'tombstones').map((t, i) => checkTombstone(t, `${at}[${i}]`));
}

/** Checks a snapshot given to `restore` (or `POST /__admin/restore`). */
export function checkSnapshot(value: unknown): CheckedSnapshot {
  const object = objectAt(value, 'snapshot', 'a snapshot');
  const get = fieldsOf(
    object,
    'snapshot',
    'a snapshot',
    ['version', 'images', 'tombstones'],
    ['images'],
  );
  const version = get('version');
  if (version !== undefined && version !== 1) {
    throw new ShapeError('snapshot.version', `must be 1, not ${typeName(version)}`);
  }
  const tombstones = get('tombstones');
  return present<CheckedSnapshot>({
    version,
    images: checkImages(get('images'), 'snapshot.images'),
    tombstones: checkTombstones(tombstones, 'snapshot.tombstones'),
  });
}
