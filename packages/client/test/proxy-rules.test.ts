/**
 * Which proxy a request takes: proxy-from-env under our rules (NO_PROXY, the scheme, both cases,
 * loopback never proxied, an option over the environment). A unit test of internal modules the
 * bundle inlines; test/proxy.test.ts drives the same rules end to end through a local proxy.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxyFor } from '../src/node/proxy-rules.ts';
import { originTarget } from '../src/node/origin.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('which proxy a request takes (proxy-from-env under our rules)', () => {
  const of = (origin: string) => proxyFor(undefined, origin, originTarget(origin))?.label;

  it('honours NO_PROXY, the scheme and both cases; loopback is never proxied', () => {
    vi.stubEnv('https_proxy', 'http://127.0.0.1:3128');
    vi.stubEnv('HTTP_PROXY', 'http://127.0.0.1:3129');
    vi.stubEnv('NO_PROXY', '.internal.example,vod.cn-beijing.aliyuncs.com');
    expect(of('https://vod.cn-shanghai.aliyuncs.com')).toBe('127.0.0.1:3128');
    expect(of('http://vod.cn-shanghai.aliyuncs.com')).toBe('127.0.0.1:3129');
    expect(of('https://vod.cn-beijing.aliyuncs.com')).toBeUndefined();
    expect(of('https://a.internal.example')).toBeUndefined();
    for (const loopback of [
      'http://127.0.0.1:4000',
      'http://localhost:4000',
      'http://[::1]:4000',
    ]) {
      expect(of(loopback)).toBeUndefined();
    }
  });

  it('an option wins over the environment', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://127.0.0.1:3128');
    const origin = 'https://vod.cn-shanghai.aliyuncs.com';
    expect(proxyFor(false, origin, originTarget(origin))).toBeUndefined();
  });
});
