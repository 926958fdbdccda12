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
export { isLoopbackHost } from './loopback.js';
export { ANSWERED, checkStages, replaceStage, runPipeline, withoutStage } from './pipeline.js';
export type {
  RpcContext,
  Stage,
  StageFailure,
  StageName,
  StageResult,
  VerifiedCaller,
} from './pipeline.js';
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
export { checkApi } from './stages/api.js';
export type { DeleteOutcome, PartialBatch } from './store.js';
export type { CloseOptions, RunningEmulator } from './server.js';
export { DEFAULT_REQUEST_TIMEOUT_MS } from './server.js';
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_EMULATOR_CREDENTIALS,
  DEFAULT_MAX_BODY_BYTES,
} from './options.js';
export type {
  AccessKeyConfig,
  AccountConfig,
  EmulatorOptions,
  ErrorFault,
  FaultKind,
  FaultPlan,
  ImageKind,
  KeyPolicy,
  SeedImage,
  StsTokenConfig,
} from './options.js';
export type { FaultController, FaultDecision } from './faults.js';
export { TRANSPORT_FAULTS } from './faults.js';
export type { KeyEntry, KeyRegistry } from './keys.js';
export type { RecordedRequest } from './log.js';
export type {
  EmulatorState,
  ImageView,
  ReadSeedFileOptions,
  SeedFile,
  StateSnapshot,
} from './state.js';
export { ShapeError } from './shapes.js';
export { DEFAULT_MAX_STATE_FILE_BYTES } from './files.js';
export { readSeedFile, StateFileError, stateFileIn } from './state.js';
export { ADMIN_PREFIX, ADMIN_ROUTES } from './admin.js';
export { IMAGES_PREFIX } from './images.js';
export { isAllowed } from './authorize.js';
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
export type { OpenApiDocument, RequestShape } from './openapi-schema.js';
export { decodeDeleteImageParams } from './wire-decoding.js';
export { describeErrors } from './validation-messages.js';
export type { RequestValidation } from './validation-messages.js';
export {
  errorBody,
  escapeXml,
  recommendUrl,
  renderError,
  renderSuccess,
  statusOf,
} from './responses.js';
export type { EmulatorError, RenderedBody, ResponseFormat } from './responses.js';
export { formatBanner } from './banner.js';
