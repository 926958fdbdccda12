/** Every named check, in the order the suite runs them. */
import type { Check } from '../check.js';
import {
  answersMatchSpec,
  givenIdsDelete,
  clientInterop,
  deletesTakeEffect,
  missingImage,
  partialBatch,
  throttling,
} from './behaviour.js';
import { disabledKey, ramDeny, stsTokens, unknownKey } from './identity.js';
import { generatedCases, invalidCombinations, itemLimits, validVariants } from './requests.js';
import { replayedNonce, signatureTampering, timestamps } from './signing.js';

/** The suite's checks. Throttling runs last but one: the limit needs a moment to refill after it. */
export const CHECKS: readonly Check[] = Object.freeze([
  validVariants,
  invalidCombinations,
  itemLimits,
  generatedCases,
  signatureTampering,
  timestamps,
  replayedNonce,
  unknownKey,
  disabledKey,
  stsTokens,
  ramDeny,
  missingImage,
  deletesTakeEffect,
  givenIdsDelete,
  partialBatch,
  answersMatchSpec,
  clientInterop,
  throttling,
]);

/** The checks named by `ids` (all when none), in suite order; throws for an unknown ID. */
export function selectChecks(ids?: readonly string[]): readonly Check[] {
  if (ids === undefined) return CHECKS;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new TypeError('checks: must be an array of check IDs');
  }
  if (ids.length === 0) return CHECKS;
  const known = new Set(CHECKS.map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new TypeError(`unknown check ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  return CHECKS.filter((c) => ids.includes(c.id));
}
