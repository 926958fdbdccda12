import type { KeyRecord } from '@vodkit/signer/node';
import { DEFAULT_ACCOUNT_ID, DEFAULT_EMULATOR_CREDENTIALS } from './options.js';
import type { AccountConfig, KeyPolicy, StsTokenConfig } from './options.js';
import { checkAccount, checkCredentials, checkStsToken } from './shapes.js';

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
 * Builds a {@link KeyRegistry}; throws a `TypeError` naming the field (`accounts[0].accessKeys[1]
 * .active`) on bad configuration. Every account and token is checked by `shapes.ts` and the
 * checked copy is what the registry keeps, so a caller changing its object later changes nothing.
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
  const checked = checkCredentials(accounts, stsTokens);
  checked.accounts.forEach(put);
  checked.stsTokens.forEach(putToken);
  return registry;
}
