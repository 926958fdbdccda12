/**
 * The build-time constant src/user-agent.ts reads: this package's version, from package.json
 * when building or testing. Shared by bundle.mjs and vitest.config.ts.
 */
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** esbuild/vite `define` entries. */
export const versionDefine = { __VODKIT_CLIENT_VERSION__: JSON.stringify(version) };
