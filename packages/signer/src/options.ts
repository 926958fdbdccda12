import { OWN, SignerInputError, TWICE, check, entriesOf, matches, requireWord } from './errors.js';
import { requireWellFormed } from './encode.js';

/** An AccessKey pair, or STS temporary credentials when `securityToken` is set. */
export interface Credentials {
  /** The AccessKey ID (`STS.…` for temporary credentials): printable ASCII, no space or comma. */
  readonly accessKeyId: string;
  /**
   * The AccessKey secret, without control characters. Never copied into results or error
   * messages.
   */
  readonly accessKeySecret: string;
  /** The STS security token, for temporary credentials only: printable ASCII. */
  readonly securityToken?: string | undefined;
}

/**
 * Request parameters by name, as a plain object (its prototype `Object.prototype` or `null`; an
 * array, `Map` or class instance is refused). Values are strings; `undefined` ones are left out,
 * as the official SDKs do.
 */
export type Params = Readonly<Record<string, string | undefined>>;

/** What every signing call may inject instead of reading the world. */
export interface SigningContext {
  /** The credentials to sign with. */
  readonly credentials: Credentials;
  /** Current time in epoch milliseconds (1970 to 9999); defaults to `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /**
   * A fresh, unique nonce per call; defaults to `crypto.randomUUID()` (the node entry: 32 random
   * lowercase hex digits).
   */
  readonly nonce?: (() => string) | undefined;
}

/**
 * Validates credentials; messages name the field and the rule but never show a value. The ID
 * goes raw into V3's `authorization` header (`Credential=<id>,`) and the token into
 * `x-acs-security-token`, so both are header-safe ASCII for either algorithm (one rule, whatever
 * the algorithm); the secret is only hashed, but a control character in it is a paste accident.
 */
export function checkCredentials(value: unknown): Credentials {
  check(
    typeof value === 'object' && value !== null,
    'credentials',
    'must be { accessKeyId, accessKeySecret }',
  );
  const c = value as Record<string, unknown>;
  const read = (name: string, pattern: RegExp, rule: string): string =>
    matches(c[name], `credentials.${name}`, pattern, `must be a ${rule}`);
  const token = c['securityToken'];
  return {
    accessKeyId: read(
      'accessKeyId',
      /^[!-+\--~]+$/,
      'string of printable ASCII without spaces or commas',
    ),
    accessKeySecret: requireWellFormed(
      read(
        'accessKeySecret',
        // eslint-disable-next-line no-control-regex -- the characters refused
        /^[^\0-\x1f\x7f-\x9f]+$/,
        'non-empty string without control characters',
      ),
      'credentials.accessKeySecret',
    ),
    securityToken:
      token === undefined
        ? undefined
        : read(
            'securityToken',
            /^[!-~](?:[ -~]*[!-~])?$/,
            'string of printable ASCII, no space at either end',
          ),
  };
}

/** Calls an injected function, so that whatever it throws is an input error naming it. */
function callInjected(fn: unknown, field: string): unknown {
  check(typeof fn === 'function', field, 'must be a function');
  try {
    return (fn as () => unknown)();
  } catch (cause) {
    // The cause's message is the caller's own and may say anything; it stays out of ours.
    throw new SignerInputError(`${field}()`, 'threw (see cause)', { cause });
  }
}

// 9999-12-31T23:59:59.999Z + 1 ms: the last instant a four-digit `YYYY` can write.
const END_OF_9999 = 253402300800000;

/** Reads the injected clock and nonce source (or the defaults), checking the nonce. */
export function takeClockAndNonce(
  ctx: SigningContext,
  fallbackNonce?: () => string,
): { ms: number; nonce: string } {
  // V3 sends the nonce as a header, so it must survive as header bytes.
  const nonce = requireWord(
    callInjected(ctx.nonce ?? fallbackNonce ?? (() => globalThis.crypto.randomUUID()), 'nonce'),
    'nonce()',
  );
  const ms = callInjected(ctx.clock ?? Date.now, 'clock');
  // NaN fails both comparisons; a time outside the range would format as `+010000-…` or throw.
  check(
    typeof ms === 'number' && ms >= 0 && ms < END_OF_9999,
    'clock()',
    'must return epoch ms, 1970 to 9999',
  );
  return { ms: ms as number, nonce };
}

/**
 * Copies `params` into a null-prototype map (so a parameter named `__proto__` stays a parameter),
 * dropping `undefined` values and rejecting non-strings, repeats and names the signer sets itself.
 */
export function collectParams(
  params: unknown,
  field: string,
  into: Record<string, string>,
  reserved?: ReadonlySet<string>,
): Record<string, string> {
  if (params === undefined) return into;
  for (const [name, value] of entriesOf(params, field)) {
    if (value === undefined) continue;
    const f = `${field}.${name}`;
    check(reserved?.has(name) !== true, f, OWN);
    check(!Object.hasOwn(into, name), f, TWICE);
    check(typeof value === 'string', f, 'must be a string or undefined');
    into[name] = value as string;
  }
  return into;
}
