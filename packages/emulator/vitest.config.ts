import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, {
  srcOnly: {
    'test/admin-listing.test.ts':
      'the admin listing and banner against the route table, loopback rule and banner formatter, inlined in the bundle; test/admin.test.ts tests the admin API through dist',
    'test/routes.test.ts':
      'the route table itself, inlined in the bundle; the admin routes are requested through dist in test/admin.test.ts, the RPC endpoint by every RPC suite',
    'test/openapi-schema.test.ts':
      'the OpenAPI-to-JSON-Schema adapter, inlined in the bundle; test/precompiled.test.ts and test/validator.test.ts reach it through dist',
    'test/wire-decoding.test.ts':
      'the wire decoding, inlined in the bundle; decodeDeleteImageParams is tested through dist in test/validator.test.ts',
    'test/validation-messages.test.ts':
      "the gateway's wording, inlined in the bundle; every message is checked through dist in test/stages/validate.test.ts",
  },
});
