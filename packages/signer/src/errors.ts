/**
 * Thrown by the signing functions when their input cannot be signed. The message names the field,
 * what was wrong and what is allowed; it never contains a secret or a parameter value, because
 * callers log these errors and values may carry tokens.
 */
export class SignerInputError extends TypeError {
  /** Path of the offending field, e.g. `params.ImageIds` or `credentials.accessKeySecret`. */
  readonly field: string;

  /**
   * @param field - path of the offending input field
   * @param problem - what was wrong and what is allowed, without the value itself
   */
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'SignerInputError';
    this.field = field;
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws unless `value` is a string; with `nonEmpty`, also unless it has at least one character. */
export function requireString(value: unknown, field: string, nonEmpty: boolean): string {
  if (typeof value !== 'string') {
    throw new SignerInputError(field, `expected a string, got ${describe(value)}`);
  }
  if (nonEmpty && value === '') throw new SignerInputError(field, 'must not be empty');
  return value;
}

/**
 * Throws if `value` holds a lone UTF-16 surrogate: such strings have no UTF-8 form, so the two
 * sides of a signature could not agree on the bytes. Used for strings we hash but never
 * percent-encode (secrets, header values); percent-encoding detects it on its own.
 */
export function requireWellFormed(value: string, field: string): string {
  if (LONE_SURROGATE.test(value)) throw loneSurrogate(field);
  return value;
}

/** The error for a string that contains a lone UTF-16 surrogate. */
export function loneSurrogate(field: string): SignerInputError {
  return new SignerInputError(
    field,
    'contains a lone UTF-16 surrogate; only well-formed Unicode strings can be signed',
  );
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
