/**
 * Deleting by URL names an image by its URL: a URL that only resembles one (a character longer,
 * or another path on the same host that happens to end in the image's ID) names nothing.
 */
import type { Check, CheckContext, DeletableItem } from '../check.js';
import { expectAccepted, expectError, expectThat } from '../expect.js';
import { byUrls, imageUrl } from '../params.js';
import { expectGone, presentByLookup } from './fixtures.js';
import { cellLabel, otherSigning } from './matrix.js';
import type { Signing } from './matrix.js';

const MISSING = ['NoSuchResource'];

/** A URL that is not the image's names no image, and deletes nothing. */
export const urlMatching: Check = {
  id: 'url-matching',
  proves:
    "ImageURL deletes match the image's URL, not one like it: the URL with a character appended, /images/<id>.png on the image's host (its own ID, an unknown one) answer NoSuchResource and leave the image; its own URL then deletes it",
  source:
    'spec: DeleteImageByImageURLs (the ImageURL of the image); documented error NoSuchResource',
  needs: ['destructive'],
  deletes: { urls: 1 },
  async run(ctx) {
    const signing: Signing = { algorithm: 'V3', shape: 'post-form' };
    await ctx.case(`URLs like an image's (${cellLabel(signing)})`, async () => {
      const item = await plainUrlItem(ctx);
      const { value: url } = item;
      const [id] = item.imageIds ?? [];
      const { origin } = new URL(url);
      const near: (readonly [string, string])[] = [
        ['its URL with a character appended', `${url}x`],
        ['/images/<id>.png of an unknown ID', `${origin}/images/${ctx.id('none')}.png`],
      ];
      if (id !== undefined) {
        near.push([
          '/images/<id>.png on its host',
          `${origin}/images/${encodeURIComponent(id)}.png`,
        ]);
      }
      for (const [what, value] of near) {
        const exchange = await ctx.call({ params: byUrls([value]), ...signing, label: what });
        expectError(exchange, MISSING);
        expectThat(
          (await presentByLookup(ctx, item)) !== false,
          `${what}: the image ${url} was deleted`,
          exchange,
        );
      }
      const exchange = await ctx.call({
        params: byUrls([url]),
        ...signing,
        label: `its URL ${url}`,
      });
      expectAccepted(exchange);
      await expectGone(ctx, 'ImageURL', item, exchange, otherSigning(signing));
    });
  },
};

/**
 * An image whose URL has no query string, seeded when the target can seed (so only the appended
 * character tells the two URLs apart), else one of the target's pool.
 */
async function plainUrlItem(ctx: CheckContext): Promise<DeletableItem> {
  const { seed } = ctx.target;
  if (seed !== undefined) {
    const id = ctx.id('url');
    const url = imageUrl(id);
    await seed([{ imageId: id, url }]);
    return { value: url, imageIds: [id] };
  }
  const [item] = await ctx.deletable('urls', 1);
  if (item === undefined) throw new Error('deletable: no item');
  return item;
}
