/**
 * The `verify` stage: both signature algorithms, keys, STS tokens, the time window and nonce replay.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../../src/index.js';
import type { RunningEmulator } from '../../src/index.js';
import {
  KEYS,
  STS,
  OLD_STS,
  expectError,
  expectSuccess,
  startFixtureEmulator,
  T0,
} from '../support/fixture.js';
import { byIds, callV1, callV1Tampered, callV3, expectErrorShape, seeded } from '../support/rpc.js';

let clock = T0;
const now = (): number => clock;
let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startFixtureEmulator(now);
});
afterAll(async () => {
  await vod.close();
});

describe('signature and credentials', () => {
  test('no signature at all is IncompleteSignature', async () => {
    const answer = await callV1Tampered(vod.url, seeded(vod, 'x'), (p) => {
      delete p['Signature'];
      return p;
    });
    expectError(answer, 'IncompleteSignature');
  });

  test('a wrong secret is SignatureDoesNotMatch, with the server string-to-sign (both algorithms)', async () => {
    const credentials = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'wrong' };
    const v1 = expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials }),
      'SignatureDoesNotMatch',
    );
    expect(v1).toMatch(
      /server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tVodkitEmulatorKey%26Action%3DDeleteImage/,
    );
    const v3 = expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, credentials }),
      'SignatureDoesNotMatch',
    );
    expect(v3).toContain('server string to sign is:ACS3-HMAC-SHA256\n');
  });

  test('a changed parameter is SignatureDoesNotMatch and deletes nothing', async () => {
    vod.state.add([{ imageId: 'victim' }]);
    const answer = await callV1Tampered(
      vod.url,
      byIds('x'),
      (p) => ({ ...p, ImageIds: 'victim' }),
      {
        time: clock,
      },
    );
    expectError(answer, 'SignatureDoesNotMatch');
    expect(vod.state.has('victim')).toBe(true);
  });

  test('an unparseable Timestamp is InvalidTimeStamp.Format', async () => {
    const answer = await callV1Tampered(vod.url, seeded(vod, 'x'), (p) => ({
      ...p,
      Timestamp: '2026-01-15 08:30:00',
    }));
    expectError(answer, 'InvalidTimeStamp.Format');
  });

  test('more than 15 minutes of skew either way is InvalidTimeStamp.Expired; 14 minutes passes', async () => {
    for (const time of [clock - 16 * 60_000, clock + 16 * 60_000]) {
      const answer = await callV1(vod.url, seeded(vod, 'x'), { time });
      expectError(answer, 'InvalidTimeStamp.Expired');
      // The Date header lets the client measure its skew.
      expect(Date.parse(answer.headers.get('date') ?? '')).toBe(Math.floor(clock / 1000) * 1000);
    }
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock - 16 * 60_000 }),
      'InvalidTimeStamp.Expired',
    );
    expectSuccess(await callV1(vod.url, seeded(vod, 'x'), { time: clock - 14 * 60_000 }));
    expectSuccess(await callV3(vod.url, seeded(vod, 'x'), { time: clock + 14 * 60_000 }));
  });

  test('maxSkewMs narrows the window', async () => {
    const strict = await startEmulator({ now, maxSkewMs: 60_000 });
    try {
      expectError(
        await callV1(strict.url, seeded(strict, 'x'), { time: clock - 120_000 }),
        'InvalidTimeStamp.Expired',
      );
      expectSuccess(await callV3(strict.url, seeded(strict, 'x'), { time: clock - 30_000 }));
    } finally {
      await strict.close();
    }
  });

  test('a nonce used again within the window is SignatureNonceUsed (both algorithms)', async () => {
    expectSuccess(await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-once' }));
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-once' }),
      'SignatureNonceUsed',
    );
    expectSuccess(await callV3(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-v3' }));
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-v3' }),
      'SignatureNonceUsed',
    );
  });

  test('a nonce is remembered until its own timestamp leaves the window: a request signed 14 minutes ahead is accepted once', async () => {
    const saved = clock;
    const signedAt = clock + 14 * 60_000;
    try {
      expectSuccess(
        await callV1(vod.url, seeded(vod, 'ahead'), { time: signedAt, nonce: 'from-the-future' }),
      );
      // 16 minutes after it was received: past a receipt-based memory of 15 minutes, still
      // within the window of its own timestamp.
      clock += 16 * 60_000;
      expectError(
        await callV1(vod.url, seeded(vod, 'ahead'), { time: signedAt, nonce: 'from-the-future' }),
        'SignatureNonceUsed',
      );
      expect(vod.state.has('ahead')).toBe(true);
      // Once its timestamp is out of the window, the time check answers instead.
      clock = signedAt + 15 * 60_000 + 1000;
      expectError(
        await callV1(vod.url, seeded(vod, 'ahead'), { time: signedAt, nonce: 'from-the-future' }),
        'InvalidTimeStamp.Expired',
      );
    } finally {
      clock = saved;
    }
  });

  test('a forged request does not burn the nonce of a later genuine one', async () => {
    const credentials = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'forger' };
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'n-forged', credentials }),
      'SignatureDoesNotMatch',
    );
    expectSuccess(await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'n-forged' }));
  });

  test('an unknown key is InvalidAccessKeyId.NotFound (404), a disabled one InvalidAccessKeyId.Inactive', async () => {
    const unknown = { accessKeyId: 'LTAI5tNobody', accessKeySecret: 's' };
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: unknown }),
      'InvalidAccessKeyId.NotFound',
    );
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, credentials: unknown }),
      'InvalidAccessKeyId.NotFound',
    );
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: KEYS.inactive }),
      'InvalidAccessKeyId.Inactive',
    );
  });

  test('several keys of one account all work', async () => {
    vod.state.add([{ imageId: 'k1' }, { imageId: 'k2' }]);
    expectSuccess(await callV1(vod.url, byIds('k1'), { time: clock, credentials: KEYS.second }));
    expectSuccess(await callV3(vod.url, byIds('k2'), { time: clock, credentials: KEYS.wildcard }));
    expect(vod.requests().at(-1)?.accountId).toBe('main');
  });

  test('STS: a valid token deletes; expired, wrong, missing and empty tokens get their codes', async () => {
    vod.state.add([{ imageId: 'sts1' }, { imageId: 'sts2' }]);
    expectSuccess(await callV1(vod.url, byIds('sts1'), { time: clock, credentials: STS }));
    expectSuccess(await callV3(vod.url, byIds('sts2'), { time: clock, credentials: STS }));
    expect(vod.state.has('sts1') || vod.state.has('sts2')).toBe(false);
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: OLD_STS }),
      'InvalidSecurityToken.Expired',
    );
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), {
        time: clock,
        credentials: { ...STS, securityToken: 'another' },
      }),
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
    const noToken = { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret };
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: noToken }),
      'MissingSecurityToken',
    );
    const empty = await callV1Tampered(
      vod.url,
      seeded(vod, 'x'),
      (p) => ({ ...p, SecurityToken: '' }),
      {
        credentials: STS,
        time: clock,
      },
    );
    expectError(empty, 'InvalidSecurityToken.Malformed');
  });

  test('an STS token stops working when the emulator clock passes its expiry', async () => {
    const saved = clock;
    clock += 3_600_000;
    try {
      expectError(
        await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: STS }),
        'InvalidSecurityToken.Expired',
      );
    } finally {
      clock = saved;
    }
  });

  test('missing common parameters are named (Missing<Name>)', async () => {
    for (const name of ['AccessKeyId', 'SignatureNonce', 'Timestamp']) {
      const answer = await callV1Tampered(vod.url, seeded(vod, 'x'), (p) =>
        Object.fromEntries(Object.entries(p).filter(([key]) => key !== name)),
      );
      expect(expectErrorShape(answer).Code).toBe(`Missing${name}`);
      expect(answer.status).toBe(400);
    }
  });
});
