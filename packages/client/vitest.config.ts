import type { ViteUserConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.ts';
import { versionDefine } from './version-define.mjs';

const config: ViteUserConfig = {
  ...packageTestConfig(import.meta.dirname, {
    typeTests: true,
    srcOnly: {
      'test/node-http1-response.test.ts':
        "the socket transport's HTTP/1.1 reader, inlined in the bundle; every socket transport test reaches it through dist",
      'test/http1-differential.test.ts': 'the same reader fuzzed against llhttp; the same reason',
      'test/proxy-rules.test.ts':
        'which proxy an origin takes, an inlined module; test/proxy.test.ts drives the same rules through dist',
    },
    notUnit: { 'test/browser.test.ts': 'drives headless Chromium' },
  }),
  // The sources read the version the build writes in; a dist run has it written in already.
  define: versionDefine,
};

export default config;
