/**
 * Whole documents given from outside, checked field by field: seed and state files, and the
 * snapshots `restore` takes (also `POST /__admin/restore`). Their images and credentials are
 * checked by the checkers beside the store and the key registry.
 */
import { checkCredentials } from './keys.js';
import type { AccountConfig, StsTokenConfig } from './keys.js';
import { checkImages, checkTombstone } from './store.js';
import type { SeedImage, SeedTombstone } from './store.js';
import { fieldsOf, listAt, objectAt, present, ShapeError, typeName } from './shapes.js';

/** The store as data: what `snapshot()` returns and `restore()` and state files take. */
export interface CheckedSnapshot {
  readonly version?: 1;
  readonly images: readonly SeedImage[];
  readonly tombstones?: readonly SeedTombstone[];
}

/** What a seed file holds: a snapshot, optionally with `accounts` and `stsTokens`. */
export interface CheckedSeed extends CheckedSnapshot {
  readonly accounts?: readonly AccountConfig[];
  readonly stsTokens?: readonly StsTokenConfig[];
}

/**
 * Checks a whole seed or state document: a bare array of images, or an object with `images` and
 * optionally `version` (1), `tombstones` and, when `credentials` is true (seed files), `accounts`
 * and `stsTokens`. Returns exactly the fields given, checked; throws a {@link ShapeError}.
 */
export function checkSeedDocument(data: unknown, credentials: boolean): CheckedSeed {
  if (Array.isArray(data)) return { images: checkImages(data, 'images') };
  if (typeof data !== 'object' || data === null) {
    throw new ShapeError(
      'the file',
      'holds no vodkit state: expected an array of images or { "images": [...] }',
    );
  }
  const what = credentials ? 'a seed file' : 'a state file';
  const object = objectAt(data, 'the file', what);
  if (!Object.hasOwn(object, 'images')) {
    throw new ShapeError(
      'the file',
      'holds no vodkit state: expected an array of images or { "images": [...] }',
    );
  }
  for (const name of ['accounts', 'stsTokens']) {
    if (!credentials && Object.hasOwn(object, name)) {
      throw new ShapeError(
        name,
        'belongs in a seed file (--seed-file); a state file holds images only and would not apply it',
      );
    }
  }
  const allowed = [
    'version',
    'images',
    'tombstones',
    ...(credentials ? ['accounts', 'stsTokens'] : []),
  ];
  const get = fieldsOf(object, '', what, allowed, ['images']);
  const version = get('version');
  if (version !== undefined && version !== 1) {
    throw new ShapeError(
      'version',
      `must be 1, not ${typeof version === 'number' ? version : typeName(version)}`,
    );
  }
  const tombstones = get('tombstones');
  const accounts = get('accounts');
  const stsTokens = get('stsTokens');
  const checked =
    accounts === undefined && stsTokens === undefined
      ? undefined
      : // Only an absent list means none: `null` is checked (and refused) like any other value.
        checkCredentials(
          accounts === undefined ? [] : accounts,
          stsTokens === undefined ? [] : stsTokens,
        );
  return present<CheckedSeed>({
    version,
    images: checkImages(get('images'), 'images'),
    tombstones: checkTombstones(tombstones, 'tombstones'),
    accounts: accounts === undefined ? undefined : checked?.accounts,
    stsTokens: stsTokens === undefined ? undefined : checked?.stsTokens,
  });
}

/** Checks an optional list of tombstones at `at`; absent stays absent. */
function checkTombstones(value: unknown, at: string): SeedTombstone[] | undefined {
  return value === undefined
    ? undefined
    : listAt(value, at, 'tombstones').map((t, i) => checkTombstone(t, `${at}[${i}]`));
}

/** Checks a snapshot given to `restore` (or `POST /__admin/restore`). */
export function checkSnapshot(value: unknown): CheckedSnapshot {
  const object = objectAt(value, 'snapshot', 'a snapshot');
  const get = fieldsOf(
    object,
    'snapshot',
    'a snapshot',
    ['version', 'images', 'tombstones'],
    ['images'],
  );
  const version = get('version');
  if (version !== undefined && version !== 1) {
    throw new ShapeError('snapshot.version', `must be 1, not ${typeName(version)}`);
  }
  const tombstones = get('tombstones');
  return present<CheckedSnapshot>({
    version,
    images: checkImages(get('images'), 'snapshot.images'),
    tombstones: checkTombstones(tombstones, 'snapshot.tombstones'),
  });
}
