/** With `strict`, the suite adds vodkit's rules and passes against the emulator's strict profile. */
import { defineDeleteImageContract } from '../src/vitest.ts';

defineDeleteImageContract({ strict: true, seed: 2 });
