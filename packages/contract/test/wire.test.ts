/** Signed requests as the suite sends them, and their redaction for reproducers. */
import { expect, it } from 'vitest';
import { verifyRequest } from '@vodkit/signer/node';
import { ALGORITHMS, SHAPES, redact, sign, toCurl } from '../src/index.ts';

const STS = {
  accessKeyId: 'STS.key',
  accessKeySecret: 'wire-secret-value',
  securityToken: 'wire-token-value',
};

it('signs every shape with both algorithms so the request verifies as sent', () => {
  for (const algorithm of ALGORITHMS) {
    for (const shape of SHAPES) {
      const r = sign({
        url: 'http://127.0.0.1:4000',
        algorithm,
        shape,
        params: { DeleteImageType: 'ImageId', ImageIds: 'a,b' },
        credentials: STS,
      });
      const [path, query = ''] = r.url.replace('http://127.0.0.1:4000', '').split('?');
      const result = verifyRequest(
        {
          method: r.method,
          path: path ?? '/',
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
  }
});

it('masks signature and token in every place a request carries them', () => {
  for (const algorithm of ALGORITHMS) {
    for (const shape of SHAPES) {
      const r = sign({
        url: 'http://127.0.0.1:4000',
        algorithm,
        shape,
        params: { DeleteImageType: 'ImageId', ImageIds: 'a' },
        credentials: STS,
      });
      const text = toCurl(r);
      expect(text, `${algorithm} ${shape}`).not.toContain(STS.securityToken);
      expect(text).not.toContain(STS.accessKeySecret);
      expect(JSON.stringify(redact(r))).toMatch(/\*\*\*/);
      const signature =
        algorithm === 'V2'
          ? /Signature=([^&']+)/.exec(`${r.url}&${r.body ?? ''}`)?.[1]
          : /Signature=(\w+)/.exec(r.headers['authorization'] ?? '')?.[1];
      expect(signature).toBeDefined();
      expect(text).not.toContain(signature);
    }
  }
});
