/**
 * The admin API under /__admin/ (seed, inspect, reset, snapshot, save/load, requests, clock,
 * credentials), the request log with secrets redacted, and the CLI.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signRpc } from '@vodkit/signer/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_ROUTES, DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../src/index.js';
import type { RecordedRequest, RunningEmulator, StateSnapshot } from '../src/index.js';
import { byIds, callV1, callV3 } from './support/rpc.js';

let vod: RunningEmulator;
let dir: string;
beforeAll(async () => {
  vod = await startEmulator({ qps: Infinity });
  dir = await mkdtemp(join(tmpdir(), 'vodkit-admin-'));
});
afterAll(async () => {
  await vod.close();
  await rm(dir, { recursive: true, force: true });
});

async function admin(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${vod.url}/__admin/${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('admin API', () => {
  test('GET /__admin/ lists the routes; unknown routes are 404', async () => {
    expect((await admin('GET', '')).json['routes']).toEqual(ADMIN_ROUTES);
    const missing = await admin('GET', 'nope');
    expect(missing.status).toBe(404);
    expect(missing.json['error']).toContain('no admin route GET /nope');
  });

  test('seed, inspect, reset', async () => {
    expect((await admin('POST', 'reset')).json).toEqual({ size: 0 });
    const added = await admin('POST', 'images', [
      { imageId: 'a' },
      { imageId: 'b', videoId: 'v', kind: 'CoverSnapshot' },
    ]);
    expect(added.json).toEqual({ added: 2, size: 2 });
    expect(
      (
        await admin('POST', 'images', {
          images: [{ imageId: 'c', url: 'https://cdn.example.com/c.png' }],
        })
      ).json['size'],
    ).toBe(3);
    const state = (await admin('GET', 'state')).json;
    expect(state['images']).toEqual([
      { imageId: 'a', url: `${vod.url}/images/a.png`, kind: 'Uploaded' },
      { imageId: 'b', url: `${vod.url}/images/b.png`, videoId: 'v', kind: 'CoverSnapshot' },
      { imageId: 'c', url: 'https://cdn.example.com/c.png', kind: 'Uploaded' },
    ]);
    expect((await admin('GET', 'health')).json).toEqual({ ok: true, url: vod.url, images: 3 });
    expect((await admin('POST', 'reset', { images: [{ imageId: 'z' }] })).json).toEqual({
      size: 1,
    });
    const bad = await admin('POST', 'images', [{ imageId: 'x', kind: 'Poster' }]);
    expect(bad.status).toBe(400);
    expect(bad.json['error']).toMatch(/images\[0\]\.kind/);
  });

  test('snapshot and restore; save and load', async () => {
    vod.state.reset([{ imageId: 's1' }, { imageId: 's2', videoId: 'v', kind: 'SpriteSnapshot' }]);
    const snapshot = (await admin('GET', 'snapshot')).json as unknown as StateSnapshot;
    expect(snapshot.images).toHaveLength(2);
    vod.state.reset();
    expect((await admin('POST', 'restore', snapshot)).json).toEqual({ size: 2 });
    const file = join(dir, 'admin-state.json');
    expect((await admin('POST', 'save', { file })).json).toEqual({ file, size: 2 });
    expect((JSON.parse(await readFile(file, 'utf8')) as StateSnapshot).images).toEqual(
      snapshot.images,
    );
    vod.state.reset();
    expect((await admin('POST', 'load', { file })).json).toEqual({ size: 2 });
    expect((await admin('POST', 'save')).status).toBe(400);
    const missing = await admin('POST', 'load', { file: join(dir, 'no-such-file.json') });
    expect(missing.status).toBe(400);
    expect(missing.json['error']).toContain('cannot read state file');
    expect((await admin('POST', 'restore', { images: 'none' })).status).toBe(400);
  });

  test('requests lists RPC calls, newest last, secrets redacted; DELETE clears', async () => {
    await admin('DELETE', 'requests');
    await callV1(vod.url, byIds('a'));
    await callV3(vod.url, byIds('b'));
    const all = (await admin('GET', 'requests')).json['requests'] as RecordedRequest[];
    expect(all.map((r) => r.algorithm)).toEqual(['HMAC-SHA1', 'ACS3-HMAC-SHA256']);
    expect(all[0]?.params['Signature']).toBe('***');
    expect(all[1]?.headers['authorization']).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tVodkitEmulatorKey,SignedHeaders=[a-z0-9;-]+,Signature=\*\*\*$/,
    );
    const last = (await admin('GET', 'requests?limit=1')).json['requests'] as RecordedRequest[];
    expect(last.map((r) => r.algorithm)).toEqual(['ACS3-HMAC-SHA256']);
    expect(((await admin('DELETE', 'requests')).json['requests'] as unknown[]).length).toBe(0);
  });

  test('the clock can be moved, which the skew check follows', async () => {
    const moved = await admin('POST', 'clock', { offsetMs: 3_600_000 });
    try {
      expect(moved.json['offsetMs']).toBe(3_600_000);
      expect((await callV1(vod.url, byIds('x'))).json?.['Code']).toBe('InvalidTimeStamp.Expired');
      expect((await callV1(vod.url, byIds('x'), { time: Date.now() + 3_600_000 })).status).toBe(
        200,
      );
      expect((await admin('POST', 'clock', { advanceMs: 1000 })).json['offsetMs']).toBe(3_601_000);
    } finally {
      await admin('POST', 'clock', { offsetMs: 0 });
    }
    expect((await admin('POST', 'clock', { offsetMs: 'soon' })).status).toBe(400);
  });

  test('accounts and STS tokens can be added at run time', async () => {
    const key = { accessKeyId: 'LTAI5tAddedLater', accessKeySecret: 'later' };
    expect((await callV1(vod.url, byIds('x'), { credentials: key })).json?.['Code']).toBe(
      'InvalidAccessKeyId.NotFound',
    );
    expect(
      (await admin('POST', 'accounts', { accountId: 'later', accessKeys: [key] })).status,
    ).toBe(200);
    expect((await callV1(vod.url, byIds('x'), { credentials: key })).status).toBe(200);
    const sts = { accessKeyId: 'STS.later', accessKeySecret: 's', securityToken: 't' };
    expect(
      (
        await admin('POST', 'sts-tokens', {
          ...sts,
          expiresAt: Date.now() + 60_000,
          accountId: 'later',
        })
      ).status,
    ).toBe(200);
    expect((await callV3(vod.url, byIds('x'), { credentials: sts })).status).toBe(200);
    expect((await admin('POST', 'sts-tokens', { ...sts, accountId: 'later' })).status).toBe(400);
  });

  test('a body that is not JSON is 400', async () => {
    const response = await fetch(`${vod.url}/__admin/images`, { method: 'POST', body: '{nope' });
    expect(response.status).toBe(400);
  });
});

describe('request log', () => {
  test('one JSON line per request, with no secret in it', async () => {
    const lines: string[] = [];
    const sts = {
      accessKeyId: 'STS.logged',
      accessKeySecret: 'sts-secret-xyz',
      securityToken: 'TOKEN-SHOULD-NOT-LEAK',
    };
    const e = await startEmulator({
      log: (line) => lines.push(line),
      stsTokens: [{ ...sts, expiresAt: Date.now() + 60_000, accountId: '1000000000000001' }],
      images: [{ imageId: 'logged' }],
    });
    try {
      const signed = signRpc({
        method: 'POST',
        action: 'DeleteImage',
        version: '2017-03-21',
        params: byIds('logged'),
        credentials: sts,
      });
      await fetch(`${e.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: signed.encoded,
      });
      await callV3(e.url, byIds('x'), { credentials: sts });
      await callV1(e.url, byIds('x'), {
        credentials: { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'wrong' },
      });
      expect(lines).toHaveLength(3);
      await fetch(`${e.url}/__admin/health`);
      await fetch(`${e.url}/images/logged.png`);
      expect(lines.slice(3).map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
        { kind: 'admin', path: '/__admin/health', status: 200 },
        { kind: 'image', path: '/images/logged.png', status: 404 },
      ]);
      expect(e.requests()).toHaveLength(3);
      const parsed = lines.slice(0, 3).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(parsed[0]).toMatchObject({
        method: 'POST',
        path: '/',
        status: 200,
        algorithm: 'HMAC-SHA1',
        accessKeyId: 'STS.logged',
        deleted: ['logged'],
      });
      expect(parsed[2]).toMatchObject({ status: 400, code: 'SignatureDoesNotMatch' });
      for (const line of lines) {
        expect(line).not.toContain('TOKEN-SHOULD-NOT-LEAK');
        expect(line).not.toContain('sts-secret-xyz');
        expect(line).not.toContain(encodeURIComponent(signed.signature));
        expect(line).not.toContain(signed.signature);
      }
    } finally {
      await e.close();
    }
  });
});

describe('bin', () => {
  const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

  test('--help prints usage and exits 0', async () => {
    const { code, stdout } = await run([bin, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: vodkit-emulator');
    expect(stdout).toContain('--state-file');
  });

  test('an unknown flag exits 2', async () => {
    expect((await run([bin, '--bogus'])).code).toBe(2);
  });

  test('starts, prints the banner, serves, logs, and saves its state file on SIGTERM', async () => {
    const stateFile = join(dir, 'bin-state.json');
    const child = spawn(
      process.execPath,
      [bin, '--port', '0', '--qps', '0', '--state-file', stateFile],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let banner = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: string) => {
        banner += chunk;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.once('exit', () => {
        reject(new Error(`exited early: ${banner}`));
      });
    });
    expect(banner).toContain(DEFAULT_EMULATOR_CREDENTIALS.accessKeyId);
    await fetch(`${url}/__admin/images`, { method: 'POST', body: '[{"imageId":"from-bin"}]' });
    expect((await callV1(url, byIds('x'))).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // stdout holds only JSON lines: the admin call, then the RPC call.
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind?: string; status: number });
    expect(lines).toMatchObject([{ kind: 'admin', status: 200 }, { status: 200 }]);
    expect((JSON.parse(await readFile(stateFile, 'utf8')) as StateSnapshot).images).toEqual([
      { imageId: 'from-bin', kind: 'Uploaded' },
    ]);
  });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.once('exit', (code) => {
      resolve({ code, stdout });
    });
  });
}
