#!/usr/bin/env node
/**
 * `vodkit-emulator`: runs the emulator until interrupted, logging one JSON line per request to
 * stdout; the startup banner goes to stderr. Every flag can also come from an environment
 * variable (`--state-dir` from `VODKIT_EMULATOR_STATE_DIR`); a flag wins over its variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { ADMIN_ROUTES } from './admin.js';
import { formatBanner } from './banner.js';
import type { EmulatorOptions } from './options.js';
import { startEmulator } from './server.js';
import { readSeedFile } from './state.js';

/** The flags, each with its environment variable. */
const FLAGS = {
  port: { type: 'string', short: 'p', env: 'VODKIT_EMULATOR_PORT' },
  host: { type: 'string', short: 'H', env: 'VODKIT_EMULATOR_HOST' },
  'seed-file': { type: 'string', env: 'VODKIT_EMULATOR_SEED_FILE' },
  'state-file': { type: 'string', env: 'VODKIT_EMULATOR_STATE_FILE' },
  'state-dir': { type: 'string', env: 'VODKIT_EMULATOR_STATE_DIR' },
  profile: { type: 'string', env: 'VODKIT_EMULATOR_PROFILE' },
  'partial-batch': { type: 'string', env: 'VODKIT_EMULATOR_PARTIAL_BATCH' },
  qps: { type: 'string', env: 'VODKIT_EMULATOR_QPS' },
  cors: { type: 'string', env: 'VODKIT_EMULATOR_CORS' },
  'admin-token': { type: 'string', env: 'VODKIT_EMULATOR_ADMIN_TOKEN' },
  quiet: { type: 'boolean', env: 'VODKIT_EMULATOR_QUIET' },
  help: { type: 'boolean', short: 'h', env: undefined },
  version: { type: 'boolean', short: 'v', env: undefined },
} as const;

type FlagName = keyof typeof FLAGS;

const HELP = `Usage: vodkit-emulator [options]

A local Alibaba Cloud ApsaraVideo VOD DeleteImage service for tests and demos.

Options (each also from the environment variable in brackets):
  -p, --port <n>            port to listen on (default 4010; 0 picks a free one) [VODKIT_EMULATOR_PORT]
  -H, --host <addr>         interface to listen on (default 127.0.0.1); any other than loopback
                            needs --admin-token [VODKIT_EMULATOR_HOST]
      --seed-file <path>    JSON with images (and optionally accounts, stsTokens) to start with
                            [VODKIT_EMULATOR_SEED_FILE]
      --state-file <path>   load the store from it at start (when present), save to it on exit
                            [VODKIT_EMULATOR_STATE_FILE]
      --state-dir <path>    the only folder admin save/load may name files in (default: the
                            state file's folder) [VODKIT_EMULATOR_STATE_DIR]
      --profile <name>      service (default: behave like the documented service) or strict
                            (every rule of the spec, vodkit's too) [VODKIT_EMULATOR_PROFILE]
      --partial-batch <m>   when only some images of a call exist: fail-whole-call (default)
                            or delete-rest [VODKIT_EMULATOR_PARTIAL_BATCH]
      --qps <n>             requests per second per account (default ${QPS_LIMIT_PER_ACCOUNT}; 0 = unlimited)
                            [VODKIT_EMULATOR_QPS]
      --cors[=origin]       answer CORS preflights of the RPC endpoint for browser clients
                            (default origin *; never the admin API) [VODKIT_EMULATOR_CORS]
      --admin-token <t>     a secret every admin request must carry (Authorization: Bearer <t>)
                            [VODKIT_EMULATOR_ADMIN_TOKEN]
      --quiet               no request log (the banner is still printed) [VODKIT_EMULATOR_QUIET=1]
  -v, --version             print the version and exit
  -h, --help                show this help

Admin API:
${ADMIN_ROUTES.map((r) => `  ${r}`).join('\n')}
`;

class UsageError extends Error {}

/** `--cors` takes an optional value: alone (or before another flag) it means any origin. */
function expandCors(argv: readonly string[]): string[] {
  return argv.map((arg, i) => {
    const next = argv[i + 1];
    return arg === '--cors' && (next === undefined || next.startsWith('-')) ? '--cors=*' : arg;
  });
}

function parse(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Partial<Record<FlagName, string | boolean>> {
  const options = Object.fromEntries(
    Object.entries(FLAGS).map(([name, flag]) => [
      name,
      'short' in flag ? { type: flag.type, short: flag.short } : { type: flag.type },
    ]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: expandCors(argv),
      options,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const out: Partial<Record<FlagName, string | boolean>> = {};
  for (const [name, flag] of Object.entries(FLAGS) as [FlagName, (typeof FLAGS)[FlagName]][]) {
    const given = values[name];
    const fromEnv = flag.env === undefined ? undefined : env[flag.env];
    if (given !== undefined) out[name] = given;
    else if (fromEnv !== undefined && fromEnv !== '') {
      out[name] =
        flag.type === 'boolean' ? !['0', 'false', 'no'].includes(fromEnv.toLowerCase()) : fromEnv;
    }
  }
  return out;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let flags: Partial<Record<FlagName, string | boolean>>;
  try {
    flags = parse(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${HELP}`);
    return 2;
  }
  if (flags.help === true) {
    process.stdout.write(HELP);
    return 0;
  }
  if (flags.version === true) {
    process.stdout.write(`vodkit-emulator ${version()}\n`);
    return 0;
  }
  const text = (name: FlagName): string | undefined => {
    const value = flags[name];
    return typeof value === 'string' ? value : undefined;
  };
  const number = (name: FlagName, fallback: number): number => {
    const value = text(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new Error(`--${name} must be a number ≥ 0, not "${value}"`);
    return n;
  };
  const qps = number('qps', QPS_LIMIT_PER_ACCOUNT);
  const seedFile = text('seed-file');
  if (seedFile !== undefined && !existsSync(seedFile)) {
    throw new Error(`seed file ${seedFile} does not exist`);
  }
  const seed = seedFile === undefined ? undefined : await readSeedFile(seedFile);
  const stateFile = text('state-file');
  const cors = text('cors');
  const options: EmulatorOptions = {
    host: text('host') ?? '127.0.0.1',
    port: number('port', 4010),
    qps: qps === 0 ? Infinity : qps,
    ...(seed === undefined ? {} : { images: seed.images }),
    ...(seed?.accounts === undefined ? {} : { accounts: seed.accounts }),
    ...(seed?.stsTokens === undefined ? {} : { stsTokens: seed.stsTokens }),
    ...(stateFile === undefined ? {} : { stateFile }),
    ...(text('state-dir') === undefined ? {} : { stateDir: text('state-dir') }),
    ...(text('admin-token') === undefined ? {} : { adminToken: text('admin-token') }),
    ...(text('profile') === undefined
      ? {}
      : { profile: text('profile') as EmulatorOptions['profile'] }),
    ...(text('partial-batch') === undefined
      ? {}
      : { partialBatch: text('partial-batch') as EmulatorOptions['partialBatch'] }),
    ...(cors === undefined ? {} : { cors: cors === '' || cors === '*' ? true : { origin: cors } }),
    log: flags.quiet === true ? false : (line: string) => process.stdout.write(`${line}\n`),
  };
  const running = await startEmulator(options);
  const notes = [
    `profile        ${options.profile ?? 'service'}; partial batches: ${options.partialBatch ?? 'fail-whole-call'}`,
    stateFile === undefined
      ? ''
      : `state file     ${stateFile}${existsSync(stateFile) ? '' : ' (new)'}`,
    `rate limit     ${qps === 0 ? 'off' : `${qps} requests/s per account`}`,
    options.adminToken === undefined ? '' : 'admin token    required on every admin request',
  ].filter((n) => n !== '');
  // The banner goes to stderr so stdout carries only JSON log lines (pipe it to jq).
  process.stderr.write(`${formatBanner(running, notes)}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vodkit-emulator: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
