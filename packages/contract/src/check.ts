import type { Credentials } from '@vodkit/signer';
import type { ContractTarget } from './target.js';
import type { Algorithm, Answer, Shape, WireRequest } from './wire.js';

/** One request a check sends: parameters, and how to sign and change it. */
export interface CallSpec {
  /** DeleteImage parameters in wire form. */
  readonly params: Readonly<Record<string, string>>;
  /** Default `V3`. */
  readonly algorithm?: Algorithm | undefined;
  /** Default `post-form`. */
  readonly shape?: Shape | undefined;
  /** Default the target's credentials. */
  readonly credentials?: Credentials | undefined;
  /** The clock to sign with (epoch ms). */
  readonly clock?: (() => number) | undefined;
  /** The nonce to sign with. */
  readonly nonce?: (() => string) | undefined;
  /** Changes the request after it was signed (tampering). */
  readonly tamper?: ((request: WireRequest) => WireRequest) | undefined;
  /** What this call is, for the reproducer (`21 ImageIds`, `V2 Timestamp changed`). */
  readonly label?: string | undefined;
}

/** A request and the answer to it. */
export interface Exchange {
  readonly label: string;
  readonly request: WireRequest;
  readonly answer: Answer;
}

/** Whether a constraint was exercised with a valid or an invalid value. */
export type Exercise = 'valid' | 'invalid';

/** What a check is given. */
export interface CheckContext {
  readonly target: ContractTarget;
  /** Whether vodkit's stricter rules are checked too. */
  readonly strict: boolean;
  /** The seed of generated cases. */
  readonly seed: number;
  /** Signs, sends (paced under the target's QPS) and records one request. */
  call(spec: CallSpec): Promise<Exchange>;
  /** Sends many at once, unpaced (the throttling check). */
  burst(specs: readonly CallSpec[]): Promise<Exchange[]>;
  /** An ID no other check uses in this run. */
  id(prefix: string): string;
  /** Notes that a spec constraint was exercised. */
  cover(constraint: string, how: Exercise): void;
  /** Waits, e.g. for a rate limit to refill. */
  pause(ms: number): Promise<void>;
  /**
   * Runs one case of the check. Cases are numbered 1, 2, … in the order a check reaches them,
   * so `--checks <id> --case <n> --seed <s>` reruns exactly one; a run given a case number runs
   * only that case's body and skips the others. A case must not depend on an earlier one.
   */
  case(label: string, body: () => Promise<void>): Promise<void>;
}

/** What the target must offer for a check to apply. */
export type Need =
  | 'disabledKey'
  | 'deniedKey'
  | 'suspendedKey'
  | 'unactivatedKey'
  | 'sts'
  | 'seed'
  | 'lookup'
  | 'deletableIds'
  | 'destructive'
  /** `@vodkit/client` is installed (an optional peer of this package). */
  | 'vodkitClient';

/** A named contract check. */
export interface Check {
  /** Stable ID, for `checks: [...]`, `--checks` and reports. */
  readonly id: string;
  /** One line: what it proves. */
  readonly proves: string;
  /** The spec rule or documented behaviour it comes from. */
  readonly source: string;
  /** What the target must offer. */
  readonly needs: readonly Need[];
  /** Runs the check; throws a {@link ContractFailure} when the target breaks the contract. */
  run(ctx: CheckContext): Promise<void>;
}

/** A broken contract: what was expected, and the exchange that showed it. */
export class ContractFailure extends Error {
  override readonly name = 'ContractFailure';
  constructor(
    message: string,
    /** The exchange that broke the contract, if a request showed it. */
    readonly exchange?: Exchange | undefined,
  ) {
    super(message);
  }
}
