import fc from 'fast-check';
import { MAX_IMAGE_IDS, MAX_IMAGE_URLS, SNAPSHOT_KINDS } from '@vodkit/types';
import type { Check, CheckContext } from '../check.js';
import { ContractFailure } from '../check.js';
import { expectAccepted, expectError, expectPassed } from '../expect.js';
import { byIds, byUrls, byVideo, imageUrl } from '../params.js';
import type { Params } from '../params.js';
import { ALGORITHMS, SHAPES } from '../wire.js';
import { SIGNINGS, cellLabel } from './matrix.js';
import { askXml, expectXmlAccepted } from './xml.js';

/** What a valid request of each variant exercises. */
function coverValid(ctx: CheckContext): void {
  for (const c of VALID_COVERS) ctx.cover(c, 'valid');
}
const VALID_COVERS = [
  'required DeleteImageType',
  'required ImageIds',
  'required ImageURLs',
  'required VideoId',
  'required ImageType',
  'enum DeleteImageType',
  'enum SnapshotKind',
  'pattern ImageURL',
  'pattern ImageId',
  'uniqueItems ImageType',
  'additionalProperties',
  'ImageType All alone',
];

const many = (ctx: CheckContext, prefix: string, n: number): string[] =>
  Array.from({ length: n }, () => ctx.id(prefix));

/** Every variant in every request shape, with both algorithms, is accepted and deletes. */
export const validVariants: Check = {
  id: 'valid-variants',
  proves:
    'each DeleteImageType (ImageURL, ImageId, VideoId by kinds and All) is accepted with a 200 in every request shape (GET query, POST form, POST query with an empty body) with V2 and V3, and a success asked for in XML is a <DeleteImageResponse>',
  source: 'spec: DeleteImageRequest oneOf + x-request-shapes; both signature algorithms',
  needs: ['destructive'],
  // One ID more for the success asked for in XML.
  deletes: { ids: SIGNINGS.length + 1, urls: SIGNINGS.length, videos: SIGNINGS.length },
  async run(ctx) {
    for (const signing of SIGNINGS) {
      await ctx.case(`every variant, ${cellLabel(signing)}`, async () => {
        const [id] = await ctx.deletable('ids', 1);
        const [url] = await ctx.deletable('urls', 1);
        const [video] = await ctx.deletable('videos', 1);
        if (id === undefined || url === undefined || video === undefined) {
          throw new Error('deletable: too few items');
        }
        const cases: [string, Params][] = [
          ['ImageId', byIds([id.value])],
          ['ImageURL', byUrls([url.value])],
          // A seeded video has a snapshot of every kind: some kinds first, then All for the rest.
          ...(video.snapshots === undefined
            ? []
            : [
                ['VideoId kinds', byVideo(video.value, [SNAPSHOT_KINDS[0], SNAPSHOT_KINDS[1]])] as [
                  string,
                  Params,
                ],
              ]),
          ['VideoId All', byVideo(video.value, 'All')],
        ];
        for (const [name, params] of cases) {
          const label = `${cellLabel(signing)} ${name}`;
          expectAccepted(await ctx.call({ params, ...signing, label }));
        }
      });
    }
    const xml = { algorithm: 'V2', shape: 'get-query' } as const;
    await ctx.case(`ImageId, ${cellLabel(xml)}, Format=XML`, async () => {
      const [id] = await ctx.deletable('ids', 1);
      if (id === undefined) throw new Error('deletable: no item');
      expectXmlAccepted(
        await askXml(ctx, xml, byIds([id.value]), `ImageId, ${cellLabel(xml)}, Format=XML`),
      );
    });
    coverValid(ctx);
  },
};

/** An invalid request and the code the spec names for it. */
export interface InvalidCase {
  readonly label: string;
  readonly params: Params;
  readonly code: string;
  /**
   * The spec's `x-vodkit-rules` marker (`Schema.keyword`) when only vodkit's stricter rule
   * refuses the request: such cases run only with `strict`.
   */
  readonly vodkitRule?: string;
  readonly covers?: string;
}

/** The invalid requests of `invalid-combinations`, around an ID no image has. */
export const invalidCases = (id: string): InvalidCase[] => {
  return [
    {
      label: 'no DeleteImageType',
      params: { ImageIds: id },
      code: 'MissingParameter',
      covers: 'required DeleteImageType',
    },
    {
      label: 'an unknown DeleteImageType',
      params: { DeleteImageType: 'Nope', ImageIds: id },
      code: 'InvalidParameter',
      covers: 'enum DeleteImageType',
    },
    {
      label: 'ImageId without ImageIds',
      params: { DeleteImageType: 'ImageId' },
      code: 'MissingParameter',
      covers: 'required ImageIds',
    },
    {
      label: 'ImageId with an empty ImageIds',
      params: { DeleteImageType: 'ImageId', ImageIds: '' },
      code: 'MissingParameter',
    },
    {
      label: 'ImageURL without ImageURLs',
      params: { DeleteImageType: 'ImageURL' },
      code: 'MissingParameter',
      covers: 'required ImageURLs',
    },
    {
      label: 'ImageURL with a URL that is not http(s)',
      params: byUrls(['ftp://example.com/a.png']),
      code: 'InvalidParameter',
      covers: 'pattern ImageURL',
    },
    {
      label: 'VideoId without VideoId',
      params: { DeleteImageType: 'VideoId', ImageType: 'All' },
      code: 'MissingParameter',
      covers: 'required VideoId',
    },
    {
      label: 'VideoId without ImageType',
      params: { DeleteImageType: 'VideoId', VideoId: id },
      code: 'MissingParameter',
      covers: 'required ImageType',
    },
    {
      label: 'VideoId with an unknown ImageType',
      params: byVideo(id, ['Bogus']),
      code: 'InvalidParameter',
      covers: 'enum SnapshotKind',
    },
    {
      label: "another variant's field (ImageId with VideoId)",
      params: { ...byIds([id]), VideoId: id },
      code: 'InvalidParameter',
      vodkitRule: 'DeleteImageByImageIds.additionalProperties',
      covers: 'additionalProperties',
    },
    {
      label: "another variant's field (ImageURL with ImageIds)",
      params: { ...byUrls([imageUrl(id)]), ImageIds: id },
      code: 'InvalidParameter',
      vodkitRule: 'DeleteImageByImageURLs.additionalProperties',
    },
    {
      label: "another variant's field (VideoId with ImageIds)",
      params: { ...byVideo(id, 'All'), ImageIds: id },
      code: 'InvalidParameter',
      vodkitRule: 'DeleteImageByVideoId.additionalProperties',
    },
    {
      label: 'All beside a kind',
      params: byVideo(id, ['All', 'CoverSnapshot']),
      code: 'InvalidParameter',
      vodkitRule: 'ImageTypeSelection.items',
      covers: 'ImageType All alone',
    },
    {
      label: 'a repeated snapshot kind',
      params: byVideo(id, ['CoverSnapshot', 'CoverSnapshot']),
      code: 'InvalidParameter',
      vodkitRule: 'ImageTypeSelection.uniqueItems',
      covers: 'uniqueItems ImageType',
    },
    {
      label: 'five snapshot kinds',
      params: byVideo(id, [...SNAPSHOT_KINDS, SNAPSHOT_KINDS[0]]),
      code: 'InvalidParameter',
      vodkitRule: 'ImageTypeSelection.maxItems',
    },
    {
      label: 'a control character in an ImageId',
      params: byIds([`${id}\n`]),
      code: 'InvalidParameter',
      vodkitRule: 'ImageId.pattern',
      covers: 'pattern ImageId',
    },
    {
      label: 'a control character in a VideoId',
      params: byVideo(`${id}\r`, 'All'),
      code: 'InvalidParameter',
      vodkitRule: 'VideoId.pattern',
    },
    {
      label: 'a control character in an ImageURL',
      params: byUrls([`${imageUrl(id)}\n`]),
      code: 'InvalidParameter',
      vodkitRule: 'ImageURL.pattern',
    },
    ...listCases(id),
  ];
};

/**
 * Lists whose items are empty (two separators in a row, a leading or a trailing one, a lone
 * separator) or blank: an empty item is no ID, no URL and no kind, so the service refuses it, and
 * a blank URL or kind fails its pattern or enum. (A blank ID is only an ID no image has: no rule
 * of the spec refuses it.)
 */
function listCases(id: string): InvalidCase[] {
  const url = encodeURIComponent(imageUrl(id));
  const other = encodeURIComponent(imageUrl(`${id}b`));
  const ids = (label: string, value: string): InvalidCase => ({
    label: `ImageIds ${label}`,
    params: { DeleteImageType: 'ImageId', ImageIds: value },
    code: 'InvalidParameter',
  });
  const urls = (label: string, value: string): InvalidCase => ({
    label: `ImageURLs ${label}`,
    params: { DeleteImageType: 'ImageURL', ImageURLs: value },
    code: 'InvalidParameter',
  });
  const kinds = (label: string, value: string): InvalidCase => ({
    label: `ImageType ${label}`,
    params: { DeleteImageType: 'VideoId', VideoId: id, ImageType: value },
    code: 'InvalidParameter',
  });
  return [
    ids('with an empty item between two', `${id},,${id}b`),
    ids('with a leading separator', `,${id}`),
    ids('with a trailing separator', `${id},`),
    ids('that is a lone separator', ','),
    urls('with an empty item between two', `${url},,${other}`),
    urls('with a leading separator', `,${url}`),
    urls('with a trailing separator', `${url},`),
    urls('that is blank', '  '),
    kinds('with an empty item between two', 'CoverSnapshot,,NormalSnapshot'),
    kinds('with a leading separator', ',CoverSnapshot'),
    kinds('with a trailing separator', 'CoverSnapshot,'),
    kinds('that is blank', ' '),
  ];
}

/** Every invalid combination is refused with the code the spec names. */
export const invalidCombinations: Check = {
  id: 'invalid-combinations',
  proves:
    'requests that break a rule of the spec (a required field missing, an unknown enum value, a bad URL; with strict, vodkit rules too) are refused with MissingParameter or InvalidParameter',
  source: 'spec: DeleteImageRequest variants (required, enum, pattern) and x-vodkit-rules',
  needs: [],
  async run(ctx) {
    let round = 0;
    for (const c of invalidCases(ctx.id('none'))) {
      if (c.vodkitRule !== undefined && !ctx.strict) continue;
      // Spread over the algorithms and shapes: a rule holds whatever the signing.
      const signing = SIGNINGS[round % SIGNINGS.length] ?? { algorithm: 'V3', shape: 'post-form' };
      round += 1;
      await ctx.case(`${c.label} (${cellLabel(signing)})`, async () => {
        const label = `${c.label} (${cellLabel(signing)})`;
        expectError(await ctx.call({ params: c.params, ...signing, label }), [c.code]);
        if (c.covers !== undefined) ctx.cover(c.covers, 'invalid');
      });
    }
  },
};

/** 20 items are within the limit; 21 are refused. */
export const itemLimits: Check = {
  id: 'item-limits',
  proves: `up to ${MAX_IMAGE_IDS} ImageIds and ${MAX_IMAGE_URLS} ImageURLs pass validation; one more is InvalidParameter, in each shape`,
  source: 'spec: ImageIdList maxItems, ImageURLList maxItems',
  needs: [],
  async run(ctx) {
    const lists = [
      ['ImageIds', MAX_IMAGE_IDS, (ids: string[]) => byIds(ids)],
      ['ImageURLs', MAX_IMAGE_URLS, (ids: string[]) => byUrls(ids.map(imageUrl))],
    ] as const;
    for (const [i, [field, max, params]] of lists.entries()) {
      for (const [j, n] of [max, max + 1].entries()) {
        // Each list at and over its limit in a different shape and algorithm.
        const signing = SIGNINGS[(i * 3 + j * 4) % SIGNINGS.length] ?? SIGNINGS[0];
        if (signing === undefined) continue;
        await ctx.case(`${n} ${field} (${cellLabel(signing)})`, async () => {
          const exchange = await ctx.call({
            params: params(many(ctx, 'none', n)),
            ...signing,
            label: `${n} ${field} (${cellLabel(signing)})`,
          });
          if (n === max) expectPassed(exchange, ['NoSuchResource']);
          else expectError(exchange, ['InvalidParameter']);
          ctx.cover(`maxItems ${field}`, n === max ? 'valid' : 'invalid');
        });
      }
    }
  },
};

// Prefixed, so a generated ID can never be a real one (those are 32 hex digits): against a real
// service the valid cases delete nothing.
const safeId = fc.stringMatching(/^[a-z0-9]{8,24}$/).map((s) => `vkc-${s}`);
const validRequest: fc.Arbitrary<Params> = fc.oneof(
  fc.uniqueArray(safeId, { minLength: 1, maxLength: MAX_IMAGE_IDS }).map(byIds),
  fc
    .uniqueArray(safeId, { minLength: 1, maxLength: MAX_IMAGE_URLS })
    .map((ids) => byUrls(ids.map(imageUrl))),
  fc
    .tuple(safeId, fc.subarray([...SNAPSHOT_KINDS], { minLength: 1 }))
    .map(([v, k]) => byVideo(v, k)),
  safeId.map((v) => byVideo(v, 'All')),
);

/** A mutation that breaks exactly one rule, and the code the spec names for it. */
interface Mutation {
  readonly name: string;
  readonly code: string;
  readonly strictOnly?: boolean;
  readonly apply: (p: Params) => Params | undefined;
}
const without = (p: Params, name: string): Params =>
  Object.fromEntries(Object.entries(p).filter(([key]) => key !== name));
const listField = (p: Params): string | undefined =>
  p['ImageIds'] !== undefined ? 'ImageIds' : p['ImageURLs'] !== undefined ? 'ImageURLs' : undefined;
const MUTATIONS: readonly Mutation[] = [
  {
    name: 'drop DeleteImageType',
    code: 'MissingParameter',
    apply: (p) => without(p, 'DeleteImageType'),
  },
  {
    name: 'drop the variant field',
    code: 'MissingParameter',
    apply: (p) => without(p, listField(p) ?? 'VideoId'),
  },
  {
    name: 'unknown DeleteImageType',
    code: 'InvalidParameter',
    apply: (p) => ({ ...p, DeleteImageType: 'Unknown' }),
  },
  {
    name: 'one item over the limit',
    code: 'InvalidParameter',
    apply: (p) => {
      const field = listField(p);
      if (field === undefined) return undefined;
      const items = Array.from(
        { length: MAX_IMAGE_IDS + 1 },
        (_, i) => `over${i}x${p[field]?.length ?? 0}`,
      );
      return field === 'ImageIds' ? byIds(items) : byUrls(items.map(imageUrl));
    },
  },
  {
    name: 'unknown snapshot kind',
    code: 'InvalidParameter',
    apply: (p) => (p['ImageType'] === undefined ? undefined : { ...p, ImageType: 'NoSuchKind' }),
  },
  {
    name: 'a repeated snapshot kind',
    code: 'InvalidParameter',
    strictOnly: true,
    apply: (p) => {
      const kind = p['ImageType']?.split(',')[0];
      return kind === undefined || kind === 'All'
        ? undefined
        : { ...p, ImageType: `${kind},${kind}` };
    },
  },
];

/**
 * Requests generated from the spec: valid ones pass validation (a missing image answers
 * NoSuchResource), and each mutation, applied before signing so only its rule is broken, is
 * refused with the code the spec names.
 */
export const generatedCases: Check = {
  id: 'generated-cases',
  proves:
    "requests generated from the spec are accepted when valid and refused with the spec's code when one rule is broken (mutated before signing); seeded and reproducible",
  source: 'spec: DeleteImageRequest schemas (fast-check arbitraries from the variants and limits)',
  needs: [],
  async run(ctx) {
    const mutations = MUTATIONS.filter((m) => m.strictOnly !== true || ctx.strict);
    const cases = fc.sample(
      fc.tuple(
        validRequest,
        fc.constantFrom(...mutations),
        fc.constantFrom(...ALGORITHMS),
        fc.constantFrom(...SHAPES),
      ),
      { seed: ctx.seed, numRuns: 24 },
    );
    coverValid(ctx);
    for (const [i, [params, mutation, algorithm, shape]] of cases.entries()) {
      const where = `generated case ${i} (seed ${ctx.seed})`;
      await ctx.case(`${where}: ${mutation.name}, ${algorithm} ${shape}`, async () => {
        const valid = await ctx.call({
          params,
          algorithm,
          shape,
          label: `${where}: valid ${algorithm} ${shape}`,
        });
        expectPassed(valid, ['NoSuchResource']);
        const mutated = mutation.apply(params);
        if (mutated === undefined) return;
        const label = `${where}: ${mutation.name}, ${algorithm} ${shape}`;
        const exchange = await ctx.call({ params: mutated, algorithm, shape, label });
        try {
          expectError(exchange, [mutation.code]);
        } catch (error) {
          if (error instanceof ContractFailure) {
            throw new ContractFailure(
              `${error.message} (replay with seed ${ctx.seed})`,
              error.exchange,
            );
          }
          throw error;
        }
      });
    }
  },
};
