/** What checks that need the target's fixtures share: its seeding and its lookup. */
import type { CheckContext } from '../check.js';

type Seed = NonNullable<CheckContext['target']['seed']>;

/** The target's seeding; checks that call this declare `needs: ['seed']`, so it is there. */
export function seedOf(ctx: CheckContext): Seed {
  const seed = ctx.target.seed;
  if (seed === undefined) throw new Error('seed is required');
  return seed;
}

/** Whether an image still exists; checks that call this declare `needs: ['lookup']`. */
export async function exists(ctx: CheckContext, imageId: string): Promise<boolean> {
  const lookup = ctx.target.lookup;
  if (lookup === undefined) throw new Error('lookup is required');
  return lookup(imageId);
}
