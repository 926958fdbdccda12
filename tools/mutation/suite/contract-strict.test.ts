/** With `strict`, the contract with vodkit's rules against the emulator's strict profile (as packages/contract/test/emulator-strict.test.ts). */
import { defineDeleteImageContract } from '@vodkit/contract/vitest';

defineDeleteImageContract({ strict: true, seed: 2 });
