/**
 * The `vodkit-emulator` command line as data: flags and their environment variables, parsed and
 * checked in one place before anything starts, so that every usage error (an unknown or repeated
 * flag, a missing value, a bad number, an out-of-range port, a bad profile) is a
 * {@link UsageError} naming the flag (or variable) and the rule, and the bin exits 2 for all of
 * them. Problems of the world (a seed file that does not exist or is invalid, a port in use)
 * are not usage errors: the bin exits 1 for those.
 */
import { parseArgs } from 'node:util';
import { QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { isLoopbackHost } from './loopback.js';
import type { ValidationProfile } from './spec-validator.js';
import type { PartialBatch } from './store.js';

/** The flags, each with its environment variable. */
export const CLI_FLAGS = {
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

type FlagName = keyof typeof CLI_FLAGS;

/** A command line that cannot be run as written; the bin prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/** What a valid command line asks for. */
export interface CliSettings {
  readonly help: boolean;
  readonly version: boolean;
  readonly host: string;
  readonly port: number;
  /** Requests per second per account; 0 means unlimited. */
  readonly qps: number;
  readonly seedFile: string | undefined;
  readonly stateFile: string | undefined;
  readonly stateDir: string | undefined;
  readonly profile: ValidationProfile;
  readonly partialBatch: PartialBatch;
  /** `true` for any origin, or one origin. */
  readonly cors: true | { readonly origin: string } | undefined;
  readonly adminToken: string | undefined;
  readonly quiet: boolean;
}

/** `--cors` takes an optional value: alone (or before another flag) it means any origin. */
function expandCors(argv: readonly string[]): string[] {
  return argv.map((arg, i) => {
    const next = argv[i + 1];
    return arg === '--cors' && (next === undefined || next.startsWith('-')) ? '--cors=*' : arg;
  });
}

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  yes: true,
  '0': false,
  false: false,
  no: false,
};

/** Where a value came from, for messages: the flag, or the variable when the flag was absent. */
type Source = { readonly value: string | boolean; readonly from: string } | undefined;

function sources(argv: readonly string[], env: NodeJS.ProcessEnv): Map<FlagName, Source> {
  const options = Object.fromEntries(
    Object.entries(CLI_FLAGS).map(([name, flag]) => [
      name,
      'short' in flag ? { type: flag.type, short: flag.short } : { type: flag.type },
    ]),
  );
  let parsed: {
    values: Record<string, string | boolean | undefined>;
    tokens: readonly { kind: string; name?: string }[];
  };
  try {
    parsed = parseArgs({
      args: expandCors(argv),
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // parseArgs keeps the last of a repeated flag; which one the user meant is a guess, so refuse.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once`);
    seen.add(token.name);
  }
  const out = new Map<FlagName, Source>();
  for (const [name, flag] of Object.entries(CLI_FLAGS) as [
    FlagName,
    (typeof CLI_FLAGS)[FlagName],
  ][]) {
    const given = parsed.values[name];
    const fromEnv = flag.env === undefined ? undefined : env[flag.env];
    if (given !== undefined) out.set(name, { value: given, from: `--${name}` });
    else if (flag.env !== undefined && fromEnv !== undefined && fromEnv !== '') {
      if (flag.type === 'boolean') {
        const word = BOOLEAN_WORDS[fromEnv.toLowerCase()];
        if (word === undefined) {
          throw new UsageError(
            `${flag.env} must be 1, 0, true, false, yes or no, not "${fromEnv}"`,
          );
        }
        out.set(name, { value: word, from: flag.env });
      } else out.set(name, { value: fromEnv, from: flag.env });
    }
  }
  return out;
}

/**
 * Parses and checks the command line (flags win over their variables). Throws a
 * {@link UsageError} naming the flag or variable and the rule.
 */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliSettings {
  const found = sources(argv, env);
  const text = (name: FlagName): string | undefined => {
    const source = found.get(name);
    if (source === undefined || typeof source.value !== 'string') return undefined;
    if (source.value === '' && name !== 'cors') {
      throw new UsageError(`${source.from} needs a value, not an empty string`);
    }
    return source.value;
  };
  const flag = (name: FlagName): boolean => found.get(name)?.value === true;
  const numberOf = (
    name: FlagName,
    fallback: number,
    shape: RegExp,
    max: number,
    rule: string,
  ): number => {
    const value = text(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!shape.test(value) || n > max) {
      throw new UsageError(`${found.get(name)?.from ?? name} must be ${rule}, not "${value}"`);
    }
    return n;
  };
  const oneOf = <T extends string>(name: FlagName, allowed: readonly T[], fallback: T): T => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(
        `${found.get(name)?.from ?? name} must be ${allowed.join(' or ')}, not "${value}"`,
      );
    }
    return value as T;
  };
  const host = text('host') ?? '127.0.0.1';
  const adminToken = text('admin-token');
  // Never quote the token: it is a secret.
  if (adminToken !== undefined && adminToken.length < 8) {
    throw new UsageError(
      `${found.get('admin-token')?.from ?? 'admin-token'} must be at least 8 characters`,
    );
  }
  if (!isLoopbackHost(host) && adminToken === undefined) {
    throw new UsageError(
      `${found.get('host')?.from ?? 'host'} ${host} is not a loopback address: the admin API would be open to the network; set --admin-token`,
    );
  }
  const cors = text('cors');
  return {
    help: flag('help'),
    version: flag('version'),
    host,
    port: numberOf('port', 4010, /^\d{1,5}$/, 65_535, 'a whole number from 0 to 65535'),
    qps: numberOf(
      'qps',
      QPS_LIMIT_PER_ACCOUNT,
      /^\d{1,15}(\.\d{1,6})?$/,
      Number.MAX_SAFE_INTEGER,
      'a number of requests per second ≥ 0 (0 = unlimited)',
    ),
    seedFile: text('seed-file'),
    stateFile: text('state-file'),
    stateDir: text('state-dir'),
    profile: oneOf<ValidationProfile>('profile', ['service', 'strict'], 'service'),
    partialBatch: oneOf<PartialBatch>(
      'partial-batch',
      ['fail-whole-call', 'delete-rest'],
      'fail-whole-call',
    ),
    cors: cors === undefined ? undefined : cors === '' || cors === '*' ? true : { origin: cors },
    adminToken,
    quiet: flag('quiet'),
  };
}
