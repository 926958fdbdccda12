/**
 * The admin API under /__admin/ (seed, inspect, reset, snapshot, save/load, requests, clock,
 * credentials), the request log with secrets redacted, and the CLI.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signV2 } from '@vodkit/signer/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '../src/index.js';
import type { RecordedRequest, RunningEmulator, StateSnapshot } from '../src/index.js';
import { byIds, callV2, callV3 } from './support/rpc.js';

let vod: RunningEmulator;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vodkit-admin-'));
  vod = await startEmulator({ qps: Infinity, stateDir: join(dir, 'states') });
});
afterAll(async () => {
  await vod.close();
  await rm(dir, { recursive: true, force: true });
});

async function admin(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  base: string = vod.url,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${base}/__admin/${path}`, {
    method,
    headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

describe('admin API', () => {
  test('GET /__admin/ lists the routes; unknown routes are 404', async () => {
    const routes = (await admin('GET', '')).json['routes'] as string[];
    // The same lines `--help` prints; test/admin-listing.test.ts holds them to the route table.
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.every((line) => /^(GET|POST|PUT|DELETE) +\/__admin\//.test(line))).toBe(true);
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
    const file = 'admin-state.json';
    expect((await admin('POST', 'save', { file })).json).toEqual({ file, size: 2 });
    expect(
      (JSON.parse(await readFile(join(dir, 'states', file), 'utf8')) as StateSnapshot).images,
    ).toEqual(snapshot.images);
    vod.state.reset();
    expect((await admin('POST', 'load', { file })).json).toEqual({ size: 2 });
    expect((await admin('POST', 'save')).status).toBe(400);
    const missing = await admin('POST', 'load', { file: 'no-such-file.json' });
    expect(missing.status).toBe(400);
    expect(missing.json['error']).toContain('does not exist');
    expect((await admin('POST', 'restore', { images: 'none' })).status).toBe(400);
  });

  test('requests lists RPC calls, newest last, secrets redacted; DELETE clears', async () => {
    await admin('DELETE', 'requests');
    vod.state.add([{ imageId: 'a' }, { imageId: 'b' }]);
    await callV2(vod.url, byIds('a'));
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
      vod.state.add([{ imageId: 'x' }]);
      expect((await callV2(vod.url, byIds('x'))).json?.['Code']).toBe('InvalidTimeStamp.Expired');
      expect((await callV2(vod.url, byIds('x'), { time: Date.now() + 3_600_000 })).status).toBe(
        200,
      );
      expect((await admin('POST', 'clock', { advanceMs: 1000 })).json['offsetMs']).toBe(3_601_000);
    } finally {
      await admin('POST', 'clock', { offsetMs: 0 });
    }
    expect((await admin('POST', 'clock', { offsetMs: 'soon' })).status).toBe(400);
  });

  test('a clock beyond what Date can show is refused, and the emulator keeps answering', async () => {
    for (const body of [{ advanceMs: 1e308 }, { offsetMs: 8.7e15 }, { offsetMs: -1e16 }]) {
      const refused = await admin('POST', 'clock', body);
      expect(refused.status).toBe(400);
      expect(refused.json['error']).toMatch(/within ±\d+ ms \(100 years\)/);
    }
    expect((await admin('GET', 'clock')).json['offsetMs']).toBe(0);
    vod.state.add([{ imageId: 'after-clock' }]);
    expect((await callV2(vod.url, byIds('after-clock'))).status).toBe(200);
  });

  test('function and cors options of the wrong kind are refused at start', async () => {
    for (const [options, rule] of [
      [{ log: true }, /log must be a function/],
      [{ log: 'yes' }, /log must be a function/],
      [{ now: 5 }, /now must be a function/],
      [{ cors: 'yes' }, /cors must be true, false or \{ origin: string \}/],
      [{ cors: { origin: 7 } }, /cors must be true, false or/],
    ] as const) {
      await expect(startEmulator(options as never)).rejects.toThrow(rule);
    }
  });

  test('accounts and STS tokens can be added at run time', async () => {
    const key = { accessKeyId: 'LTAI5tAddedLater', accessKeySecret: 'later' };
    expect((await callV2(vod.url, byIds('x'), { credentials: key })).json?.['Code']).toBe(
      'InvalidAccessKeyId.NotFound',
    );
    expect(
      (await admin('POST', 'accounts', { accountId: 'later', accessKeys: [key] })).status,
    ).toBe(200);
    vod.state.add([{ imageId: 'x' }, { imageId: 'y' }]);
    expect((await callV2(vod.url, byIds('x'), { credentials: key })).status).toBe(200);
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
    expect((await callV3(vod.url, byIds('y'), { credentials: sts })).status).toBe(200);
    expect((await admin('POST', 'sts-tokens', { ...sts, accountId: 'later' })).status).toBe(400);
  });

  test('a body that is not JSON is 400', async () => {
    const response = await fetch(`${vod.url}/__admin/images`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
  });

  test('HEAD on the health route answers 200 without a body', async () => {
    const response = await fetch(`${vod.url}/__admin/health`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('admin API security', () => {
  test('save and load take a plain name inside the state directory; paths, traversal and links are refused', async () => {
    vod.state.reset([{ imageId: 'inside' }]);
    const outside = join(dir, 'outside.json');
    await writeFile(outside, JSON.stringify({ images: [{ imageId: 'planted' }] }));
    await mkdir(join(dir, 'states'), { recursive: true });
    await symlink(outside, join(dir, 'states', 'link.json'));
    for (const file of [
      outside,
      '/etc/passwd',
      '../outside.json',
      'sub/state.json',
      '.hidden',
      '..',
      'a\\b',
      '',
    ]) {
      for (const route of ['save', 'load']) {
        const answer = await admin('POST', route, { file });
        expect(answer.status, `${route} ${file}`).toBe(400);
        expect(String(answer.json['error'])).toMatch(/file name inside the state directory/);
      }
    }
    for (const route of ['save', 'load']) {
      const answer = await admin('POST', route, { file: 'link.json' });
      expect(answer.status).toBe(400);
      expect(answer.json['error']).toMatch(/symbolic link/);
    }
    expect(JSON.parse(await readFile(outside, 'utf8'))).toEqual({
      images: [{ imageId: 'planted' }],
    });
    expect(vod.state.images().map((i) => i.imageId)).toEqual(['inside']);
  });

  test('a file in the state directory that is not a state is refused without quoting it', async () => {
    await mkdir(join(dir, 'states'), { recursive: true });
    await writeFile(join(dir, 'states', 'notes.txt'), 'password=HUNTER2-SECRET\n');
    const answer = await admin('POST', 'load', { file: 'notes.txt' });
    expect(answer.status).toBe(400);
    expect(answer.json['error']).toMatch(/notes\.txt is not valid JSON/);
    expect(JSON.stringify(answer.json)).not.toContain('HUNTER2');
  });

  test('without a state directory, save and load take no name', async () => {
    const bare = await startEmulator();
    try {
      const answer = await admin('POST', 'save', { file: 'x.json' }, {}, bare.url);
      expect(answer.status).toBe(400);
      expect(answer.json['error']).toMatch(/no state directory/);
    } finally {
      await bare.close();
    }
  });

  test('cross-site requests are refused: simple content types, foreign Origin, Host or Sec-Fetch-Site', async () => {
    vod.state.reset([{ imageId: 'kept' }]);
    const cases: [Record<string, string>, number][] = [
      [{ 'content-type': 'text/plain' }, 415],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 415],
      [{ origin: 'https://evil.example' }, 403],
      [{ host: 'evil.example' }, 403],
      [{ 'sec-fetch-site': 'cross-site' }, 403],
    ];
    for (const [headers, status] of cases) {
      const answer = await rawRequest(vod.url, 'POST', '/__admin/reset', headers);
      expect(answer.status, JSON.stringify(headers)).toBe(status);
    }
    const read = await rawRequest(vod.url, 'GET', '/__admin/state', { host: 'rebound.example:80' });
    expect(read.status).toBe(403);
    expect(read.body).not.toContain('kept');
    expect(vod.state.has('kept')).toBe(true);
    const own = await admin('GET', 'health', undefined, { origin: vod.url });
    expect(own.status).toBe(200);
  });

  test('--cors opens the RPC endpoint to pages, never the admin API', async () => {
    const open = await startEmulator({ cors: true });
    try {
      const health = await fetch(`${open.url}/__admin/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${open.url}/__admin/reset`, {
        method: 'OPTIONS',
        headers: { origin: 'https://page.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const rpc = await fetch(`${open.url}/`, {
        method: 'OPTIONS',
        headers: { origin: 'https://page.example', 'access-control-request-method': 'POST' },
      });
      expect(rpc.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await open.close();
    }
  });

  test('with an admin token, every admin request must carry it', async () => {
    const token = 'tok-0123456789abcdef';
    const guarded = await startEmulator({ adminToken: token });
    try {
      expect((await admin('GET', 'health', undefined, {}, guarded.url)).status).toBe(401);
      const wrong = { authorization: 'Bearer tok-0123456789abcdeX' };
      expect((await admin('POST', 'reset', undefined, wrong, guarded.url)).status).toBe(401);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await admin('GET', 'health', undefined, bearer, guarded.url)).status).toBe(200);
      const header = { 'x-vodkit-admin-token': token };
      expect((await admin('POST', 'reset', undefined, header, guarded.url)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  test('a non-loopback address needs an admin token', async () => {
    await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow(
      /not a loopback address.*adminToken/,
    );
    await expect(startEmulator({ adminToken: 'short' })).rejects.toThrow(/at least 8/);
  });

  test('an admin body over the limit is 413 and the connection is closed', async () => {
    const small = await startEmulator({ maxBodyBytes: 64 });
    try {
      const answer = await rawRequest(small.url, 'POST', '/__admin/images', {
        'content-type': 'application/json',
        body: JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ imageId: `i${i}` }))),
      });
      expect(answer.status).toBe(413);
      expect(answer.closed).toBe(true);
      expect(small.state.size).toBe(0);
    } finally {
      await small.close();
    }
  });
});

/** One HTTP/1.1 request over a raw socket, so Host and other headers are exactly as given. */
function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; closed: boolean }> {
  const { hostname, port, host } = new URL(base);
  const { body = '', ...rest } = headers;
  const all: Record<string, string> = { host, 'content-length': String(body.length), ...rest };
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `${method} ${path} HTTP/1.1\r\n${Object.entries(all)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n${body}`,
      );
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      if (head >= 0 && length !== undefined && text.length >= head + 4 + Number(length)) {
        // Wait briefly for the server's close, if it closes.
        setTimeout(() => {
          resolve({
            status: Number(text.slice(9, 12)),
            body: text.slice(head + 4),
            closed: socket.destroyed || socket.readableEnded,
          });
          socket.destroy();
        }, 50);
      }
    });
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`no answer: ${text}`));
    });
  });
}

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
      const signed = signV2({
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
      await callV3(e.url, byIds('logged'), { credentials: sts });
      await callV2(e.url, byIds('logged'), {
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

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const { code, stdout } = await run([bin, '--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`vodkit-emulator ${pkg.version}`);
  });

  test('a missing seed file is reported as such', async () => {
    const { code, stderr } = await run([bin, '-p', '0', '--seed-file', join(dir, 'absent.json')]);
    expect(code).toBe(1);
    expect(stderr).toContain(`seed file ${join(dir, 'absent.json')} does not exist`);
  });

  test('a non-loopback host without an admin token is refused before listening', async () => {
    const { code, stderr } = await run([bin, '-H', '0.0.0.0', '-p', '0']);
    // A usage error (the flags break a rule), like every other: exit 2.
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a loopback address/);
  });

  test('-p, --cors alone, and every flag from its environment variable', async () => {
    const seed = join(dir, 'env-seed.json');
    await writeFile(seed, JSON.stringify([{ imageId: 'from-env' }]));
    const { url, banner, stop } = await startBin(['-p', '0', '--cors', '--quiet'], {
      VODKIT_EMULATOR_SEED_FILE: seed,
      VODKIT_EMULATOR_PROFILE: 'strict',
      VODKIT_EMULATOR_ADMIN_TOKEN: 'env-token-123456',
      VODKIT_EMULATOR_QPS: '7',
    });
    try {
      expect(banner).toContain('profile        strict');
      expect(banner).toContain('7 requests/s per account');
      expect(banner).toContain('admin token    required');
      const preflight = await fetch(`${url}/`, {
        method: 'OPTIONS',
        headers: { origin: 'https://page.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect((await fetch(`${url}/__admin/health`)).status).toBe(401);
      const health = await fetch(`${url}/__admin/health`, {
        headers: { authorization: 'Bearer env-token-123456' },
      });
      expect(await health.json()).toMatchObject({ ok: true, images: 1 });
      // strict: a field of another variant is an error.
      const strict = await callV2(url, { ...byIds('from-env'), VideoId: 'v' });
      expect(strict.json?.['Code']).toBe('InvalidParameter');
    } finally {
      await stop();
    }
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
    await fetch(`${url}/__admin/images`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[{"imageId":"from-bin"},{"imageId":"x"}]',
    });
    expect((await callV2(url, byIds('x'))).status).toBe(200);
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

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the bin and waits for its banner; `stop` sends SIGTERM and waits for the exit. */
async function startBin(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; banner: string; stop: () => Promise<void> }> {
  const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let banner = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: string) => {
      banner += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
      if (m?.[1] !== undefined && banner.includes('rate limit')) resolve(m[1]);
    });
    child.once('exit', () => {
      reject(new Error(`exited early: ${banner}`));
    });
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  return {
    url,
    banner,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
