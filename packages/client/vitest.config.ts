import { defineConfig } from 'vitest/config';
import { sharedTestOptions, typeTestOptions } from '../../vitest.shared.ts';
import { versionDefine } from './version-define.mjs';

export default defineConfig({
  // The tests run the sources: they get the version the build writes in.
  define: versionDefine,
  test: { ...sharedTestOptions, typecheck: typeTestOptions },
});
