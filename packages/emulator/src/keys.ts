import type { KeyRecord } from '@vodkit/signer/node';
import {
  fieldsOf,
  joinPath,
  listAt,
  numberAt,
  objectAt,
  oneOfAt,
  present,
  ShapeError,
  textAt,
  typeName,
} from './shapes.js';

/** A RAM-style policy on `vod:*` actions. Patterns may use `*`; matching ignores case. */
export interface KeyPolicy {
  /** Actions allowed, e.g. `['vod:DeleteImage']` or `['vod:*']`. */
  readonly allow?: readonly string[] | undefined;
  /** Actions denied; an explicit deny wins over any allow. */
  readonly deny?: readonly string[] | undefined;
}

/** One AccessKey pair of an account. */
export interface AccessKeyConfig {
  /** The AccessKey ID. */
  readonly accessKeyId: string;
  /** The AccessKey secret. */
  readonly accessKeySecret: string;
  /** `false` makes the key answer `InvalidAccessKeyId.Inactive`. Default `true`. */
  readonly active?: boolean | undefined;
  /**
   * The key's policy. Absent means the account's root key: every action is allowed. Present
   * means a RAM user: only what `allow` matches and `deny` does not.
   */
  readonly policy?: KeyPolicy | undefined;
}

/** An Alibaba Cloud account: a rate-limit scope holding one or more AccessKeys. */
export interface AccountConfig {
  /** The account ID (any non-empty string). */
  readonly accountId: string;
  /** The account's keys. */
  readonly accessKeys: readonly AccessKeyConfig[];
  /**
   * The account's VOD service state: `not-activated` answers `OperationDenied`, `suspended`
   * answers `OperationDenied.Suspended` (overdue payment). Default `active`.
   */
  readonly vodStatus?: 'active' | 'not-activated' | 'suspended' | undefined;
}

/** Temporary (STS) credentials the emulator accepts. */
export interface StsTokenConfig {
  /** The temporary AccessKey ID, conventionally `STS.…`. */
  readonly accessKeyId: string;
  /** The temporary secret. */
  readonly accessKeySecret: string;
  /** The security token that must accompany the key. */
  readonly securityToken: string;
  /** Epoch ms after which the token answers `InvalidSecurityToken.Expired`. */
  readonly expiresAt: number;
  /** The account the role belongs to (its rate limit applies). */
  readonly accountId: string;
  /** The assumed role's policy; absent allows everything. */
  readonly policy?: KeyPolicy | undefined;
}

/**
 * Credentials of the default account, for demos and tests against a default emulator. They only
 * ever work against the emulator.
 */
export const DEFAULT_EMULATOR_CREDENTIALS: {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
} = Object.freeze({
  accessKeyId: 'LTAI5tVodkitEmulatorKey',
  accessKeySecret: 'vodkit-emulator-secret-not-a-real-secret',
});

/** The account ID of the default account. */
export const DEFAULT_ACCOUNT_ID: string = '1000000000000001';

/** The service states of an account. */
export const VOD_STATUSES: readonly NonNullable<AccountConfig['vodStatus']>[] = [
  'active',
  'not-activated',
  'suspended',
];

function checkPolicy(value: unknown, path: string): KeyPolicy {
  const get = fieldsOf(objectAt(value, path, 'a policy'), path, 'a policy', ['allow', 'deny']);
  const patterns = (name: string): readonly string[] | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    const p = joinPath(path, name);
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
      joinPath(path, 'active'),
      `must be true or false (a boolean), not ${typeName(active)}`,
    );
  }
  const policy = get('policy');
  return present<AccessKeyConfig>({
    accessKeyId: textAt(get('accessKeyId'), joinPath(path, 'accessKeyId')),
    accessKeySecret: textAt(get('accessKeySecret'), joinPath(path, 'accessKeySecret')),
    active,
    policy: policy === undefined ? undefined : checkPolicy(policy, joinPath(path, 'policy')),
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
  const keysPath = joinPath(path, 'accessKeys');
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
    accountId: textAt(get('accountId'), joinPath(path, 'accountId')),
    accessKeys,
    vodStatus:
      vodStatus === undefined
        ? undefined
        : oneOfAt(vodStatus, joinPath(path, 'vodStatus'), VOD_STATUSES),
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
    accessKeyId: textAt(get('accessKeyId'), joinPath(path, 'accessKeyId')),
    accessKeySecret: textAt(get('accessKeySecret'), joinPath(path, 'accessKeySecret')),
    securityToken: textAt(get('securityToken'), joinPath(path, 'securityToken')),
    expiresAt: numberAt(get('expiresAt'), joinPath(path, 'expiresAt')),
    accountId: textAt(get('accountId'), joinPath(path, 'accountId')),
    policy: policy === undefined ? undefined : checkPolicy(policy, joinPath(path, 'policy')),
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

/** What the emulator knows about one AccessKey ID. */
export interface KeyEntry {
  /** The account the key belongs to (rate limit and service state scope). */
  readonly accountId: string;
  /** The record the signer's verifier checks the request against. */
  readonly record: KeyRecord;
  /** The key's policy; `undefined` allows every action (root key / unrestricted role). */
  readonly policy: KeyPolicy | undefined;
  /** Whether it is an STS key. */
  readonly sts: boolean;
}

/** The accounts the emulator serves, with their keys and STS tokens. */
export interface KeyRegistry {
  /** The entry of an AccessKey ID, if known. */
  get(accessKeyId: string): KeyEntry | undefined;
  /** The account's configuration, if known. */
  account(accountId: string): AccountConfig | undefined;
  /** Adds (or replaces) an account and its keys. */
  addAccount(account: AccountConfig): void;
  /** Adds (or replaces) STS credentials. */
  addStsToken(token: StsTokenConfig): void;
  /** How many accounts are configured. */
  readonly accountCount: number;
}

/** The default accounts: one, holding {@link DEFAULT_EMULATOR_CREDENTIALS}, allowed DeleteImage. */
export function defaultAccounts(): AccountConfig[] {
  return [
    {
      accountId: DEFAULT_ACCOUNT_ID,
      accessKeys: [{ ...DEFAULT_EMULATOR_CREDENTIALS, policy: { allow: ['vod:DeleteImage'] } }],
    },
  ];
}

/**
 * Builds a {@link KeyRegistry} over accounts and tokens that {@link checkCredentials} has
 * checked (`resolveOptions` does, naming the field, e.g. `accounts[0].accessKeys[1].active`); what
 * it is given later (`addAccount`, `addStsToken`) it checks itself. It keeps the checked copies,
 * so a caller changing its objects later changes nothing.
 */
export function createKeyRegistry(
  accounts: readonly AccountConfig[],
  stsTokens: readonly StsTokenConfig[],
): KeyRegistry {
  const keys = new Map<string, KeyEntry>();
  const accountsById = new Map<string, AccountConfig>();
  const put = (account: AccountConfig): void => {
    accountsById.set(account.accountId, account);
    for (const key of account.accessKeys) {
      keys.set(key.accessKeyId, {
        accountId: account.accountId,
        record: { secret: key.accessKeySecret, disabled: key.active === false },
        policy: key.policy,
        sts: false,
      });
    }
  };
  const putToken = (token: StsTokenConfig): void => {
    keys.set(token.accessKeyId, {
      accountId: token.accountId,
      record: {
        secret: token.accessKeySecret,
        securityToken: token.securityToken,
        expiresAt: token.expiresAt,
      },
      policy: token.policy,
      sts: true,
    });
  };
  const registry: KeyRegistry = {
    get: (id) => keys.get(id),
    account: (id) => accountsById.get(id),
    addAccount(account) {
      put(checkAccount(account, 'account'));
    },
    addStsToken(token) {
      putToken(checkStsToken(token, 'stsToken'));
    },
    get accountCount() {
      return accountsById.size;
    },
  };
  accounts.forEach(put);
  stsTokens.forEach(putToken);
  return registry;
}
