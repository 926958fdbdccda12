/**
 * Every stage of the RPC pipeline over real HTTP on 127.0.0.1: parse, API check, signature
 * (both algorithms), keys, STS, time window, nonce replay, RAM policy, service state, rate limit,
 * spec validation, answer shapes (JSON and XML) and statuses.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOCUMENTED_ERRORS, MAX_IMAGE_IDS, QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { DEFAULT_EMULATOR_CREDENTIALS, createSpecValidator, startEmulator } from '../src/index.js';
import type { RunningEmulator } from '../src/index.js';
import { byIds, callV1, callV1Tampered, callV3, expectErrorShape, seeded } from './support/rpc.js';
import type { Answer } from './support/rpc.js';

const specs = createSpecValidator();
let clock = Date.parse('2026-01-15T08:30:00Z');
const now = (): number => clock;

const KEYS = {
  inactive: { accessKeyId: 'LTAI5tInactiveKey', accessKeySecret: 'inactive-secret', active: false },
  ramUser: {
    accessKeyId: 'LTAI5tRamUser',
    accessKeySecret: 'ram-user-secret',
    policy: { allow: ['vod:Get*'] },
  },
  denied: {
    accessKeyId: 'LTAI5tDenied',
    accessKeySecret: 'denied-secret',
    policy: { allow: ['*'], deny: ['vod:deleteimage'] },
  },
  wildcard: {
    accessKeyId: 'LTAI5tWildcard',
    accessKeySecret: 'wildcard-secret',
    policy: { allow: ['vod:*'] },
  },
  second: { accessKeyId: 'LTAI5tSecondKey', accessKeySecret: 'second-secret' },
};
const STS = {
  accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2',
  accessKeySecret: 'sts-secret',
  securityToken: 'CAIS-token-value',
};
const OLD_STS = {
  accessKeyId: 'STS.expired',
  accessKeySecret: 'old-secret',
  securityToken: 'old-token',
};

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startEmulator({
    now,
    qps: Infinity,
    accounts: [
      {
        accountId: 'main',
        accessKeys: [
          DEFAULT_EMULATOR_CREDENTIALS,
          KEYS.inactive,
          KEYS.ramUser,
          KEYS.denied,
          KEYS.wildcard,
          KEYS.second,
        ],
      },
      {
        accountId: 'new',
        vodStatus: 'not-activated',
        accessKeys: [{ accessKeyId: 'LTAI5tNew', accessKeySecret: 'n' }],
      },
      {
        accountId: 'late',
        vodStatus: 'suspended',
        accessKeys: [{ accessKeyId: 'LTAI5tLate', accessKeySecret: 'l' }],
      },
    ],
    stsTokens: [
      { ...STS, expiresAt: clock + 3_600_000, accountId: 'main' },
      { ...OLD_STS, expiresAt: clock - 1, accountId: 'main' },
    ],
  });
});
afterAll(async () => {
  await vod.close();
});

/** Checks the answer is the error `code`, with its documented status and a valid VodError body. */
function expectError(answer: Answer, code: string): string {
  const { Code, Message } = expectErrorShape(answer);
  expect(Code).toBe(code);
  if (Object.hasOwn(DOCUMENTED_ERRORS, code)) {
    expect(answer.status).toBe(
      DOCUMENTED_ERRORS[code as keyof typeof DOCUMENTED_ERRORS].httpStatus,
    );
  } else {
    expect(answer.status).toBe(400);
  }
  expect(specs.validate('VodError', answer.json)).toEqual([]);
  return Message;
}

function expectSuccess(answer: Answer): void {
  expect(answer.status, answer.text).toBe(200);
  expect(specs.validate('DeleteImageResponse', answer.json)).toEqual([]);
  expect(answer.headers.get('x-acs-request-id')).toBe(answer.json?.['RequestId']);
}

describe('answers', () => {
  test('V1 POST (form body), V1 GET (query), V3 (query) and V3 (form body) all delete', async () => {
    vod.state.add([{ imageId: 'p1' }, { imageId: 'p2' }, { imageId: 'p3' }, { imageId: 'p4' }]);
    expectSuccess(await callV1(vod.url, byIds('p1'), { time: clock }));
    expectSuccess(await callV1(vod.url, byIds('p2'), { time: clock, method: 'GET' }));
    expectSuccess(await callV3(vod.url, byIds('p3'), { time: clock }));
    expectSuccess(await callV3(vod.url, byIds('p4'), { time: clock, in: 'form' }));
    expect(['p1', 'p2', 'p3', 'p4'].filter((id) => vod.state.has(id))).toEqual([]);
  });

  test('V1 may split parameters between the query string and the form body', async () => {
    vod.state.add([{ imageId: 'split' }]);
    const { signRpc } = await import('@vodkit/signer/node');
    const { toAnswer } = await import('./support/rpc.js');
    const signed = signRpc({
      method: 'POST',
      action: 'DeleteImage',
      version: '2017-03-21',
      params: byIds('split'),
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      clock: () => clock,
    });
    const fields = new Set(['DeleteImageType', 'ImageIds']);
    const part = (inBody: boolean): string =>
      new URLSearchParams(
        Object.entries(signed.params).filter(([k]) => fields.has(k) === inBody),
      ).toString();
    const answer = await toAnswer(
      await fetch(`${vod.url}/?${part(false)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: part(true),
      }),
    );
    expectSuccess(answer);
    expect(vod.state.has('split')).toBe(false);
  });

  test('Format=XML answers XML, success and error alike; json in lower case answers JSON', async () => {
    const ok = await callV1(vod.url, seeded(vod, 'x'), { time: clock, format: 'XML' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    expect(ok.text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<DeleteImageResponse><RequestId>[0-9A-F-]{36}<\/RequestId><\/DeleteImageResponse>$/,
    );
    const bad = await callV1(vod.url, { DeleteImageType: 'Nope' }, { time: clock, format: 'xml' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(
      /<Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>127\.0\.0\.1:\d+<\/HostId><Code>InvalidParameter<\/Code><Message>The specified parameter &quot;DeleteImageType&quot; is not valid\./,
    );
    expect(bad.text).toContain(
      '<Recommend>https://api.aliyun.com/troubleshoot?q=InvalidParameter&amp;product=vod&amp;requestId=',
    );
    const json = await callV1(vod.url, seeded(vod, 'x'), { time: clock, format: 'json' });
    expect(json.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expectSuccess(json);
  });

  test('every answer carries the emulator clock in Date', async () => {
    const answer = await callV1(vod.url, seeded(vod, 'x'), { time: clock });
    expect(Date.parse(answer.headers.get('date') ?? '')).toBe(Math.floor(clock / 1000) * 1000);
  });
});

describe('API routing', () => {
  test('a wrong Action is InvalidAction.NotFound, a wrong Version InvalidVersion', async () => {
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), {
        time: clock,
        common: { Action: 'DescribeImages' },
      }),
      'InvalidAction.NotFound',
    );
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, common: { Version: '2014-01-01' } }),
      'InvalidVersion',
    );
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, action: 'GetImageInfo' }),
      'InvalidAction.NotFound',
    );
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, version: '2020-01-01' }),
      'InvalidVersion',
    );
  });

  test('no Action at all is MissingParameter naming it', async () => {
    const answer = await callV1Tampered(vod.url, seeded(vod, 'x'), (p) => {
      delete p['Action'];
      return p;
    });
    expect(expectError(answer, 'MissingParameter')).toContain('"Action"');
  });

  test('another path or method is InvalidApi.NotFound (404)', async () => {
    const { toAnswer } = await import('./support/rpc.js');
    expectError(await toAnswer(await fetch(`${vod.url}/v1/images`)), 'InvalidApi.NotFound');
    expectError(
      await toAnswer(await fetch(`${vod.url}/`, { method: 'PUT', body: 'x' })),
      'InvalidApi.NotFound',
    );
  });
});

describe('signature and credentials', () => {
  test('no signature at all is IncompleteSignature', async () => {
    const answer = await callV1Tampered(vod.url, seeded(vod, 'x'), (p) => {
      delete p['Signature'];
      return p;
    });
    expectError(answer, 'IncompleteSignature');
  });

  test('a wrong secret is SignatureDoesNotMatch, with the server string-to-sign (both algorithms)', async () => {
    const credentials = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'wrong' };
    const v1 = expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials }),
      'SignatureDoesNotMatch',
    );
    expect(v1).toMatch(
      /server string to sign is:POST&%2F&AccessKeyId%3DLTAI5tVodkitEmulatorKey%26Action%3DDeleteImage/,
    );
    const v3 = expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, credentials }),
      'SignatureDoesNotMatch',
    );
    expect(v3).toContain('server string to sign is:ACS3-HMAC-SHA256\n');
  });

  test('a changed parameter is SignatureDoesNotMatch and deletes nothing', async () => {
    vod.state.add([{ imageId: 'victim' }]);
    const answer = await callV1Tampered(
      vod.url,
      byIds('x'),
      (p) => ({ ...p, ImageIds: 'victim' }),
      {
        time: clock,
      },
    );
    expectError(answer, 'SignatureDoesNotMatch');
    expect(vod.state.has('victim')).toBe(true);
  });

  test('an unparseable Timestamp is InvalidTimeStamp.Format', async () => {
    const answer = await callV1Tampered(vod.url, seeded(vod, 'x'), (p) => ({
      ...p,
      Timestamp: '2026-01-15 08:30:00',
    }));
    expectError(answer, 'InvalidTimeStamp.Format');
  });

  test('more than 15 minutes of skew either way is InvalidTimeStamp.Expired; 14 minutes passes', async () => {
    for (const time of [clock - 16 * 60_000, clock + 16 * 60_000]) {
      const answer = await callV1(vod.url, seeded(vod, 'x'), { time });
      expectError(answer, 'InvalidTimeStamp.Expired');
      // The Date header lets the client measure its skew.
      expect(Date.parse(answer.headers.get('date') ?? '')).toBe(Math.floor(clock / 1000) * 1000);
    }
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock - 16 * 60_000 }),
      'InvalidTimeStamp.Expired',
    );
    expectSuccess(await callV1(vod.url, seeded(vod, 'x'), { time: clock - 14 * 60_000 }));
    expectSuccess(await callV3(vod.url, seeded(vod, 'x'), { time: clock + 14 * 60_000 }));
  });

  test('maxSkewMs narrows the window', async () => {
    const strict = await startEmulator({ now, maxSkewMs: 60_000 });
    try {
      expectError(
        await callV1(strict.url, seeded(strict, 'x'), { time: clock - 120_000 }),
        'InvalidTimeStamp.Expired',
      );
      expectSuccess(await callV3(strict.url, seeded(strict, 'x'), { time: clock - 30_000 }));
    } finally {
      await strict.close();
    }
  });

  test('a nonce used again within the window is SignatureNonceUsed (both algorithms)', async () => {
    expectSuccess(await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-once' }));
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-once' }),
      'SignatureNonceUsed',
    );
    expectSuccess(await callV3(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-v3' }));
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'nonce-v3' }),
      'SignatureNonceUsed',
    );
  });

  test('a forged request does not burn the nonce of a later genuine one', async () => {
    const credentials = { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'forger' };
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'n-forged', credentials }),
      'SignatureDoesNotMatch',
    );
    expectSuccess(await callV1(vod.url, seeded(vod, 'x'), { time: clock, nonce: 'n-forged' }));
  });

  test('an unknown key is InvalidAccessKeyId.NotFound (404), a disabled one InvalidAccessKeyId.Inactive', async () => {
    const unknown = { accessKeyId: 'LTAI5tNobody', accessKeySecret: 's' };
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: unknown }),
      'InvalidAccessKeyId.NotFound',
    );
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), { time: clock, credentials: unknown }),
      'InvalidAccessKeyId.NotFound',
    );
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: KEYS.inactive }),
      'InvalidAccessKeyId.Inactive',
    );
  });

  test('several keys of one account all work', async () => {
    vod.state.add([{ imageId: 'k1' }, { imageId: 'k2' }]);
    expectSuccess(await callV1(vod.url, byIds('k1'), { time: clock, credentials: KEYS.second }));
    expectSuccess(await callV3(vod.url, byIds('k2'), { time: clock, credentials: KEYS.wildcard }));
    expect(vod.requests().at(-1)?.accountId).toBe('main');
  });

  test('STS: a valid token deletes; expired, wrong, missing and empty tokens get their codes', async () => {
    vod.state.add([{ imageId: 'sts1' }, { imageId: 'sts2' }]);
    expectSuccess(await callV1(vod.url, byIds('sts1'), { time: clock, credentials: STS }));
    expectSuccess(await callV3(vod.url, byIds('sts2'), { time: clock, credentials: STS }));
    expect(vod.state.has('sts1') || vod.state.has('sts2')).toBe(false);
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: OLD_STS }),
      'InvalidSecurityToken.Expired',
    );
    expectError(
      await callV3(vod.url, seeded(vod, 'x'), {
        time: clock,
        credentials: { ...STS, securityToken: 'another' },
      }),
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
    const noToken = { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret };
    expectError(
      await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: noToken }),
      'MissingSecurityToken',
    );
    const empty = await callV1Tampered(
      vod.url,
      seeded(vod, 'x'),
      (p) => ({ ...p, SecurityToken: '' }),
      {
        credentials: STS,
        time: clock,
      },
    );
    expectError(empty, 'InvalidSecurityToken.Malformed');
  });

  test('an STS token stops working when the emulator clock passes its expiry', async () => {
    const saved = clock;
    clock += 3_600_000;
    try {
      expectError(
        await callV1(vod.url, seeded(vod, 'x'), { time: clock, credentials: STS }),
        'InvalidSecurityToken.Expired',
      );
    } finally {
      clock = saved;
    }
  });

  test('missing common parameters are named (Missing<Name>)', async () => {
    for (const name of ['AccessKeyId', 'SignatureNonce', 'Timestamp']) {
      const answer = await callV1Tampered(vod.url, seeded(vod, 'x'), (p) =>
        Object.fromEntries(Object.entries(p).filter(([key]) => key !== name)),
      );
      expect(expectErrorShape(answer).Code).toBe(`Missing${name}`);
      expect(answer.status).toBe(400);
    }
  });
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

describe('validation against the spec', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['no DeleteImageType', { ImageIds: 'a' }, 'MissingParameter', '"DeleteImageType"'],
    [
      'an empty DeleteImageType',
      { DeleteImageType: '', ImageIds: 'a' },
      'MissingParameter',
      '"DeleteImageType"',
    ],
    [
      'an unknown DeleteImageType',
      { DeleteImageType: 'Album' },
      'InvalidParameter',
      'must be one of ImageURL, ImageId, VideoId',
    ],
    ['ImageId without ImageIds', { DeleteImageType: 'ImageId' }, 'MissingParameter', '"ImageIds"'],
    [
      'an empty ImageIds',
      { DeleteImageType: 'ImageId', ImageIds: '' },
      'MissingParameter',
      '"ImageIds"',
    ],
    [
      'ImageURL without ImageURLs',
      { DeleteImageType: 'ImageURL', ImageIds: 'a' },
      'MissingParameter',
      '"ImageURLs"',
    ],
    [
      'VideoId without ImageType',
      { DeleteImageType: 'VideoId', VideoId: 'v' },
      'MissingParameter',
      '"ImageType"',
    ],
    [
      `${MAX_IMAGE_IDS + 1} image IDs`,
      {
        DeleteImageType: 'ImageId',
        ImageIds: Array.from({ length: MAX_IMAGE_IDS + 1 }, (_, i) => `id${i}`).join(','),
      },
      'InvalidParameter',
      `It holds ${MAX_IMAGE_IDS + 1} items; at most ${MAX_IMAGE_IDS} are allowed.`,
    ],
    [
      'an empty item',
      { DeleteImageType: 'ImageId', ImageIds: 'a,,b' },
      'InvalidParameter',
      'Item 2 is empty',
    ],
    [
      'a URL that is not http(s)',
      { DeleteImageType: 'ImageURL', ImageURLs: 'ftp://x/y.png' },
      'InvalidParameter',
      'does not match the pattern',
    ],
    [
      'an unknown kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'CoverSnapshot,Poster' },
      'InvalidParameter',
      'Item 2 (Poster) must be All or a set of CoverSnapshot',
    ],
    [
      'All with a kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'All,CoverSnapshot' },
      'InvalidParameter',
      'All stands alone',
    ],
    [
      'a repeated kind',
      { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'CoverSnapshot,CoverSnapshot' },
      'InvalidParameter',
      'same item twice',
    ],
    [
      'two videos',
      { DeleteImageType: 'VideoId', VideoId: 'v1,v2', ImageType: 'All' },
      'InvalidParameter',
      '"VideoId"',
    ],
    [
      'a field of another variant',
      { DeleteImageType: 'ImageId', ImageIds: 'a', VideoId: 'v' },
      'InvalidParameter',
      'not accepted when DeleteImageType is ImageId',
    ],
    [
      'an unknown field',
      { DeleteImageType: 'ImageId', ImageIds: 'a', Colour: 'red' },
      'InvalidParameter',
      '"Colour" is not valid. It is not a parameter of DeleteImage.',
    ],
  ];
  /** vodkit's own rules (`x-vodkit-rules`): only the strict profile enforces them. */
  const VODKIT_RULES: ReadonlySet<string> = new Set([
    'All with a kind',
    'a repeated kind',
    'a field of another variant',
    'an unknown field',
  ]);
  let strict: RunningEmulator;
  beforeAll(async () => {
    strict = await startEmulator({ now, qps: Infinity, profile: 'strict' });
  });
  afterAll(async () => {
    await strict.close();
  });

  test.each(cases)('%s → %s', async (name, params, code, text) => {
    const targets = VODKIT_RULES.has(name) ? [strict] : [vod, strict];
    for (const target of targets) {
      for (const answer of [
        await callV1(target.url, params, { time: clock }),
        await callV3(target.url, params, { time: clock }),
      ]) {
        expect(expectError(answer, code)).toContain(text);
      }
    }
  });

  test.each([...VODKIT_RULES])(
    'the service profile does not enforce vodkit’s rule: %s',
    async (name) => {
      const params = cases.find(([n]) => n === name)?.[1] ?? {};
      vod.state.add([
        { imageId: 'a' },
        { imageId: 'vc', videoId: 'v', kind: 'CoverSnapshot' },
        { imageId: 'vn', videoId: 'v', kind: 'NormalSnapshot' },
      ]);
      expectSuccess(await callV1(vod.url, params, { time: clock }));
      const deleted = vod.requests().at(-1)?.deleted ?? [];
      expect(deleted.length).toBeGreaterThan(0);
      // All stands for every kind, even listed with one.
      if (name === 'All with a kind') expect(deleted).toEqual(['vc', 'vn']);
    },
  );

  test('an unknown Format is InvalidParameter naming Format', async () => {
    expect(
      expectError(
        await callV1(vod.url, byIds('a'), { time: clock, format: 'YAML' }),
        'InvalidParameter',
      ),
    ).toContain('"Format"');
  });

  test('RegionId, a common parameter of the gateway, is accepted', async () => {
    expectSuccess(
      await callV1(vod.url, { ...seeded(vod, 'a'), RegionId: 'cn-shanghai' }, { time: clock }),
    );
  });

  test('a repeated parameter or a bad percent-escape is InvalidParameter', async () => {
    const { toAnswer } = await import('./support/rpc.js');
    const twice = await fetch(`${vod.url}/?Action=DeleteImage&Action=DeleteImage`);
    expect(expectError(await toAnswer(twice), 'InvalidParameter')).toContain(
      'appears more than once',
    );
    expectError(await toAnswer(await fetch(`${vod.url}/?Action=%E0%A4%A`)), 'InvalidParameter');
  });
});

describe('rate limit', () => {
  test(`the ${QPS_LIMIT_PER_ACCOUNT + 1}th call within a second is Throttling.User; the next second passes`, async () => {
    let t = Date.parse('2026-03-01T00:00:00Z');
    const limited = await startEmulator({ now: () => t, retryAfter: true });
    try {
      const answers = await Promise.all(
        Array.from({ length: QPS_LIMIT_PER_ACCOUNT + 1 }, (_, i) =>
          callV1(limited.url, seeded(limited, `x${i}`), { time: t }),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(QPS_LIMIT_PER_ACCOUNT);
      const [throttled, ...more] = answers.filter((a) => a.status !== 200);
      expect(more).toHaveLength(0);
      if (throttled === undefined) throw new Error('nothing was throttled');
      expectError(throttled, 'Throttling.User');
      expect(Number(throttled.headers.get('x-acs-retry-after'))).toBeGreaterThan(0);
      t += 1000;
      expectSuccess(await callV1(limited.url, seeded(limited, 'x'), { time: t }));
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
      expectSuccess(await callV1(limited.url, seeded(limited, 'x'), { time: t }));
      expectSuccess(
        await callV1(limited.url, seeded(limited, 'x'), { time: t, credentials: KEYS.second }),
      );
      const third = await callV3(limited.url, seeded(limited, 'x'), { time: t });
      expectError(third, 'Throttling.User');
      expect(third.headers.get('x-acs-retry-after')).toBeNull();
      expectSuccess(
        await callV1(limited.url, seeded(limited, 'x'), { time: t, credentials: other }),
      );
    } finally {
      await limited.close();
    }
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
