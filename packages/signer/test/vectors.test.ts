/** The one loop over the signing vectors, through the WebCrypto entries and the node:crypto one. */
import { describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as verifyEntry from '../src/verify-entry.js';
import * as node from '../src/node.js';
import * as v2Entry from '../src/v2-entry.js';
import { checkVector } from './vector-check.js';
import type { SignerApi } from './vector-check.js';
import { VECTORS } from './vectors.fixture.js';

const apis: Record<string, SignerApi> = {
  'main and v2 entries (WebCrypto)': {
    signV2: v2Entry.signV2,
    signV3: main.signV3,
    verifyRequest: verifyEntry.verifyRequest,
  },
  'node entry (node:crypto)': {
    signV2: node.signV2,
    signV3: node.signV3,
    verifyRequest: node.verifyRequest,
  },
};

describe.each(Object.entries(apis))('%s', (_label, api) => {
  it.each(VECTORS.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    expect(await checkVector(api, vector)).toEqual([]);
  });
});
