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
import {
  disabledKey,
  ramDeny,
  stsTokens,
  suspendedAccount,
  unactivatedAccount,
  unknownKey,
} from './identity.js';
import { apiNames, signatureParts, timestampFormats } from './malformed.js';
import { parameterNames, wireItems } from './parameter-errors.js';
import { generatedCases, invalidCombinations, itemLimits, validVariants } from './requests.js';
import { tokenNotEchoed, v2Reading } from './request-auth.js';
import { replayedNonce, signatureTampering, timestamps } from './signing.js';
import { xmlAnswers } from './xml.js';
import { answerHeaders } from './answer-headers.js';
import { urlMatching } from './url-matching.js';

/** The suite's checks. Throttling runs last: it empties the target's bucket. */
export const CHECKS: readonly Check[] = Object.freeze([
  validVariants,
  invalidCombinations,
  itemLimits,
  generatedCases,
  parameterNames,
  wireItems,
  signatureTampering,
  timestamps,
  timestampFormats,
  signatureParts,
  apiNames,
  v2Reading,
  tokenNotEchoed,
  replayedNonce,
  unknownKey,
  disabledKey,
  stsTokens,
  ramDeny,
  suspendedAccount,
  unactivatedAccount,
  missingImage,
  deletesTakeEffect,
  givenIdsDelete,
  partialBatch,
  urlMatching,
  answersMatchSpec,
  answerHeaders,
  xmlAnswers,
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
