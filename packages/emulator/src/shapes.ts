/**
 * The rules every shape given from outside is held to (seed and state files, the admin API's
 * bodies, and the accounts, STS tokens and images passed to `startEmulator`): each field has one
 * exact type and set of values, and anything else (a string for a boolean, a misspelt status,
 * `null`, an unknown or prototype key) is refused with the path of the field and the rule. The
 * checkers built from them live beside what they check: images in `store.ts`, accounts and STS
 * tokens in `keys.ts`, whole files and snapshots in `documents.ts`; each is the one checker of its
 * shape, used by every way in, so a value that would disable something can never be read as
 * "enabled" because it had the wrong type.
 *
 * Unknown fields are refused rather than ignored: a misspelt `actve: false` or `vod_status`
 * ignored would leave a key or an account working that the author meant to disable, which is
 * exactly the fail-open these rules exist to prevent.
 */

/** A value that breaks its shape; the message is `<path> <rule>`, never the value itself. */
export class ShapeError extends TypeError {
  override readonly name: string = 'ShapeError';
  /** Where the value is, e.g. `accounts[0].accessKeys[1].active`. */
  readonly path: string;
  /** The rule it breaks, e.g. `must be true or false (a boolean), not a string`. */
  readonly rule: string;
  constructor(path: string, rule: string) {
    super(`${path} ${rule}`);
    this.path = path;
    this.rule = rule;
  }
}

/** What a value is, in words, for a rule's "not …" (never the value: it may be a secret). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A JSON-ish object read by own keys only; anything else (null, arrays, class instances) is refused. */
export type Fields = Readonly<Record<string, unknown>>;

/** A plain object (`what` names it in the rule), read by own keys only. */
export function objectAt(value: unknown, path: string, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(path, `must be an object (${what}), not ${typeName(value)}`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Inherited fields would be read as absent and fall back to defaults: refuse them outright.
  if (proto !== Object.prototype && proto !== null) {
    throw new ShapeError(path, `must be a plain object (${what})`);
  }
  return value as Fields;
}

/**
 * Checks that `object` has only the `allowed` own keys and every `required` one, then returns a
 * reader of own fields: `__proto__` or `constructor` can never be looked up through a prototype.
 */
export function fieldsOf(
  object: Fields,
  path: string,
  what: string,
  allowed: readonly string[],
  required: readonly string[] = [],
): (name: string) => unknown {
  for (const name of Object.keys(object)) {
    if (!allowed.includes(name)) {
      throw new ShapeError(
        `${path}${path === '' ? '' : '.'}${name}`,
        `is not a field of ${what} (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  for (const name of required) {
    if (!Object.hasOwn(object, name)) {
      throw new ShapeError(`${path}${path === '' ? '' : '.'}${name}`, `is required in ${what}`);
    }
  }
  return (name) => (Object.hasOwn(object, name) ? object[name] : undefined);
}

/** The path of field `name` inside `path`. */
export const joinPath = (path: string, name: string): string =>
  path === '' ? name : `${path}.${name}`;

/** A non-empty string (without a comma when `noComma`: DeleteImage lists are comma-joined). */
export function textAt(value: unknown, path: string, noComma = false): string {
  if (typeof value !== 'string' || value === '') {
    throw new ShapeError(path, `must be a non-empty string, not ${typeName(value)}`);
  }
  if (noComma && value.includes(',')) {
    throw new ShapeError(path, 'must not contain a comma (DeleteImage lists are comma-joined)');
  }
  return value;
}

/** An array of `what`. */
export function listAt(value: unknown, path: string, what: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new ShapeError(path, `must be an array of ${what}, not ${typeName(value)}`);
  }
  return value as readonly unknown[];
}

/** Exactly one of `allowed`. */
export function oneOfAt<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ShapeError(
      path,
      `must be exactly one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} (case and spaces count)${typeof value === 'string' ? '' : `, not ${typeName(value)}`}`,
    );
  }
  return value as T;
}

/** A number of epoch milliseconds (not `NaN`). */
export function numberAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ShapeError(path, `must be a number of epoch milliseconds, not ${typeName(value)}`);
  }
  return value;
}

/** Copies the optional fields that are present, so a checked value holds exactly what was given. */
export function present<T extends object>(entries: {
  readonly [K in keyof T]-?: T[K] | undefined;
}): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entries)) if (value !== undefined) out[name] = value;
  return out as T;
}
