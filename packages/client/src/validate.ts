import {
  DELETE_IMAGE_TYPES,
  IMAGE_TYPE_ALL,
  LIST_SEPARATOR,
  MAX_IMAGE_IDS,
  MAX_IMAGE_URLS,
  SNAPSHOT_KINDS,
} from '@vodkit/types';
import type { DeleteImageRequest } from '@vodkit/types';
import { percentEncode } from '@vodkit/signer/encode';
import { VodValidationError } from './errors.js';

/** The wire form of a request: every field a string, lists comma-joined. */
export type WireParams = Record<string, string>;

// A Map, not an object: a DeleteImageType of "constructor" or "__proto__" must not find
// Object.prototype's members.
const FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ImageURL', ['DeleteImageType', 'ImageURLs']],
  ['ImageId', ['DeleteImageType', 'ImageIds']],
  ['VideoId', ['DeleteImageType', 'VideoId', 'ImageType']],
]);
const KINDS: ReadonlySet<unknown> = new Set(SNAPSHOT_KINDS);

// The spec's patterns (`ImageURL`, `ImageId`, `VideoId`); the `u` flag makes the surrogate
// range match only lone surrogates, as in ajv. A test holds these equal to the spec's schema.
/* eslint-disable no-control-regex -- control characters are exactly what these refuse */
const URL_RULE = /^https?:\/\/[^,\x00-\x1F\x7F\uD800-\uDFFF]+$/u;
const ID_RULE = /^[^,\x00-\x1F\x7F\uD800-\uDFFF]+$/u;
const CONTROL = /[\x00-\x1F\x7F]/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/* eslint-enable no-control-regex */

const fail = (field: string, rule: string): never => {
  throw new VodValidationError(field, rule);
};

/** A string item: non-empty, then the pattern, with the rule broken named precisely. */
function item(value: unknown, field: string, pattern: RegExp, rule: string): string {
  if (typeof value !== 'string' || value === '') return fail(field, 'must be a non-empty string');
  if (CONTROL.test(value)) return fail(field, 'must not contain control characters (CR, LF, …)');
  if (LONE_SURROGATE.test(value)) return fail(field, 'must not contain a lone UTF-16 surrogate');
  if (!pattern.test(value)) fail(field, rule);
  return value;
}

/** A list of 1 to `max` items, read by index so that a hole in a sparse array is caught. */
function list(value: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(value)) return fail(field, 'must be an array');
  const items = value as unknown[];
  if (items.length < 1) fail(field, 'must have at least 1 item');
  if (items.length > max) fail(field, `must have at most ${max} items`);
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i += 1) {
    if (!Object.hasOwn(items, i)) fail(`${field}[${i}]`, 'is missing (a hole in a sparse array)');
    out.push(items[i]);
  }
  return out;
}

/**
 * Checks an `ImageIds` or `ImageURLs` list by the spec's rules (1 to 20 items, no hole, each a
 * non-empty string of its pattern) and returns a dense copy of its items; throws
 * {@link VodValidationError} naming the item and the rule. `toWireParams` and
 * `checkImageList` both check lists here, so the rule and message are the same.
 */
export function checkedList(field: 'ImageIds' | 'ImageURLs', value: unknown): string[] {
  const urls = field === 'ImageURLs';
  // Plain JavaScript may name any field.
  if (!urls && (field as string) !== 'ImageIds') fail('field', 'must be ImageIds or ImageURLs');
  return list(value, field, urls ? MAX_IMAGE_URLS : MAX_IMAGE_IDS).map((v, i) =>
    urls
      ? item(v, `${field}[${i}]`, URL_RULE, 'must be an http(s) URL without a comma')
      : item(v, `${field}[${i}]`, ID_RULE, 'must not contain a comma'),
  );
}

/**
 * Checks a request against the spec's rules (the discriminated union, list bounds, item
 * patterns, no stray fields) and returns its wire form: lists comma-joined, each image URL
 * percent-encoded before the join. Throws {@link VodValidationError} naming the field and the
 * rule, for any value plain JavaScript can pass; nothing is sent for a request that fails.
 *
 * @example
 * ```ts
 * toWireParams({ DeleteImageType: 'ImageId', ImageIds: ['a', 'b'] }); // { …, ImageIds: 'a,b' }
 * ```
 */
export function toWireParams(request: DeleteImageRequest): WireParams {
  if (typeof request !== 'object' || (request as unknown) === null || Array.isArray(request)) {
    return fail('request', 'must be an object');
  }
  const r = request as unknown as Record<string, unknown>;
  const type = Object.hasOwn(r, 'DeleteImageType') ? r['DeleteImageType'] : undefined;
  const allowed = typeof type === 'string' ? FIELDS.get(type) : undefined;
  if (allowed === undefined) {
    return fail('DeleteImageType', `must be one of ${DELETE_IMAGE_TYPES.join(', ')}`);
  }
  for (const key of Object.keys(r)) {
    if (!allowed.includes(key)) fail(key, `is not a field of the ${type as string} variant`);
  }
  const own = (name: string): unknown => (Object.hasOwn(r, name) ? r[name] : undefined);
  const join = (values: unknown[]): string => values.join(LIST_SEPARATOR);
  if (type === 'ImageURL') {
    // Each URL is percent-encoded on its own before the join, as the spec's ImageURLList says;
    // the signature rules then encode the joined list like any other value.
    const urls = checkedList('ImageURLs', own('ImageURLs')).map((u) => percentEncode(u));
    return { DeleteImageType: type, ImageURLs: join(urls) };
  }
  if (type === 'ImageId') {
    return { DeleteImageType: type, ImageIds: join(checkedList('ImageIds', own('ImageIds'))) };
  }
  const videoId = item(own('VideoId'), 'VideoId', ID_RULE, 'must be exactly one ID (no comma)');
  const imageType = own('ImageType');
  if (imageType === IMAGE_TYPE_ALL)
    return { DeleteImageType: 'VideoId', VideoId: videoId, ImageType: IMAGE_TYPE_ALL };
  if (typeof imageType === 'string')
    fail('ImageType', `must be "${IMAGE_TYPE_ALL}" or an array of snapshot kinds`);
  const kinds = list(imageType, 'ImageType', SNAPSHOT_KINDS.length);
  kinds.forEach((k, i) => {
    if (!KINDS.has(k)) {
      fail(
        `ImageType[${i}]`,
        `must be one of ${SNAPSHOT_KINDS.join(', ')} (${IMAGE_TYPE_ALL} stands alone)`,
      );
    }
    if (kinds.indexOf(k) !== i) fail(`ImageType[${i}]`, 'must not repeat a kind');
  });
  return { DeleteImageType: 'VideoId', VideoId: videoId, ImageType: join(kinds) };
}
