import type { Check } from '../check.js';
import { expectError } from '../expect.js';
import { byIds } from '../params.js';

const MISSING = ['NoSuchResource'];

/** An unknown key and a wrong secret are refused. */
export const unknownKey: Check = {
  id: 'unknown-key',
  proves:
    'a key the target does not know is InvalidAccessKeyId.NotFound; a known key with a wrong secret is SignatureDoesNotMatch',
  source: 'spec: documented errors InvalidAccessKeyId.NotFound, SignatureDoesNotMatch',
  needs: [],
  async run(ctx) {
    const { accessKeyId } = ctx.target.credentials;
    for (const algorithm of ['V2', 'V3'] as const) {
      const params = byIds([ctx.id('none')]);
      const unknown = {
        accessKeyId: `LTAI${ctx.id('unknown')}`,
        accessKeySecret: 'not-a-secret-of-the-target',
      };
      expectError(
        await ctx.call({
          params,
          algorithm,
          credentials: unknown,
          label: `${algorithm} an unknown key`,
        }),
        ['InvalidAccessKeyId.NotFound'],
      );
      const wrong = { accessKeyId, accessKeySecret: 'a-wrong-secret-for-this-key' };
      expectError(
        await ctx.call({
          params,
          algorithm,
          credentials: wrong,
          label: `${algorithm} a wrong secret`,
        }),
        ['SignatureDoesNotMatch'],
      );
    }
  },
};

/** A disabled key is refused. */
export const disabledKey: Check = {
  id: 'disabled-key',
  proves: 'a key the target has disabled is InvalidAccessKeyId.Inactive',
  source: 'spec: documented error InvalidAccessKeyId.Inactive',
  needs: ['disabledKey'],
  async run(ctx) {
    const credentials = ctx.target.disabledKey;
    if (credentials === undefined) return;
    expectError(
      await ctx.call({ params: byIds([ctx.id('none')]), credentials, label: 'a disabled key' }),
      ['InvalidAccessKeyId.Inactive'],
    );
  },
};

/** STS credentials: valid ones pass; an expired, wrong or missing token is refused. */
export const stsTokens: Check = {
  id: 'sts-tokens',
  proves:
    'STS credentials are accepted with their token (V2 SecurityToken, V3 x-acs-security-token); an expired token, a wrong one and none at all are refused with the InvalidSecurityToken / MissingSecurityToken codes',
  source: 'spec: documented errors InvalidSecurityToken.*, MissingSecurityToken',
  needs: ['sts'],
  async run(ctx) {
    const sts = ctx.target.sts;
    if (sts === undefined) return;
    for (const algorithm of ['V2', 'V3'] as const) {
      const call = (
        credentials: typeof sts.valid | { accessKeyId: string; accessKeySecret: string },
        label: string,
      ) =>
        ctx.call({
          params: byIds([ctx.id('none')]),
          algorithm,
          credentials,
          label: `${algorithm} ${label}`,
        });
      expectError(await call(sts.valid, 'valid STS credentials'), MISSING);
      expectError(await call(sts.expired, 'an expired STS token'), [
        'InvalidSecurityToken.Expired',
      ]);
      expectError(
        await call(
          { ...sts.valid, securityToken: `${sts.valid.securityToken}x` },
          'a wrong STS token',
        ),
        ['InvalidSecurityToken.Malformed', 'InvalidSecurityToken.MismatchWithAccessKey'],
      );
      const { accessKeyId, accessKeySecret } = sts.valid;
      expectError(await call({ accessKeyId, accessKeySecret }, 'an STS key without its token'), [
        'MissingSecurityToken',
      ]);
    }
  },
};

/** A RAM policy that denies the action is enforced. */
export const ramDeny: Check = {
  id: 'ram-deny',
  proves:
    'a key whose RAM policy denies vod:DeleteImage is Forbidden.RAM, before anything is looked up',
  source: 'spec: RAM_ACTION, documented error Forbidden.RAM',
  needs: ['deniedKey'],
  async run(ctx) {
    const credentials = ctx.target.deniedKey;
    if (credentials === undefined) return;
    expectError(
      await ctx.call({ params: byIds([ctx.id('none')]), credentials, label: 'a key RAM denies' }),
      ['Forbidden.RAM'],
    );
  },
};
