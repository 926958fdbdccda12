/**
 * The command line read into a plan (pure: argv and env in, a plan or a usage error out): the
 * fixtures of the newer checks (RAM keys with their expected verdicts, another account's key,
 * the declared x-acs-retry-after), their rules, and the rerun flags they leave, never a secret.
 */
import { expect, it } from 'vitest';
import { parseCli, UsageError } from '../src/cli-options.ts';

const URL = 'http://127.0.0.1:4010';
const ROOT = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tRoot',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'root-secret',
  VODKIT_CONTRACT_DENIED_KEY_SECRET: 'denied-secret',
};
const RAM_ENV = {
  ...ROOT,
  VODKIT_CONTRACT_RAM_ALLOWED_KEY_1_SECRET: 'allow-1-secret',
  VODKIT_CONTRACT_RAM_ALLOWED_KEY_2_SECRET: 'allow,2=secret with spaces',
  VODKIT_CONTRACT_RAM_DENIED_KEY_1_SECRET: 'deny-1-secret',
  VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET: 'other-secret',
};
const SECRETS = Object.entries(RAM_ENV)
  .filter(([name]) => name.endsWith('_SECRET'))
  .map(([, value]) => value);
const RAM_FLAGS = [
  '--target',
  URL,
  '--denied-key',
  'LTAI5tDenied',
  '--ram-allowed-keys',
  'LTAI5tAllowA, LTAI5tAllowB',
  '--ram-denied-keys',
  'LTAI5tDenyA',
  '--other-account-key',
  'LTAI5tOther',
  '--retry-after',
];

it('reads RAM keys with their verdicts, another account key and --retry-after; the rerun flags name IDs, never secrets', () => {
  const plan = parseCli(RAM_FLAGS, RAM_ENV);
  expect(plan.fixtures.ramKeys).toEqual({
    allowed: [
      { accessKeyId: 'LTAI5tAllowA', accessKeySecret: 'allow-1-secret' },
      { accessKeyId: 'LTAI5tAllowB', accessKeySecret: 'allow,2=secret with spaces' },
    ],
    denied: [{ accessKeyId: 'LTAI5tDenyA', accessKeySecret: 'deny-1-secret' }],
  });
  expect(plan.fixtures.otherAccountKey).toEqual({
    accessKeyId: 'LTAI5tOther',
    accessKeySecret: 'other-secret',
  });
  expect(plan.fixtures.retryAfter).toBe(true);
  expect(plan.targetArgs).toEqual([
    '--target',
    URL,
    '--denied-key',
    'LTAI5tDenied',
    '--other-account-key',
    'LTAI5tOther',
    '--ram-allowed-keys',
    'LTAI5tAllowA,LTAI5tAllowB',
    '--ram-denied-keys',
    'LTAI5tDenyA',
    '--retry-after',
  ]);
  expect(plan.secretEnv).toEqual(
    expect.arrayContaining([
      'VODKIT_CONTRACT_RAM_ALLOWED_KEY_1_SECRET',
      'VODKIT_CONTRACT_RAM_ALLOWED_KEY_2_SECRET',
      'VODKIT_CONTRACT_RAM_DENIED_KEY_1_SECRET',
      'VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET',
    ]),
  );
  for (const secret of SECRETS) expect(plan.targetArgs.join(' ')).not.toContain(secret);
});

it('takes the IDs from variables too, and a rerun still names them as flags', () => {
  const plan = parseCli(['--target', URL, '--denied-key', 'LTAI5tDenied'], {
    ...RAM_ENV,
    VODKIT_CONTRACT_RAM_ALLOWED_KEYS: 'LTAI5tAllowA,LTAI5tAllowB',
    VODKIT_CONTRACT_RAM_DENIED_KEYS: 'LTAI5tDenyA',
    VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_ID: 'LTAI5tOther',
    VODKIT_CONTRACT_RETRY_AFTER: '1',
  });
  expect(plan.fixtures.ramKeys?.allowed.map((k) => k.accessKeyId)).toEqual([
    'LTAI5tAllowA',
    'LTAI5tAllowB',
  ]);
  expect(plan.fixtures.otherAccountKey?.accessKeyId).toBe('LTAI5tOther');
  expect(plan.fixtures.retryAfter).toBe(true);
  expect(plan.targetArgs).toContain('--ram-allowed-keys');
  expect(plan.targetArgs).toContain('--retry-after');
  const off = parseCli(['--target', URL], { ...ROOT, VODKIT_CONTRACT_RETRY_AFTER: 'false' });
  expect(off.fixtures.retryAfter).toBeUndefined();
  expect(off.targetArgs).not.toContain('--retry-after');
});

const without = (name: keyof typeof RAM_ENV): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(RAM_ENV).filter(([n]) => n !== name));

it.each<[string, string[], NodeJS.ProcessEnv, RegExp]>([
  [
    'a RAM key without its secret',
    RAM_FLAGS,
    without('VODKIT_CONTRACT_RAM_ALLOWED_KEY_2_SECRET'),
    /^--ram-allowed-keys LTAI5tAllowB \(key 2\): set its secret in VODKIT_CONTRACT_RAM_ALLOWED_KEY_2_SECRET \(secrets are never flags\)$/,
  ],
  [
    'a secret numbered beyond the list',
    RAM_FLAGS,
    { ...RAM_ENV, VODKIT_CONTRACT_RAM_DENIED_KEY_2_SECRET: 'stray-secret' },
    /^VODKIT_CONTRACT_RAM_DENIED_KEY_2_SECRET is set but --ram-denied-keys names 1 keys: the secret of key n is VODKIT_CONTRACT_RAM_DENIED_KEY_<n>_SECRET$/,
  ],
  [
    'an empty item',
    ['--target', URL, '--denied-key', 'LTAI5tDenied', '--ram-denied-keys', 'LTAI5tDenyA,'],
    ROOT,
    /^--ram-denied-keys must be a comma-separated list of key IDs with no empty item$/,
  ],
  [
    'a key in both lists',
    [
      '--target',
      URL,
      '--denied-key',
      'LTAI5tDenied',
      '--ram-allowed-keys',
      'LTAI5tAllowA',
      '--ram-denied-keys',
      'LTAI5tAllowA',
    ],
    {
      ...ROOT,
      VODKIT_CONTRACT_RAM_ALLOWED_KEY_1_SECRET: 'allow-1-secret',
      VODKIT_CONTRACT_RAM_DENIED_KEY_1_SECRET: 'deny-1-secret',
    },
    /^--ram-allowed-keys and --ram-denied-keys name LTAI5tAllowA twice: each key has one expected verdict$/,
  ],
  [
    'RAM keys without --denied-key',
    ['--target', URL, '--ram-allowed-keys', 'LTAI5tAllowA'],
    { ...ROOT, VODKIT_CONTRACT_RAM_ALLOWED_KEY_1_SECRET: 'allow-1-secret' },
    /^--ram-allowed-keys needs --denied-key: ram-deny, which tries them, runs with a denied key$/,
  ],
  [
    'another account key without its secret',
    ['--target', URL, '--other-account-key', 'LTAI5tOther'],
    without('VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET'),
    /^--other-account-key LTAI5tOther: set its secret in VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET/,
  ],
  [
    "another account key that is the target's own",
    ['--target', URL, '--other-account-key', 'LTAI5tRoot'],
    { ...ROOT, VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET: 'other-secret' },
    /^--other-account-key LTAI5tRoot is the target's own key: throttling needs a key of another account$/,
  ],
  [
    'a retry-after variable that is not a boolean',
    ['--target', URL],
    { ...ROOT, VODKIT_CONTRACT_RETRY_AFTER: 'yes' },
    /^VODKIT_CONTRACT_RETRY_AFTER must be true, false, 1 or 0, not "yes"$/,
  ],
  ['--retry-after with a value', ['--target', URL, '--retry-after=yes'], ROOT, /retry-after/],
  [
    '--retry-after for the in-process emulator',
    ['--retry-after'],
    {},
    /^--retry-after is for a URL or alibaba target/,
  ],
])('refuses %s in one line naming the flag or variable and the rule', (_, argv, env, problem) => {
  let error: unknown;
  try {
    parseCli(argv, env);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UsageError);
  const { message } = error as UsageError;
  expect(message).toMatch(problem);
  expect(message.split('\n')).toHaveLength(1);
  for (const secret of [...SECRETS, 'stray-secret']) expect(message).not.toContain(secret);
});
