/**
 * The `verify` stage: both signature algorithms, keys, STS tokens, the time window and nonce replay.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../../src/index.js';
import { KEYS, STS, OLD_STS, expectError, expectSuccess, useFixture } from '../support/fixture.js';
import { byIds, callV2, callV2Tampered, callV3, expectErrorShape, seeded } from '../support/rpc.js';

const fx = useFixture();

describe('signature and credentials', () => {
  test('no signature at all is IncompleteSignature', async () => {
    const answer = await callV2Tampered(fx.vod.url, seeded(fx.vod, 'x'), (p) => {
      delete p['Signature'];
      return p;
    });
    expectError(answer, 'IncompleteSignature');
  });

  test('a wrong secret is SignatureDoesNotMatch, with the server string-to-sign (both algorithms)', async () => {
    const credentials = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'wrong' };
    const v1 = expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials }),
      'SignatureDoesNotMatch',
    );
    expect(v1).toMatch(
      /server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tVodkitEmulatorKey%26Action%3DDeleteImage/,
    );
    const v3 = expectError(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials }),
      'SignatureDoesNotMatch',
    );
    expect(v3).toContain('server string to sign is:ACS3-HMAC-SHA256\n');
  });

  test('a changed parameter is SignatureDoesNotMatch and deletes nothing', async () => {
    fx.vod.state.add([{ imageId: 'victim' }]);
    const answer = await callV2Tampered(
      fx.vod.url,
      byIds('x'),
      (p) => ({ ...p, ImageIds: 'victim' }),
      {
        time: fx.clock,
      },
    );
    expectError(answer, 'SignatureDoesNotMatch');
    expect(fx.vod.state.has('victim')).toBe(true);
  });

  test('an unparseable Timestamp is InvalidTimeStamp.Format', async () => {
    const answer = await callV2Tampered(fx.vod.url, seeded(fx.vod, 'x'), (p) => ({
      ...p,
      Timestamp: '2026-01-15 08:30:00',
    }));
    expectError(answer, 'InvalidTimeStamp.Format');
  });

  test('more than 15 minutes of skew either way is InvalidTimeStamp.Expired; 14 minutes passes', async () => {
    for (const time of [fx.clock - 16 * 60_000, fx.clock + 16 * 60_000]) {
      const answer = await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time });
      expectError(answer, 'InvalidTimeStamp.Expired');
      // The Date header lets the client measure its skew.
      expect(Date.parse(answer.headers.get('date') ?? '')).toBe(Math.floor(fx.clock / 1000) * 1000);
    }
    expectError(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock - 16 * 60_000 }),
      'InvalidTimeStamp.Expired',
    );
    expectSuccess(await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock - 14 * 60_000 }));
    expectSuccess(await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock + 14 * 60_000 }));
  });

  test('maxSkewMs narrows the window', async () => {
    const strict = await startEmulator({ now: () => fx.clock, maxSkewMs: 60_000 });
    try {
      expectError(
        await callV2(strict.url, seeded(strict, 'x'), { time: fx.clock - 120_000 }),
        'InvalidTimeStamp.Expired',
      );
      expectSuccess(await callV3(strict.url, seeded(strict, 'x'), { time: fx.clock - 30_000 }));
    } finally {
      await strict.close();
    }
  });

  test('a nonce used again within the window is SignatureNonceUsed (both algorithms)', async () => {
    expectSuccess(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, nonce: 'nonce-once' }),
    );
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, nonce: 'nonce-once' }),
      'SignatureNonceUsed',
    );
    expectSuccess(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, nonce: 'nonce-v3' }),
    );
    expectError(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, nonce: 'nonce-v3' }),
      'SignatureNonceUsed',
    );
  });

  test('a nonce is remembered until its own timestamp leaves the window: a request signed 14 minutes ahead is accepted once', async () => {
    const saved = fx.clock;
    const signedAt = fx.clock + 14 * 60_000;
    try {
      expectSuccess(
        await callV2(fx.vod.url, seeded(fx.vod, 'ahead'), {
          time: signedAt,
          nonce: 'from-the-future',
        }),
      );
      // 16 minutes after it was received: past a receipt-based memory of 15 minutes, still
      // within the window of its own timestamp.
      fx.clock += 16 * 60_000;
      expectError(
        await callV2(fx.vod.url, seeded(fx.vod, 'ahead'), {
          time: signedAt,
          nonce: 'from-the-future',
        }),
        'SignatureNonceUsed',
      );
      expect(fx.vod.state.has('ahead')).toBe(true);
      // Once its timestamp is out of the window, the time check answers instead.
      fx.clock = signedAt + 15 * 60_000 + 1000;
      expectError(
        await callV2(fx.vod.url, seeded(fx.vod, 'ahead'), {
          time: signedAt,
          nonce: 'from-the-future',
        }),
        'InvalidTimeStamp.Expired',
      );
    } finally {
      fx.clock = saved;
    }
  });

  test('a forged request does not burn the nonce of a later genuine one', async () => {
    const credentials = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'forger' };
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), {
        time: fx.clock,
        nonce: 'n-forged',
        credentials,
      }),
      'SignatureDoesNotMatch',
    );
    expectSuccess(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, nonce: 'n-forged' }),
    );
  });

  test('an unknown key is InvalidAccessKeyId.NotFound (404), a disabled one InvalidAccessKeyId.Inactive', async () => {
    const unknown = { accessKeyId: 'LTAI5tNobody', accessKeySecret: 's' };
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials: unknown }),
      'InvalidAccessKeyId.NotFound',
    );
    expectError(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials: unknown }),
      'InvalidAccessKeyId.NotFound',
    );
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials: KEYS.inactive }),
      'InvalidAccessKeyId.Inactive',
    );
  });

  test('several keys of one account all work', async () => {
    fx.vod.state.add([{ imageId: 'k1' }, { imageId: 'k2' }]);
    expectSuccess(
      await callV2(fx.vod.url, byIds('k1'), { time: fx.clock, credentials: KEYS.second }),
    );
    expectSuccess(
      await callV3(fx.vod.url, byIds('k2'), { time: fx.clock, credentials: KEYS.wildcard }),
    );
    expect(fx.vod.requests().at(-1)?.accountId).toBe('main');
  });

  test('STS: a valid token deletes; expired, wrong, missing and empty tokens get their codes', async () => {
    fx.vod.state.add([{ imageId: 'sts1' }, { imageId: 'sts2' }]);
    expectSuccess(await callV2(fx.vod.url, byIds('sts1'), { time: fx.clock, credentials: STS }));
    expectSuccess(await callV3(fx.vod.url, byIds('sts2'), { time: fx.clock, credentials: STS }));
    expect(fx.vod.state.has('sts1') || fx.vod.state.has('sts2')).toBe(false);
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials: OLD_STS }),
      'InvalidSecurityToken.Expired',
    );
    expectError(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), {
        time: fx.clock,
        credentials: { ...STS, securityToken: 'another' },
      }),
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
    const noToken = { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret };
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials: noToken }),
      'MissingSecurityToken',
    );
    const empty = await callV2Tampered(
      fx.vod.url,
      seeded(fx.vod, 'x'),
      (p) => ({ ...p, SecurityToken: '' }),
      {
        credentials: STS,
        time: fx.clock,
      },
    );
    expectError(empty, 'InvalidSecurityToken.Malformed');
  });

  test('an STS token stops working when the emulator fx.clock passes its expiry', async () => {
    const saved = fx.clock;
    fx.clock += 3_600_000;
    try {
      expectError(
        await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, credentials: STS }),
        'InvalidSecurityToken.Expired',
      );
    } finally {
      fx.clock = saved;
    }
  });

  test('missing common parameters are named (Missing<Name>)', async () => {
    for (const name of ['AccessKeyId', 'SignatureNonce', 'Timestamp']) {
      const answer = await callV2Tampered(fx.vod.url, seeded(fx.vod, 'x'), (p) =>
        Object.fromEntries(Object.entries(p).filter(([key]) => key !== name)),
      );
      expect(expectErrorShape(answer).Code).toBe(`Missing${name}`);
      expect(answer.status).toBe(400);
    }
  });
});
