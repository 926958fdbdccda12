import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  VodCredentialsError,
  chain,
  defaultCredentials,
  fromAliyunConfig,
  fromCredentialsFile,
  fromEnv,
  fromSts,
  isCredentialsNotFound,
  memoize,
  staticCredentials,
} from '../src/node/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'vodkit-creds-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const SECRET = 'super-secret-value';

async function notFound(p: Promise<unknown>): Promise<VodCredentialsError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isCredentialsNotFound(error)).toBe(true);
  return error as VodCredentialsError;
}

describe('fromEnv', () => {
  it('reads ALIBABA_CLOUD_* first, then the legacy names', async () => {
    await expect(
      fromEnv({
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'id1',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's1',
        ALIBABA_CLOUD_SECURITY_TOKEN: 't1',
        ALICLOUD_ACCESS_KEY: 'id2',
      })(),
    ).resolves.toEqual({ accessKeyId: 'id1', accessKeySecret: 's1', securityToken: 't1' });
    await expect(
      fromEnv({ ALICLOUD_ACCESS_KEY: 'id2', ALICLOUD_SECRET_KEY: 's2' })(),
    ).resolves.toEqual({
      accessKeyId: 'id2',
      accessKeySecret: 's2',
    });
    await expect(
      fromEnv({ ALIBABACLOUD_ACCESS_KEY_ID: 'id3', ALIBABACLOUD_ACCESS_KEY_SECRET: 's3' })(),
    ).resolves.toEqual({ accessKeyId: 'id3', accessKeySecret: 's3' });
  });

  it('says "not found" when unset, and stops the chain when half set (without the secret)', async () => {
    await notFound(fromEnv({})());
    const half = await fromEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET })().catch(
      (e: unknown) => e,
    );
    expect(half).toBeInstanceOf(VodCredentialsError);
    expect(isCredentialsNotFound(half)).toBe(false);
    expect((half as Error).message).not.toContain(SECRET);
  });
});

describe('~/.aliyun/config.json', () => {
  const config = file(
    'config.json',
    JSON.stringify({
      current: 'ak',
      profiles: [
        {
          name: 'ak',
          mode: 'AK',
          access_key_id: 'AK1',
          access_key_secret: SECRET,
          region_id: 'cn-shanghai',
        },
        {
          name: 'sts',
          mode: 'StsToken',
          access_key_id: 'STS.1',
          access_key_secret: 's',
          sts_token: 'tok',
        },
        { name: 'role', mode: 'RamRoleArn', access_key_id: 'x', access_key_secret: SECRET },
      ],
    }),
  );

  it('reads the current profile, ALIBABA_CLOUD_PROFILE, or the one named', async () => {
    await expect(fromAliyunConfig({ path: config, env: {} })()).resolves.toEqual({
      accessKeyId: 'AK1',
      accessKeySecret: SECRET,
    });
    await expect(
      fromAliyunConfig({ path: config, env: { ALIBABA_CLOUD_PROFILE: 'sts' } })(),
    ).resolves.toEqual({ accessKeyId: 'STS.1', accessKeySecret: 's', securityToken: 'tok' });
    await expect(
      fromAliyunConfig({ path: config, env: {}, profile: 'sts' })(),
    ).resolves.toMatchObject({
      securityToken: 'tok',
    });
  });

  it('reports missing files and profiles as not found, unsupported modes as errors', async () => {
    await notFound(fromAliyunConfig({ path: join(dir, 'absent.json'), env: {} })());
    await notFound(fromAliyunConfig({ path: config, env: {}, profile: 'nope' })());
    await notFound(
      fromAliyunConfig({ path: config, env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' } })(),
    );
    const role = await fromAliyunConfig({ path: config, env: {}, profile: 'role' })().catch(
      (e: unknown) => e,
    );
    expect((role as Error).message).toMatch(/RamRoleArn/);
    expect((role as Error).message).not.toContain(SECRET);
    const broken = file('broken.json', '{ nope');
    await expect(fromAliyunConfig({ path: broken, env: {} })()).rejects.toThrow(/not valid JSON/);
  });
});

describe('~/.alibabacloud/credentials', () => {
  const ini = file(
    'credentials',
    [
      '; comment',
      '[default]',
      'type = access_key',
      'access_key_id = INI1',
      `access_key_secret = ${SECRET}`,
      '',
      '[other]',
      'type = access_key',
      'access_key_id = INI2',
      'access_key_secret = s2',
      '[role]',
      'type = ecs_ram_role',
      'role_name = r',
    ].join('\n'),
  );

  it('reads [default], ALIBABA_CLOUD_PROFILE, ALIBABA_CLOUD_CREDENTIALS_FILE', async () => {
    await expect(fromCredentialsFile({ path: ini, env: {} })()).resolves.toEqual({
      accessKeyId: 'INI1',
      accessKeySecret: SECRET,
    });
    await expect(
      fromCredentialsFile({
        env: { ALIBABA_CLOUD_CREDENTIALS_FILE: ini, ALIBABA_CLOUD_PROFILE: 'other' },
      })(),
    ).resolves.toEqual({ accessKeyId: 'INI2', accessKeySecret: 's2' });
    await notFound(fromCredentialsFile({ path: ini, env: {}, profile: 'absent' })());
    await notFound(fromCredentialsFile({ path: join(dir, 'none'), env: {} })());
    await expect(fromCredentialsFile({ path: ini, env: {}, profile: 'role' })()).rejects.toThrow(
      /ecs_ram_role/,
    );
  });
});

describe('chain and memoize', () => {
  it('chain takes the first provider that has credentials and lists where it looked', async () => {
    const got = await chain(
      fromEnv({}),
      staticCredentials({ accessKeyId: 'S', accessKeySecret: 'x' }),
    )();
    expect(got.accessKeyId).toBe('S');
    const none = await notFound(
      chain(fromEnv({}), fromAliyunConfig({ path: join(dir, 'x'), env: {} }))(),
    );
    expect(none.message).toMatch(/environment.*aliyun CLI config/);
  });

  it('the default chain falls through env, CLI config and INI file in that order', async () => {
    const home = mkdtempSync(join(dir, 'home-'));
    const ini = file('chain-ini', '[default]\naccess_key_id = FROMINI\naccess_key_secret = s\n');
    const provider = defaultCredentials({
      env: {
        ALIBABA_CLOUD_CREDENTIALS_FILE: ini,
        HOME: home,
        ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true',
      },
    });
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'FROMINI' });
  });

  it('chain stops at a provider that fails for another reason', async () => {
    const boom = (): Promise<never> => Promise.reject(new Error('boom'));
    await expect(
      chain(boom, staticCredentials({ accessKeyId: 'S', accessKeySecret: 'x' }))(),
    ).rejects.toThrow('boom');
  });

  it('memoize refreshes before expiry, shares in-flight loads and does not cache failures', async () => {
    let now = 1_000_000;
    let loads = 0;
    let fail = false;
    const provider = memoize(
      () => {
        loads++;
        if (fail) return Promise.reject(new Error('down'));
        return Promise.resolve({
          accessKeyId: `K${loads}`,
          accessKeySecret: 's',
          expiresAt: now + 600_000,
        });
      },
      { now: () => now, refreshBeforeMs: 300_000 },
    );
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a.accessKeyId).toBe('K1');
    expect(b).toBe(a);
    now += 200_000;
    expect((await provider()).accessKeyId).toBe('K1');
    now += 200_000; // 200 s before expiry: inside the refresh window
    expect((await provider()).accessKeyId).toBe('K2');
    now += 400_000;
    fail = true;
    await expect(provider()).rejects.toThrow('down');
    fail = false;
    expect((await provider()).accessKeyId).toBe('K4');
  });

  it('fromSts turns Alibaba STS bodies into expiring credentials', async () => {
    const c = await fromSts(() =>
      Promise.resolve({
        AccessKeyId: 'STS.a',
        AccessKeySecret: 's',
        SecurityToken: 't',
        Expiration: '2030-01-01T00:00:00Z',
      }),
    )();
    expect(c).toEqual({
      accessKeyId: 'STS.a',
      accessKeySecret: 's',
      securityToken: 't',
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
    });
    await expect(
      fromSts(() => Promise.resolve({ AccessKeyId: 'a' } as never))(),
    ).rejects.toBeInstanceOf(VodCredentialsError);
  });
});
