/** The whole suite, registered with vitest, passes against the emulator's service profile. */
import { defineDeleteImageContract } from '../src/vitest.ts';

defineDeleteImageContract({ seed: 1 });
