/**
 * `vodkit-emulator` usage errors, from the built CLI: every one exits 2 and names the flag (or
 * its environment variable) and the rule; problems of the world (a missing seed file) exit 1.
 * Each run is killed after 10 s, so a CLI that starts instead of refusing fails rather than hangs.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stderr: string;
  readonly killed: boolean;
}

function run(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Only the variables a case sets: a VODKIT_EMULATOR_* of the caller's must not leak in.
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, killed });
    });
  });
}

/** The first line of stderr: the problem, before the usage text. */
const problemOf = (r: Run): string => r.stderr.split('\n')[0] ?? '';

describe('usage errors exit 2, naming the flag and the rule', () => {
  const cases: [string[], RegExp][] = [
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, not "abc"/],
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--port', '-1'], /--port/],
    [['--port', '1.5'], /--port must be a whole number/],
    [['--port', '0x10'], /--port must be a whole number/],
    [['--port', ''], /--port needs a value/],
    [['--port'], /--port/],
    [['-p', '1', '--port', '2'], /--port is given more than once/],
    [['--qps', 'abc'], /--qps must be a number of requests per second ≥ 0/],
    [['--qps', 'Infinity'], /--qps must be a number/],
    [['--qps', '-3'], /--qps/],
    [['--profile', 'bogus'], /--profile must be service or strict, not "bogus"/],
    [['--profile', 'Strict'], /--profile must be service or strict/],
    [['--partial-batch', 'all'], /--partial-batch must be fail-whole-call or delete-rest/],
    [['--seed-file', ''], /--seed-file needs a value/],
    [['--admin-token', 'short'], /--admin-token must be at least 8 characters/],
    [['-H', '0.0.0.0', '-p', '0'], /--host 0\.0\.0\.0 is not a loopback address/],
    [['--bogus'], /--bogus/],
    [['--quiet=yes'], /--quiet/],
    [['stray'], /stray/],
  ];
  test.each(cases)('%j', async (args, problem) => {
    const result = await run(args);
    expect(result.killed).toBe(false);
    expect(result.code, result.stderr).toBe(2);
    expect(problemOf(result)).toMatch(problem);
    // The usage follows, so the user sees the rules of every flag.
    expect(result.stderr).toContain('Usage: vodkit-emulator');
  });

  test('the admin token is never quoted back', async () => {
    const result = await run(['--admin-token', 'sec-42']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('sec-42');
  });

  const fromEnv: [Record<string, string>, RegExp][] = [
    [{ VODKIT_EMULATOR_PORT: 'abc' }, /VODKIT_EMULATOR_PORT must be a whole number/],
    [{ VODKIT_EMULATOR_QPS: 'fast' }, /VODKIT_EMULATOR_QPS must be a number/],
    [{ VODKIT_EMULATOR_PROFILE: 'loose' }, /VODKIT_EMULATOR_PROFILE must be service or strict/],
    [{ VODKIT_EMULATOR_PARTIAL_BATCH: 'x' }, /VODKIT_EMULATOR_PARTIAL_BATCH must be/],
    [{ VODKIT_EMULATOR_QUIET: 'maybe' }, /VODKIT_EMULATOR_QUIET must be 1, 0, true, false/],
  ];
  test.each(fromEnv)('%j', async (env, problem) => {
    const result = await run([], env);
    expect(result.killed).toBe(false);
    expect(result.code, result.stderr).toBe(2);
    expect(problemOf(result)).toMatch(problem);
  });

  test('a flag wins over its variable: a bad variable under a good flag is not read', async () => {
    const result = await run(['--profile', 'bogus'], { VODKIT_EMULATOR_PROFILE: 'strict' });
    expect(result.code).toBe(2);
    expect(problemOf(result)).toMatch(/^vodkit-emulator: --profile/);
  });
});

test('a seed file that does not exist is not a usage error: exit 1', async () => {
  const result = await run(['-p', '0', '--seed-file', '/nonexistent/seed.json']);
  expect(result.killed).toBe(false);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('seed file /nonexistent/seed.json does not exist');
});
