import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, {
  notUnit: {
    'test/consumers.test.ts':
      'publishes the packed packages to a local Verdaccio and installs them into scratch projects on Node 20, 22 and 24',
  },
});
