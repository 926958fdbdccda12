/**
 * What `vodkit-contract` prints of a target and of its needs. A target that echoes secrets gets none of them printed or reported by `vodkit-contract` (the
 * built bin): real servers on 127.0.0.1, port 0, that quote the request (its signature and
 * token), the run's secrets and the admin token back in bodies, headers and admin errors. Every
 * output and report file is searched for every secret value.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/vodkit-contract.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vodkit-contract-secrets-'));

const SECRET = 'echoed-main-secret-0123456789';
const TOKEN = 'echoed-sts-token-abcdefghijklmnop';
const FIXTURE_SECRET = 'echoed-fixture-secret-98765';
const ADMIN_TOKEN = 'echoed-admin-token-zyxwvut';
const ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIechoed',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
  ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
  VODKIT_CONTRACT_DISABLED_KEY_SECRET: FIXTURE_SECRET,
  VODKIT_EMULATOR_ADMIN_TOKEN: ADMIN_TOKEN,
};

interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

function run(args: string[]): Promise<Ran> {
  if (!existsSync(join(bin, '../../dist/cli.js')))
    throw new Error('dist/cli.js is missing: run `pnpm --filter @vodkit/contract build` first');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...ENV }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code), out: stdout, err: stderr });
      },
    );
  });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function http(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Every secret value a hostile target saw, as it sent them (signatures and tokens included). */
const seen = new Set<string>([SECRET, TOKEN, FIXTURE_SECRET, ADMIN_TOKEN]);

function noSecretIn(texts: readonly string[]): void {
  const hits = [...seen].filter((s) => texts.some((t) => t.includes(s)));
  expect(hits).toEqual([]);
}

it('a target echoing secret, token and signature in bodies and headers: none is printed or reported', async () => {
  const url = await http((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const auth = req.headers.authorization ?? '';
      for (const m of `${req.url ?? ''}&${body}`.matchAll(/(?:Signature|SecurityToken)=([^&]+)/g))
        seen.add(decodeURIComponent(m[1] ?? ''));
      for (const m of auth.matchAll(/Signature=([^,\s]+)/g)) seen.add(m[1] ?? '');
      const echo = `secret ${SECRET} token ${TOKEN} fixture ${FIXTURE_SECRET} url ${req.url ?? ''} body ${body} auth ${auth}`;
      res.writeHead(400, {
        'content-type': 'application/json',
        'x-echo': encodeURIComponent(echo).slice(0, 4000),
        'x-secret': SECRET,
      });
      res.end(JSON.stringify({ Code: 'Echo', Message: echo, RequestId: 'r' }));
    });
  });
  const json = join(dir, 'echo.json');
  const junit = join(dir, 'echo.xml');
  const { code, out, err } = await run([
    '--target',
    url,
    '--checks',
    'missing-image,v2-reading,token-not-echoed,answer-headers,disabled-key',
    '--disabled-key',
    'LTAIdisabled',
    '--json',
    json,
    '--junit',
    junit,
  ]);
  expect(err).toBe('');
  expect(code).toBe(1);
  expect(out).toContain('FAIL  missing-image');
  expect(out).toContain('***');
  // The target did see signatures and the token: the search below means something.
  expect(seen.size).toBeGreaterThan(5);
  noSecretIn([out, err, readFileSync(json, 'utf8'), readFileSync(junit, 'utf8')]);
});

it('an admin mock that returns the admin token in its error: the exit-2 line does not show it', async () => {
  const url = await http((req, res) => {
    res.writeHead(req.url === '/' ? 400 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `bad token ${ADMIN_TOKEN}` }));
  });
  const { code, out, err } = await run(['--target', url, '--emulator-admin']);
  expect(code).toBe(2);
  expect(err).toMatch(/^vodkit-contract: admin POST .*: HTTP 401: bad token \*\*\*\n$/);
  noSecretIn([out, err]);
});

it('"n/a" reasons name the flags that give what a check needs, not option names', async () => {
  const url = await http((req, res) => {
    req.resume();
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end('{"Code":"MissingParameter","Message":"m","RequestId":"r"}');
  });
  const { code, out } = await run([
    '--target',
    url,
    '--checks',
    'disabled-key,sts-tokens,given-ids-delete,url-matching',
  ]);
  expect(code).toBe(0);
  expect(out).toMatch(/n\/a {3}disabled-key .*\(needs --disabled-key\)\n/);
  expect(out).toMatch(/n\/a {3}sts-tokens .*\(needs --sts-key and --expired-sts-key\)\n/);
  expect(out).toMatch(/n\/a {3}given-ids-delete .*\(needs --deletable-ids \(1\)\)\n/);
  expect(out).toMatch(/n\/a {3}url-matching .*\(needs --deletable-urls \(1\)\)\n/);
  const reasons = out.split('\n').filter((line) => line.includes('n/a'));
  expect(reasons).toHaveLength(4);
  expect(reasons.join('\n')).not.toMatch(
    /deletableIds|deletableUrls|disabledKey|destructive|(needs|,) sts\b/,
  );
});
