/**
 * `@vodkit/contract`: a contract suite for Alibaba Cloud VOD `DeleteImage`. Point it at any
 * target (the vodkit emulator, a mock, a gateway, the real service) and it tells a faithful
 * target from a broken one, check by check, with a reproducer for every failure.
 *
 * @example
 * ```ts
 * import { runContract } from '@vodkit/contract';
 * const { results } = await runContract(); // against an in-process emulator
 * ```
 *
 * The vitest registration, `defineDeleteImageContract`, is the `@vodkit/contract/vitest` entry:
 * this one imports no test framework.
 *
 * @packageDocumentation
 */
export { runContract, resolveTarget } from './suite.js';
export type { ContractOptions, ContractOutcome, TargetOption } from './suite.js';
export { CHECKS, selectChecks } from './checks/index.js';
export { invalidCases } from './checks/requests.js';
export type { InvalidCase } from './checks/requests.js';
export type {
  CallSpec,
  Check,
  CheckContext,
  DeletableItem,
  DeletableKind,
  Exchange,
  Exercise,
  Need,
} from './check.js';
export { ContractFailure } from './check.js';
export { createRun, missingNeeds, needsMessage, poolDemand, reproducerOf } from './runner.js';
export { rerunCommand } from './rerun.js';
export type { RerunBase } from './rerun.js';
export { printable, printableLine } from './printable.js';
export { probe, causeOf, TargetUnreachableError } from './reach.js';
export type { CheckResult, CheckStatus, ContractRun, RunOptions } from './runner.js';
export {
  alibabaTarget,
  emulatorTarget,
  emulatorUrlTarget,
  urlTarget,
  ALIBABA_ENV,
  AdminApiError,
  MAX_ADMIN_ANSWER_BYTES,
} from './targets.js';
export type {
  EmulatorTargetOptions,
  EmulatorUrlTargetOptions,
  UrlTargetOptions,
} from './targets.js';
export type {
  ContractTarget,
  StsCredentials,
  TargetPartialBatch,
  TargetProfile,
} from './target.js';
export {
  toJsonReport,
  toJunitReport,
  reportIdentity,
  checkReportFile,
  ReportFileError,
} from './report.js';
export type { ReportMeta } from './report.js';
export { CoverageRecorder, UNPROVOKED_CODES, specConstraints } from './coverage.js';
export type { Coverage } from './coverage.js';
export {
  redact,
  send,
  sign,
  toCurl,
  ALGORITHMS,
  SHAPES,
  DEFAULT_ANSWER_TIMEOUT_MS,
  MAX_ANSWER_BYTES,
} from './wire.js';
export type { Algorithm, Answer, SendOptions, Shape, SignOptions, WireRequest } from './wire.js';
