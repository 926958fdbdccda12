/** A client's options resolved once: every default in place, frozen, read by own keys. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, fetchTransport } from '../src/index.ts';
import type { SignerFunctions } from '../src/index.ts';
import { resolveClientOptions, resolveRetry } from '../src/client-config.ts';

const signer = {} as SignerFunctions;
const transport = fetchTransport();
const credentials = { accessKeyId: 'ak', accessKeySecret: 'secret' };

describe('resolveClientOptions', () => {
  it('fills every default and freezes the result', () => {
    const config = resolveClientOptions({ credentials }, { signer, transport });
    expect(config).toMatchObject({
      origin: 'https://vod.cn-shanghai.aliyuncs.com',
      host: 'vod.cn-shanghai.aliyuncs.com',
      method: 'POST',
      signatureAlgorithm: 'ACS3-HMAC-SHA256',
      timeoutMs: 10_000,
      throwOnError: false,
      signer,
      transport,
      ownsTransport: true,
      staticCredentials: credentials,
      retry: { ...DEFAULT_RETRY, random: Math.random },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.retry)).toBe(true);
    expect(Object.isFrozen(config.headers)).toBe(true);
  });

  it('keeps what is given; undefined means the default', () => {
    const random = (): number => 0;
    const mine = fetchTransport();
    const config = resolveClientOptions(
      {
        credentials,
        endpoint: 'http://127.0.0.1:4000',
        method: 'GET',
        signatureAlgorithm: 'HMAC-SHA1',
        timeoutMs: undefined,
        retry: { maxAttempts: 2, random, baseDelayMs: undefined },
        transport: mine,
      },
      { signer, transport },
    );
    expect(config).toMatchObject({
      origin: 'http://127.0.0.1:4000',
      host: '127.0.0.1:4000',
      method: 'GET',
      signatureAlgorithm: 'HMAC-SHA1',
      timeoutMs: 10_000,
      transport: mine,
      ownsTransport: false,
      retry: { ...DEFAULT_RETRY, maxAttempts: 2, random },
    });
  });

  it('a provider is called per attempt; values are not', () => {
    const provider = (): Promise<typeof credentials> => Promise.resolve(credentials);
    const config = resolveClientOptions({ credentials: provider }, { signer, transport });
    expect(config.credentials).toBe(provider);
    expect(config.staticCredentials).toBeUndefined();
  });

  it('reads only own keys of retry', () => {
    const inherited = Object.create({ maxAttempts: 9 }) as object;
    expect(resolveRetry(inherited).maxAttempts).toBe(DEFAULT_RETRY.maxAttempts);
  });
});
