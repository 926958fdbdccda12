/**
 * What every answer must be, as assertions that throw {@link ContractFailure}: a success is 200
 * with a spec-valid body; an error has the code the spec names, the status the spec gives that
 * code, and a spec-valid body; every answer carries a `RequestId`.
 */
import { defaultSpecValidator } from '@vodkit/emulator';
import { DOCUMENTED_ERRORS } from '@vodkit/types';
import { ContractFailure } from './check.js';
import type { Exchange } from './check.js';
import { codeOf } from './wire.js';

/** The documented HTTP status of an error code. */
export function statusOfCode(code: string): number | undefined {
  return Object.hasOwn(DOCUMENTED_ERRORS, code)
    ? DOCUMENTED_ERRORS[code as keyof typeof DOCUMENTED_ERRORS].httpStatus
    : undefined;
}

const fail = (message: string, exchange: Exchange): never => {
  throw new ContractFailure(message, exchange);
};

/** Every answer: JSON with a string `RequestId`. */
export function expectRequestId(exchange: Exchange): void {
  const id = (exchange.answer.json as { RequestId?: unknown } | undefined)?.RequestId;
  if (typeof id !== 'string' || id === '') {
    fail(`${exchange.label}: the answer has no RequestId`, exchange);
  }
}

/** The answer matches the spec schema `name` (`DeleteImageResponse` or `VodError`). */
export function expectSchema(exchange: Exchange, name: 'DeleteImageResponse' | 'VodError'): void {
  if (exchange.answer.json === undefined)
    fail(`${exchange.label}: the answer is not JSON`, exchange);
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
 * An error with one of `codes`, the status the spec documents for it, a `VodError` body and a
 * `RequestId`. Returns the code answered.
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
  expectRequestId(exchange);
  expectSchema(exchange, 'VodError');
  return answered;
}

/** A condition about the target's state, with the exchange that should have caused it. */
export function expectThat(ok: boolean, message: string, exchange?: Exchange): void {
  if (!ok) throw new ContractFailure(message, exchange);
}
