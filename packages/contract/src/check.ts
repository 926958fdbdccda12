import type { Credentials } from '@vodkit/signer';
import type { ContractTarget } from './target.js';
import type { Algorithm, Answer, Shape, SignOptions, WireRequest } from './wire.js';

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
  /**
   * Signs in a way of its own instead of the suite's signer: a malformed request (a timestamp in
   * another format, a wrong `SignatureMethod`) signed consistently, so only that rule is broken.
   */
  readonly sign?: ((options: SignOptions) => WireRequest) | undefined;
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

/** What a destructive check deletes: image IDs, image URLs, or videos (their snapshots). */
export type DeletableKind = 'ids' | 'urls' | 'videos';

/** Something a check may delete once, and what is known of it. */
export interface DeletableItem {
  /** The image ID, the image URL, or the video ID. */
  readonly value: string;
  /**
   * The image IDs it stands for, when the suite seeded it (for a lookup); `undefined` for an item
   * of the target's pool, whose deletion is observed on the wire (deleting it again answers
   * `NoSuchResource`).
   */
  readonly imageIds?: readonly string[] | undefined;
  /** For a seeded video: its snapshot IDs by kind, so a check can delete some kinds and not others. */
  readonly snapshots?: Readonly<Record<string, string>> | undefined;
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
  /**
   * `n` items of `kind` the check may delete, each handed out once per run: taken from the
   * target's pool (`deletableIds`, `deletableUrls`, `deletableVideoIds`) while it lasts, then
   * seeded when the target can seed. A check that calls it declares the count in `deletes`.
   */
  deletable(kind: DeletableKind, n: number): Promise<readonly DeletableItem[]>;
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
  | 'deletableUrls'
  | 'deletableVideoIds'
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
  /**
   * How many items of each kind the check deletes (through {@link CheckContext.deletable}): a
   * target that cannot seed must offer that many in the matching pool.
   */
  readonly deletes?: Readonly<Partial<Record<DeletableKind, number>>> | undefined;
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
