import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, {
  notUnit: {
    'test/packages.test.ts': 'packs every package, then installs the tarballs in a scratch project',
    'test/contents.test.ts': 'packs every package and unpacks the tarballs',
    'test/sizes.test.ts': 'packs and installs the client, then bundles an app from it',
  },
});
