/**
 * `@vodkit/emulator`: a local ApsaraVideo VOD `DeleteImage` service. It verifies both signature
 * algorithms (with keys, STS tokens, clock skew and nonce replay), applies RAM-style policies and
 * the per-account rate limit, validates requests against the spec `@vodkit/types` ships, keeps an
 * image store (with simulated CDN lag), answers in Alibaba's shapes (JSON or XML), and injects
 * scriptable faults; an admin API under `/__admin/` drives it from any language.
 *
 * @example
 * ```ts
 * import { startEmulator, DEFAULT_EMULATOR_CREDENTIALS } from '@vodkit/emulator';
 *
 * const vod = await startEmulator({ images: [{ imageId: 'a1' }] });
 * // point a client at vod.url with DEFAULT_EMULATOR_CREDENTIALS, then:
 * await vod.close();
 * ```
 *
 * @packageDocumentation
 */
export { startEmulator } from './server.js';
export type { CloseOptions, RunningEmulator } from './server.js';
export type { EmulatorOptions } from './options.js';
export { DEFAULT_ACCOUNT_ID, DEFAULT_EMULATOR_CREDENTIALS } from './keys.js';
export type {
  AccessKeyConfig,
  AccountConfig,
  KeyEntry,
  KeyPolicy,
  KeyRegistry,
  StsTokenConfig,
} from './keys.js';
export type { ImageKind, PartialBatch, SeedImage } from './store.js';
export type { ErrorFault, FaultController, FaultKind, FaultPlan } from './faults.js';
export type { RecordedRequest } from './log.js';
export { readSeedFile, StateFileError } from './state.js';
export type {
  EmulatorState,
  ImageView,
  ReadSeedFileOptions,
  SeedFile,
  StateSnapshot,
} from './state.js';
export { ShapeError } from './shapes.js';

// The pipeline as data, for tests and the contract suite: replace or remove a stage.
export { ANSWERED, replaceStage, withoutStage } from './stage.js';
export type {
  RpcContext,
  Stage,
  StageFailure,
  StageName,
  StageResult,
  VerifiedCaller,
} from './stage.js';
export {
  answerStage,
  apiStage,
  applyStage,
  authorizeStage,
  DEFAULT_STAGES,
  faultsStage,
  parseStage,
  rateLimitStage,
  validateStage,
  verifyStage,
} from './stages/index.js';
export type { EmulatorError, RenderedBody, ResponseFormat } from './responses.js';

// The spec's validators, which the emulator's validate stage uses.
export {
  createRequestValidator,
  createSpecValidator,
  defaultRequestValidator,
  defaultSpecValidator,
  loadSpec,
} from './spec-validator.js';
export type {
  RequestValidator,
  SchemaValidateFunction,
  SpecValidator,
  ValidationProfile,
} from './spec-validator.js';
export { serviceView } from './openapi-schema.js';
export type { OpenApiDocument } from './openapi-schema.js';
export { decodeDeleteImageParams } from './wire-decoding.js';
export { describeErrors } from './validation-messages.js';
export type { RequestValidation } from './validation-messages.js';
