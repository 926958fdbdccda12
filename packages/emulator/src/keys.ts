import type { KeyRecord } from '@vodkit/signer/node';
import { DEFAULT_ACCOUNT_ID, DEFAULT_EMULATOR_CREDENTIALS } from './options.js';
import type { AccessKeyConfig, AccountConfig, KeyPolicy, StsTokenConfig } from './options.js';

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

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${field} must be a non-empty string`);
  }
  return value;
}

/** Builds a {@link KeyRegistry}; throws a `TypeError` naming the field on bad configuration. */
export function createKeyRegistry(
  accounts: readonly AccountConfig[],
  stsTokens: readonly StsTokenConfig[],
): KeyRegistry {
  const keys = new Map<string, KeyEntry>();
  const accountsById = new Map<string, AccountConfig>();
  const registry: KeyRegistry = {
    get: (id) => keys.get(id),
    account: (id) => accountsById.get(id),
    addAccount(account) {
      const accountId = requireText(account.accountId, 'accounts[].accountId');
      const list: unknown = account.accessKeys;
      if (!Array.isArray(list)) {
        throw new TypeError(`accounts[${accountId}].accessKeys must be an array`);
      }
      accountsById.set(accountId, account);
      for (const key of list as readonly AccessKeyConfig[]) {
        const id = requireText(key.accessKeyId, `accounts[${accountId}].accessKeys[].accessKeyId`);
        keys.set(id, {
          accountId,
          record: {
            secret: requireText(key.accessKeySecret, `accessKeys[${id}].accessKeySecret`),
            disabled: key.active === false,
          },
          policy: key.policy,
          sts: false,
        });
      }
    },
    addStsToken(token) {
      const id = requireText(token.accessKeyId, 'stsTokens[].accessKeyId');
      if (typeof token.expiresAt !== 'number' || Number.isNaN(token.expiresAt)) {
        throw new TypeError(`stsTokens[${id}].expiresAt must be epoch milliseconds`);
      }
      keys.set(id, {
        accountId: requireText(token.accountId, `stsTokens[${id}].accountId`),
        record: {
          secret: requireText(token.accessKeySecret, `stsTokens[${id}].accessKeySecret`),
          securityToken: requireText(token.securityToken, `stsTokens[${id}].securityToken`),
          expiresAt: token.expiresAt,
        },
        policy: token.policy,
        sts: true,
      });
    },
    get accountCount() {
      return accountsById.size;
    },
  };
  for (const account of accounts) registry.addAccount(account);
  for (const token of stsTokens) registry.addStsToken(token);
  return registry;
}
