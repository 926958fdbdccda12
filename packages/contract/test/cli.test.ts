/**
 * `vodkit-contract` from the command line (the built bin): it runs against an emulator, writes
 * JUnit and JSON reports, exits 1 when a check fails, and prints a reproducer with the secrets
 * masked.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DEFAULT_EMULATOR_CREDENTIALS,
  startEmulator,
  withoutStage,
  DEFAULT_STAGES,
} from '@vodkit/emulator';
import type { RunningEmulator } from '@vodkit/emulator';

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vodkit-contract-'));

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  if (!existsSync(bin))
    throw new Error('dist/cli.js is missing: run `pnpm --filter @vodkit/contract build` first');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code), out: stdout + stderr });
      },
    );
  });
}

let broken: RunningEmulator;
beforeAll(async () => {
  // An emulator that never checks signatures, started apart, reached by URL.
  broken = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    log: false,
    stages: withoutStage(DEFAULT_STAGES, 'verify'),
  });
});
afterAll(() => broken.close());

it('runs against an in-process emulator and writes JUnit and JSON reports', async () => {
  const junit = join(dir, 'contract.xml');
  const json = join(dir, 'contract.json');
  const { code, out } = await run([
    '--checks',
    'missing-image,item-limits,timestamps',
    '--junit',
    junit,
    '--json',
    json,
    '--seed',
    '7',
  ]);
  expect(out).toContain('pass  missing-image');
  expect(code).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    checks: { id: string; result: string }[];
    specHash: string;
    seed: number;
    target: string;
  };
  expect(report.checks.map((c) => [c.id, c.result])).toEqual([
    ['item-limits', 'passed'],
    ['timestamps', 'passed'],
    ['missing-image', 'passed'],
  ]);
  expect(report.specHash).toMatch(/^[0-9a-f]{64}$/);
  expect(report.seed).toBe(7);
  expect(report.target).toBe('in-process emulator (service)');
  const xml = readFileSync(junit, 'utf8');
  expect(xml).toMatch(/<testsuites name="@vodkit\/contract" tests="3" failures="0"/);
  expect(xml).toContain('<testcase classname="vodkit.contract" name="timestamps"');
});

it('fails against a broken target by URL, with a reproducer whose secrets are masked', async () => {
  const json = join(dir, 'broken.json');
  const { code, out } = await run(
    ['--target', broken.url, '--checks', 'signature-tampering,missing-image', '--json', json],
    {
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_EMULATOR_CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret,
    },
  );
  expect(code).toBe(1);
  expect(out).toContain('FAIL  signature-tampering');
  expect(out).toContain('pass  missing-image');
  expect(out).toMatch(/request: curl -sS -X (GET|POST) 'http:\/\/127\.0\.0\.1:\d+\//);
  expect(out).toMatch(/Signature(=|%3D)\*\*\*/);
  expect(out).not.toContain(DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret);
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    checks: { id: string; result: string; reproducer?: string }[];
  };
  expect(report.checks[0]).toMatchObject({ id: 'signature-tampering', result: 'failed' });
  expect(report.checks[0]?.reproducer).toContain('answer:  HTTP 404');
});

it('refuses an unknown check and a URL target without credentials, with exit code 2', async () => {
  const unknown = await run(['--checks', 'no-such-check']);
  expect(unknown.code).toBe(2);
  expect(unknown.out).toContain('unknown check no-such-check');
  const bare = await run(['--target', broken.url], {
    ALIBABA_CLOUD_ACCESS_KEY_ID: '',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: '',
  });
  expect(bare.code).toBe(2);
});

it('--timeout-ms bounds each answer: a target that never answers is unreachable, exit 2 in one line', async () => {
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const port = (silent.address() as AddressInfo).port;
    const { code, out } = await run(
      ['--target', `http://127.0.0.1:${port}`, '--checks', 'missing-image', '--timeout-ms', '200'],
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIcli', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'cli-secret' },
    );
    expect(out).toBe(
      `vodkit-contract: cannot reach http://127.0.0.1:${port}: no complete answer within 200 ms\n`,
    );
    expect(code).toBe(2);
  } finally {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  }
});

it('--emulator-admin sets up keys and images through the admin API of an emulator reached by URL', async () => {
  const healthy = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    log: false,
    adminToken: 'contract-admin-token',
  });
  try {
    const { code, out } = await run(
      [
        '--target',
        healthy.url,
        '--emulator-admin',
        '--checks',
        'disabled-key,sts-tokens,ram-deny,deletes-take-effect,given-ids-delete,client-interop',
      ],
      {
        VODKIT_EMULATOR_ADMIN_TOKEN: 'contract-admin-token',
      },
    );
    expect(out).toContain('pass  deletes-take-effect');
    expect(out).not.toContain('n/a');
    expect(code).toBe(0);
    // The suite deleted what it seeded: nothing of its own is left behind but the kept image.
    expect(
      healthy.state
        .images()
        .map((i) => i.imageId)
        .every((id) => id.startsWith('keep')),
    ).toBe(true);
  } finally {
    await healthy.close();
  }
});

it.each([
  [['--seed', 'abc'], /--seed must be a whole number, not "abc"/],
  [['--seed', '1.5'], /--seed must be a whole number/],
  [['--seed', '0x10'], /--seed must be a whole number/],
  [['--seed', '1', '--seed', '2'], /--seed is given more than once/],
  [
    ['--timeout-ms', '0'],
    /--timeout-ms must be a whole number of milliseconds from 1 to 86400000 \(24 h\), not "0"/,
  ],
  [['--timeout-ms', '2.5'], /--timeout-ms must be a whole number of milliseconds from 1/],
  [['--timeout-ms=-5'], /--timeout-ms must be a whole number of milliseconds from 1/],
  [['--timeout-ms', '2147483648'], /--timeout-ms must be .* \(24 h\), not "2147483648"/],
  [['--run-timeout-ms', '86400001'], /--run-timeout-ms must be .* to 86400000 \(24 h\)/],
  [
    ['--qps', '-1'],
    /^vodkit-contract: --qps must be a whole number of calls per second above 0, not "-1"$/,
  ],
  [['--seed', '-1'], /^vodkit-contract: --seed -1: write a negative seed as --seed=-1$/],
  [
    ['--target', 'http://127.0.0.1:1', '--disabled-key', 'a b\x1b[31m\r\x07'],
    /^vodkit-contract: --disabled-key must be an AccessKey ID of printable ASCII without spaces or commas, not "a b\\x1b\[31m\\r\\x07"$/,
  ],
  [
    ['--target', 'http://127.0.0.1:1', '--access-key-id', 'a,b'],
    /^vodkit-contract: --access-key-id must be an AccessKey ID of printable/,
  ],
  [
    ['--target', 'http://127.0.0.1:1', '--ram-denied-keys', 'ok,x\ty'],
    /^vodkit-contract: --ram-denied-keys \(each key\) must be an AccessKey ID .*not "x\\ty"$/,
  ],
  [['--checks', 'missing-image', '--checks', 'timestamps'], /--checks is given more than once/],
  [['--checks', ','], /--checks needs at least one check ID/],
  [['--checks', ''], /--checks needs a value/],
  [['--target', ''], /--target needs a value/],
  [['--emulator-admin'], /--emulator-admin needs --target <URL>/],
  [['--bogus'], /--bogus/],
  [['stray'], /stray/],
])(
  'a usage error %j exits 2 before running anything, naming the flag and the rule',
  async (args, problem) => {
    const { code, out } = await run(args);
    expect(code).toBe(2);
    expect(out.split('\n')[0]).toMatch(problem);
    // The line and where the usage is, not the whole --help after it.
    expect(out.split('\n').slice(1)).toEqual(['run vodkit-contract --help for the usage', '']);
    // eslint-disable-next-line no-control-regex -- a flag's control characters are escaped
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    expect(out).not.toContain('DeleteImage contract against');
  },
);
