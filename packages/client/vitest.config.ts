import { defineConfig } from 'vitest/config';
import { sharedTestOptions, typeTestOptions } from '../../vitest.shared.ts';

export default defineConfig({ test: { ...sharedTestOptions, typecheck: typeTestOptions } });
