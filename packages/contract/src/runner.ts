/**
 * Runs checks against a target without any test framework: the CLI, the vitest registration
 * and the mutant tests all go through here, so a check means the same everywhere.
 */
import { createRequire } from 'node:module';
import type { SeedImage } from '@vodkit/emulator';
import { SNAPSHOT_KINDS } from '@vodkit/types';
import type {
  Check,
  CallSpec,
  CheckContext,
  DeletableItem,
  DeletableKind,
  Exchange,
  Need,
} from './check.js';
import { ContractFailure } from './check.js';
import { CoverageRecorder } from './coverage.js';
import { printable, printableLine } from './printable.js';
import type { Coverage } from './coverage.js';
import type { ContractTarget } from './target.js';
import { queryImageUrl } from './params.js';
import {
  redactResult,
  redactorOf,
  secretsOfCredentials,
  secretsOfRequest,
  secretsOfTarget,
} from './secrets.js';
import { DEFAULT_ANSWER_TIMEOUT_MS, codeOf, send, sign, toCurl } from './wire.js';

/** How one check ended. */
export type CheckStatus = 'passed' | 'failed' | 'not-applicable';

/** The result of one check. */
export interface CheckResult {
  readonly id: string;
  readonly status: CheckStatus;
  readonly durationMs: number;
  /** Why it failed, or what it needed. */
  readonly message?: string | undefined;
  /** The failing request as `curl` (secrets masked) and the answer received. */
  readonly reproducer?: string | undefined;
  /** The case that failed (see {@link CheckContext.case}), when the check has cases. */
  readonly caseNumber?: number | undefined;
  /** That case's label. */
  readonly caseLabel?: string | undefined;
  /**
   * A command that reruns exactly this failure against the same target with fresh signing
   * (`vodkit-contract … --checks <id> --case <n> --seed <s>`): the CLI sets it, naming the
   * environment variables that hold secrets rather than the secrets.
   */
  readonly rerun?: string | undefined;
}

/** Options of {@link createRun}. */
export interface RunOptions {
  readonly target: ContractTarget;
  /** vodkit's stricter rules too (the emulator's `strict` profile keeps them). */
  readonly strict?: boolean | undefined;
  /** The seed of generated cases; default from the clock (printed with every failure). */
  readonly seed?: number | undefined;
  /** How long one request may take, to the answer's last byte; default 10 000 ms. */
  readonly answerTimeoutMs?: number | undefined;
  /** Run only this case (1-based) of each check, as a failure's rerun command names it. */
  readonly caseNumber?: number | undefined;
  /** Ends every request and wait of the run early (the CLI's `--run-timeout-ms`). */
  readonly signal?: AbortSignal | undefined;
}

/** A run: checks share its pacing, its IDs and its coverage. */
export interface ContractRun {
  readonly seed: number;
  readonly strict: boolean;
  /** Runs one check; never throws. */
  run(check: Check): Promise<CheckResult>;
  /** What the run exercised so far. */
  coverage(): Coverage;
}

/** The target's pool of each kind of deletable item, and the need that names it. */
const POOLS: Readonly<
  Record<
    DeletableKind,
    { readonly need: Need; readonly of: (t: ContractTarget) => readonly string[] }
  >
> = {
  ids: { need: 'deletableIds', of: (t) => t.deletableIds ?? [] },
  urls: { need: 'deletableUrls', of: (t) => t.deletableUrls ?? [] },
  videos: { need: 'deletableVideoIds', of: (t) => t.deletableVideoIds ?? [] },
};
const KINDS = Object.keys(POOLS) as DeletableKind[];

/**
 * How many items of each pool `checks` delete in one run: what a target that cannot seed must
 * offer (`deletableIds`, `deletableUrls`, `deletableVideoIds`) for all of them to run.
 */
export function poolDemand(checks: readonly Check[]): Record<DeletableKind, number> {
  const demand: Record<DeletableKind, number> = { ids: 0, urls: 0, videos: 0 };
  for (const check of checks) {
    for (const kind of KINDS) demand[kind] += check.deletes?.[kind] ?? 0;
  }
  return demand;
}

/** Whether `@vodkit/client` can be imported from here: it is an optional peer. */
function clientInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@vodkit/client/node');
    return true;
  } catch {
    return false;
  }
}

/**
 * What a target (or this install) lacks for a check, if anything. A check that deletes needs,
 * for each kind it deletes, a target that seeds or a pool of at least that many items.
 */
export function missingNeeds(check: Check, target: ContractTarget): Need[] {
  const lacking = check.needs.filter((need) => {
    if (need === 'destructive') return !target.destructive;
    if (need === 'vodkitClient') return !clientInstalled();
    return target[need] === undefined;
  });
  if (target.seed !== undefined) return lacking;
  for (const kind of KINDS) {
    const { need, of } = POOLS[kind];
    const n = check.deletes?.[kind] ?? 0;
    if (n > of(target).length && !lacking.includes(need)) lacking.push(need);
  }
  return lacking;
}

/** What a needs line says of each need a check lacks. */
const NEED_TEXT: Readonly<Partial<Record<Need, string>>> = {
  destructive: 'destructive (permission to delete)',
  vodkitClient: '@vodkit/client installed (an optional peer: npm install @vodkit/client)',
};

/** The message of a not-applicable result: what the check needs and the target lacks. */
export const needsMessage = (lacking: readonly Need[]): string =>
  `needs ${lacking.map((need) => NEED_TEXT[need] ?? need).join(', ')}`;

/**
 * The request and answer of a failure, as a reader can replay it: three lines, each with the
 * target's control characters escaped (see {@link printableLine}), so an answer cannot rewrite
 * what is printed around it.
 */
export function reproducerOf(exchange: Exchange): string {
  const body =
    exchange.answer.text.length > 2000
      ? `${exchange.answer.text.slice(0, 2000)}…`
      : exchange.answer.text;
  return [
    printableLine(exchange.label),
    `  request: ${printableLine(toCurl(exchange.request))}`,
    `  answer:  HTTP ${exchange.answer.status} ${printableLine(body)}`,
  ].join('\n');
}

/** Waits `ms`, or less when `signal` aborts (then rejects with its reason). */
const wait = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });

interface CaseTally {
  reached: number;
  failed?: { readonly n: number; readonly label: string };
}
const caseOf = (tally: CaseTally): Pick<CheckResult, 'caseNumber' | 'caseLabel'> =>
  tally.failed === undefined
    ? {}
    : { caseNumber: tally.failed.n, caseLabel: printableLine(tally.failed.label) };

/** Starts a run against `target`. */
export function createRun(options: RunOptions): ContractRun {
  const { target } = options;
  if (!(typeof target.qps === 'number' && target.qps > 0 && Number.isFinite(target.qps))) {
    throw new RangeError('qps: must be a finite number of calls per second above 0');
  }
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
    throw new RangeError('seed: must be a whole number');
  }
  const answerTimeoutMs = options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  if (!(Number.isSafeInteger(answerTimeoutMs) && answerTimeoutMs > 0)) {
    throw new RangeError('answerTimeoutMs: must be a whole number of milliseconds above 0');
  }
  const only = options.caseNumber;
  if (only !== undefined && !(Number.isSafeInteger(only) && only > 0)) {
    throw new RangeError('caseNumber: must be a whole number above 0');
  }
  const strict = options.strict ?? target.profile === 'strict';
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const recorder = new CoverageRecorder();
  // Paced under the target's limit: 90% of it leaves a token bucket or a sliding window room for
  // timers that fire a little late and then early.
  const intervalMs = 1000 / (target.qps * 0.9);
  let nextAt = 0;
  let counter = 0;
  // The cases of the check running now: how many it reached, and the one that failed.
  const cases: CaseTally = { reached: 0 };
  const runTag = seed.toString(36);
  // Every secret of the run: the target's keys, and every signature and token it sent. No text a
  // target wrote leaves a result before they are removed from it.
  const secrets = new Set(secretsOfTarget(target));

  // How much of each pool the run has handed out.
  const used: Record<DeletableKind, number> = { ids: 0, urls: 0, videos: 0 };

  /** Seeds `n` fresh items of `kind` (an image, an image with its URL, a video with a snapshot of every kind). */
  async function seeded(kind: DeletableKind, n: number): Promise<DeletableItem[]> {
    const seed = target.seed;
    if (seed === undefined) {
      const { need } = POOLS[kind];
      throw new Error(
        `the ${need} pool ran out (${used[kind]} handed out) and the target cannot seed: give more (poolDemand says how many the checks need)`,
      );
    }
    const items = Array.from({ length: n }, (): DeletableItem => {
      counter += 1;
      const id = `seed${runTag}x${counter}`;
      if (kind === 'ids') return { value: id, imageIds: [id] };
      if (kind === 'urls') return { value: queryImageUrl(id), imageIds: [id] };
      const snapshots = Object.fromEntries(SNAPSHOT_KINDS.map((k) => [k, `${id}${k}`]));
      return { value: id, imageIds: Object.values(snapshots), snapshots };
    });
    await seed(
      items.flatMap((item): SeedImage[] =>
        item.snapshots === undefined
          ? [
              {
                imageId: item.imageIds?.[0] ?? item.value,
                ...(kind === 'urls' ? { url: item.value } : {}),
              },
            ]
          : Object.entries(item.snapshots).map(([k, imageId]) => ({
              imageId,
              videoId: item.value,
              kind: k as (typeof SNAPSHOT_KINDS)[number],
            })),
      ),
    );
    return items;
  }

  async function exchange(spec: CallSpec): Promise<Exchange> {
    const request = (spec.sign ?? sign)({
      url: target.url,
      algorithm: spec.algorithm ?? 'V3',
      shape: spec.shape ?? 'post-form',
      params: spec.params,
      credentials: spec.credentials ?? target.credentials,
      clock: spec.clock,
      nonce: spec.nonce,
    });
    const sent = spec.tamper === undefined ? request : spec.tamper(request);
    for (const s of [
      ...secretsOfCredentials(spec.credentials),
      ...secretsOfRequest(request),
      ...secretsOfRequest(sent),
    ])
      secrets.add(s);
    const answer = await send(sent, answerTimeoutMs, { signal: options.signal });
    const code = codeOf(answer);
    if (code !== undefined) recorder.answered(code);
    return { label: spec.label ?? 'a request', request: sent, answer };
  }

  const ctx: CheckContext = {
    target,
    strict,
    seed,
    async call(spec) {
      const now = performance.now();
      nextAt = Math.max(nextAt, now);
      const delay = nextAt - now;
      nextAt += intervalMs;
      if (delay > 0) await wait(delay, options.signal);
      return exchange(spec);
    },
    async burst(specs) {
      const exchanges = await Promise.all(specs.map(exchange));
      nextAt = performance.now() + intervalMs;
      return exchanges;
    },
    id(prefix) {
      counter += 1;
      return `${prefix}${runTag}x${counter}`;
    },
    cover(constraint, how) {
      recorder.cover(constraint, how);
    },
    async deletable(kind, n) {
      const pool = POOLS[kind].of(target);
      const fromPool = pool.slice(used[kind], used[kind] + n).map((value) => ({
        value,
        ...(kind === 'ids' ? { imageIds: [value] } : {}),
      }));
      used[kind] += fromPool.length;
      return [...fromPool, ...(fromPool.length < n ? await seeded(kind, n - fromPool.length) : [])];
    },
    pause: (ms) => wait(ms, options.signal),
    async case(label, body) {
      cases.reached += 1;
      const n = cases.reached;
      if (only !== undefined && n !== only) return;
      try {
        await body();
      } catch (error) {
        cases.failed ??= { n, label };
        throw error;
      }
    },
  };

  return {
    seed,
    strict,
    async run(check) {
      return redactResult(await runOne(check), redactorOf(secrets));
    },
    coverage: () => recorder.report(strict),
  };

  async function runOne(check: Check): Promise<CheckResult> {
    const started = performance.now();
    const took = (): number => Math.round(performance.now() - started);
    const lacking = missingNeeds(check, target);
    if (lacking.length > 0) {
      return {
        id: check.id,
        status: 'not-applicable',
        durationMs: 0,
        message: needsMessage(lacking),
      };
    }
    cases.reached = 0;
    delete cases.failed;
    try {
      await check.run(ctx);
      if (only !== undefined && cases.reached < only) {
        throw new Error(`case ${only} does not exist: this check has ${cases.reached} cases`);
      }
      return { id: check.id, status: 'passed', durationMs: took() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exchangeOf = error instanceof ContractFailure ? error.exchange : undefined;
      return {
        id: check.id,
        status: 'failed',
        durationMs: took(),
        message: printable(`${message} [seed ${seed}]`),
        ...(exchangeOf === undefined ? {} : { reproducer: reproducerOf(exchangeOf) }),
        ...caseOf(cases),
      };
    }
  }
}
