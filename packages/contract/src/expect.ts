/**
 * What every answer must be, as assertions that throw {@link ContractFailure}: JSON by its
 * `content-type` (a charset is allowed) and by its body; a success is 200 with a spec-valid
 * body; an error has the code the spec names, the status the spec gives that code, and a
 * spec-valid body; every answer carries a `RequestId`.
 */
import { defaultSpecValidator } from '@vodkit/emulator';
import { DOCUMENTED_ERRORS } from '@vodkit/types';
import { ContractFailure } from './check.js';
import type { Exchange } from './check.js';
import { codeOf } from './wire.js';

/**
 * The documented HTTP status of an error code. The `Missing<Name>` codes the gateway answers for
 * an absent common parameter (`MissingTimestamp`) are variants of `MissingParameter` in the
 * reference, so they take its status.
 */
export function statusOfCode(code: string): number | undefined {
  if (Object.hasOwn(DOCUMENTED_ERRORS, code)) {
    return DOCUMENTED_ERRORS[code as keyof typeof DOCUMENTED_ERRORS].httpStatus;
  }
  return /^Missing[A-Z]\w*$/.test(code) ? DOCUMENTED_ERRORS.MissingParameter.httpStatus : undefined;
}

const fail = (message: string, exchange: Exchange): never => {
  throw new ContractFailure(message, exchange);
};

/** `application/json`, with or without parameters (`;charset=utf-8`). */
const JSON_TYPE = /^application\/json\s*(?:;.*)?$/i;

/**
 * Every answer is JSON: its `content-type` says so and its body parses to an object. A 200 with
 * `text/plain`, or an HTML error page, is not a DeleteImage answer whatever its body says.
 */
export function expectJson(exchange: Exchange): void {
  const type = exchange.answer.headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type.trim())) {
    fail(
      `${exchange.label}: the answer's content-type is ${type === undefined ? 'missing' : JSON.stringify(type)}, not application/json`,
      exchange,
    );
  }
  const { json } = exchange.answer;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail(`${exchange.label}: the answer is not a JSON object`, exchange);
  }
}

/** Every answer: JSON with a string `RequestId`. */
export function expectRequestId(exchange: Exchange): void {
  expectJson(exchange);
  const id = (exchange.answer.json as { RequestId?: unknown } | undefined)?.RequestId;
  if (typeof id !== 'string' || id === '') {
    fail(`${exchange.label}: the answer has no RequestId`, exchange);
  }
  const header = exchange.answer.headers['x-acs-request-id'];
  if (header !== undefined && header !== id) {
    fail(`${exchange.label}: x-acs-request-id differs from the body's RequestId`, exchange);
  }
}

/** The answer matches the spec schema `name` (`DeleteImageResponse` or `VodError`). */
export function expectSchema(exchange: Exchange, name: 'DeleteImageResponse' | 'VodError'): void {
  expectJson(exchange);
  const problems = defaultSpecValidator().validate(name, exchange.answer.json);
  if (problems.length > 0) {
    fail(
      `${exchange.label}: the answer does not match the spec's ${name}: ${problems.join('; ')}`,
      exchange,
    );
  }
}

/** A success: 200, a `DeleteImageResponse`, a `RequestId`. */
export function expectAccepted(exchange: Exchange): void {
  const { status } = exchange.answer;
  if (status !== 200) {
    fail(
      `${exchange.label}: expected 200, got ${status} ${codeOf(exchange.answer) ?? ''}`.trimEnd(),
      exchange,
    );
  }
  expectRequestId(exchange);
  expectSchema(exchange, 'DeleteImageResponse');
}

/**
 * An error with one of `codes`, the status the spec documents for it (an error code the
 * reference does not list must still answer a 4xx or 5xx), a `VodError` body and a `RequestId`.
 * Returns the code answered.
 */
export function expectError(exchange: Exchange, codes: readonly string[]): string {
  const { status } = exchange.answer;
  const code = codeOf(exchange.answer);
  if (code === undefined || !codes.includes(code)) {
    fail(
      `${exchange.label}: expected ${codes.join(' or ')}, got ${status} ${code ?? '(no Code)'}`,
      exchange,
    );
  }
  const answered = code ?? '';
  const documented = statusOfCode(answered);
  if (documented !== undefined && documented !== status) {
    fail(`${exchange.label}: ${answered} must answer HTTP ${documented}, got ${status}`, exchange);
  }
  if (documented === undefined && !(status >= 400 && status <= 599)) {
    fail(`${exchange.label}: the error ${answered} answered HTTP ${status}, not 4xx/5xx`, exchange);
  }
  expectRequestId(exchange);
  expectSchema(exchange, 'VodError');
  return answered;
}

/**
 * A request that passes validation: a 200 success, or one of `codes` (a delete of images that do
 * not exist answers `NoSuchResource`). Either way the answer is judged whole.
 */
export function expectPassed(exchange: Exchange, codes: readonly string[]): void {
  if (exchange.answer.status === 200) expectAccepted(exchange);
  else expectError(exchange, codes);
}

/** A condition about the target's state, with the exchange that should have caused it. */
export function expectThat(ok: boolean, message: string, exchange?: Exchange): void {
  if (!ok) throw new ContractFailure(message, exchange);
}
