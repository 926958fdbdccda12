/**
 * Which parameter a validation error is about, and how list items are read off the wire.
 *
 * The gateway's `MissingParameter` and `InvalidParameter` messages name the parameter at fault in
 * quotes (the spec's `x-documented-codes`, observed: `The specified parameter "<name>" is not
 * valid.`): the code alone does not say which of a request's fields to fix. Only the quoted name
 * is judged, never the rest of the wording. Requests that break two rules at once are not sent:
 * neither the spec nor the reference says which one the service reports.
 */
import { MAX_IMAGE_IDS, SNAPSHOT_KINDS } from '@vodkit/types';
import type { Check, CheckContext, Exchange } from '../check.js';
import { ContractFailure } from '../check.js';
import { expectError } from '../expect.js';
import { byIds, byUrls, byVideo, imageUrl } from '../params.js';
import type { Params } from '../params.js';
import type { WireRequest } from '../wire.js';
import { askXml } from './xml.js';

/** One request that breaks one rule of one parameter. */
interface NamedCase {
  readonly label: string;
  readonly params: Params;
  readonly code: 'MissingParameter' | 'InvalidParameter';
  /** The parameter the Message must name. */
  readonly field: string;
  /** Only vodkit's stricter rules refuse it (`x-vodkit-rules`): sent with `strict` only. */
  readonly strictOnly?: true;
}

const namedCases = (id: string): NamedCase[] => [
  {
    label: 'no DeleteImageType',
    params: { ImageIds: id },
    code: 'MissingParameter',
    field: 'DeleteImageType',
  },
  {
    label: 'an unknown DeleteImageType',
    params: { DeleteImageType: 'Nope', ImageIds: id },
    code: 'InvalidParameter',
    field: 'DeleteImageType',
  },
  {
    label: 'ImageId without ImageIds',
    params: { DeleteImageType: 'ImageId' },
    code: 'MissingParameter',
    field: 'ImageIds',
  },
  {
    label: 'ImageURL without ImageURLs',
    params: { DeleteImageType: 'ImageURL' },
    code: 'MissingParameter',
    field: 'ImageURLs',
  },
  {
    label: 'VideoId without VideoId',
    params: { DeleteImageType: 'VideoId', ImageType: 'All' },
    code: 'MissingParameter',
    field: 'VideoId',
  },
  {
    label: 'VideoId without ImageType',
    params: { DeleteImageType: 'VideoId', VideoId: id },
    code: 'MissingParameter',
    field: 'ImageType',
  },
  {
    label: 'a URL that is not http(s)',
    params: byUrls(['ftp://example.com/a.png']),
    code: 'InvalidParameter',
    field: 'ImageURLs',
  },
  {
    label: `${MAX_IMAGE_IDS + 1} ImageIds`,
    params: byIds(Array.from({ length: MAX_IMAGE_IDS + 1 }, (_, i) => `${id}-${i}`)),
    code: 'InvalidParameter',
    field: 'ImageIds',
  },
  {
    label: 'an empty ImageIds item',
    params: { DeleteImageType: 'ImageId', ImageIds: `${id},,${id}b` },
    code: 'InvalidParameter',
    field: 'ImageIds',
  },
  {
    label: 'an unknown snapshot kind',
    params: byVideo(id, ['Bogus']),
    code: 'InvalidParameter',
    field: 'ImageType',
  },
  {
    label: "another variant's field (ImageId with VideoId)",
    params: { ...byIds([id]), VideoId: id },
    code: 'InvalidParameter',
    field: 'VideoId',
    strictOnly: true,
  },
  {
    label: 'a field DeleteImage does not have',
    params: { ...byIds([id]), Colour: 'blue' },
    code: 'InvalidParameter',
    field: 'Colour',
    strictOnly: true,
  },
  {
    label: 'All beside a kind',
    params: byVideo(id, ['All', 'CoverSnapshot']),
    code: 'InvalidParameter',
    field: 'ImageType',
    strictOnly: true,
  },
  {
    label: 'a repeated snapshot kind',
    params: byVideo(id, ['CoverSnapshot', 'CoverSnapshot']),
    code: 'InvalidParameter',
    field: 'ImageType',
    strictOnly: true,
  },
  {
    label: 'five snapshot kinds',
    params: byVideo(id, [...SNAPSHOT_KINDS, SNAPSHOT_KINDS[0]]),
    code: 'InvalidParameter',
    field: 'ImageType',
    strictOnly: true,
  },
  {
    label: 'a control character in an ImageId',
    params: byIds([`${id}\n`]),
    code: 'InvalidParameter',
    field: 'ImageIds',
    strictOnly: true,
  },
  {
    label: 'a control character in a VideoId',
    params: byVideo(`${id}\r`, 'All'),
    code: 'InvalidParameter',
    field: 'VideoId',
    strictOnly: true,
  },
];

/** The answer is `code` and its Message names `field` in quotes. */
function expectNamed(exchange: Exchange, code: string, field: string): void {
  expectError(exchange, [code]);
  const message = (exchange.answer.json as { Message?: unknown }).Message;
  if (typeof message !== 'string' || !message.includes(`"${field}"`)) {
    throw new ContractFailure(
      `${exchange.label}: ${code}'s Message does not name the parameter "${field}"`,
      exchange,
    );
  }
}

/** Validation errors name the parameter at fault. */
export const parameterNames: Check = {
  id: 'parameter-names',
  proves:
    'a request breaking one rule of one parameter (absent, an unknown value, too many or empty items, a pattern, a common parameter such as Format with a value it does not take; with strict, a field of another variant or none, All beside a kind, a repeated or fifth kind, a control character) answers MissingParameter or InvalidParameter with that parameter named in quotes in its Message',
  source:
    'spec: x-documented-codes MissingParameter / InvalidParameter messages (observed: The specified parameter "<name>" is not valid.); components.parameters.Format enum',
  needs: [],
  async run(ctx) {
    for (const c of namedCases(ctx.id('none'))) {
      if (c.strictOnly === true && !ctx.strict) continue;
      await ctx.case(c.label, async () => {
        expectNamed(await ctx.call({ params: c.params, label: c.label }), c.code, c.field);
      });
    }
    const format = 'Format=YAML (V2)';
    await ctx.case(format, async () => {
      const signing = { algorithm: 'V2', shape: 'get-query' } as const;
      const params = byIds([ctx.id('none')]);
      const answer = await askXml(ctx, signing, params, format, ctx.target.credentials, 'YAML');
      expectNamed(answer, 'InvalidParameter', 'Format');
    });
  },
};

/** Appends `extra` (raw, as sent) to the query or the form body of a signed request. */
const appendRaw =
  (extra: string, where: 'query' | 'body') =>
  (request: WireRequest): WireRequest =>
    where === 'query'
      ? { ...request, url: `${request.url}${request.url.includes('?') ? '&' : '?'}${extra}` }
      : { ...request, body: `${request.body ?? ''}${request.body ? '&' : ''}${extra}` };

/** How list items are read, and a request whose encoding does not decode. */
export const wireItems: Check = {
  id: 'wire-items',
  proves:
    'ImageURLs items are read percent-encoded (http:// as well as https://) or, when they start with http(s)://, as sent (a %2C in such a bare URL stays a %2C, not a comma); ImageIds items are read as sent (All and http%3A%2C are IDs); a parameter whose %-escape does not decode, in the query or in the form body, is refused with a 400 instead of being skipped',
  source:
    'spec: ImageURLList x-wire-encoding (items), ImageIdList; reference b (query and form body decoded into one map)',
  needs: [],
  async run(ctx: CheckContext) {
    const missing = ['NoSuchResource'];
    const passes: [string, Params][] = [
      ['an encoded http:// URL', byUrls([imageUrl(ctx.id('none')).replace('https:', 'http:')])],
      [
        'a bare URL holding %2C',
        { DeleteImageType: 'ImageURL', ImageURLs: `${imageUrl(ctx.id('none'))}?n=a%2Cb` },
      ],
      [
        'a bare URL holding an encoded URL',
        {
          DeleteImageType: 'ImageURL',
          ImageURLs: `${imageUrl(ctx.id('none'))}?u=https%3A%2F%2Fx%2Cy`,
        },
      ],
      ['an ImageId that reads All', { DeleteImageType: 'ImageId', ImageIds: 'All' }],
      ['an ImageId that looks encoded', byIds([`http%3A%2C${ctx.id('none')}`])],
    ];
    for (const [label, params] of passes) {
      await ctx.case(label, async () => {
        expectError(await ctx.call({ params, label }), missing);
      });
    }
    // The escape is in a parameter the signature does not cover: a target that skipped it would
    // verify the rest and answer NoSuchResource. The gateway's code for it is not documented.
    const refused = ['InvalidParameter', 'MissingParameter', 'IncompleteSignature'];
    const broken: [string, 'query' | 'body', 'get-query' | 'post-form'][] = [
      ['an undecodable %-escape in the query', 'query', 'get-query'],
      ['an undecodable %-escape in the form body', 'body', 'post-form'],
    ];
    for (const [label, where, shape] of broken) {
      for (const algorithm of ['V2', 'V3'] as const) {
        const name = `${algorithm} ${label}`;
        await ctx.case(name, async () => {
          const answer = await ctx.call({
            params: byIds([ctx.id('none')]),
            algorithm,
            shape,
            tamper: appendRaw('Extra=%ZZ', where),
            label: name,
          });
          expectError(answer, refused);
        });
      }
    }
  },
};
