/** The default stages, in the order a request meets them. */
import type { Stage } from '../pipeline.js';
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
 * The emulator's RPC pipeline: parse → faults → verify → api → authorize → rate-limit → validate
 * → apply → answer. Build a variant with `withoutStage` or `replaceStage` (`../pipeline.ts`).
 *
 * @example startEmulator({ stages: withoutStage(DEFAULT_STAGES, 'verify') }) // signatures off
 */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  parseStage,
  faultsStage,
  verifyStage,
  apiStage,
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
