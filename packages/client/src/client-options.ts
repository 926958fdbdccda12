import { VodValidationError } from './errors.js';

/** What an option must be, as a check and the words for it. */
export type Rule = readonly [check: (value: unknown) => boolean, allowed: string];

/** Longest delay `setTimeout` keeps (2^31 - 1 ms); a longer one fires at once. */
const MAX_MS = 2 ** 31 - 1;
const ms = (min: number): Rule => [
  (v) => typeof v === 'number' && v >= min && v <= MAX_MS,
  `a number of milliseconds from ${min} to ${MAX_MS}`,
];
/** A rule: a function. */
export const fn: Rule = [(v) => typeof v === 'function', 'a function'];
/** A rule: a whole number from `min` to `max`. */
export const whole = (min: number, max: number): Rule => [
  (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
  `a whole number from ${min} to ${max}`,
];
const among = (...values: string[]): Rule => [
  (v) => values.includes(v as string),
  `one of ${values.join(', ')}`,
];
const objectRule: Rule = [(v) => typeof v === 'object' && v !== null, 'an object'];

/** Every option but `region`, `endpoint` and `credentials`, which are checked on their own. */
const RULES: Readonly<Record<string, Rule>> = {
  signatureAlgorithm: among('ACS3-HMAC-SHA256', 'HMAC-SHA1'),
  method: among('POST', 'GET'),
  timeoutMs: ms(1),
  fetch: fn,
  transport: fn,
  // It goes into a header: no control characters, and short enough for any server's limit.
  userAgent: [
    (v) => typeof v === 'string' && /^[\x20-\x7e]{1,256}$/.test(v),
    'printable ASCII, 1 to 256 characters (a product such as myapp/1.2)',
  ],
  throwOnError: [(v) => typeof v === 'boolean', 'true or false'],
  signer: objectRule,
  retry: objectRule,
};
const RETRY_RULES: Readonly<Record<string, Rule>> = {
  maxAttempts: whole(1, 100),
  baseDelayMs: ms(0),
  throttlingBaseDelayMs: ms(0),
  maxDelayMs: ms(0),
  random: fn,
};
const OTHER = ['region', 'endpoint', 'credentials'];

/** Throws the {@link VodValidationError} (`InvalidOption`) for an option that breaks `rule`. */
export const invalidOption = (option: string, rule: string): never => {
  throw new VodValidationError(option, rule, 'InvalidOption');
};

/** An own property's value; inherited ones (`__proto__`, `constructor`) read as absent. */
export const own = (o: object, key: string): unknown =>
  Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;

/** Throws unless `options` is a plain object. */
export function requireOptionsObject(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    invalidOption('options', 'must be an object');
  }
}

/**
 * Checks each own key of `o` against `rules` (and `extra` names, checked elsewhere), prefixing
 * paths; throws a {@link VodValidationError} (`InvalidOption`) naming the first one broken.
 */
export function checkAll(
  o: object,
  rules: Readonly<Record<string, Rule>>,
  prefix: string,
  extra: readonly string[],
): void {
  for (const key of Object.keys(o)) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (rule === undefined) {
      if (!extra.includes(key))
        invalidOption(
          prefix + key,
          `is unknown; known: ${[...Object.keys(rules), ...extra].join(', ')}`,
        );
    } else if (own(o, key) !== undefined && !rule[0](own(o, key))) {
      invalidOption(prefix + key, `must be ${rule[1]}`);
    }
  }
}

/**
 * Why credentials cannot be used, if they cannot: the ID and token travel in headers, so each
 * value must be printable ASCII without spaces. Never quotes a value.
 */
export function credentialsProblem(c: unknown): [field: string, rule: string] | undefined {
  if (typeof c !== 'object' || c === null) {
    return [
      'credentials',
      'must be { accessKeyId, accessKeySecret, securityToken? } or a provider',
    ];
  }
  for (const key of ['accessKeyId', 'accessKeySecret', 'securityToken']) {
    const v = own(c, key);
    if (key === 'securityToken' && v === undefined) continue;
    if (typeof v !== 'string' || !/^[\x21-\x7e]+$/.test(v)) {
      return [`credentials.${key}`, 'must be printable ASCII, non-empty, no spaces'];
    }
  }
  return undefined;
}

function checkCredentials(c: unknown): void {
  const problem = typeof c === 'function' ? undefined : credentialsProblem(c);
  if (problem !== undefined) invalidOption(...problem);
}
/**
 * Checks client options as plain JavaScript could pass them, before anything is sent: every
 * key known, every value of its type and range. Throws a {@link VodValidationError} (code
 * `InvalidOption`) naming the option and what is allowed. `endpoint` and `region` are
 * {@link resolveEndpoint}'s to check.
 */
export function checkClientOptions(options: unknown): void {
  requireOptionsObject(options);
  const o = options as object;
  checkAll(o, RULES, '', OTHER);
  const retry = own(o, 'retry');
  if (retry !== undefined) checkAll(retry as object, RETRY_RULES, 'retry.', []);
  checkCredentials(own(o, 'credentials'));
}
