/**
 * A plain-URL target given its fixtures by flags and variables (the built bin, as users run
 * it): an emulator started apart, its keys (RAM keys and another account's among them), STS
 * tokens and images set up through its admin API by this test as a user would set up a mock,
 * then reached as a plain URL, runs all the checks and passes them. And the rerun command every
 * failure prints: run as printed, it reproduces exactly that failure, fixture flags included.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DEFAULT_EMULATOR_CREDENTIALS,
  DEFAULT_STAGES,
  startEmulator,
  withoutStage,
} from '@vodkit/emulator';
import type { RunningEmulator } from '@vodkit/emulator';
import { SNAPSHOT_KINDS } from '@vodkit/types';
import { parseCli } from '../src/cli-options.ts';
import { CHECKS, missingNeeds, poolDemand, urlTarget } from '../src/index.ts';

const bin = fileURLToPath(new URL('../bin/vodkit-contract.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vodkit-contract-fixtures-'));

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code), out: stdout + stderr });
      },
    );
  });
}

const key = (name: string) => ({
  accessKeyId: `LTAI5tFixture${name}`,
  accessKeySecret: `fixture-${name.toLowerCase()}-secret`,
});
const sts = (name: string) => ({
  accessKeyId: `STS.Fixture${name}`,
  accessKeySecret: `fixture-sts-${name.toLowerCase()}-secret`,
  securityToken: `fixture-sts-token-${name.toLowerCase()}`,
});
const root = key('Root');
const disabled = key('Disabled');
const denied = key('Denied');
const suspended = key('Suspended');
const unactivated = key('Unactivated');
const other = key('OtherAccount');
// One key for each way a policy allows DeleteImage, and for each way it does not.
const ramAllowed = [
  { ...key('AllowWildcard'), policy: { allow: ['vod:*'] } },
  { ...key('AllowList'), policy: { allow: ['vod:GetImageInfo', 'vod:DeleteImage'] } },
  { ...key('AllowPrefix'), policy: { allow: ['vod:Delete*'], deny: ['vod:GetImageInfo'] } },
];
const ramDenied = [
  { ...key('DenyUnlisted'), policy: { allow: ['vod:GetImageInfo'] } },
  { ...key('DenyWildcard'), policy: { allow: ['*'], deny: ['vod:Delete*'] } },
];
const valid = sts('Valid');
const expired = sts('Expired');
// Exactly what a whole run deletes: a pool one item short would leave a check not applicable.
const demand = poolDemand(CHECKS);
const ids = Array.from({ length: demand.ids }, (_, i) => `fixture-id-${i}`);
const urls = Array.from(
  { length: demand.urls },
  (_, i) => `https://fixture.vodkit.invalid/u${i}.png`,
);
const videos = Array.from({ length: demand.videos }, (_, i) => `fixture-video-${i}`);

let emulator: RunningEmulator;
let broken: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, log: false, retryAfter: true });
  broken = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    log: false,
    stages: withoutStage(DEFAULT_STAGES, 'verify'),
  });
  const admin = async (path: string, body: unknown): Promise<void> => {
    const res = await fetch(`${emulator.url}/__admin/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status, `admin ${path}`).toBe(200);
  };
  await admin('accounts', {
    accountId: 'fixture-account',
    accessKeys: [
      root,
      { ...disabled, active: false },
      { ...denied, policy: { allow: ['vod:*'], deny: ['vod:DeleteImage'] } },
      ...ramAllowed,
      ...ramDenied,
    ],
  });
  await admin('accounts', { accountId: 'fixture-other', accessKeys: [other] });
  await admin('accounts', {
    accountId: 'fixture-suspended',
    accessKeys: [suspended],
    vodStatus: 'suspended',
  });
  await admin('accounts', {
    accountId: 'fixture-unactivated',
    accessKeys: [unactivated],
    vodStatus: 'not-activated',
  });
  const now = Date.now();
  await admin('sts-tokens', { ...valid, accountId: 'fixture-account', expiresAt: now + 3_600_000 });
  await admin('sts-tokens', { ...expired, accountId: 'fixture-account', expiresAt: now - 60_000 });
  await admin('images', {
    images: [
      ...ids.map((imageId) => ({ imageId })),
      ...urls.map((url, i) => ({ imageId: `fixture-url-${i}`, url })),
      ...videos.flatMap((videoId) =>
        SNAPSHOT_KINDS.map((kind) => ({ imageId: `${videoId}-${kind}`, videoId, kind })),
      ),
    ],
  });
});
afterAll(async () => {
  await emulator.close();
  await broken.close();
});

/** Key IDs by flag, secrets and tokens by variable: the only way the CLI takes them. */
const FLAGS = [
  '--disabled-key',
  disabled.accessKeyId,
  '--denied-key',
  denied.accessKeyId,
  '--suspended-key',
  suspended.accessKeyId,
  '--unactivated-key',
  unactivated.accessKeyId,
  '--other-account-key',
  other.accessKeyId,
  '--ram-allowed-keys',
  ramAllowed.map((k) => k.accessKeyId).join(','),
  '--ram-denied-keys',
  ramDenied.map((k) => k.accessKeyId).join(','),
  '--retry-after',
  '--sts-key',
  valid.accessKeyId,
  '--expired-sts-key',
  expired.accessKeyId,
  '--deletable-ids',
  ids.join(','),
  '--deletable-urls',
  urls.join(','),
  '--deletable-video-ids',
  videos.join(','),
  '--qps',
  '50',
  '--partial-batch',
  'fail-whole-call',
];
const ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: root.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: root.accessKeySecret,
  VODKIT_CONTRACT_DISABLED_KEY_SECRET: disabled.accessKeySecret,
  VODKIT_CONTRACT_DENIED_KEY_SECRET: denied.accessKeySecret,
  VODKIT_CONTRACT_SUSPENDED_KEY_SECRET: suspended.accessKeySecret,
  VODKIT_CONTRACT_UNACTIVATED_KEY_SECRET: unactivated.accessKeySecret,
  VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET: other.accessKeySecret,
  ...Object.fromEntries(
    ramAllowed.map((k, i) => [
      `VODKIT_CONTRACT_RAM_ALLOWED_KEY_${i + 1}_SECRET`,
      k.accessKeySecret,
    ]),
  ),
  ...Object.fromEntries(
    ramDenied.map((k, i) => [`VODKIT_CONTRACT_RAM_DENIED_KEY_${i + 1}_SECRET`, k.accessKeySecret]),
  ),
  VODKIT_CONTRACT_STS_KEY_SECRET: valid.accessKeySecret,
  VODKIT_CONTRACT_STS_KEY_SECURITY_TOKEN: valid.securityToken,
  VODKIT_CONTRACT_EXPIRED_STS_KEY_SECRET: expired.accessKeySecret,
  VODKIT_CONTRACT_EXPIRED_STS_KEY_SECURITY_TOKEN: expired.securityToken,
};

/** Every check, by ID: a check added without a fixture the CLI can pass fails this list. */
const ALL_CHECKS = [
  'valid-variants',
  'invalid-combinations',
  'item-limits',
  'generated-cases',
  'parameter-names',
  'wire-items',
  'signature-tampering',
  'timestamps',
  'timestamp-formats',
  'signature-parts',
  'api-names',
  'v2-reading',
  'token-not-echoed',
  'replayed-nonce',
  'unknown-key',
  'disabled-key',
  'sts-tokens',
  'ram-deny',
  'suspended-account',
  'unactivated-account',
  'missing-image',
  'deletes-take-effect',
  'given-ids-delete',
  'partial-batch',
  'url-matching',
  'answers-match-spec',
  'answer-headers',
  'xml-answers',
  'client-interop',
  'throttling',
];

it('a plain URL given every fixture by flags and variables runs all the checks, and they pass', async () => {
  const json = join(dir, 'fixtures.json');
  const { code, out } = await run(
    ['--target', emulator.url, ...FLAGS, '--json', json, '--seed', '3'],
    ENV,
  );
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    target: string;
    checks: { id: string; result: string; message?: string }[];
  };
  expect(report.target).toBe(`URL ${emulator.url}`);
  expect(report.checks.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
  expect(report.checks.map((c) => c.id)).toEqual(ALL_CHECKS);
  expect(ALL_CHECKS).toHaveLength(30);
  // All of them ran and passed: none not applicable, none failed.
  expect(report.checks.filter((c) => c.result !== 'passed')).toEqual([]);
  expect(out).not.toContain('n/a ');
  // The library agrees that the target the flags make lacks nothing any check needs.
  const plan = parseCli(['--target', emulator.url, ...FLAGS], ENV);
  const target = urlTarget(emulator.url, { ...plan.fixtures, credentials: root });
  expect(target.seed).toBeUndefined();
  expect(target.lookup).toBeUndefined();
  expect(
    CHECKS.map((c) => ({ id: c.id, lacks: missingNeeds(c, target) })).filter(
      (c) => c.lacks.length > 0,
    ),
  ).toEqual([]);
  // The new fixtures reached the target: the RAM keys each with its verdict, the other account.
  expect(target.ramKeys).toEqual({
    allowed: ramAllowed.map(({ accessKeyId, accessKeySecret }) => ({
      accessKeyId,
      accessKeySecret,
    })),
    denied: ramDenied.map(({ accessKeyId, accessKeySecret }) => ({ accessKeyId, accessKeySecret })),
  });
  expect(target.otherAccountKey).toEqual(other);
  expect(target.retryAfter).toBe(true);
  expect(code).toBe(0);
  for (const secret of Object.values(ENV).filter(
    (v) => v.includes('secret') || v.includes('token'),
  )) {
    expect(out).not.toContain(secret);
  }
}, 60_000);

it('prints a rerun command with every failure that, run as printed, reruns exactly that failure', async () => {
  const json = join(dir, 'rerun.json');
  const env = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_EMULATOR_CREDENTIALS.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret,
  };
  const first = await run(
    [
      '--target',
      broken.url,
      '--checks',
      'signature-tampering,missing-image',
      '--seed',
      '11',
      '--qps',
      '40',
      '--json',
      json,
    ],
    env,
  );
  expect(first.code).toBe(1);
  const line = first.out.split('\n').find((l) => l.startsWith('  rerun:   '));
  // signature-tampering tries many tamperings, each a numbered case: the rerun names the one
  // that failed, so it reruns that case alone.
  const caseNumber = /--case (\d+) /.exec(line ?? '')?.[1];
  expect(line).toBe(
    `  rerun:   vodkit-contract --target ${broken.url} --qps 40 --checks signature-tampering --case ${caseNumber ?? '?'} --seed 11   # with ALIBABA_CLOUD_ACCESS_KEY_SECRET set as for this run`,
  );
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    checks: { id: string; rerun?: string }[];
  };
  expect(report.checks[0]?.rerun).toBe(line?.slice('  rerun:   '.length));
  expect(report.checks[1]?.rerun).toBeUndefined();
  const words =
    (line ?? '').slice('  rerun:   vodkit-contract '.length).split('   #')[0]?.split(' ') ?? [];
  const again = await run(words, env);
  expect(again.code).toBe(1);
  expect(again.out).toContain('FAIL  signature-tampering');
  expect(again.out).not.toContain('missing-image');
  expect(again.out).toContain('(seed 11)');
  expect(again.out).toContain(`case ${caseNumber ?? '?'}`);
}, 60_000);

it('a RAM key given the wrong verdict fails ram-deny, and the rerun carries the new fixture flags, never their secrets', async () => {
  // A key whose policy lists only another action, given as one the policy allows.
  const allowedWrong = [ramDenied[0] ?? root, ramAllowed[0] ?? root];
  const deniedRight = [ramDenied[1] ?? root];
  const env = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: root.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: root.accessKeySecret,
    VODKIT_CONTRACT_DENIED_KEY_SECRET: denied.accessKeySecret,
    VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET: other.accessKeySecret,
    VODKIT_CONTRACT_RAM_ALLOWED_KEY_1_SECRET: allowedWrong[0]?.accessKeySecret,
    VODKIT_CONTRACT_RAM_ALLOWED_KEY_2_SECRET: allowedWrong[1]?.accessKeySecret,
    VODKIT_CONTRACT_RAM_DENIED_KEY_1_SECRET: deniedRight[0]?.accessKeySecret,
  };
  const targetFlags = [
    '--target',
    emulator.url,
    '--denied-key',
    denied.accessKeyId,
    '--other-account-key',
    other.accessKeyId,
    '--ram-allowed-keys',
    allowedWrong.map((k) => k.accessKeyId).join(','),
    '--ram-denied-keys',
    deniedRight.map((k) => k.accessKeyId).join(','),
    '--retry-after',
  ];
  const first = await run([...targetFlags, '--checks', 'ram-deny', '--seed', '5'], env);
  expect(first.code).toBe(1);
  expect(first.out).toContain('FAIL  ram-deny');
  expect(first.out).toContain(`a key its policy allows (${ramDenied[0]?.accessKeyId ?? ''})`);
  const line = first.out.split('\n').find((l) => l.startsWith('  rerun:   '));
  const caseNumber = /--case (\d+) /.exec(line ?? '')?.[1];
  expect(line).toBe(
    `  rerun:   vodkit-contract ${targetFlags.join(' ')} --checks ram-deny --case ${caseNumber ?? '?'} --seed 5   # with VODKIT_CONTRACT_DENIED_KEY_SECRET, VODKIT_CONTRACT_OTHER_ACCOUNT_KEY_SECRET, VODKIT_CONTRACT_RAM_ALLOWED_KEY_1_SECRET, VODKIT_CONTRACT_RAM_ALLOWED_KEY_2_SECRET, VODKIT_CONTRACT_RAM_DENIED_KEY_1_SECRET, ALIBABA_CLOUD_ACCESS_KEY_SECRET set as for this run`,
  );
  for (const secret of Object.values(env).filter((v) => v?.includes('secret'))) {
    expect(first.out).not.toContain(secret);
  }
  const words =
    (line ?? '').slice('  rerun:   vodkit-contract '.length).split('   #')[0]?.split(' ') ?? [];
  const again = await run(words, env);
  expect(again.code).toBe(1);
  expect(again.out).toContain('FAIL  ram-deny');
  expect(again.out).toContain(`case ${caseNumber ?? '?'}: `);
  expect(again.out).toContain(`(${ramDenied[0]?.accessKeyId ?? ''})`);
}, 60_000);
