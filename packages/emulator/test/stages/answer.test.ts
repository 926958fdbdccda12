/**
 * The `answer` stage: the success body in JSON or XML, `Date` and `x-acs-request-id` on every answer, and CORS for browser clients.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../../src/index.js';
import { expectSuccess, useFixture } from '../support/fixture.js';
import { byIds, callV2, callV3, seeded, toAnswer } from '../support/rpc.js';

const fx = useFixture();

describe('answers', () => {
  test('V2 POST (form body), V2 GET (query), V3 (query) and V3 (form body) all delete', async () => {
    fx.vod.state.add([{ imageId: 'p1' }, { imageId: 'p2' }, { imageId: 'p3' }, { imageId: 'p4' }]);
    expectSuccess(await callV2(fx.vod.url, byIds('p1'), { time: fx.clock }));
    expectSuccess(await callV2(fx.vod.url, byIds('p2'), { time: fx.clock, method: 'GET' }));
    expectSuccess(await callV3(fx.vod.url, byIds('p3'), { time: fx.clock }));
    expectSuccess(await callV3(fx.vod.url, byIds('p4'), { time: fx.clock, in: 'form' }));
    expect(['p1', 'p2', 'p3', 'p4'].filter((id) => fx.vod.state.has(id))).toEqual([]);
  });

  test('V2 may split parameters between the query string and the form body', async () => {
    fx.vod.state.add([{ imageId: 'split' }]);
    const { signV2 } = await import('@vodkit/signer/node');
    const signed = signV2({
      method: 'POST',
      action: 'DeleteImage',
      version: '2017-03-21',
      params: byIds('split'),
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      clock: () => fx.clock,
    });
    const fields = new Set(['DeleteImageType', 'ImageIds']);
    const part = (inBody: boolean): string =>
      new URLSearchParams(
        Object.entries(signed.params).filter(([k]) => fields.has(k) === inBody),
      ).toString();
    const answer = await toAnswer(
      await fetch(`${fx.vod.url}/?${part(false)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: part(true),
      }),
    );
    expectSuccess(answer);
    expect(fx.vod.state.has('split')).toBe(false);
  });

  test('Format=XML answers XML, success and error alike; json in lower case answers JSON', async () => {
    const ok = await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, format: 'XML' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    expect(ok.text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<DeleteImageResponse><RequestId>[0-9A-F-]{36}<\/RequestId><\/DeleteImageResponse>$/,
    );
    const bad = await callV2(
      fx.vod.url,
      { DeleteImageType: 'Nope' },
      { time: fx.clock, format: 'xml' },
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(
      /<Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>127\.0\.0\.1:\d+<\/HostId><Code>InvalidParameter<\/Code><Message>The specified parameter &quot;DeleteImageType&quot; is not valid\./,
    );
    expect(bad.text).toContain(
      '<Recommend>https://api.aliyun.com/troubleshoot?q=InvalidParameter&amp;product=vod&amp;requestId=',
    );
    const json = await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, format: 'json' });
    expect(json.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expectSuccess(json);
  });

  test('every answer carries the emulator fx.clock in Date', async () => {
    const answer = await callV2(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock });
    expect(Date.parse(answer.headers.get('date') ?? '')).toBe(Math.floor(fx.clock / 1000) * 1000);
  });
});

describe('CORS', () => {
  test('preflights are answered and x-acs-* and Date are exposed', async () => {
    const browser = await startEmulator({ cors: { origin: 'http://localhost:5173' } });
    try {
      const preflight = await fetch(`${browser.url}/`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,x-acs-date,x-acs-action',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-headers')).toBe(
        'authorization,x-acs-date,x-acs-action',
      );
      const answer = await callV3(browser.url, seeded(browser, 'x'));
      expectSuccess(answer);
      expect(answer.headers.get('access-control-expose-headers')).toMatch(
        /date.*x-acs-request-id.*x-acs-retry-after/,
      );
    } finally {
      await browser.close();
    }
  });
});
