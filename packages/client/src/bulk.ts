import { MAX_IMAGE_IDS, MAX_IMAGE_URLS } from '@vodkit/types';
import type { DeleteImageRequest } from '@vodkit/types';
import { VodClientError, VodValidationError, safeCause } from './errors.js';
import { toWireParams } from './validate.js';
import { checkAll, fn, requireOptionsObject, whole } from './client-options.js';
import type { Rule } from './client-options.js';
import type { VodError } from './errors.js';
import type { CallOptions, DeleteImageOutcome } from './outcome.js';
import { createPacer } from './pacer.js';
import type { Pacer } from './pacer.js';

/** Options of `deleteImages`: give `imageIds` or `imageUrls`. */
export type DeleteImagesOptions = (
  | { readonly imageIds: readonly string[]; readonly imageUrls?: undefined }
  | { readonly imageUrls: readonly string[]; readonly imageIds?: undefined }
) & {
  /** Calls per second for the account; defaults to `QPS_LIMIT_PER_ACCOUNT` (50). */
  readonly qps?: number | undefined;
  /** Calls in flight at once; defaults to 16. */
  readonly concurrency?: number | undefined;
  /** Called after each chunk. */
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
  /** Cancels: no new chunk starts, in-flight ones are aborted; the result says which. */
  readonly signal?: AbortSignal | undefined;
  /** Attempts per chunk; defaults to 10, more than single calls, since throttling is expected here. */
  readonly maxAttempts?: number | undefined;
  /** A pacer shared with other work on the same account; defaults to a new one at `qps`. */
  readonly pacer?: Pacer | undefined;
};

/** Progress of a bulk delete. */
export interface BulkProgress {
  /** Chunks finished (either way). */
  readonly done: number;
  /** Chunks in total. */
  readonly total: number;
  /** Chunks that succeeded. */
  readonly succeeded: number;
  /** Chunks that failed or were cancelled. */
  readonly failed: number;
}

/** One chunk's outcome. */
export type ChunkResult =
  | {
      readonly index: number;
      readonly items: readonly string[];
      readonly ok: true;
      readonly requestId: string;
    }
  | {
      readonly index: number;
      readonly items: readonly string[];
      readonly ok: false;
      readonly error: VodError;
      /**
       * An attempt may have reached the service before its answer was lost (a timeout, a reset,
       * a cancel while in flight): its images may be gone although the chunk failed. Check them
       * before deleting again.
       */
      readonly possiblyApplied: boolean;
    };

/** The outcome of a bulk delete: one entry per chunk, in order. Nothing is left out. */
export interface BulkResult {
  /** Per chunk, in input order. */
  readonly chunks: readonly ChunkResult[];
  /** Chunks that succeeded. */
  readonly succeeded: number;
  /** Chunks that failed (including cancelled ones). */
  readonly failed: number;
  /** Whether the signal cancelled the run. */
  readonly cancelled: boolean;
  /**
   * The first error `onProgress` threw, if it did, as a scrubbed copy (name, message, code,
   * causes) without the client's secrets; the run went on and counted everything.
   */
  readonly callbackError?: Error | undefined;
}

type Caller = (request: DeleteImageRequest, options: CallOptions) => Promise<DeleteImageOutcome>;

const BULK_RULES: Readonly<Record<string, Rule>> = {
  imageIds: [Array.isArray, 'an array of strings'],
  imageUrls: [Array.isArray, 'an array of strings'],
  qps: [(v) => typeof v === 'number' && v > 0 && v < Infinity, 'a finite number above 0'],
  concurrency: whole(1, 1000),
  maxAttempts: whole(1, 100),
  onProgress: fn,
  signal: [(v) => v instanceof AbortSignal, 'an AbortSignal'],
  pacer: [(v) => typeof (v as { acquire?: unknown } | null)?.acquire === 'function', 'a Pacer'],
};

/** Checks `deleteImages` options as plain JavaScript could pass them. */
function checkBulkOptions(options: unknown): void {
  requireOptionsObject(options);
  checkAll(options as object, BULK_RULES, '', []);
  const o = options as Partial<Record<string, unknown>>;
  const given = ['imageIds', 'imageUrls'].filter((k) => o[k] !== undefined);
  if (given.length !== 1) {
    throw new VodValidationError(
      'imageIds',
      'give exactly one of imageIds or imageUrls',
      'InvalidOption',
    );
  }
}

/**
 * Runs a bulk delete over `call` (a client's non-throwing `deleteImage`). Every item is checked
 * before the first call, so a bad one fails the run at once naming its index; after that the
 * result accounts for every chunk exactly once, whatever `onProgress` does.
 */
export async function runBulk(call: Caller, options: DeleteImagesOptions): Promise<BulkResult> {
  checkBulkOptions(options);
  const byUrl = options.imageUrls !== undefined;
  const all = options.imageUrls ?? options.imageIds;
  const size = byUrl ? MAX_IMAGE_URLS : MAX_IMAGE_IDS;
  const listName = byUrl ? 'imageUrls' : 'imageIds';
  const chunks: { readonly items: string[]; readonly request: DeleteImageRequest }[] = [];
  for (let i = 0; i < all.length; i += size) {
    const items = all.slice(i, i + size);
    const request = (byUrl
      ? { DeleteImageType: 'ImageURL', ImageURLs: items }
      : { DeleteImageType: 'ImageId', ImageIds: items }) as unknown as DeleteImageRequest;
    try {
      toWireParams(request);
    } catch (error) {
      // The field is the chunk's (`ImageIds[3]`): name the item in the caller's list.
      const at = /\[(\d+)\]$/.exec((error as VodValidationError).field)?.[1];
      throw new VodValidationError(
        at === undefined ? listName : `${listName}[${i + Number(at)}]`,
        (error as VodValidationError).rule,
      );
    }
    chunks.push({ items, request });
  }
  const pacer = options.pacer ?? createPacer({ qps: options.qps });
  const signal = options.signal;
  const results: ChunkResult[] = new Array<ChunkResult>(chunks.length);
  let nextIndex = 0;
  let succeeded = 0;
  let failed = 0;
  const context = {
    maxAttempts: options.maxAttempts ?? 10,
    beforeAttempt: () => pacer.acquire(signal),
    onThrottled: () => {
      pacer.slowDown();
    },
  };
  // An object, not two lets: the callback's failure is recorded inside closures.
  const callback: { failed: boolean; error: Error | undefined } = {
    failed: false,
    error: undefined,
  };
  const cancelled = (index: number, items: string[], inFlight: boolean): ChunkResult => ({
    index,
    items,
    ok: false,
    error: new VodClientError(
      inFlight
        ? 'cancelled while in flight: the chunk may or may not have been deleted'
        : 'cancelled before it was sent: nothing was deleted',
      { code: 'Cancelled', possiblyApplied: inFlight },
    ),
    possiblyApplied: inFlight,
  });
  const finish = (r: ChunkResult): void => {
    // Each chunk is counted once: a second outcome for it would be a bug, never a recount.
    if (results[r.index] !== undefined) return;
    results[r.index] = r;
    if (r.ok) succeeded++;
    else failed++;
    try {
      options.onProgress?.({ done: succeeded + failed, total: chunks.length, succeeded, failed });
    } catch (error) {
      // The caller's callback must not turn a finished chunk into a failure or stop the count.
      if (!callback.failed) {
        callback.failed = true;
        // A copy: the client cleans it of its secrets, which it must not do to the caller's own.
        const copy = safeCause(typeof error === 'string' ? new Error(error) : error);
        callback.error = copy instanceof Error ? copy : new Error('onProgress threw a non-Error');
      }
    }
  };
  const worker = async (): Promise<void> => {
    while (nextIndex < chunks.length) {
      const index = nextIndex++;
      const chunk = chunks[index];
      if (chunk === undefined) break;
      const { items, request } = chunk;
      if (signal?.aborted === true) {
        finish(cancelled(index, items, false));
        continue;
      }
      let out: DeleteImageOutcome;
      try {
        out = await call(request, { signal, context });
      } catch {
        // Only an abort rejects; it may have cut an attempt that was already sent.
        finish(cancelled(index, items, true));
        continue;
      }
      finish(
        out.error === undefined
          ? { index, items, ok: true, requestId: out.data.requestId }
          : {
              index,
              items,
              ok: false,
              error: out.error,
              possiblyApplied: out.error.possiblyApplied,
            },
      );
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 16, chunks.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    chunks: results,
    succeeded,
    failed,
    cancelled: signal?.aborted === true,
    ...(callback.failed ? { callbackError: callback.error } : {}),
  };
}
