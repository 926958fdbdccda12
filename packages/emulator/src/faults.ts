/** An error a fault answers with when the code's status is not the documented one. */
export interface ErrorFault {
  /** The `Code` to answer. */
  readonly code: string;
  /** The HTTP status to answer with. */
  readonly httpStatus: number;
  /** The `Message`; a generic one by default. */
  readonly message?: string | undefined;
}

/**
 * A fault that replaces the emulator's answer: an Alibaba error code (answered with its
 * documented status, e.g. `InternalError` 500, `ServiceUnavailable` 503, `Throttling.User` 400;
 * undocumented codes get 500), an {@link ErrorFault}, or one of the transport faults: `reset`
 * destroys the connection without an answer, `malformed-json` answers 200 with a body that is not
 * JSON, `truncated` announces a longer body than it sends and then closes the connection.
 */
export type FaultKind = string | ErrorFault;

/** A plan of faults, applied to RPC requests (not to `/__admin/` or `/images/`). */
export interface FaultPlan {
  /** Delay before every RPC answer: fixed ms, or `[min, max]` drawn from the seeded generator. */
  readonly latencyMs?: number | readonly [number, number] | undefined;
  /** Fail the next `count` RPC requests with `fault`, then succeed again. */
  readonly failNext?: { readonly count: number; readonly fault: FaultKind } | undefined;
  /** Fail each RPC request with probability `rate` (seeded), picking one of `faults`. */
  readonly probability?:
    { readonly rate: number; readonly faults: readonly FaultKind[] } | undefined;
  /** `x-acs-retry-after` (ms) to send with throttling faults; absent sends none. */
  readonly retryAfterMs?: number | undefined;
}

/** Faults that are not an error answer. */
export const TRANSPORT_FAULTS: readonly string[] = ['reset', 'malformed-json', 'truncated'];

/** What the fault controller decided for one request. */
export interface FaultDecision {
  /** Delay before answering, ms. */
  readonly delayMs: number;
  /** The fault to answer with instead of processing, if any. */
  readonly fault: FaultKind | undefined;
}

/** Sets and reads the active {@link FaultPlan} at run time. */
export interface FaultController {
  /** Replaces the plan (`{}` clears it). Throws a `TypeError` naming a bad field. */
  set(plan: FaultPlan): void;
  /** The active plan; `failNext.count` shows how many failures are left. */
  get(): FaultPlan;
  /** Clears every fault. */
  clear(): void;
  /** Shortcut for `set({ ...get(), failNext: { count, fault } })`. */
  failNext(count: number, fault: FaultKind): void;
}

/** The controller as the `faults` stage uses it: it also draws each request's decision. */
export interface FaultSource extends FaultController {
  /** Draws the decision for the next RPC request (consumes `failNext` and random numbers). */
  next(): FaultDecision;
}

/** mulberry32: tiny, fast and good enough to make test runs repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nonNegative = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkFault(fault: unknown, field: string): FaultKind {
  if (typeof fault === 'string' && fault !== '') return fault;
  if (typeof fault === 'object' && fault !== null) {
    const f = fault as Record<string, unknown>;
    const status = f['httpStatus'];
    if (
      typeof f['code'] === 'string' &&
      f['code'] !== '' &&
      typeof status === 'number' &&
      Number.isInteger(status) &&
      status >= 200 &&
      status <= 599 &&
      (f['message'] === undefined || typeof f['message'] === 'string')
    ) {
      return fault as FaultKind;
    }
  }
  throw new TypeError(
    `${field} must be an error code, { code, httpStatus, message? } or one of ${TRANSPORT_FAULTS.join(', ')}`,
  );
}

/** Checks a plan from options or the admin API; throws a `TypeError` naming the bad field. */
export function checkFaultPlan(plan: unknown): FaultPlan {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) {
    throw new TypeError('faults must be an object');
  }
  const p = plan as Record<string, unknown>;
  const known = ['latencyMs', 'failNext', 'probability', 'retryAfterMs'];
  for (const key of Object.keys(p)) {
    if (!known.includes(key))
      throw new TypeError(`faults.${key} is not a fault setting (${known.join(', ')})`);
  }
  const latency = p['latencyMs'];
  if (latency !== undefined) {
    const ok =
      nonNegative(latency) ||
      (Array.isArray(latency) &&
        latency.length === 2 &&
        nonNegative(latency[0]) &&
        nonNegative(latency[1]) &&
        latency[0] <= latency[1]);
    if (!ok) throw new TypeError('faults.latencyMs must be ms ≥ 0 or [min, max] with min ≤ max');
  }
  const failNext = p['failNext'] as Record<string, unknown> | undefined;
  if (failNext !== undefined) {
    const count = failNext['count'];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new TypeError('faults.failNext.count must be an integer ≥ 0');
    }
    checkFault(failNext['fault'], 'faults.failNext.fault');
  }
  const probability = p['probability'] as Record<string, unknown> | undefined;
  if (probability !== undefined) {
    const rate = probability['rate'];
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new TypeError('faults.probability.rate must be between 0 and 1');
    }
    const faults = probability['faults'];
    if (!Array.isArray(faults) || faults.length === 0) {
      throw new TypeError('faults.probability.faults must be a non-empty array');
    }
    faults.forEach((f, i) => checkFault(f, `faults.probability.faults[${i}]`));
  }
  if (p['retryAfterMs'] !== undefined && !nonNegative(p['retryAfterMs'])) {
    throw new TypeError('faults.retryAfterMs must be ms ≥ 0');
  }
  return plan;
}

/** Creates the controller; `seed` makes random latency and probabilistic faults repeatable. */
export function createFaultController(initial: FaultPlan | undefined, seed: number): FaultSource {
  const random = seededRandom(seed);
  let plan: FaultPlan = {};
  let remaining = 0;
  const controller: FaultSource = {
    set(next) {
      plan = { ...checkFaultPlan(next) };
      remaining = plan.failNext?.count ?? 0;
    },
    get() {
      const { failNext } = plan;
      return failNext === undefined
        ? { ...plan }
        : { ...plan, failNext: { ...failNext, count: remaining } };
    },
    clear() {
      plan = {};
      remaining = 0;
    },
    failNext(count, fault) {
      controller.set({ ...plan, failNext: { count, fault } });
    },
    next() {
      const { latencyMs, failNext, probability } = plan;
      const delayMs =
        latencyMs === undefined
          ? 0
          : typeof latencyMs === 'number'
            ? latencyMs
            : latencyMs[0] + Math.floor(random() * (latencyMs[1] - latencyMs[0] + 1));
      let fault: FaultKind | undefined;
      if (failNext !== undefined && remaining > 0) {
        remaining -= 1;
        fault = failNext.fault;
      } else if (probability !== undefined && probability.rate > 0 && random() < probability.rate) {
        fault = probability.faults[Math.floor(random() * probability.faults.length)];
      }
      return { delayMs, fault };
    },
  };
  if (initial !== undefined) controller.set(initial);
  return controller;
}
