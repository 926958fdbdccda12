/**
 * Every credential source the Node client reads, end to end: the credentials come only from that
 * source (a fresh HOME and a bare environment), the client signs with them and the real emulator
 * deletes the image. Run with `VODKIT_TEST_TARGET=dist`, this is the built `dist/node/index.js` reading
 * the files, where a bundling mistake once left the INI parser undefined.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '@vodkit/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  VodCredentialsError,
  createVodClient,
  defaultCredentials,
  fromAliyunConfig,
  fromCredentialsFile,
} from '../src/node/index.ts';
import type { CredentialProvider } from '../src/node/index.ts';
import { emulator } from './support.ts';

const HOUR = 3_600_000;
const KEY = { accessKeyId: 'LTAIsourceKey', accessKeySecret: 'source-secret-never-shown' };
const OTHER = { accessKeyId: 'LTAIotherKey', accessKeySecret: 'other-secret-never-shown' };
const STS = {
  accessKeyId: 'STS.sourceKey',
  accessKeySecret: 'sts-source-secret',
  securityToken: 'sts-source-token',
};

let vod: RunningEmulator;
let home: string | undefined;
const realHome = process.env['HOME'];

beforeAll(async () => {
  vod = await emulator({
    qps: Infinity,
    stsTokens: [{ ...STS, expiresAt: Date.now() + HOUR, accountId: '1' }],
    accounts: [{ accountId: '1', accessKeys: [KEY, OTHER] }],
  });
});
afterAll(async () => {
  await vod.close();
  if (realHome === undefined) delete process.env['HOME'];
  else process.env['HOME'] = realHome;
});
beforeEach(async () => {
  vod.state.reset();
  vod.state.add([{ imageId: 'img1', url: 'https://media.example.com/img1.png' }]);
  if (home !== undefined) await rm(home, { recursive: true, force: true });
  home = await mkdtemp(join(tmpdir(), 'vodkit-home-'));
  // The file providers look in os.homedir(), which reads HOME on every call.
  process.env['HOME'] = home;
});

const write = async (relative: string, text: string): Promise<string> => {
  const path = join(home ?? tmpdir(), relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
};

const aliyunConfig = (current: string, profiles: readonly object[]): string =>
  JSON.stringify({ current, profiles });

/** Deletes img1 with credentials from `provider` and returns the key the emulator verified. */
const deleteWith = async (credentials: CredentialProvider): Promise<string | undefined> => {
  const client = createVodClient({ endpoint: vod.url, credentials, retry: { maxAttempts: 1 } });
  const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
  expect(error).toBeUndefined();
  expect(vod.state.has('img1')).toBe(false);
  return vod.requests().at(-1)?.accessKeyId;
};

describe('environment variables, every family', () => {
  const families = [
    ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
    ['ALIBABACLOUD_ACCESS_KEY_ID', 'ALIBABACLOUD_ACCESS_KEY_SECRET'],
    ['ALICLOUD_ACCESS_KEY_ID', 'ALICLOUD_ACCESS_KEY_SECRET'],
    ['ALICLOUD_ACCESS_KEY', 'ALICLOUD_SECRET_KEY'],
    ['ACCESS_KEY_ID', 'ACCESS_KEY_SECRET'],
  ] as const;
  it.each(families)('%s / %s', async (id, secret) => {
    const env = { [id]: KEY.accessKeyId, [secret]: KEY.accessKeySecret };
    expect(await deleteWith(defaultCredentials({ env }))).toBe(KEY.accessKeyId);
  });

  it('an STS token from ALIBABA_CLOUD_SECURITY_TOKEN', async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: STS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: STS.accessKeySecret,
      ALIBABA_CLOUD_SECURITY_TOKEN: STS.securityToken,
    };
    expect(await deleteWith(defaultCredentials({ env }))).toBe(STS.accessKeyId);
  });

  it('process.env, when the client is given no credentials at all', async () => {
    const saved = { ...process.env };
    const restore = (): void => {
      for (const name of Object.keys(process.env)) {
        if (!Object.hasOwn(saved, name)) Reflect.deleteProperty(process.env, name);
      }
      Object.assign(process.env, saved);
    };
    try {
      process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = KEY.accessKeyId;
      process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = KEY.accessKeySecret;
      const client = createVodClient({ endpoint: vod.url, retry: { maxAttempts: 1 } });
      const { error } = await client.deleteImage({
        DeleteImageType: 'ImageId',
        ImageIds: ['img1'],
      });
      expect(error).toBeUndefined();
      expect(vod.requests().at(-1)?.accessKeyId).toBe(KEY.accessKeyId);
    } finally {
      restore();
    }
  });
});

describe('~/.aliyun/config.json, each mode', () => {
  it('AK, the current profile', async () => {
    await write(
      '.aliyun/config.json',
      aliyunConfig('main', [
        { name: 'other', mode: 'AK', access_key_id: 'LTAIwrong', access_key_secret: 'wrong' },
        {
          name: 'main',
          mode: 'AK',
          access_key_id: KEY.accessKeyId,
          access_key_secret: KEY.accessKeySecret,
        },
      ]),
    );
    expect(await deleteWith(defaultCredentials({ env: {} }))).toBe(KEY.accessKeyId);
  });

  it('StsToken, the profile ALIBABA_CLOUD_PROFILE names', async () => {
    await write(
      '.aliyun/config.json',
      aliyunConfig('main', [
        { name: 'main', mode: 'AK', access_key_id: 'LTAIwrong', access_key_secret: 'wrong' },
        {
          name: 'sts',
          mode: 'StsToken',
          access_key_id: STS.accessKeyId,
          access_key_secret: STS.accessKeySecret,
          sts_token: STS.securityToken,
        },
      ]),
    );
    const env = { ALIBABA_CLOUD_PROFILE: 'sts' };
    expect(await deleteWith(defaultCredentials({ env }))).toBe(STS.accessKeyId);
  });

  it('a profile named in the options, from a file named in the options', async () => {
    const path = await write(
      'elsewhere/config.json',
      aliyunConfig('main', [
        {
          name: 'picked',
          access_key_id: OTHER.accessKeyId,
          access_key_secret: OTHER.accessKeySecret,
        },
      ]),
    );
    expect(await deleteWith(fromAliyunConfig({ path, profile: 'picked', env: {} }))).toBe(
      OTHER.accessKeyId,
    );
  });

  it('a role mode is refused, naming the mode, before anything is sent', async () => {
    await write(
      '.aliyun/config.json',
      aliyunConfig('main', [
        { name: 'main', mode: 'RamRoleArn', access_key_id: 'a', access_key_secret: 'b' },
      ]),
    );
    const sent = vod.requests().length;
    const client = createVodClient({
      endpoint: vod.url,
      credentials: defaultCredentials({ env: {} }),
    });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    expect(error).toBeInstanceOf(VodCredentialsError);
    expect(error?.message).toMatch(/RamRoleArn/);
    expect(vod.requests()).toHaveLength(sent);
  });
});

describe('~/.alibabacloud/credentials (INI), each type', () => {
  it('access_key in [default]', async () => {
    await write(
      '.alibabacloud/credentials',
      `[default]\ntype = access_key\naccess_key_id = ${KEY.accessKeyId}\naccess_key_secret = ${KEY.accessKeySecret}\n`,
    );
    expect(await deleteWith(defaultCredentials({ env: {} }))).toBe(KEY.accessKeyId);
  });

  it('sts in the section ALIBABA_CLOUD_PROFILE names, with quotes and comments', async () => {
    await write(
      '.alibabacloud/credentials',
      [
        '; a comment',
        '[default]',
        'access_key_id = LTAIwrong',
        'access_key_secret = wrong',
        '[temp]',
        'type = sts',
        `access_key_id = "${STS.accessKeyId}"`,
        `access_key_secret = ${STS.accessKeySecret} ; trailing comment`,
        `security_token = ${STS.securityToken}`,
        '',
      ].join('\n'),
    );
    const env = { ALIBABA_CLOUD_PROFILE: 'temp' };
    expect(await deleteWith(defaultCredentials({ env }))).toBe(STS.accessKeyId);
  });

  it('the file ALIBABA_CLOUD_CREDENTIALS_FILE names', async () => {
    const path = await write(
      'other/creds.ini',
      `[default]\naccess_key_id = ${OTHER.accessKeyId}\naccess_key_secret = ${OTHER.accessKeySecret}\n`,
    );
    const env = { ALIBABA_CLOUD_CREDENTIALS_FILE: path };
    expect(await deleteWith(defaultCredentials({ env }))).toBe(OTHER.accessKeyId);
    expect(await deleteWithAgain(fromCredentialsFile({ env }))).toBe(OTHER.accessKeyId);
  });
});

/** The same as {@link deleteWith}, after putting img1 back. */
const deleteWithAgain = async (credentials: CredentialProvider): Promise<string | undefined> => {
  vod.state.add([{ imageId: 'img1', url: 'https://media.example.com/img1.png' }]);
  return deleteWith(credentials);
};

describe('the order of the default chain', () => {
  it('environment before config.json before the INI file', async () => {
    await write(
      '.aliyun/config.json',
      aliyunConfig('default', [
        {
          name: 'default',
          access_key_id: OTHER.accessKeyId,
          access_key_secret: OTHER.accessKeySecret,
        },
      ]),
    );
    await write(
      '.alibabacloud/credentials',
      `[default]\naccess_key_id = LTAIwrong\naccess_key_secret = wrong\n`,
    );
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
    };
    expect(await deleteWith(defaultCredentials({ env }))).toBe(KEY.accessKeyId);
    expect(await deleteWithAgain(defaultCredentials({ env: {} }))).toBe(OTHER.accessKeyId);
  });

  it('nothing anywhere: CredentialsNotFound, listing where it looked, nothing sent', async () => {
    const sent = vod.requests().length;
    const client = createVodClient({
      endpoint: vod.url,
      credentials: defaultCredentials({ env: {} }),
    });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img1'] });
    expect(error).toBeInstanceOf(VodCredentialsError);
    expect(error?.code).toBe('CredentialsNotFound');
    expect(error?.message).toMatch(/environment/);
    expect(error?.message).toMatch(/config\.json/);
    expect(error?.message).toMatch(/credentials/);
    expect(vod.requests()).toHaveLength(sent);
  });
});
