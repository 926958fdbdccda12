/**
 * A plain URL target (no seeding, no lookup: only the fixtures a user can pass as flags) runs
 * every check: destructive ones take the images they delete from the deletable pools and watch
 * deletion on the wire. Against the emulator it passes them all, and it catches every mutant the
 * emulator target catches.
 */
import { expect, it } from 'vitest';
import type { Stage } from '@vodkit/emulator';
import {
  CHECKS,
  createRun,
  emulatorTarget,
  missingNeeds,
  poolDemand,
  urlTarget,
} from '../src/index.ts';
import type { Check } from '../src/index.ts';
import { imageUrl } from '../src/params.ts';
import { MUTANTS } from './mutants.ts';
import { inPool } from './pool.ts';

/** The checks an emulator built from `stages` fails, reached as a plain URL with pools. */
async function failedFromUrl(stages: readonly Stage[] | undefined): Promise<string[]> {
  const emulated = await emulatorTarget(stages === undefined ? {} : { stages });
  try {
    const demand = poolDemand(CHECKS);
    const ids = Array.from({ length: demand.ids }, (_, i) => `pool-id-${i}`);
    const urlIds = Array.from({ length: demand.urls }, (_, i) => `pool-url-${i}`);
    const videos = Array.from({ length: demand.videos }, (_, i) => `pool-video-${i}`);
    // The user's own images, uploaded before the run.
    emulated.emulator.state.add([
      ...ids.map((imageId) => ({ imageId })),
      ...urlIds.map((imageId) => ({ imageId, url: imageUrl(imageId) })),
      ...videos.flatMap((videoId) =>
        (['CoverSnapshot', 'NormalSnapshot'] as const).map((kind) => ({
          imageId: `${videoId}-${kind}`,
          videoId,
          kind,
        })),
      ),
    ]);
    const target = urlTarget(emulated.url, {
      credentials: emulated.credentials,
      disabledKey: emulated.disabledKey,
      deniedKey: emulated.deniedKey,
      suspendedKey: emulated.suspendedKey,
      unactivatedKey: emulated.unactivatedKey,
      sts: emulated.sts,
      ramKeys: emulated.ramKeys,
      otherAccountKey: emulated.otherAccountKey,
      retryAfter: true,
      deletableIds: ids,
      deletableUrls: urlIds.map(imageUrl),
      deletableVideoIds: videos,
      destructive: true,
    });
    expect(target.seed).toBeUndefined();
    expect(target.lookup).toBeUndefined();
    const run = createRun({ target, seed: 7 });
    const failed: string[] = [];
    for (const check of CHECKS) {
      const result = await run.run(check);
      expect(result.status, `${check.id}: ${result.message ?? ''}`).not.toBe('not-applicable');
      if (result.status === 'failed') failed.push(`${check.id}: ${result.message ?? ''}`);
    }
    return failed;
  } finally {
    await emulated.close();
  }
}

it('runs every check from a plain URL with pools, passes against the emulator and catches every mutant', async () => {
  // A few at a time, as in mutants.test.ts: a loaded process makes every burst slow.
  const controlRun = failedFromUrl(undefined);
  const mutants = await inPool(
    11,
    MUTANTS.map((m) => async () => ({ name: m.name, failed: await failedFromUrl(m.stages) })),
  );
  const control = await controlRun;
  expect(control).toEqual([]);
  expect(mutants.filter((m) => m.failed.length === 0).map((m) => m.name)).toEqual([]);
}, 120_000);

it('says which pool a check lacks, and how many items the suite needs', () => {
  const target = urlTarget('http://127.0.0.1:1', {
    credentials: { accessKeyId: 'a', accessKeySecret: 'b' },
    deletableIds: ['one'],
    destructive: true,
  });
  const byId = (id: string): Check => {
    const check = CHECKS.find((c) => c.id === id);
    if (check === undefined) throw new Error(`no check ${id}`);
    return check;
  };
  expect(byId('deletes-take-effect').deletes).toEqual({ ids: 3, urls: 4, videos: 2 });
  expect(missingNeeds(byId('deletes-take-effect'), target)).toEqual([
    'deletableIds',
    'deletableUrls',
    'deletableVideoIds',
  ]);
  expect(missingNeeds(byId('given-ids-delete'), target)).toEqual([]);
  expect(poolDemand(CHECKS)).toEqual({ ids: 13, urls: 13, videos: 9 });
});
