/** Signed requests as the suite sends them, and their redaction for reproducers. */
import { expect, it } from 'vitest';
import { verifyRequest } from '@vodkit/signer/node';
import { ALGORITHMS, SHAPES, redact, sign, toCurl } from '../src/index.ts';

const ORIGIN = 'http://127.0.0.1:4000';
const STS = {
  accessKeyId: 'STS.key',
  accessKeySecret: 'wire-secret-value',
  securityToken: 'wire-token-value',
};

/** The same request signed each way there is. */
const everyWay = (ImageIds: string) =>
  ALGORITHMS.flatMap((algorithm) =>
    SHAPES.map((shape) => ({
      algorithm,
      shape,
      r: sign({
        url: ORIGIN,
        algorithm,
        shape,
        params: { DeleteImageType: 'ImageId', ImageIds },
        credentials: STS,
      }),
    })),
  );

it('signs every shape with both algorithms so the request verifies as sent', () => {
  for (const { algorithm, shape, r } of everyWay('a,b')) {
    const [path = '/', query = ''] = r.url.slice(ORIGIN.length).split('?');
    const result = verifyRequest(
      {
        method: r.method,
        path,
        query,
        headers: { host: '127.0.0.1:4000', ...r.headers },
        body: r.body ?? '',
      },
      {
        lookup: (id) =>
          id === STS.accessKeyId
            ? { secret: STS.accessKeySecret, securityToken: STS.securityToken }
            : undefined,
      },
    );
    expect(result, `${algorithm} ${shape}`).toMatchObject({ ok: true });
    expect(r.method).toBe(shape === 'get-query' ? 'GET' : 'POST');
  }
});

it('masks signature and token in every place a request carries them', () => {
  for (const { algorithm, shape, r } of everyWay('a')) {
    const text = toCurl(r);
    expect(text, `${algorithm} ${shape}`).not.toContain(STS.securityToken);
    expect(text).not.toContain(STS.accessKeySecret);
    expect(JSON.stringify(redact(r))).toMatch(/\*\*\*/);
    const { authorization = '' } = r.headers;
    const signature =
      algorithm === 'V2'
        ? /Signature=([^&']+)/.exec(`${r.url}&${r.body ?? ''}`)?.[1]
        : /Signature=(\w+)/.exec(authorization)?.[1];
    expect(signature).toBeDefined();
    expect(text).not.toContain(signature);
  }
});
