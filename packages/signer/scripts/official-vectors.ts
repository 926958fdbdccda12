/**
 * Prints the `EXPECTED` table of test/vectors.fixture.ts, computed with the official
 * `@alicloud/openapi-util` (never with vodkit). Run once when vectors are added, paste, review:
 *   pnpm exec tsx scripts/official-vectors.ts
 */
import { officialV3, officialV2Signature } from '../test/official.ts';
import { AK, FIXED_NONCE, FIXED_TIME, VECTOR_INPUTS } from '../test/vectors.fixture.ts';

const out: Record<string, unknown> = {};
for (const v of VECTOR_INPUTS) {
  const common = {
    credentials: v.input.credentials ?? AK,
    timestamp: v.input.time ?? FIXED_TIME,
    nonce: v.input.nonce ?? FIXED_NONCE,
  };
  if (v.kind === 'v2') {
    out[v.name] = { signature: officialV2Signature({ ...v.input, ...common }) };
  } else {
    const o = officialV3({ ...v.input, ...common });
    out[v.name] = {
      authorization: o.authorization,
      hashedPayload: o.hashedPayload,
      ...(v.input.form === undefined ? {} : { body: o.body }),
    };
  }
}
console.log(JSON.stringify(out, null, 2));
