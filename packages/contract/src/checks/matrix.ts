/**
 * The ways one property can be tried: every wire shape × both algorithms × the three variants.
 * The full product is 18 cells; a check that sends several requests per cell takes a covering
 * design instead, where every pair of values (shape and algorithm, shape and variant, algorithm
 * and variant) still appears in at least one cell.
 */
import { ALGORITHMS, SHAPES } from '../wire.js';
import type { Algorithm, Shape } from '../wire.js';
import { byIds, byUrls, byVideo, imageUrl } from '../params.js';
import type { Params } from '../params.js';

/** The three `DeleteImageType` variants. */
export type Variant = 'ImageId' | 'ImageURL' | 'VideoId';
/** Every variant. */
export const VARIANTS: readonly Variant[] = ['ImageId', 'ImageURL', 'VideoId'];

/** How one request is sent. */
export interface Signing {
  readonly algorithm: Algorithm;
  readonly shape: Shape;
}

/** One cell: a signing and a variant. */
export interface Cell extends Signing {
  readonly variant: Variant;
}

/** Every algorithm in every shape: 6 signings. */
export const SIGNINGS: readonly Signing[] = ALGORITHMS.flatMap((algorithm) =>
  SHAPES.map((shape) => ({ algorithm, shape })),
);

/**
 * A pairwise covering of shape × algorithm × `values` (three of them) in 9 cells: every shape
 * meets every value once, and the algorithm alternates with (shape + value) so that each shape
 * and each value meets both algorithms.
 */
export function pairwise<T>(values: readonly T[]): (Signing & { readonly value: T })[] {
  return SHAPES.flatMap((shape, s) =>
    values.map((value, v) => ({
      shape,
      value,
      algorithm: ALGORITHMS[(s + v) % ALGORITHMS.length] ?? 'V3',
    })),
  );
}

/** Shape × algorithm × variant, pairwise (see {@link pairwise}). */
export const PAIRWISE: readonly Cell[] = pairwise(VARIANTS).map(({ value, ...signing }) => ({
  ...signing,
  variant: value,
}));

/** A cell as a label: `V2 get-query ImageURL`. */
export const cellLabel = (c: Signing & { readonly variant?: Variant }): string =>
  [c.algorithm, c.shape, c.variant].filter(Boolean).join(' ');

/** A delete of `id` in `variant` (an ID, the URL made from it, or a video of that ID). */
export function paramsOf(variant: Variant, id: string): Params {
  if (variant === 'ImageId') return byIds([id]);
  if (variant === 'ImageURL') return byUrls([imageUrl(id)]);
  return byVideo(id, 'All');
}

/** The signing `step` places after `s` in {@link SIGNINGS}: another shape and algorithm. */
export function otherSigning(s: Signing, step = 1): Signing {
  const i = SIGNINGS.findIndex((x) => x.algorithm === s.algorithm && x.shape === s.shape);
  // Moving by 4 of 6 changes both the algorithm and the shape.
  return SIGNINGS[(i + 4 * step) % SIGNINGS.length] ?? s;
}
