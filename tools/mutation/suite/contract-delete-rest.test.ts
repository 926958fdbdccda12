/**
 * The checks whose verdict depends on the declared partialBatch, against an emulator that deletes
 * the rest of a partly missing batch (`delete-rest`): the default profile only shows
 * `fail-whole-call`, under which the code deciding what a partial batch answers cannot be told
 * from code that always fails the whole call.
 */
import { defineDeleteImageContract } from '@vodkit/contract/vitest';

defineDeleteImageContract({
  seed: 3,
  checks: ['partial-batch', 'missing-image', 'deletes-take-effect'],
  emulator: { partialBatch: 'delete-rest' },
});
