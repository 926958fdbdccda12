/**
 * The emulator most stage tests run against: one clock they control, and keys for every
 * verify and authorize case (inactive, RAM-limited, denied, wildcard, a second key, STS tokens
 * valid and expired, accounts without VOD or overdue).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { DOCUMENTED_ERRORS } from '@vodkit/types';
import {
  DEFAULT_EMULATOR_CREDENTIALS,
  createSpecValidator,
  startEmulator,
} from '../../src/index.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/index.js';
import { expectErrorShape } from './rpc.js';
import type { Answer } from './rpc.js';

/** The spec's validators, for answers. */
export const specs = createSpecValidator();

/** The fixture's starting time. */
export const T0 = Date.parse('2026-01-15T08:30:00Z');

export const KEYS = {
  inactive: { accessKeyId: 'LTAI5tInactiveKey', accessKeySecret: 'inactive-secret', active: false },
  ramUser: {
    accessKeyId: 'LTAI5tRamUser',
    accessKeySecret: 'ram-user-secret',
    policy: { allow: ['vod:Get*'] },
  },
  denied: {
    accessKeyId: 'LTAI5tDenied',
    accessKeySecret: 'denied-secret',
    policy: { allow: ['*'], deny: ['vod:deleteimage'] },
  },
  wildcard: {
    accessKeyId: 'LTAI5tWildcard',
    accessKeySecret: 'wildcard-secret',
    policy: { allow: ['vod:*'] },
  },
  second: { accessKeyId: 'LTAI5tSecondKey', accessKeySecret: 'second-secret' },
};
export const STS = {
  accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2',
  accessKeySecret: 'sts-secret',
  securityToken: 'CAIS-token-value',
};
export const OLD_STS = {
  accessKeyId: 'STS.expired',
  accessKeySecret: 'old-secret',
  securityToken: 'old-token',
};

/** A test file's fixture emulator and the clock it runs on (tests may move `clock`). */
export interface Fixture {
  /** The emulator, started before the file's tests and closed after them. */
  readonly vod: RunningEmulator;
  /** The emulator's clock, epoch ms; starts at {@link T0}. */
  clock: number;
}

/** Starts the fixture emulator for the calling test file (its hooks do) and returns its handle. */
export function useFixture(): Fixture {
  let vod: RunningEmulator | undefined;
  const fixture: Fixture = {
    get vod() {
      if (vod === undefined) throw new Error('the fixture emulator starts in beforeAll');
      return vod;
    },
    clock: T0,
  };
  beforeAll(async () => {
    vod = await startFixtureEmulator(() => fixture.clock);
  });
  afterAll(async () => {
    await vod?.close();
  });
  return fixture;
}

/** Starts the fixture emulator on `now`'s clock (its STS tokens expire relative to `T0`). */
export function startFixtureEmulator(
  now: () => number,
  extra: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const clock = T0;
  return startEmulator({
    now,
    ...extra,
    qps: Infinity,
    accounts: [
      {
        accountId: 'main',
        accessKeys: [
          DEFAULT_EMULATOR_CREDENTIALS,
          KEYS.inactive,
          KEYS.ramUser,
          KEYS.denied,
          KEYS.wildcard,
          KEYS.second,
        ],
      },
      {
        accountId: 'new',
        vodStatus: 'not-activated',
        accessKeys: [{ accessKeyId: 'LTAI5tNew', accessKeySecret: 'n' }],
      },
      {
        accountId: 'late',
        vodStatus: 'suspended',
        accessKeys: [{ accessKeyId: 'LTAI5tLate', accessKeySecret: 'l' }],
      },
    ],
    stsTokens: [
      { ...STS, expiresAt: clock + 3_600_000, accountId: 'main' },
      { ...OLD_STS, expiresAt: clock - 1, accountId: 'main' },
    ],
  });
}

/** Checks the answer is the error `code`, with its documented status and a valid VodError body. */
export function expectError(answer: Answer, code: string): string {
  const { Code, Message } = expectErrorShape(answer);
  expect(Code).toBe(code);
  if (Object.hasOwn(DOCUMENTED_ERRORS, code)) {
    expect(answer.status).toBe(
      DOCUMENTED_ERRORS[code as keyof typeof DOCUMENTED_ERRORS].httpStatus,
    );
  } else {
    expect(answer.status).toBe(400);
  }
  expect(specs.validate('VodError', answer.json)).toEqual([]);
  return Message;
}

export function expectSuccess(answer: Answer): void {
  expect(answer.status, answer.text).toBe(200);
  expect(specs.validate('DeleteImageResponse', answer.json)).toEqual([]);
  expect(answer.headers.get('x-acs-request-id')).toBe(answer.json?.['RequestId']);
}
