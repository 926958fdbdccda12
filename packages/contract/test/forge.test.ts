/**
 * The suite's own forger, unchanged, signs requests the emulator accepts in every shape with
 * both algorithms (the malformed checks open with one such control per algorithm only), and a
 * forgery changes exactly what it names.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emulatorTarget, send } from '../src/index.ts';
import type { ContractTarget } from '../src/index.ts';
import { forge } from '../src/checks/forge.ts';
import { SIGNINGS } from '../src/checks/matrix.ts';
import { byIds } from '../src/params.ts';

let target: ContractTarget;
beforeAll(async () => {
  target = await emulatorTarget();
});
afterAll(() => target.close());

const options = (algorithm: 'V2' | 'V3', shape: 'get-query' | 'post-form' | 'post-query') => ({
  url: target.url,
  algorithm,
  shape,
  params: byIds(['forged-none']),
  credentials: target.credentials,
});

it('signs what the emulator accepts, in every shape with both algorithms', async () => {
  for (const { algorithm, shape } of SIGNINGS) {
    const answer = await send(forge({})(options(algorithm, shape)));
    expect([algorithm, shape, (answer.json as { Code?: string }).Code]).toEqual([
      algorithm,
      shape,
      'NoSuchResource',
    ]);
  }
});

it('changes what it names and nothing else', () => {
  const v2 = forge({ common: { Timestamp: 'then', SignatureMethod: undefined } })(
    options('V2', 'get-query'),
  );
  expect(v2.url).toContain('Timestamp=then');
  expect(v2.url).not.toContain('SignatureMethod');
  expect(v2.url).toContain('SignatureVersion=1.0');
  const v3 = forge({ headers: { 'x-acs-date': 'then' }, unsigned: ['x-acs-date'] })(
    options('V3', 'post-form'),
  );
  expect(v3.headers['x-acs-date']).toBe('then');
  expect(v3.headers['authorization']).toMatch(/SignedHeaders=[^,]*/);
  expect(v3.headers['authorization']).not.toMatch(/SignedHeaders=[^,]*x-acs-date/);
  expect(v3.body).toBe('DeleteImageType=ImageId&ImageIds=forged-none');
});
