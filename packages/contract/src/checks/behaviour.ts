import type { Check, CheckContext, DeletableItem, Exchange } from '../check.js';
import { ContractFailure } from '../check.js';
import { expectAccepted, expectError, expectSchema, expectThat } from '../expect.js';
import { byIds, byVideo } from '../params.js';
import { codeOf } from '../wire.js';
import { deleteParams, expectGone, expectStayed, goneByLookup, kindOf } from './fixtures.js';
import { PAIRWISE, SIGNINGS, VARIANTS, cellLabel, otherSigning, paramsOf } from './matrix.js';

const THROTTLING = ['Throttling.User', 'Throttling.Api', 'Throttling'];
const MISSING = ['NoSuchResource'];

/** A missing image answers NoSuchResource, in each variant, shape and algorithm. */
export const missingImage: Check = {
  id: 'missing-image',
  proves:
    'deleting an image, a URL or a video that does not exist answers NoSuchResource (404) with an error body, in every shape and algorithm (pairwise)',
  source: 'spec: documented error NoSuchResource; x-assumptions.missingVideo',
  needs: [],
  async run(ctx) {
    for (const cell of PAIRWISE) {
      await ctx.case(`an unknown ${cellLabel(cell)}`, async () => {
        const params = paramsOf(cell.variant, ctx.id('gone'));
        const label = `an unknown ${cellLabel(cell)}`;
        expectError(await ctx.call({ params, ...cell, label }), MISSING);
      });
    }
  },
};

/**
 * A delete of a seeded video by two kinds removes those snapshots only (by lookup); the delete of
 * All that follows it in the check answers 200 only if the other kinds were left.
 */
async function deleteKinds(
  ctx: Parameters<Check['run']>[0],
  video: DeletableItem,
  signing: (typeof SIGNINGS)[number],
): Promise<void> {
  const snapshots = video.snapshots;
  if (snapshots === undefined) return;
  const [first, second, ...rest] = Object.keys(snapshots);
  if (first === undefined || second === undefined) return;
  const exchange = await ctx.call({
    params: byVideo(video.value, [first, second]),
    ...signing,
    label: `VideoId ${video.value} ${first},${second} (${cellLabel(signing)})`,
  });
  expectAccepted(exchange);
  const { lookup } = ctx.target;
  if (lookup !== undefined) {
    for (const kind of [first, second]) {
      expectThat(
        !(await lookup(snapshots[kind] ?? '')),
        `${exchange.label}: the ${kind} snapshot is still there`,
        exchange,
      );
    }
    for (const kind of rest) {
      expectThat(
        await lookup(snapshots[kind] ?? ''),
        `${exchange.label}: the ${kind} snapshot, not named, is gone`,
        exchange,
      );
    }
  }
  // A video that still has snapshots, but none of the kind asked for, succeeds and deletes nothing
  // (spec: x-assumptions.missingVideo).
  expectAccepted(
    await ctx.call({
      params: byVideo(video.value, [first]),
      ...otherSigning(signing),
      label: `VideoId ${video.value} ${first} again, while other kinds are left`,
    }),
  );
  // What it did not name is still there on the wire too: the delete of All that follows answers
  // 200 only if snapshots are left (a video with none answers NoSuchResource).
}

/** Deleting changes the target's state: the named images go, the others stay, in each variant. */
export const deletesTakeEffect: Check = {
  id: 'deletes-take-effect',
  proves:
    'in each variant (ImageId, ImageURL, VideoId), a successful delete removes exactly what it names: deleting it again answers NoSuchResource, what it did not name can still be deleted, and a lookup (when the target has one) agrees; a video deleted by kinds keeps its other snapshots, and a kind it no longer has deletes nothing and succeeds',
  source: 'spec: DeleteImage semantics; x-idempotent idempotentMeans',
  needs: ['destructive'],
  deletes: { ids: 3, urls: 4, videos: 2 },
  async run(ctx) {
    // One image, two names: deleted by its URL, it is gone by its ID too (a seeded one, whose ID
    // the suite knows; a URL from the pool is deleted again by URL instead).
    const signing = SIGNINGS[3] ?? { algorithm: 'V3', shape: 'get-query' };
    await ctx.case(`an image deleted by URL is gone by ID (${cellLabel(signing)})`, async () => {
      const [item] = await ctx.deletable('urls', 1);
      if (item === undefined) throw new Error('deletable: no item');
      const exchange = await ctx.call({
        params: deleteParams('ImageURL', [item]),
        ...signing,
        label: `ImageURL ${item.value} (${cellLabel(signing)})`,
      });
      expectAccepted(exchange);
      const [id] = item.imageIds ?? [];
      if (id === undefined) {
        await expectGone(ctx, 'ImageURL', item, exchange, otherSigning(signing));
        return;
      }
      expectError(
        await ctx.call({
          params: byIds([id]),
          ...otherSigning(signing),
          label: `the same image by its ID ${id}, after its URL was deleted`,
        }),
        MISSING,
      );
    });
    for (const [i, variant] of VARIANTS.entries()) {
      const signing = SIGNINGS[i * 2] ?? { algorithm: 'V3', shape: 'post-form' };
      await ctx.case(`${variant} delete (${cellLabel(signing)})`, async () => {
        const video = variant === 'VideoId';
        const items = await ctx.deletable(kindOf(variant), video ? 2 : 3);
        const [a, b, keep] = video ? [items[0], undefined, items[1]] : items;
        if (a === undefined || keep === undefined) throw new Error('deletable: too few items');
        if (video) await deleteKinds(ctx, a, signing);
        const named = b === undefined ? [a] : [a, b];
        const exchange = await ctx.call({
          params: deleteParams(variant, named),
          ...signing,
          label: `${variant} delete of ${named.length} of ${named.length + 1} (${cellLabel(signing)})`,
        });
        expectAccepted(exchange);
        for (const item of named)
          await expectGone(ctx, variant, item, exchange, otherSigning(signing));
        await expectStayed(ctx, variant, keep, exchange, otherSigning(signing, 2));
      });
    }
  },
};

/** An image the suite may delete is deleted, once. */
export const givenIdsDelete: Check = {
  id: 'given-ids-delete',
  proves:
    'an image the suite may delete (the first of deletableIds, or a seeded one) is deleted by one call, and deleting it again answers NoSuchResource; the destructive check that needs only one given ID, so it can run against the real service',
  source: 'spec: DeleteImage semantics; x-idempotent idempotentMeans',
  needs: ['destructive'],
  deletes: { ids: 1 },
  async run(ctx) {
    const [item] = await ctx.deletable('ids', 1);
    if (item === undefined) throw new Error('deletable: no item');
    const signing = { algorithm: 'V2', shape: 'get-query' } as const;
    const exchange = await ctx.call({
      params: byIds([item.value]),
      ...signing,
      label: `delete the image ${item.value}`,
    });
    expectAccepted(exchange);
    await expectGone(ctx, 'ImageId', item, exchange, otherSigning(signing));
  },
};

/** A batch with some images missing follows the target's declared behaviour. */
export const partialBatch: Check = {
  id: 'partial-batch',
  proves:
    'a batch (ImageIds, ImageURLs) naming a present and a missing image follows the declared behaviour: fail-whole-call answers NoSuchResource and deletes nothing; delete-rest deletes the present one and succeeds',
  source: 'spec: x-assumptions.partialBatch',
  needs: ['destructive'],
  deletes: { ids: 1, urls: 1 },
  async run(ctx) {
    for (const [variant, signing] of [
      ['ImageId', SIGNINGS[1]],
      ['ImageURL', SIGNINGS[5]],
    ] as const) {
      if (signing === undefined) continue;
      await ctx.case(`${variant} batch with one missing (${cellLabel(signing)})`, async () => {
        const [present] = await ctx.deletable(kindOf(variant), 1);
        if (present === undefined) throw new Error('deletable: no item');
        const missing = paramsOf(variant, ctx.id('missing'));
        const params = deleteParams(variant, [present]);
        const field = variant === 'ImageId' ? 'ImageIds' : 'ImageURLs';
        const exchange = await ctx.call({
          params: { ...params, [field]: `${params[field] ?? ''},${missing[field] ?? ''}` },
          ...signing,
          label: `${variant} batch with one image missing (${cellLabel(signing)})`,
        });
        if (ctx.target.partialBatch === 'fail-whole-call') {
          expectError(exchange, MISSING);
          await expectStayed(ctx, variant, present, exchange, otherSigning(signing));
        } else {
          expectAccepted(exchange);
          await expectGone(ctx, variant, present, exchange, otherSigning(signing));
        }
      });
    }
  },
};

/** Every kind of answer matches the spec's schemas and carries a RequestId. */
export const answersMatchSpec: Check = {
  id: 'answers-match-spec',
  proves:
    "every kind of error answer (a missing image, a parameter error, a signature error) is JSON by content-type, carries a RequestId equal to x-acs-request-id, and matches the spec's VodError schema (ajv), in each shape",
  source: 'spec: components.schemas.DeleteImageResponse, VodError; RequestId required',
  needs: [],
  async run(ctx) {
    const kinds = [
      ['a missing image', () => ({ params: byIds([ctx.id('none')]) })],
      ['a missing parameter', () => ({ params: { DeleteImageType: 'ImageId' } })],
      [
        'a bad signature',
        () => ({
          params: byIds([ctx.id('none')]),
          credentials: { ...ctx.target.credentials, accessKeySecret: 'wrong-secret' },
        }),
      ],
    ] as const;
    for (const [i, [kind, spec]] of kinds.entries()) {
      const signing = PAIRWISE[i * 4] ?? PAIRWISE[0];
      if (signing === undefined) continue;
      await ctx.case(`${kind} (${cellLabel(signing)})`, async () => {
        const exchange = await ctx.call({
          ...spec(),
          algorithm: signing.algorithm,
          shape: signing.shape,
          label: `${kind} (${signing.algorithm} ${signing.shape})`,
        });
        expectError(exchange, [codeOf(exchange.answer) ?? '(a code)']);
        expectSchema(exchange, 'VodError');
      });
    }
  },
};

/**
 * How many more calls than `qps` a burst may see accepted: one, for a limiter whose second and
 * ours are a call apart. The refill during the burst (`qps` × its seconds) is allowed on top.
 */
export const THROTTLING_TOLERANCE = 1;

/** The calls of a burst that a correct limiter of `qps` may accept, given how long it took. */
const allowedOf = (qps: number, seconds: number): number =>
  Math.floor(qps * (1 + seconds)) + THROTTLING_TOLERANCE;

/** A burst: its exchanges, how long it took, and which were throttled and which were not. */
interface Burst {
  readonly exchanges: readonly Exchange[];
  readonly seconds: number;
  readonly throttled: readonly Exchange[];
  readonly accepted: readonly Exchange[];
}

async function burstOf(ctx: CheckContext, size: number): Promise<Burst> {
  const pending = ctx.burst(
    Array.from({ length: size }, (_, i) => ({
      params: byIds([ctx.id('burst')]),
      label: `burst call ${i + 1} of ${size}`,
    })),
  );
  // Timed from here: the calls are signed by then, and none has reached the target yet.
  const started = performance.now();
  const exchanges = await pending;
  const seconds = (performance.now() - started) / 1000;
  const throttled = exchanges.filter((e) => THROTTLING.includes(codeOf(e.answer) ?? ''));
  const accepted = exchanges.filter((e) => !throttled.includes(e));
  return { exchanges, seconds, throttled, accepted };
}

/** Nothing throttled, and no more accepted than the limit allows for so slow a burst. */
const inconclusive = (b: Burst, qps: number): boolean =>
  b.throttled.length === 0 && b.accepted.length <= allowedOf(qps, b.seconds);

/** What the throttled answers of a burst ask the client to wait: the largest, in ms. */
function largestRetryAfter(
  throttled: readonly { answer: { headers: Readonly<Record<string, string>> } }[],
): number | undefined {
  let largest: number | undefined;
  for (const e of throttled) {
    const raw = e.answer.headers['x-acs-retry-after'];
    if (raw === undefined) continue;
    const ms = Number(raw);
    largest = Math.max(largest ?? 0, ms);
  }
  return largest;
}

/** Past the QPS limit the target throttles, no later than the limit says, and its x-acs-retry-after holds. */
export const throttling: Check = {
  id: 'throttling',
  proves: `a burst of 2 × qps + 10 calls at once sees at most qps × (1 + the burst's seconds) + ${THROTTLING_TOLERANCE} accepted (so a limit twice the declared one fails), the rest answered with a throttling code (Throttling.User) at its documented status; qps / 2 calls at once with another account's key are not throttled meanwhile; when x-acs-retry-after is sent (required when the target declares it), at most 1000 ms, a call right after the largest of the burst's is not throttled, and a call throttled right after that one is not throttled once its own x-acs-retry-after has passed`,
  source: 'spec: QPS_LIMIT_PER_ACCOUNT, THROTTLING_ERROR_CODE, x-acs-retry-after',
  needs: [],
  async run(ctx) {
    const { qps } = ctx.target;
    let size = Math.ceil(qps * 2) + 10;
    let burst = await burstOf(ctx, size);
    // A burst slower than a second (a loaded machine) may be all within a correct limit that
    // refilled meanwhile: that proves nothing either way, so send a larger one, up to twice more.
    for (let more = 0; more < 2 && inconclusive(burst, qps); more += 1) {
      await ctx.pause(1000);
      size *= 2;
      burst = await burstOf(ctx, size);
    }
    const { exchanges, seconds, throttled, accepted } = burst;
    const allowed = allowedOf(qps, seconds);
    expectThat(
      accepted.length <= allowed,
      `${accepted.length} of ${size} calls sent at once were let through in ${Math.round(seconds * 1000)} ms; a limit of ${qps}/s lets through at most ${allowed} (qps × (1 + the burst's seconds) + ${THROTTLING_TOLERANCE})`,
      accepted[accepted.length - 1],
    );
    if (throttled.length === 0) {
      throw new ContractFailure(
        `${size} calls at once against a limit of ${qps}/s: none was throttled (the burst took ${Math.round(seconds * 1000)} ms)`,
        exchanges[exchanges.length - 1],
      );
    }
    for (const e of throttled) {
      expectError(e, THROTTLING);
      const raw = e.answer.headers['x-acs-retry-after'];
      expectThat(
        raw !== undefined || ctx.target.retryAfter !== true,
        `${e.label}: no x-acs-retry-after, though the target declares it sends one`,
        e,
      );
      expectThat(
        raw === undefined || /^\d+$/.test(raw),
        `${e.label}: x-acs-retry-after is ${JSON.stringify(raw)}, not a whole number of ms`,
        e,
      );
      // A limit of calls per second frees a slot within a second, whatever its algorithm.
      expectThat(
        raw === undefined || Number(raw) <= 1000,
        `${e.label}: x-acs-retry-after is ${raw ?? ''} ms; a per-second limit frees a slot within 1000`,
        e,
      );
    }
    for (const e of accepted) expectError(e, MISSING);
    // Right after the burst (before anything else lets the bucket refill): the largest wait of
    // the burst, counted from its end: an earlier throttled call may have been
    // told a shorter wait, and a later call of the same burst may have taken the slot it freed.
    const retryAfter = largestRetryAfter(throttled);
    if (retryAfter !== undefined) {
      // A few ms for timer and clock resolution (the target counts in whole ms); every wait of the
      // suite has a bound, this one 5 s.
      await ctx.pause(Math.min(retryAfter, 5000) + 5);
      // Unpaced: the suite's own pacing would wait longer than a token bucket's retry-after.
      const [after] = await ctx.burst([
        {
          params: byIds([ctx.id('none')]),
          label: `a call ${retryAfter} ms after the burst, the largest x-acs-retry-after it was given`,
        },
      ]);
      if (after === undefined) throw new Error('burst: no exchange');
      expectError(after, MISSING);
      // That call took the slot the wait freed: one more at once finds the bucket all but empty,
      // and the wait it is told (counted from an emptied slot, not a part-refilled one) holds too.
      const [again] = await ctx.burst([
        { params: byIds([ctx.id('none')]), label: 'a call right after that one' },
      ]);
      if (again === undefined) throw new Error('burst: no exchange');
      const wait = THROTTLING.includes(codeOf(again.answer) ?? '')
        ? largestRetryAfter([again])
        : undefined;
      if (wait === undefined) expectError(again, [...MISSING, ...THROTTLING]);
      else {
        await ctx.pause(Math.min(wait, 5000) + 5);
        const [last] = await ctx.burst([
          {
            params: byIds([ctx.id('none')]),
            label: `a call ${wait} ms after that, the x-acs-retry-after it was given`,
          },
        ]);
        if (last === undefined) throw new Error('burst: no exchange');
        expectError(last, MISSING);
      }
    }
    // The limit is the account's: half a second's worth of calls with another account's key, sent
    // at once, all go through while this account is held (its retry call just took the slot it
    // had freed).
    const other = ctx.target.otherAccountKey;
    if (other !== undefined) {
      const n = Math.max(1, Math.floor(qps / 2));
      const elsewhere = await ctx.burst(
        Array.from({ length: n }, (_, i) => ({
          params: byIds([ctx.id('none')]),
          credentials: other,
          label: `another account's call ${i + 1} of ${n}, right after the burst`,
        })),
      );
      for (const e of elsewhere) expectError(e, MISSING);
    }
  },
};

/** The vodkit client deletes through the target, end to end, in each variant. */
export const clientInterop: Check = {
  id: 'client-interop',
  proves:
    '@vodkit/client (signing, retries, parsing) deletes an image by ID, by URL and a video through the target, and each is gone (deleting it again answers NoSuchResource; a lookup agrees)',
  source: 'the vodkit client against the spec',
  needs: ['destructive', 'vodkitClient'],
  deletes: { ids: 1, urls: 1, videos: 1 },
  async run(ctx) {
    const { createVodClient } = await import('@vodkit/client/node');
    for (const [i, variant] of VARIANTS.entries()) {
      await ctx.case(`the client deletes by ${variant}`, async () => {
        const [item] = await ctx.deletable(kindOf(variant), 1);
        if (item === undefined) throw new Error('deletable: no item');
        const client = createVodClient({
          endpoint: ctx.target.url,
          credentials: ctx.target.credentials,
          retry: { maxAttempts: 1 },
          ...(i === 1 ? { signatureAlgorithm: 'HMAC-SHA1' as const } : {}),
        });
        const request =
          variant === 'ImageId'
            ? ({ DeleteImageType: 'ImageId', ImageIds: [item.value] } as const)
            : variant === 'ImageURL'
              ? ({ DeleteImageType: 'ImageURL', ImageURLs: [item.value] } as const)
              : ({ DeleteImageType: 'VideoId', VideoId: item.value, ImageType: 'All' } as const);
        const { error } = await client.deleteImage(request).finally(() => client.close());
        expectThat(
          error === undefined,
          `the vodkit client's ${variant} delete failed: ${error?.code ?? ''} ${error?.message ?? ''}`,
        );
        expectThat(
          (await goneByLookup(ctx, item)) !== false,
          `the vodkit client's ${variant} delete answered success but ${item.value} is still there`,
        );
        expectError(
          await ctx.call({
            params: deleteParams(variant, [item]),
            label: `${variant} ${item.value} again, after the client deleted it`,
          }),
          MISSING,
        );
      });
    }
  },
};
