import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, {
  typeTests: true,
  srcOnly: {
    'test/node-http1-response.test.ts':
      "the socket transport's HTTP/1.1 reader, inlined in the bundle; every socket transport test reaches it through dist",
    'test/http1-differential.test.ts': 'the same reader fuzzed against llhttp; the same reason',
  },
});
