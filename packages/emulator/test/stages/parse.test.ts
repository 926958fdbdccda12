/**
 * The `parse` stage: the body under the size limit (413 and a closed connection past it), and
 * the parameters of the three request shapes real clients send, decoded from query and form.
 */
import { signV2 } from '@vodkit/signer/node';
import { ACTION, API_VERSION } from '@vodkit/types';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../../src/index.js';
import type { RunningEmulator } from '../../src/index.js';
import { expectError, specs } from '../support/fixture.js';
import { byIds, callV3, toAnswer } from '../support/rpc.js';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await startEmulator({ qps: Infinity, maxBodyBytes: 2048 });
});
afterAll(async () => {
  await vod.close();
});

const signedV2 = (method: 'GET' | 'POST', params: Record<string, string>) =>
  signV2({
    method,
    action: ACTION,
    version: API_VERSION,
    params,
    format: 'JSON',
    credentials: DEFAULT_EMULATOR_CREDENTIALS,
  });

describe('the three request shapes', () => {
  test('GET with the query, POST with a form body, POST with the query and an empty body (V2)', async () => {
    vod.state.add([{ imageId: 'get' }, { imageId: 'form' }, { imageId: 'query' }]);
    const get = await fetch(`${vod.url}/?${signedV2('GET', byIds('get')).encoded}`);
    const form = await fetch(`${vod.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: signedV2('POST', byIds('form')).encoded,
    });
    const query = await fetch(`${vod.url}/?${signedV2('POST', byIds('query')).encoded}`, {
      method: 'POST',
    });
    for (const answer of [get, form, query]) expect(answer.status).toBe(200);
    expect(vod.state.size).toBe(0);
    expect(vod.requests().map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
  });

  test('POST with the query and an empty body under V3, as the generated SDKs send it', async () => {
    vod.state.add([{ imageId: 'v3' }]);
    const answer = await callV3(vod.url, byIds('v3'), { in: 'query' });
    expect(answer.status, answer.text).toBe(200);
    expect(vod.requests().at(-1)?.headers['content-length'] ?? '0').toBe('0');
  });

  test('a body that is not a form is not read as parameters', async () => {
    const signed = signedV2('POST', byIds('any'));
    const answer = await toAnswer(
      await fetch(`${vod.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: signed.encoded,
      }),
    );
    expect(expectError(answer, 'MissingParameter')).toContain('"Action"');
  });

  test('a repeated parameter or a bad percent-escape is InvalidParameter', async () => {
    const twice = await fetch(`${vod.url}/?Action=DeleteImage&Action=DeleteImage`);
    expect(expectError(await toAnswer(twice), 'InvalidParameter')).toContain(
      'appears more than once',
    );
    expectError(await toAnswer(await fetch(`${vod.url}/?Action=%E0%A4%A`)), 'InvalidParameter');
  });
});

describe('the body limit', () => {
  test('a body announced over the limit is 413 without being read; the connection closes', async () => {
    const response = await fetch(`${vod.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a'.repeat(4096),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    const body = (await response.json()) as Record<string, unknown>;
    expect(specs.validate('VodError', body)).toEqual([]);
    expect(body['Code']).toBe('InvalidParameter');
    expect(body['Message']).toContain('at most 2048 are allowed');
  });

  test('a chunked body that grows past the limit is 413 at that point', async () => {
    const chunk = new Uint8Array(1024).fill(0x61);
    let sent = 0;
    const response = await fetch(`${vod.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 1;
          if (sent > 64) controller.close();
          else controller.enqueue(chunk);
        },
      }),
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Record<string, unknown>)['Message']).toMatch(
      /\d+ bytes or more; at most 2048/,
    );
  });

  test('a body at the limit is read', async () => {
    vod.state.add([{ imageId: 'edge' }]);
    const encoded = signedV2('POST', byIds('edge')).encoded;
    const body = `${encoded}&${'p'.repeat(2048 - encoded.length - 1)}`;
    expect(body.length).toBe(2048);
    const answer = await toAnswer(
      await fetch(`${vod.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
    // Read whole: the stray parameter reaches the signature check (it was not signed).
    expect(answer.status).not.toBe(413);
    expect(answer.json?.['Code']).toBe('SignatureDoesNotMatch');
  });
});
