/**
 * Which of the spec's request constraints a run exercised with both a valid and an invalid
 * value, and which documented error codes the target answered. The constraints are read from
 * the spec: each variant's required fields, the enums, the list limits and patterns, and (with
 * `strict`) vodkit's own rules.
 */
import { loadSpec } from '@vodkit/emulator';
import { DOCUMENTED_ERRORS } from '@vodkit/types';
import type { Exercise } from './check.js';

/** The coverage of one run. */
export interface Coverage {
  /** Constraint → how it was exercised. */
  readonly constraints: Readonly<Record<string, readonly Exercise[]>>;
  /** Documented codes answered at least once. */
  readonly codesSeen: readonly string[];
  /** Documented codes not answered in this run → why. */
  readonly codesNotSeen: Readonly<Record<string, string>>;
  /** `8 of 10 constraints with a valid and an invalid value; 14 of 26 error codes answered`. */
  readonly line: string;
}

interface SchemaNode {
  required?: string[];
  properties?: Record<string, unknown>;
}

/**
 * The documented codes no check provokes, and why: no fixture or malformed request makes a
 * correct target answer them. Every other documented code has a check that provokes it.
 */
export const UNPROVOKED_CODES: Readonly<Record<string, string>> = Object.freeze({
  Forbidden: 'no documented condition makes it; a RAM denial is Forbidden.RAM',
  'Throttling.Api': 'a target throttles with one code; the emulator answers Throttling.User',
  Throttling: 'a target throttles with one code; the emulator answers Throttling.User',
  InternalError: 'a server failure; no correct request provokes it',
  ServiceUnavailable: 'a temporary outage; no request provokes it',
  ServiceUnAvailable: "VOD's spelling of ServiceUnavailable; no request provokes it",
});

/** Why a documented code was not answered in a run. */
function whyNotSeen(code: string): string {
  return Object.hasOwn(UNPROVOKED_CODES, code)
    ? (UNPROVOKED_CODES[code] ?? '')
    : 'a check provokes it, but it did not run or the target answered another code';
}

/** The constraints a run can exercise, from the spec (strict adds vodkit's rules). */
export function specConstraints(strict: boolean): string[] {
  const schemas = loadSpec().components.schemas as Record<string, SchemaNode>;
  const required = new Set<string>();
  for (const name of ['DeleteImageByImageURLs', 'DeleteImageByImageIds', 'DeleteImageByVideoId']) {
    for (const field of schemas[name]?.required ?? []) required.add(`required ${field}`);
  }
  const constraints = [
    ...required,
    'enum DeleteImageType',
    'enum SnapshotKind',
    'maxItems ImageIds',
    'maxItems ImageURLs',
    'pattern ImageURL',
  ];
  if (strict) {
    constraints.push(
      'uniqueItems ImageType',
      'additionalProperties',
      'pattern ImageId',
      'ImageType All alone',
    );
  }
  return constraints;
}

/** Collects what a run exercised. */
export class CoverageRecorder {
  readonly #seen = new Map<string, Set<Exercise>>();
  readonly #codes = new Set<string>();

  /** Notes that a constraint was exercised. */
  cover(constraint: string, how: Exercise): void {
    let set = this.#seen.get(constraint);
    if (set === undefined) this.#seen.set(constraint, (set = new Set()));
    set.add(how);
  }

  /** Notes a code the target answered. */
  answered(code: string): void {
    this.#codes.add(code);
  }

  /** The coverage against the spec's constraints. */
  report(strict: boolean): Coverage {
    const all = specConstraints(strict);
    const constraints: Record<string, Exercise[]> = {};
    for (const c of all) constraints[c] = [...(this.#seen.get(c) ?? [])].sort();
    const both = all.filter((c) => (constraints[c]?.length ?? 0) === 2);
    const documented = Object.keys(DOCUMENTED_ERRORS);
    const codesSeen = documented.filter((c) => this.#codes.has(c));
    const codesNotSeen: Record<string, string> = {};
    for (const c of documented) if (!this.#codes.has(c)) codesNotSeen[c] = whyNotSeen(c);
    const missing = all.filter((c) => !both.includes(c));
    const notSeen = Object.keys(codesNotSeen);
    const unprovoked = notSeen.filter((c) => Object.hasOwn(UNPROVOKED_CODES, c));
    const unanswered = notSeen.filter((c) => !Object.hasOwn(UNPROVOKED_CODES, c));
    const notes = [
      ...(unprovoked.length > 0
        ? [
            `provoked by no check: ${unprovoked.map((c) => `${c} (${codesNotSeen[c] ?? ''})`).join(', ')}`,
          ]
        : []),
      ...(unanswered.length > 0
        ? [
            `not answered in this run (their check did not run, or another code came): ${unanswered.join(', ')}`,
          ]
        : []),
    ];
    const line =
      `${both.length} of ${all.length} spec constraints exercised with a valid and an invalid value` +
      (missing.length > 0 ? ` (not: ${missing.join(', ')})` : '') +
      `; ${codesSeen.length} of ${documented.length} documented error codes answered` +
      (notes.length > 0 ? `; ${notes.join('; ')}` : '');
    return { constraints, codesSeen, codesNotSeen, line };
  }
}
