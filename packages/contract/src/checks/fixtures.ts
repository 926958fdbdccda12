/**
 * What destructive checks share: whether an item is gone, seen through the target's lookup when it
 * has one and the item's image IDs are known, and always on the wire (deleting it again answers
 * `NoSuchResource`), so a target reached by a plain URL is held to the same property.
 */
import type { CheckContext, DeletableItem, Exchange } from '../check.js';
import { expectAccepted, expectError, expectThat } from '../expect.js';
import { byIds, byUrls, byVideo } from '../params.js';
import type { Params } from '../params.js';
import type { Variant, Signing } from './matrix.js';

/** The params that delete `items` (one video, or a list of IDs or URLs). */
export function deleteParams(variant: Variant, items: readonly DeletableItem[]): Params {
  const values = items.map((i) => i.value);
  if (variant === 'ImageId') return byIds(values);
  if (variant === 'ImageURL') return byUrls(values);
  return byVideo(values[0] ?? '', 'All');
}

/** The pool kind of a variant. */
export const kindOf = (variant: Variant): 'ids' | 'urls' | 'videos' =>
  variant === 'ImageId' ? 'ids' : variant === 'ImageURL' ? 'urls' : 'videos';

/** Whether every image of `item` is gone (`false` when any is there); `undefined` without a lookup. */
export async function goneByLookup(
  ctx: CheckContext,
  item: DeletableItem,
): Promise<boolean | undefined> {
  const { lookup } = ctx.target;
  if (lookup === undefined || item.imageIds === undefined) return undefined;
  for (const id of item.imageIds) if (await lookup(id)) return false;
  return true;
}

/** Whether every image of `item` is still there; `undefined` without a lookup. */
export async function presentByLookup(
  ctx: CheckContext,
  item: DeletableItem,
): Promise<boolean | undefined> {
  const { lookup } = ctx.target;
  if (lookup === undefined || item.imageIds === undefined) return undefined;
  for (const id of item.imageIds) if (!(await lookup(id))) return false;
  return true;
}

/**
 * `item` was deleted by `exchange`: the lookup (if any) no longer finds it, and deleting it
 * again, signed another way, answers `NoSuchResource`.
 */
export async function expectGone(
  ctx: CheckContext,
  variant: Variant,
  item: DeletableItem,
  exchange: Exchange,
  again: Signing,
): Promise<void> {
  const gone = await goneByLookup(ctx, item);
  expectThat(
    gone !== false,
    `${exchange.label}: answered 200 but ${item.value} is still there (lookup)`,
    exchange,
  );
  expectError(
    await ctx.call({
      params: deleteParams(variant, [item]),
      ...again,
      label: `${variant} ${item.value} deleted again (${again.algorithm} ${again.shape})`,
    }),
    ['NoSuchResource'],
  );
}

/**
 * `item` is still there after `exchange`, which did not name it: the lookup (if any) finds it,
 * and deleting it now succeeds (which uses it up).
 */
export async function expectStayed(
  ctx: CheckContext,
  variant: Variant,
  item: DeletableItem,
  exchange: Exchange,
  signing: Signing,
): Promise<void> {
  const present = await presentByLookup(ctx, item);
  expectThat(
    present !== false,
    `${exchange.label}: ${item.value}, which it did not name, is gone (lookup)`,
    exchange,
  );
  expectAccepted(
    await ctx.call({
      params: deleteParams(variant, [item]),
      ...signing,
      label: `${variant} ${item.value}, not named before, deleted now`,
    }),
  );
}
