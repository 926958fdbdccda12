import type { ImageIdList, ImageURLList } from '@vodkit/types';
import { VodValidationError } from './errors.js';
import { checkedList } from './validate.js';

/** The list type of each list field of a request. */
export interface ImageLists {
  readonly ImageIds: ImageIdList;
  readonly ImageURLs: ImageURLList;
}

/** What {@link checkImageList} returns: the checked list, or why it is not one. */
export type ImageListOutcome<T> =
  | { readonly data: T; readonly error?: undefined }
  | { readonly data?: undefined; readonly error: VodValidationError };

/**
 * Checks a `string[]` of unknown length (IDs from a database, URLs from a form) by the very
 * rules `deleteImage` applies before sending (1 to 20 items, no hole, no comma, no control
 * character or lone surrogate; URLs http(s)), and returns it typed as the field's 1–20 list, or
 * the `VodValidationError` the call would have failed with. It never throws. For longer lists,
 * `deleteImages` chunks them for you.
 *
 * @example
 * ```ts
 * const { data: ImageIds, error } = checkImageList('ImageIds', idsFromDb);
 * if (error) console.error(error.field, error.rule);
 * else await vod.deleteImage({ DeleteImageType: 'ImageId', ImageIds });
 * ```
 */
export function checkImageList<F extends keyof ImageLists>(
  field: F,
  items: readonly string[],
): ImageListOutcome<ImageLists[F]> {
  try {
    return { data: checkedList(field, items) as unknown as ImageLists[F] };
  } catch (error) {
    if (error instanceof VodValidationError) return { error };
    throw error;
  }
}
