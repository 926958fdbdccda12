/** The whole suite, registered with vitest, passes against the emulator's service profile. */
import { defineDeleteImageContract } from '../src/index.ts';

defineDeleteImageContract({ seed: 1 });
