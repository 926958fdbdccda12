import type { ViteUserConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.ts';
import { versionDefine } from './version-define.mjs';

const config: ViteUserConfig = {
  ...packageTestConfig(import.meta.dirname, {
    typeTests: true,
    srcOnly: {
      'test/http1-response.test.ts':
        "the socket transport's HTTP/1.1 reader, inlined in the bundle; every socket transport test reaches it through dist",
      'test/http1-differential.test.ts': 'the same reader fuzzed against llhttp; the same reason',
      'test/http1-request.test.ts':
        "the socket transport's request writer, inlined in the bundle; test/node-transports.test.ts sends its bytes through dist",
      'test/proxy-rules.test.ts':
        'which proxy an origin takes, an inlined module; test/proxy.test.ts drives the same rules through dist',
      'test/retry.test.ts':
        'the policy functions (classify, backoff) are internal; every retrying test drives them through dist',
      'test/validate.test.ts':
        'toWireParams is internal; every call in the dist suites (invalid requests included) goes through it',
      'test/validate-spec.test.ts': 'toWireParams against the spec schema; the same reason',
      'test/judge.test.ts':
        "the send loop's judgement, an inlined module; the emulator and retry suites drive it through dist",
      'test/clock.test.ts':
        'the skew-corrected clock, an inlined module; test/emulator.test.ts drives it through dist',
      'test/attempt.test.ts':
        'one attempt, an inlined module; every call in the dist suites makes attempts',
      'test/client-config.test.ts':
        'option defaults, an inlined module; test/emulator.test.ts checks the options through dist',
    },
    notUnit: { 'test/browser.test.ts': 'drives headless Chromium' },
  }),
  // The sources read the version the build writes in; a dist run has it written in already.
  define: versionDefine,
};

export default config;
