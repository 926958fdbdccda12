/**
 * The `authorize` stage: RAM policies (an explicit deny wins) and the account's VOD service state.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { KEYS, expectError, startFixtureEmulator, T0 } from '../support/fixture.js';
import { byIds, callV1, callV3, seeded } from '../support/rpc.js';

const clock = T0;
const now = (): number => clock;
let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startFixtureEmulator(now);
});
afterAll(async () => {
  await vod.close();
});

describe('authorization', () => {
  test('a RAM user whose policy does not allow vod:DeleteImage gets Forbidden.RAM (403)', async () => {
    vod.state.add([{ imageId: 'ram' }]);
    expectError(
      await callV1(vod.url, byIds('ram'), { time: clock, credentials: KEYS.ramUser }),
      'Forbidden.RAM',
    );
    expect(vod.state.has('ram')).toBe(true);
  });

  test('an explicit deny wins over an allow of everything', async () => {
    expectError(
      await callV3(vod.url, byIds('ram'), { time: clock, credentials: KEYS.denied }),
      'Forbidden.RAM',
    );
  });

  test('STS roles carry a policy too', async () => {
    vod.keys.addStsToken({
      accessKeyId: 'STS.readOnly',
      accessKeySecret: 'ro',
      securityToken: 'ro-token',
      expiresAt: clock + 60_000,
      accountId: 'main',
      policy: { allow: ['vod:GetImageInfo'] },
    });
    const credentials = {
      accessKeyId: 'STS.readOnly',
      accessKeySecret: 'ro',
      securityToken: 'ro-token',
    };
    expectError(await callV1(vod.url, byIds('ram'), { time: clock, credentials }), 'Forbidden.RAM');
  });

  test('an account without VOD is OperationDenied; an overdue one OperationDenied.Suspended', async () => {
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), {
        time: clock,
        credentials: { accessKeyId: 'LTAI5tNew', accessKeySecret: 'n' },
      }),
      'OperationDenied',
    );
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), {
        time: clock,
        credentials: { accessKeyId: 'LTAI5tLate', accessKeySecret: 'l' },
      }),
      'OperationDenied.Suspended',
    );
  });
});
