/**
 * Thrown by the signing functions when their input cannot be signed. The message names the field,
 * what was wrong and what is allowed; it never contains a secret or a parameter value, because
 * callers log these errors and values may carry tokens.
 */
export class SignerInputError extends TypeError {
  /** Path of the offending field, e.g. `params.ImageIds` or `credentials.accessKeySecret`. */
  readonly field: string;
  /**
   * What was wrong and what is allowed, without the value: the message after `field: `, e.g.
   * `must be a string of printable ASCII`. A caller that words its own error reads this.
   */
  readonly rule: string;

  /**
   * @param field - path of the offending input field
   * @param problem - what was wrong and what is allowed, without the value itself
   * @param options - `cause`: what an injected function (clock, nonce) threw
   */
  constructor(field: string, problem: string, options?: ErrorOptions) {
    super(`${field}: ${problem}`, options);
    this.name = 'SignerInputError';
    this.field = field;
    this.rule = problem;
  }
}

/** For fields the signer sets itself. */
export const OWN = 'is set by the signer; remove it';
/** For names given twice (query and form, or header names differing in case). */
export const TWICE = 'is given twice';
/** The rule for values that travel in HTTP headers. */
export const ASCII = 'must be a string of printable ASCII';

/** Throws a {@link SignerInputError} unless `ok`. */
export function check(ok: boolean, field: string, problem: string): void {
  if (!ok) throw new SignerInputError(field, problem);
}

/** Returns `value` if it is a string matching `pattern`; otherwise throws, stating `rule`. */
export function matches(value: unknown, field: string, pattern: RegExp, rule: string): string {
  check(typeof value === 'string' && pattern.test(value), field, rule);
  return value as string;
}

/**
 * Returns `value` if it is a non-empty string of printable ASCII without spaces: what an action,
 * a version or a nonce may be, so it travels unchanged in a header (V3) as in a form (V2).
 */
export const requireWord = (value: unknown, field: string): string =>
  matches(value, field, /^[!-~]+$/, `${ASCII} without spaces`);

/** The error for a string that holds a lone UTF-16 surrogate (it has no UTF-8 form). */
export const loneSurrogate = (field: string): SignerInputError =>
  new SignerInputError(field, 'has a lone UTF-16 surrogate');

/**
 * The own entries of a plain object (its prototype `Object.prototype`, that of another realm, or
 * `null`); throws for anything else. Arrays, Maps, class instances and strings are refused rather
 * than read: their enumerable keys (`0`, `1`…, or none) are not what the caller meant to sign.
 */
export function entriesOf(value: unknown, field: string): [string, unknown][] {
  // A plain object's prototype is null or has none (Object.prototype, of whichever realm).
  check(
    typeof value === 'object' &&
      value !== null &&
      Object.getPrototypeOf(Object.getPrototypeOf(value) ?? Object.prototype) === null,
    field,
    'must be a plain object',
  );
  return Object.entries(value as object);
}

/** Throws unless the signing input is an object: plain JavaScript may pass anything. */
export function requireInput(input: unknown): void {
  // Object(x) is x exactly for objects (null-prototype ones included) and functions.
  check(Object(input) === input, 'input', 'must be an object');
}
