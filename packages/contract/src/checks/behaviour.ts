import type { Check } from '../check.js';
import { ContractFailure } from '../check.js';
import {
  expectAccepted,
  expectError,
  expectRequestId,
  expectSchema,
  expectThat,
} from '../expect.js';
import { byIds, byUrls, byVideo, imageUrl } from '../params.js';
import { codeOf } from '../wire.js';
import { exists, seedOf } from './fixtures.js';

const THROTTLING = ['Throttling.User', 'Throttling.Api', 'Throttling'];

/** A missing image answers NoSuchResource, in each variant. */
export const missingImage: Check = {
  id: 'missing-image',
  proves:
    'deleting an image, a URL or a video that does not exist answers NoSuchResource (404) with an error body',
  source: 'spec: documented error NoSuchResource; x-assumptions.missingVideo',
  needs: [],
  async run(ctx) {
    const id = ctx.id('gone');
    for (const [label, params] of [
      ['an unknown ImageId', byIds([id])],
      ['an unknown ImageURL', byUrls([imageUrl(id)])],
      ['an unknown VideoId', byVideo(id, 'All')],
    ] as const) {
      expectError(await ctx.call({ params, label }), ['NoSuchResource']);
    }
  },
};

/** Deleting changes the target's state: the named images go, the others stay. */
export const deletesTakeEffect: Check = {
  id: 'deletes-take-effect',
  proves:
    'a successful delete removes exactly the images it names (looked up afterwards), and a repeat answers NoSuchResource',
  source: 'spec: DeleteImage semantics; x-idempotent idempotentMeans',
  needs: ['seed', 'lookup', 'destructive'],
  async run(ctx) {
    const seed = seedOf(ctx);
    const [a, b, keep] = [ctx.id('del'), ctx.id('del'), ctx.id('keep')];
    await seed([{ imageId: a }, { imageId: b }, { imageId: keep }]);
    const exchange = await ctx.call({
      params: byIds([a, b]),
      label: 'delete two of three seeded images',
    });
    expectAccepted(exchange);
    expectThat(
      !(await exists(ctx, a)) && !(await exists(ctx, b)),
      'a delete answered 200 but the images are still there',
      exchange,
    );
    expectThat(await exists(ctx, keep), 'a delete removed an image it did not name', exchange);
    expectError(await ctx.call({ params: byIds([a]), label: 'the same delete again' }), [
      'NoSuchResource',
    ]);
  },
};

/** The images the user allowed the suite to delete are deleted, once. */
export const givenIdsDelete: Check = {
  id: 'given-ids-delete',
  proves:
    'each image the user allowed the suite to delete (deletableIds) is deleted by one call, and deleting it again answers NoSuchResource; the one destructive check that needs no seeding, so it can run against the real service',
  source: 'spec: DeleteImage semantics; x-idempotent idempotentMeans',
  needs: ['deletableIds', 'destructive'],
  async run(ctx) {
    for (const id of ctx.target.deletableIds ?? []) {
      const exchange = await ctx.call({
        params: byIds([id]),
        label: `delete the given image ${id}`,
      });
      expectAccepted(exchange);
      if (ctx.target.lookup !== undefined) {
        expectThat(
          !(await exists(ctx, id)),
          `a delete of ${id} answered 200 but the image is still there`,
          exchange,
        );
      }
      expectError(await ctx.call({ params: byIds([id]), label: `delete ${id} again` }), [
        'NoSuchResource',
      ]);
    }
  },
};

/** A batch with some images missing follows the target's declared behaviour. */
export const partialBatch: Check = {
  id: 'partial-batch',
  proves:
    'a batch naming a present and a missing image follows the declared behaviour: fail-whole-call answers NoSuchResource and deletes nothing; delete-rest deletes the present one and succeeds',
  source: 'spec: x-assumptions.partialBatch',
  needs: ['seed', 'lookup', 'destructive'],
  async run(ctx) {
    const seed = seedOf(ctx);
    const present = ctx.id('present');
    await seed([{ imageId: present }]);
    const exchange = await ctx.call({
      params: byIds([present, ctx.id('missing')]),
      label: 'a batch with one image missing',
    });
    if (ctx.target.partialBatch === 'fail-whole-call') {
      expectError(exchange, ['NoSuchResource']);
      expectThat(
        await exists(ctx, present),
        'fail-whole-call: the present image was deleted',
        exchange,
      );
    } else {
      expectAccepted(exchange);
      expectThat(
        !(await exists(ctx, present)),
        'delete-rest: the present image was not deleted',
        exchange,
      );
    }
  },
};

/** Every kind of answer matches the spec's schemas and carries a RequestId. */
export const answersMatchSpec: Check = {
  id: 'answers-match-spec',
  proves:
    "every kind of answer (success, a parameter error, a signature error, a missing image) carries a RequestId and matches the spec's DeleteImageResponse / VodError schema (ajv)",
  source: 'spec: components.schemas.DeleteImageResponse, VodError; RequestId required',
  needs: [],
  async run(ctx) {
    const answers = [
      await ctx.call({ params: byIds([ctx.id('none')]), label: 'a missing image' }),
      await ctx.call({ params: { DeleteImageType: 'ImageId' }, label: 'a missing parameter' }),
      await ctx.call({
        params: byIds([ctx.id('none')]),
        credentials: { ...ctx.target.credentials, accessKeySecret: 'wrong-secret' },
        label: 'a bad signature',
      }),
    ];
    const seed = ctx.target.seed;
    if (seed !== undefined && ctx.target.destructive) {
      const id = ctx.id('ok');
      await seed([{ imageId: id }]);
      answers.push(await ctx.call({ params: byIds([id]), label: 'a success' }));
    }
    for (const exchange of answers) {
      expectRequestId(exchange);
      expectSchema(exchange, exchange.answer.status === 200 ? 'DeleteImageResponse' : 'VodError');
      const header = exchange.answer.headers['x-acs-request-id'];
      const body = (exchange.answer.json as { RequestId?: unknown }).RequestId;
      expectThat(
        header === undefined || header === body,
        `${exchange.label}: x-acs-request-id differs from the body's RequestId`,
        exchange,
      );
    }
  },
};

/** Past the QPS limit the target throttles, and its x-acs-retry-after (if any) holds. */
export const throttling: Check = {
  id: 'throttling',
  proves:
    'a burst past the per-account QPS limit is answered with a throttling code (Throttling.User) at its documented status; when x-acs-retry-after is sent, a call after that wait is not throttled',
  source: 'spec: QPS_LIMIT_PER_ACCOUNT, THROTTLING_ERROR_CODE, x-acs-retry-after',
  needs: [],
  async run(ctx) {
    const size = Math.ceil(ctx.target.qps * 2) + 10;
    const exchanges = await ctx.burst(
      Array.from({ length: size }, (_, i) => ({
        params: byIds([ctx.id('burst')]),
        label: `burst call ${i + 1} of ${size}`,
      })),
    );
    const throttled = exchanges.filter((e) => THROTTLING.includes(codeOf(e.answer) ?? ''));
    const first = throttled[0];
    if (first === undefined) {
      throw new ContractFailure(
        `${size} calls at once against a limit of ${ctx.target.qps}/s: none was throttled`,
        exchanges[exchanges.length - 1],
      );
    }
    expectError(first, THROTTLING);
    const retryAfter = Number(first.answer.headers['x-acs-retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter > 0) {
      await ctx.pause(Math.min(retryAfter, 5000) + 50);
      const after = await ctx.call({
        params: byIds([ctx.id('none')]),
        label: `a call ${retryAfter} ms later, as x-acs-retry-after said`,
      });
      expectError(after, ['NoSuchResource']);
    }
    // Let the limit refill for the checks that follow.
    await ctx.pause(1100);
  },
};

/** The vodkit client deletes through the target, end to end. */
export const clientInterop: Check = {
  id: 'client-interop',
  proves:
    '@vodkit/client (signing, retries, parsing) deletes a seeded image through the target, and the image is gone',
  source: 'the vodkit client against the spec',
  needs: ['seed', 'lookup', 'destructive', 'vodkitClient'],
  async run(ctx) {
    const seed = seedOf(ctx);
    const id = ctx.id('client');
    await seed([{ imageId: id }]);
    const { createVodClient } = await import('@vodkit/client/node');
    const client = createVodClient({
      endpoint: ctx.target.url,
      credentials: ctx.target.credentials,
      retry: { maxAttempts: 1 },
    });
    const { error } = await client
      .deleteImage({ DeleteImageType: 'ImageId', ImageIds: [id] })
      .finally(() => client.close());
    expectThat(
      error === undefined,
      `the vodkit client's delete failed: ${error?.code ?? ''} ${error?.message ?? ''}`,
    );
    expectThat(
      !(await exists(ctx, id)),
      "the vodkit client's delete answered success but the image is still there",
    );
  },
};
