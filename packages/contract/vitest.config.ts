import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, {
  notUnit: {
    'test/throttling-stability.test.ts': '200 runs of the throttling check in a row (about 15 s)',
  },
});
