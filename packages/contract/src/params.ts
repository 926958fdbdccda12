/** DeleteImage requests in wire form (lists comma-joined, each URL encoded on its own). */
import { LIST_SEPARATOR } from '@vodkit/types';

/** Wire parameters. */
export type Params = Readonly<Record<string, string>>;

/** `DeleteImageType=ImageId`. */
export const byIds = (ids: readonly string[]): Params => ({
  DeleteImageType: 'ImageId',
  ImageIds: ids.join(LIST_SEPARATOR),
});

/** `DeleteImageType=ImageURL`, each URL percent-encoded before the join (the spec's encoding). */
export const byUrls = (urls: readonly string[]): Params => ({
  DeleteImageType: 'ImageURL',
  ImageURLs: urls.map((u) => encodeURIComponent(u)).join(LIST_SEPARATOR),
});

/** `DeleteImageType=VideoId` with `ImageType` (`All` or a list of kinds). */
export const byVideo = (videoId: string, imageType: readonly string[] | 'All'): Params => ({
  DeleteImageType: 'VideoId',
  VideoId: videoId,
  ImageType: imageType === 'All' ? 'All' : imageType.join(LIST_SEPARATOR),
});

/** A URL for a test image. */
export const imageUrl = (id: string): string => `https://contract.vodkit.invalid/${id}.png`;

/**
 * A URL for a seeded test image with what real image URLs carry: a query string (`?`, `=`, `&`)
 * and an already percent-encoded comma and space, so the per-item encoding is tried for real
 * (the `%` is encoded again, the comma never reaches the list separator).
 */
export const queryImageUrl = (id: string): string =>
  `${imageUrl(id)}?auth_key=1700000000-0-0-${id}&name=a%2Cb%20c`;
