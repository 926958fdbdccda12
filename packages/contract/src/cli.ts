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
                       [--strict] [--seed N] [--junit FILE] [--json FILE] [--list]

  --target   where to point the suite (default: an emulator started here)
  --emulator-admin  the URL is a vodkit emulator: set up keys and images through its admin API
                    (VODKIT_EMULATOR_ADMIN_TOKEN if it has a token)
  --checks   run only these checks (see --list)
  --strict   also check vodkit's stricter rules
  --seed     seed of the generated cases (printed with every failure)
  --junit    write a JUnit XML report
  --json     write a JSON report

A URL target signs with ${ALIBABA_ENV.accessKeyId} / ${ALIBABA_ENV.accessKeySecret}.`;

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        target: { type: 'string' },
        checks: { type: 'string' },
        strict: { type: 'boolean' },
        seed: { type: 'string' },
        junit: { type: 'string' },
        json: { type: 'string' },
        list: { type: 'boolean' },
        'emulator-admin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list === true) {
    for (const c of CHECKS) process.stdout.write(`${c.id.padEnd(22)} ${c.proves}\n`);
    return 0;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    process.stderr.write(`--seed: a whole number expected\n${USAGE}\n`);
    return 2;
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
      checks: values.checks?.split(',').filter((c) => c !== ''),
      strict: values.strict,
      seed,
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
