/** The whole contract against the in-process emulator's service profile (as packages/contract/test/emulator-service.test.ts). */
import { defineDeleteImageContract } from '@vodkit/contract/vitest';

defineDeleteImageContract({ seed: 1 });
