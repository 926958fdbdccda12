#!/usr/bin/env node
/**
 * `vodkit-contract`: runs the DeleteImage contract from the command line and exits 0 when every
 * check that applies passed, 1 when one failed, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { CHECKS } from './checks/index.js';
import { writeReports } from './report.js';
import { runContract } from './suite.js';
import { ALIBABA_ENV, emulatorUrlTarget } from './targets.js';

const USAGE = `usage: vodkit-contract [--target emulator|alibaba|URL] [--emulator-admin] [--checks a,b]
                       [--strict] [--seed N] [--timeout-ms N] [--junit FILE] [--json FILE]
                       [--list]

  --target   where to point the suite (default: an emulator started here)
  --emulator-admin  the URL is a vodkit emulator: set up keys and images through its admin API
                    (VODKIT_EMULATOR_ADMIN_TOKEN if it has a token)
  --checks   run only these checks (see --list)
  --strict   also check vodkit's stricter rules
  --seed     seed of the generated cases (printed with every failure)
  --timeout-ms  how long one request may take, to its answer's last byte (default 10000)
  --junit    write a JUnit XML report
  --json     write a JSON report

A URL target signs with ${ALIBABA_ENV.accessKeyId} / ${ALIBABA_ENV.accessKeySecret}.`;

/** A command line that cannot be run as written: exit 2, naming the flag and the rule. */
class UsageError extends Error {}

const OPTIONS = {
  target: { type: 'string' },
  checks: { type: 'string' },
  strict: { type: 'boolean' },
  seed: { type: 'string' },
  'timeout-ms': { type: 'string' },
  junit: { type: 'string' },
  json: { type: 'string' },
  list: { type: 'boolean' },
  'emulator-admin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses and checks the flags; every problem is a {@link UsageError}. */
function parse(argv: readonly string[]): {
  values: {
    target?: string;
    checks?: string;
    strict?: boolean;
    seed?: string;
    'timeout-ms'?: string;
    junit?: string;
    json?: string;
    list?: boolean;
    'emulator-admin'?: boolean;
    help?: boolean;
  };
  checks: string[] | undefined;
  seed: number | undefined;
  answerTimeoutMs: number | undefined;
} {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, tokens } = parsed;
  // parseArgs keeps the last of a repeated flag; which one was meant is a guess, so refuse.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  for (const name of ['target', 'checks', 'seed', 'timeout-ms', 'junit', 'json'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a value, not an empty string`);
  }
  const checks = values.checks?.split(',').filter((c) => c !== '');
  if (checks?.length === 0) {
    throw new UsageError('--checks needs at least one check ID (see --list)');
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (values.seed !== undefined && (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed))) {
    throw new UsageError(`--seed must be a whole number, not "${values.seed}"`);
  }
  const timeout = values['timeout-ms'];
  const answerTimeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (
    timeout !== undefined &&
    (!/^[1-9]\d*$/.test(timeout) || !Number.isSafeInteger(answerTimeoutMs))
  ) {
    throw new UsageError(
      `--timeout-ms must be a whole number of milliseconds above 0, not "${timeout}"`,
    );
  }
  const target = values.target ?? 'emulator';
  if (values['emulator-admin'] === true && (target === 'emulator' || target === 'alibaba')) {
    throw new UsageError('--emulator-admin needs --target <URL> of a running vodkit emulator');
  }
  return { values, checks, seed, answerTimeoutMs };
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`vodkit-contract: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const { values, checks, seed, answerTimeoutMs } = parsed;
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list === true) {
    for (const c of CHECKS) process.stdout.write(`${c.id.padEnd(22)} ${c.proves}\n`);
    return 0;
  }
  const target = values.target ?? 'emulator';
  const id = process.env[ALIBABA_ENV.accessKeyId];
  const secret = process.env[ALIBABA_ENV.accessKeySecret];
  let outcome;
  try {
    const adminToken = process.env['VODKIT_EMULATOR_ADMIN_TOKEN'];
    outcome = await runContract({
      target:
        values['emulator-admin'] === true && target !== 'emulator' && target !== 'alibaba'
          ? await emulatorUrlTarget(target, {
              ...(adminToken === undefined || adminToken === '' ? {} : { adminToken }),
              ...(values.strict === true ? { profile: 'strict' as const } : {}),
            })
          : target,
      checks,
      strict: values.strict,
      seed,
      answerTimeoutMs,
      ...(id !== undefined && id !== '' && secret !== undefined && secret !== ''
        ? { credentials: { accessKeyId: id, accessKeySecret: secret } }
        : {}),
    });
  } catch (error) {
    process.stderr.write(
      `vodkit-contract: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const { results, meta } = outcome;
  process.stdout.write(
    `DeleteImage contract against ${meta.target} (seed ${meta.seed}${meta.strict ? ', strict' : ''})\n`,
  );
  for (const r of results) {
    const mark = r.status === 'passed' ? 'pass' : r.status === 'failed' ? 'FAIL' : 'n/a ';
    process.stdout.write(
      `  ${mark}  ${r.id.padEnd(22)} ${String(r.durationMs).padStart(5)} ms${r.status === 'not-applicable' ? `  (${r.message ?? ''})` : ''}\n`,
    );
  }
  for (const r of results.filter((x) => x.status === 'failed')) {
    process.stdout.write(`\n${r.id}: ${r.message ?? ''}\n${r.reproducer ?? ''}\n`);
  }
  process.stdout.write(`\ncoverage: ${meta.coverage.line}\n`);
  writeReports(results, meta, values);
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
