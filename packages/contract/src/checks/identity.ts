import type { Credentials } from '@vodkit/signer';
import type { Check, CheckContext } from '../check.js';
import { expectError } from '../expect.js';
import { byIds } from '../params.js';
import { forge } from './forge.js';
import { SIGNINGS, cellLabel } from './matrix.js';
import type { Signing } from './matrix.js';

const MISSING = ['NoSuchResource'];

/** A delete of a missing image signed with `credentials`, expecting `codes`. */
async function refused(
  ctx: CheckContext,
  signing: Signing,
  credentials: Credentials,
  what: string,
  codes: readonly string[],
): Promise<void> {
  const label = `${cellLabel(signing)} ${what}`;
  expectError(
    await ctx.call({ params: byIds([ctx.id('none')]), ...signing, credentials, label }),
    codes,
  );
}

/** Each signing in turn, as a case. */
async function inEverySigning(
  ctx: CheckContext,
  what: string,
  body: (signing: Signing) => Promise<void>,
  signings: readonly Signing[] = SIGNINGS,
): Promise<void> {
  for (const signing of signings) {
    await ctx.case(`${cellLabel(signing)} ${what}`, () => body(signing));
  }
}

/** An unknown key and a wrong secret are refused. */
export const unknownKey: Check = {
  id: 'unknown-key',
  proves:
    'a key the target does not know is InvalidAccessKeyId.NotFound; a known key with a wrong secret is SignatureDoesNotMatch (every shape, both algorithms)',
  source: 'spec: documented errors InvalidAccessKeyId.NotFound, SignatureDoesNotMatch',
  needs: [],
  async run(ctx) {
    const { accessKeyId } = ctx.target.credentials;
    await inEverySigning(ctx, 'an unknown key and a wrong secret', async (signing) => {
      const unknown = {
        accessKeyId: `LTAI${ctx.id('unknown')}`,
        accessKeySecret: 'not-a-secret-of-the-target',
      };
      await refused(ctx, signing, unknown, 'an unknown key', ['InvalidAccessKeyId.NotFound']);
      const wrong = { accessKeyId, accessKeySecret: 'a-wrong-secret-for-this-key' };
      await refused(ctx, signing, wrong, 'a wrong secret', ['SignatureDoesNotMatch']);
    });
  },
};

/** Keys of the target's fixtures, each refused with its code in every signing. */
function fixtureKeyCheck(
  id: string,
  need: 'disabledKey' | 'deniedKey' | 'suspendedKey' | 'unactivatedKey',
  what: string,
  code: string,
  proves: string,
  source: string,
): Check {
  return {
    id,
    proves,
    source,
    needs: [need],
    async run(ctx) {
      const credentials = ctx.target[need];
      if (credentials === undefined) return;
      await inEverySigning(ctx, what, (signing) =>
        refused(ctx, signing, credentials, what, [code]),
      );
    },
  };
}

/** A disabled key is refused. */
export const disabledKey: Check = fixtureKeyCheck(
  'disabled-key',
  'disabledKey',
  'a disabled key',
  'InvalidAccessKeyId.Inactive',
  'a key the target has disabled is InvalidAccessKeyId.Inactive (every shape, both algorithms)',
  'spec: documented error InvalidAccessKeyId.Inactive',
);

/** A RAM policy that denies the action is enforced. */
export const ramDeny: Check = fixtureKeyCheck(
  'ram-deny',
  'deniedKey',
  'a key RAM denies',
  'Forbidden.RAM',
  'a key whose RAM policy denies vod:DeleteImage is Forbidden.RAM, before anything is looked up (every shape, both algorithms)',
  'spec: RAM_ACTION, documented error Forbidden.RAM',
);

/** A key of an account whose VOD service is suspended (overdue) is refused. */
export const suspendedAccount: Check = fixtureKeyCheck(
  'suspended-account',
  'suspendedKey',
  'a key of a suspended account',
  'OperationDenied.Suspended',
  'a key of an account whose VOD service is suspended (overdue) is OperationDenied.Suspended (403), before anything is looked up (every shape, both algorithms)',
  'spec: documented error OperationDenied.Suspended ("Your VOD service is suspended.")',
);

/** A key of an account that has not activated VOD is refused. */
export const unactivatedAccount: Check = fixtureKeyCheck(
  'unactivated-account',
  'unactivatedKey',
  'a key of an account without VOD',
  'OperationDenied',
  'a key of an account that has not activated VOD is OperationDenied (403), before anything is looked up (every shape, both algorithms)',
  'spec: documented error OperationDenied ("Your account does not open VOD service yet.")',
);

/** STS credentials: valid ones pass; an expired, wrong, another key's, empty or missing token is refused. */
export const stsTokens: Check = {
  id: 'sts-tokens',
  proves:
    "STS credentials are accepted with their token (V2 SecurityToken, V3 x-acs-security-token) in every shape; an expired token is InvalidSecurityToken.Expired, another STS key's token InvalidSecurityToken.MismatchWithAccessKey, a garbled one Malformed or Mismatch, an empty one Malformed, a token beside a permanent key Mismatch or Malformed, none at all MissingSecurityToken",
  source: 'spec: documented errors InvalidSecurityToken.*, MissingSecurityToken',
  needs: ['sts'],
  async run(ctx) {
    const sts = ctx.target.sts;
    if (sts === undefined) return;
    const { accessKeyId, accessKeySecret, securityToken } = sts.valid;
    const cases: readonly (readonly [
      string,
      Credentials,
      readonly string[],
      ((s: Signing) => Parameters<CheckContext['call']>[0]['sign']) | undefined,
    ])[] = [
      ['valid STS credentials', sts.valid, MISSING, undefined],
      ['an expired STS token', sts.expired, ['InvalidSecurityToken.Expired'], undefined],
      [
        "another STS key's token",
        { ...sts.valid, securityToken: sts.expired.securityToken },
        ['InvalidSecurityToken.MismatchWithAccessKey'],
        undefined,
      ],
      [
        'a garbled STS token',
        { ...sts.valid, securityToken: `${securityToken}x` },
        ['InvalidSecurityToken.Malformed', 'InvalidSecurityToken.MismatchWithAccessKey'],
        undefined,
      ],
      [
        'an empty STS token',
        { accessKeyId, accessKeySecret },
        ['InvalidSecurityToken.Malformed', 'MissingSecurityToken'],
        // The suite's signer never sends an empty token: forge it.
        (s) =>
          forge(
            s.algorithm === 'V2'
              ? { common: { SecurityToken: '' } }
              : { headers: { 'x-acs-security-token': '' } },
          ),
      ],
      [
        'a permanent key with a token',
        { ...ctx.target.credentials, securityToken: securityToken },
        ['InvalidSecurityToken.MismatchWithAccessKey', 'InvalidSecurityToken.Malformed'],
        undefined,
      ],
      [
        'an STS key without its token',
        { accessKeyId, accessKeySecret },
        ['MissingSecurityToken'],
        undefined,
      ],
    ];
    for (const [i, [what, credentials, codes, sign]] of cases.entries()) {
      // Each case in two signings, one per algorithm, the shapes taken in turn.
      for (const signing of [SIGNINGS[i % 3], SIGNINGS[3 + ((i + 1) % 3)]]) {
        if (signing === undefined) continue;
        const label = `${cellLabel(signing)} ${what}`;
        await ctx.case(label, async () => {
          expectError(
            await ctx.call({
              params: byIds([ctx.id('none')]),
              ...signing,
              credentials,
              ...(sign === undefined ? {} : { sign: sign(signing) }),
              label,
            }),
            codes,
          );
        });
      }
    }
  },
};
