/**
 * The `rate-limit` stage: a token bucket per account, Throttling.User past it, x-acs-retry-after when asked for.
 */
import { describe, expect, test } from 'vitest';
import { QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../../src/index.js';
import { KEYS, expectError, expectSuccess } from '../support/fixture.js';
import { callV2, callV3, seeded } from '../support/rpc.js';

describe('rate limit', () => {
  test(`the ${QPS_LIMIT_PER_ACCOUNT + 1}th call within a second is Throttling.User; the next second passes`, async () => {
    let t = Date.parse('2026-03-01T00:00:00Z');
    const limited = await startEmulator({ now: () => t, retryAfter: true });
    try {
      const answers = await Promise.all(
        Array.from({ length: QPS_LIMIT_PER_ACCOUNT + 1 }, (_, i) =>
          callV2(limited.url, seeded(limited, `x${i}`), { time: t }),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(QPS_LIMIT_PER_ACCOUNT);
      const [throttled, ...more] = answers.filter((a) => a.status !== 200);
      expect(more).toHaveLength(0);
      if (throttled === undefined) throw new Error('nothing was throttled');
      expectError(throttled, 'Throttling.User');
      expect(Number(throttled.headers.get('x-acs-retry-after'))).toBeGreaterThan(0);
      t += 1000;
      expectSuccess(await callV2(limited.url, seeded(limited, 'x'), { time: t }));
    } finally {
      await limited.close();
    }
  });

  test('the limit is per account: all keys of an account share it, another account has its own', async () => {
    const t = Date.parse('2026-03-01T00:00:00Z');
    const other = { accessKeyId: 'LTAI5tOther', accessKeySecret: 'o' };
    const limited = await startEmulator({
      now: () => t,
      qps: 2,
      accounts: [
        { accountId: 'a', accessKeys: [DEFAULT_EMULATOR_CREDENTIALS, KEYS.second] },
        { accountId: 'b', accessKeys: [other] },
      ],
    });
    try {
      expectSuccess(await callV2(limited.url, seeded(limited, 'x'), { time: t }));
      expectSuccess(
        await callV2(limited.url, seeded(limited, 'x'), { time: t, credentials: KEYS.second }),
      );
      const third = await callV3(limited.url, seeded(limited, 'x'), { time: t });
      expectError(third, 'Throttling.User');
      expect(third.headers.get('x-acs-retry-after')).toBeNull();
      expectSuccess(
        await callV2(limited.url, seeded(limited, 'x'), { time: t, credentials: other }),
      );
    } finally {
      await limited.close();
    }
  });
});
