import {
  DELETE_IMAGE_TYPES,
  IMAGE_TYPE_ALL,
  LIST_SEPARATOR,
  MAX_IMAGE_IDS,
  MAX_IMAGE_URLS,
  SNAPSHOT_KINDS,
} from '@vodkit/types';
import type { DeleteImageRequest } from '@vodkit/types';
import { percentEncode } from '@vodkit/signer';
import { VodValidationError } from './errors.js';

/** The wire form of a request: every field a string, lists comma-joined. */
export type WireParams = Record<string, string>;

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  ImageURL: ['DeleteImageType', 'ImageURLs'],
  ImageId: ['DeleteImageType', 'ImageIds'],
  VideoId: ['DeleteImageType', 'VideoId', 'ImageType'],
};
const URL_RULE = /^https?:\/\/[^,]+$/;
const NO_COMMA = /^[^,]+$/;

const fail = (field: string, rule: string): never => {
  throw new VodValidationError(field, rule);
};

function item(value: unknown, field: string, pattern: RegExp, rule: string): string {
  if (typeof value !== 'string' || value === '') fail(field, 'must be a non-empty string');
  if (!pattern.test(value as string)) fail(field, rule);
  return value as string;
}

function list(value: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(value)) return fail(field, 'must be an array');
  const items = value as unknown[];
  if (items.length < 1) fail(field, 'must have at least 1 item');
  if (items.length > max) fail(field, `must have at most ${max} items`);
  return items;
}

/**
 * Checks a request against the spec's rules (the discriminated union, list bounds, item
 * patterns, no stray fields) and returns its wire form: lists comma-joined, each image URL
 * percent-encoded before the join. Throws {@link VodValidationError}
 * naming the field and the rule; nothing is sent for a request that fails.
 *
 * @example toWireParams({ DeleteImageType: 'ImageId', ImageIds: ['a', 'b'] }); // { …, ImageIds: 'a,b' }
 */
export function toWireParams(request: DeleteImageRequest): WireParams {
  if (typeof request !== 'object' || (request as unknown) === null)
    fail('request', 'must be an object');
  const r = request as unknown as Record<string, unknown>;
  const type = r['DeleteImageType'];
  const allowed = typeof type === 'string' ? FIELDS[type] : undefined;
  if (allowed === undefined) {
    return fail('DeleteImageType', `must be one of ${DELETE_IMAGE_TYPES.join(', ')}`);
  }
  for (const key of Object.keys(r)) {
    if (!allowed.includes(key)) fail(key, `is not a field of the ${type as string} variant`);
  }
  const join = (values: unknown[]): string => values.join(LIST_SEPARATOR);
  if (type === 'ImageURL') {
    const urls = list(r['ImageURLs'], 'ImageURLs', MAX_IMAGE_URLS);
    // Each URL is percent-encoded on its own before the join, as the spec's ImageURLList says;
    // the signature rules then encode the joined list like any other value.
    const encoded = urls.map((u, i) => {
      const field = `ImageURLs[${i}]`;
      const url = item(u, field, URL_RULE, 'must be an http(s) URL without a comma');
      try {
        return percentEncode(url, field);
      } catch {
        return fail(field, 'must be well-formed UTF-16 (a lone surrogate has no UTF-8 form)');
      }
    });
    return { DeleteImageType: type, ImageURLs: join(encoded) };
  }
  if (type === 'ImageId') {
    const ids = list(r['ImageIds'], 'ImageIds', MAX_IMAGE_IDS);
    ids.forEach((id, i) => item(id, `ImageIds[${i}]`, NO_COMMA, 'must not contain a comma'));
    return { DeleteImageType: type, ImageIds: join(ids) };
  }
  const videoId = item(r['VideoId'], 'VideoId', NO_COMMA, 'must be exactly one ID (no comma)');
  const imageType = r['ImageType'];
  if (imageType === IMAGE_TYPE_ALL)
    return { DeleteImageType: 'VideoId', VideoId: videoId, ImageType: IMAGE_TYPE_ALL };
  if (typeof imageType === 'string')
    fail('ImageType', `must be "${IMAGE_TYPE_ALL}" or an array of snapshot kinds`);
  const kinds = list(imageType, 'ImageType', SNAPSHOT_KINDS.length);
  kinds.forEach((k, i) => {
    if (!(SNAPSHOT_KINDS as readonly unknown[]).includes(k)) {
      fail(
        `ImageType[${i}]`,
        `must be one of ${SNAPSHOT_KINDS.join(', ')} (${IMAGE_TYPE_ALL} stands alone)`,
      );
    }
    if (kinds.indexOf(k) !== i) fail(`ImageType[${i}]`, 'must not repeat a kind');
  });
  return { DeleteImageType: 'VideoId', VideoId: videoId, ImageType: join(kinds) };
}
