/** The default stages, in the order a request meets them, which is the order their errors win. */
import type { Stage } from '../stage.js';
import { answerStage } from './answer.js';
import { apiStage } from './api.js';
import { applyStage } from './apply.js';
import { authorizeStage } from './authorize.js';
import { faultsStage } from './faults.js';
import { parseStage } from './parse.js';
import { rateLimitStage } from './rate-limit.js';
import { validateStage } from './validate.js';
import { verifyStage } from './verify.js';

/**
 * The emulator's RPC pipeline: parse → faults → api → verify → authorize → rate-limit → validate
 * → apply → answer. Each stage does only its own check, so for a request that fails several, the
 * first in this list answers. Build a variant with `withoutStage` or `replaceStage` (`../stage.ts`).
 *
 * @example
 * ```ts
 * startEmulator({ stages: withoutStage(DEFAULT_STAGES, 'verify') }) // signatures off
 * ```
 */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  parseStage,
  faultsStage,
  apiStage,
  verifyStage,
  authorizeStage,
  rateLimitStage,
  validateStage,
  applyStage,
  answerStage,
]);

export {
  answerStage,
  apiStage,
  applyStage,
  authorizeStage,
  faultsStage,
  parseStage,
  rateLimitStage,
  validateStage,
  verifyStage,
};
