/**
 * Edges of how a target reads a V2 request's signature: what selects the algorithm, which body
 * holds parameters, and what a refused STS request's answer may show.
 */
import type { Check, CheckContext, Exchange } from '../check.js';
import { expectError, expectThat } from '../expect.js';
import { byIds } from '../params.js';
import type { WireRequest } from '../wire.js';

/** What a well-signed delete of images that do not exist answers. */
const MISSING = ['NoSuchResource'];

/** A V2 delete of a missing image, signed with the params in the query, then changed. */
function v2Call(
  ctx: CheckContext,
  label: string,
  tamper: (request: WireRequest) => WireRequest,
): Promise<Exchange> {
  return ctx.call({
    params: byIds([ctx.id('none')]),
    algorithm: 'V2',
    shape: 'post-query',
    tamper,
    label,
  });
}

/**
 * Only an `ACS3-` scheme in `Authorization` selects V3; a body that is not a form holds no
 * parameters. Both are vodkit rules (strict): the service's reading of such requests is not
 * documented.
 */
export const v2Reading: Check = {
  id: 'v2-reading',
  proves:
    'with strict: a V2-signed request that also carries an Authorization header of another scheme (a proxy\'s "Bearer …") is verified as V2 and let through; a V2 request signed in the query whose body is not application/x-www-form-urlencoded (text/plain, JSON) is verified on the query alone: its body is not read as parameters',
  source:
    'spec: V2 signs the query and a form body; V3 is "Authorization: ACS3-…" (vodkit rules: other schemes and non-form bodies are not part of the signature)',
  needs: [],
  async run(ctx) {
    if (!ctx.strict) return;
    await ctx.case('V2 with an Authorization: Bearer header', async () => {
      const label = 'V2 post-query with "Authorization: Bearer …" added';
      expectError(
        await v2Call(ctx, label, (r) => ({
          ...r,
          headers: { ...r.headers, authorization: 'Bearer vodkit-contract-proxy-token' },
        })),
        MISSING,
      );
    });
    const bodies = [
      ['text/plain', `ImageIds=${ctx.id('body')}&Foo=bar`],
      ['application/json', '{"ImageIds":"x"}'],
    ] as const;
    for (const [type, body] of bodies) {
      await ctx.case(`V2 signed in the query with a ${type} body`, async () => {
        const label = `V2 post-query with a ${type} body added`;
        expectError(
          await v2Call(ctx, label, (r) => ({
            ...r,
            headers: { ...r.headers, 'content-type': type },
            body,
          })),
          MISSING,
        );
      });
    }
  },
};

/** The ways a token can show in a message: as sent, and percent-encoded once or twice. */
const shownForms = (token: string): string[] => {
  const once = encodeURIComponent(token);
  return [token, once, encodeURIComponent(once)];
};

/** A refused STS request's answer does not echo its SecurityToken. */
export const tokenNotEchoed: Check = {
  id: 'token-not-echoed',
  proves:
    "with strict: a V2 request with STS credentials and a wrong secret is SignatureDoesNotMatch, and the answer (the Message's string to sign included) shows the SecurityToken in no form (as sent or percent-encoded)",
  source:
    'spec: SignatureDoesNotMatch echoes the string to sign; vodkit rule: secrets (AccessKeySecret, SecurityToken, Signature) never appear in answers',
  needs: ['sts'],
  async run(ctx) {
    const sts = ctx.target.sts;
    if (!ctx.strict || sts === undefined) return;
    for (const shape of ['post-form', 'get-query'] as const) {
      await ctx.case(`V2 ${shape} STS with a wrong secret`, async () => {
        const e = await ctx.call({
          params: byIds([ctx.id('none')]),
          algorithm: 'V2',
          shape,
          credentials: { ...sts.valid, accessKeySecret: 'a-wrong-secret-for-this-key' },
          label: `V2 ${shape} STS credentials with a wrong secret`,
        });
        expectError(e, ['SignatureDoesNotMatch']);
        const leaked = shownForms(sts.valid.securityToken).filter(
          (form) => form !== '' && e.answer.text.includes(form),
        );
        expectThat(
          leaked.length === 0,
          'the SignatureDoesNotMatch answer shows the SecurityToken that was sent',
          e,
        );
      });
    }
  },
};
