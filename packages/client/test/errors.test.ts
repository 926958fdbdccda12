/**
 * Errors cross bundles by brand, keep no secret anywhere (message, cause chain, util.inspect),
 * and the signer's input errors reach the caller as validation or credentials errors.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import {
  VodClientError,
  VodCredentialsError,
  VodError,
  VodNetworkError,
  VodServerError,
  VodThrottlingError,
  VodValidationError,
  createVodClient,
} from '../src/node/index.ts';
import type * as Errors from '../src/errors.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, FAST_RETRY, emulator } from './support.ts';

type ErrorsModule = typeof Errors;

const SECRET = 'sk-very-secret-value';
const TOKEN = 'sts-token-never-shown';
const SIGNED_URL = `https://vod.cn-shanghai.aliyuncs.com/?AccessKeyId=STS.x&SecurityToken=${TOKEN}&Signature=c2lnbmF0dXJl`;

describe('the brand', () => {
  it('holds across copies of the classes (another bundle of the client)', async () => {
    // A second instance of the module, as an app that bundles two copies of the client has.
    const specifier = '../src/errors.ts?another-copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as ErrorsModule;
    expect(copy.VodThrottlingError).not.toBe(VodThrottlingError);
    const foreign = new copy.VodThrottlingError('Throttling.User: slow down', {
      code: 'Throttling.User',
    });
    expect(foreign instanceof VodThrottlingError).toBe(true);
    expect(foreign instanceof VodError).toBe(true);
    expect(foreign instanceof VodServerError).toBe(false);
    expect(VodError.isInstance(foreign)).toBe(true);
    const validation = new copy.VodValidationError('ImageIds[0]', 'must not contain a comma');
    expect(validation instanceof VodValidationError).toBe(true);
    expect(validation instanceof VodClientError).toBe(false);
    for (const other of [new Error('x'), { code: 'Throttling.User' }, null, 'VodError']) {
      expect(VodError.isInstance(other)).toBe(false);
      expect(other instanceof VodError).toBe(false);
    }
  });
});

describe('no secret in an error, its cause chain or util.inspect', () => {
  it('a failing fetch whose errors quote a signed URL', async () => {
    const client = createVodClient({
      endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
      credentials: { accessKeyId: 'STS.x', accessKeySecret: SECRET, securityToken: TOKEN },
      retry: { ...FAST_RETRY, maxAttempts: 2 },
      fetch: () =>
        Promise.reject(
          new TypeError(`fetch failed for ${SIGNED_URL}`, {
            cause: Object.assign(new Error(`connect ECONNREFUSED ${SIGNED_URL}`), {
              code: 'ECONNREFUSED',
              request: { url: SIGNED_URL, headers: { 'x-acs-security-token': TOKEN } },
            }),
          }),
        ),
    });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['a'] });
    expect(error).toBeInstanceOf(VodNetworkError);
    const shown = inspect(error, { depth: 20, showHidden: true });
    for (const secret of [SECRET, TOKEN, 'c2lnbmF0dXJl', 'Signature=']) {
      expect(shown).not.toContain(secret);
      expect(String(error?.message)).not.toContain(secret);
    }
    // The chain is kept, scrubbed: names, messages without URLs, error codes.
    const cause = error?.cause as Error & { cause?: Error & { code?: string } };
    expect(cause).toBeInstanceOf(Error);
    expect(cause.name).toBe('TypeError');
    expect(cause.message).toBe('fetch failed for <url>');
    expect(cause.cause?.code).toBe('ECONNREFUSED');
    expect(Object.keys(cause.cause ?? {})).not.toContain('request');
  });
});

describe("the signer's input errors are the caller's errors, never network errors", () => {
  let vod: RunningEmulator;
  beforeAll(async () => {
    vod = await emulator({ images: [{ imageId: 'kept' }] });
  });
  afterAll(async () => {
    await vod.close();
  });

  it('credentials a provider returns that cannot be signed are a VodCredentialsError', async () => {
    const client = createVodClient({
      endpoint: vod.url,
      // A provider is plain JavaScript: a space in the ID cannot travel in the V3 header.
      credentials: () => Promise.resolve({ accessKeyId: 'bad id', accessKeySecret: SECRET }),
    });
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['kept'] });
    expect(error).toBeInstanceOf(VodCredentialsError);
    expect(error).toMatchObject({ code: 'InvalidCredentials', attempts: 0 });
    expect(error?.message).toMatch(/^credentials\.accessKeyId: /);
    expect(error?.message).not.toContain(SECRET);
    expect(vod.requests()).toHaveLength(0);
  });

  it('a header middleware set that the signer owns is a VodValidationError naming it', async () => {
    const client = createVodClient({
      endpoint: vod.url,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
    });
    client.use({
      onRequest({ request }) {
        request.headers.set('x-acs-signature-nonce', 'fixed');
        return request;
      },
    });
    const before = vod.requests().length;
    const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['kept'] });
    expect(error).toBeInstanceOf(VodValidationError);
    expect((error as VodValidationError).field).toMatch(/x-acs-signature-nonce/);
    expect(vod.requests()).toHaveLength(before);
    expect(vod.state.has('kept')).toBe(true);
  });
});
