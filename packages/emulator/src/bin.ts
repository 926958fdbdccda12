#!/usr/bin/env node
/**
 * `vodkit-emulator`: runs the emulator until interrupted, logging one JSON line per request to
 * stdout; the startup banner goes to stderr. Every flag can also come from an environment
 * variable (`--state-dir` from `VODKIT_EMULATOR_STATE_DIR`); a flag wins over its variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { formatBanner } from './banner.js';
import { parseCli, UsageError } from './cli-args.js';
import type { CliSettings } from './cli-args.js';
import type { EmulatorOptions } from './options.js';
import { startEmulator } from './server.js';
import { adminRouteLines } from './routes.js';
import { readSeedFile } from './state.js';

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
${adminRouteLines()
  .map((r) => `  ${r}`)
  .join('\n')}
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let cli: CliSettings;
  try {
    cli = parseCli(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`vodkit-emulator: ${error.message}\n\n${HELP}`);
    return 2;
  }
  if (cli.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (cli.version) {
    process.stdout.write(`vodkit-emulator ${version()}\n`);
    return 0;
  }
  const { seedFile, stateFile, qps } = cli;
  if (seedFile !== undefined && !existsSync(seedFile)) {
    throw new Error(`seed file ${seedFile} does not exist`);
  }
  const seed = seedFile === undefined ? undefined : await readSeedFile(seedFile);
  const options: EmulatorOptions = {
    host: cli.host,
    port: cli.port,
    qps: qps === 0 ? Infinity : qps,
    profile: cli.profile,
    partialBatch: cli.partialBatch,
    ...(seed === undefined ? {} : { images: seed.images }),
    ...(seed?.accounts === undefined ? {} : { accounts: seed.accounts }),
    ...(seed?.stsTokens === undefined ? {} : { stsTokens: seed.stsTokens }),
    ...(stateFile === undefined ? {} : { stateFile }),
    ...(cli.stateDir === undefined ? {} : { stateDir: cli.stateDir }),
    ...(cli.adminToken === undefined ? {} : { adminToken: cli.adminToken }),
    ...(cli.cors === undefined ? {} : { cors: cli.cors }),
    log: cli.quiet ? false : (line: string) => process.stdout.write(`${line}\n`),
  };
  const running = await startEmulator(options);
  const notes = [
    `profile        ${cli.profile}; partial batches: ${cli.partialBatch}`,
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
