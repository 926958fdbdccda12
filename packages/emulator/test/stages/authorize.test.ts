/**
 * The `authorize` stage: RAM policies (an explicit deny wins) and the account's VOD service state.
 */
import { describe, expect, test } from 'vitest';
import { KEYS, expectError, useFixture } from '../support/fixture.js';
import { byIds, callV2, callV3, seeded } from '../support/rpc.js';

const fx = useFixture();

describe('authorization', () => {
  test('a RAM user whose policy does not allow vod:DeleteImage gets Forbidden.RAM (403)', async () => {
    fx.vod.state.add([{ imageId: 'ram' }]);
    expectError(
      await callV2(fx.vod.url, byIds('ram'), { time: fx.clock, credentials: KEYS.ramUser }),
      'Forbidden.RAM',
    );
    expect(fx.vod.state.has('ram')).toBe(true);
  });

  test('an explicit deny wins over an allow of everything', async () => {
    expectError(
      await callV3(fx.vod.url, byIds('ram'), { time: fx.clock, credentials: KEYS.denied }),
      'Forbidden.RAM',
    );
  });

  test('STS roles carry a policy too', async () => {
    fx.vod.keys.addStsToken({
      accessKeyId: 'STS.readOnly',
      accessKeySecret: 'ro',
      securityToken: 'ro-token',
      expiresAt: fx.clock + 60_000,
      accountId: 'main',
      policy: { allow: ['vod:GetImageInfo'] },
    });
    const credentials = {
      accessKeyId: 'STS.readOnly',
      accessKeySecret: 'ro',
      securityToken: 'ro-token',
    };
    expectError(
      await callV2(fx.vod.url, byIds('ram'), { time: fx.clock, credentials }),
      'Forbidden.RAM',
    );
  });

  test('an account without VOD is OperationDenied; an overdue one OperationDenied.Suspended', async () => {
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), {
        time: fx.clock,
        credentials: { accessKeyId: 'LTAI5tNew', accessKeySecret: 'n' },
      }),
      'OperationDenied',
    );
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), {
        time: fx.clock,
        credentials: { accessKeyId: 'LTAI5tLate', accessKeySecret: 'l' },
      }),
      'OperationDenied.Suspended',
    );
  });
});
