import type { Credentials } from '@vodkit/signer';
import type { SeedImage } from '@vodkit/emulator';

/** Whose rules a target keeps: the service's (`service`) or vodkit's stricter ones too. */
export type TargetProfile = 'service' | 'strict';

/** What a target does with a batch in which some images are missing (the spec's assumption). */
export type TargetPartialBatch = 'fail-whole-call' | 'delete-rest';

/** STS credentials: temporary key, secret and token. */
export interface StsCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
}

/**
 * A DeleteImage target and what the suite may use of it. Only `url` and `credentials` are
 * required; a check that needs something the target does not offer is reported as not
 * applicable, with what it needs.
 */
export interface ContractTarget {
  /** The endpoint origin, e.g. `http://127.0.0.1:4000` or `https://vod.cn-shanghai.aliyuncs.com`. */
  readonly url: string;
  /** A short name for reports (`emulator`, `alibaba`, the URL). */
  readonly label: string;
  /** A key the target accepts, allowed to delete. */
  readonly credentials: Credentials;
  /** A key the target knows but has disabled (`InvalidAccessKeyId.Inactive`). */
  readonly disabledKey?: Credentials | undefined;
  /** A key whose RAM policy denies `vod:DeleteImage` (`Forbidden.RAM`). */
  readonly deniedKey?: Credentials | undefined;
  /** A key of an account whose VOD service is suspended, e.g. overdue (`OperationDenied.Suspended`). */
  readonly suspendedKey?: Credentials | undefined;
  /** A key of an account that has not activated VOD (`OperationDenied`). */
  readonly unactivatedKey?: Credentials | undefined;
  /**
   * More keys under RAM policies, to hold the target's policy evaluation: `allowed` ones a policy
   * lets delete (by a wildcard, by a list naming the action beside others, despite a deny of
   * another action), `denied` ones it does not (an allow list without the action, a wildcard
   * deny). The `ram-deny` check expects success and `Forbidden.RAM` from them.
   */
  readonly ramKeys?:
    | { readonly allowed: readonly Credentials[]; readonly denied: readonly Credentials[] }
    | undefined;
  /** An active, allowed key of another account: the throttling check proves the limit is per account. */
  readonly otherAccountKey?: Credentials | undefined;
  /** Whether throttled answers carry `x-acs-retry-after`; the throttling check then requires it. */
  readonly retryAfter?: boolean | undefined;
  /** STS credentials the target accepts, and an expired set. */
  readonly sts?: { readonly valid: StsCredentials; readonly expired: StsCredentials } | undefined;
  /** Makes images exist, so deletes can be seen to take effect. */
  readonly seed?: ((images: readonly SeedImage[]) => Promise<void>) | undefined;
  /** Whether an image still exists (the emulator's state, or a lookup of your own). */
  readonly lookup?: ((imageId: string) => Promise<boolean>) | undefined;
  /** The image IDs destructive checks may delete, when the suite cannot seed its own. */
  readonly deletableIds?: readonly string[] | undefined;
  /** Image URLs destructive checks may delete, when the suite cannot seed its own. */
  readonly deletableUrls?: readonly string[] | undefined;
  /** Videos whose snapshots destructive checks may delete, when the suite cannot seed its own. */
  readonly deletableVideoIds?: readonly string[] | undefined;
  /** Whose rules the target keeps; default `service`. */
  readonly profile: TargetProfile;
  /** The target's declared partial-batch behaviour; default `fail-whole-call`. */
  readonly partialBatch: TargetPartialBatch;
  /** Calls per second per account; the suite paces under it. Default 50 (the service's). */
  readonly qps: number;
  /** Whether destructive checks may run. */
  readonly destructive: boolean;
  /** Releases what the suite started (the in-process emulator). */
  close(): Promise<void>;
}
