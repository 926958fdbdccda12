/**
 * The checks whose answers depend on the partial-batch assumption, against an emulator that
 * deletes the rest of a batch with missing images (`partialBatch: 'delete-rest'`).
 */
import { defineDeleteImageContract } from '../src/vitest.ts';

defineDeleteImageContract({
  seed: 3,
  emulator: { partialBatch: 'delete-rest' },
  checks: ['partial-batch', 'deletes-take-effect', 'missing-image'],
});
