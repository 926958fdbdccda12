import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, {
  notUnit: {
    'test/flow.test.ts':
      'runs the whole release flow in a temporary clone (install, build, checks, version, publish to a local Verdaccio, npm install of every tarball)',
    'test/version.test.ts':
      'runs release:version --expect 0.1.0 in a temporary clone with its own install',
  },
});
