/**
 * The precompiled validators (tools/codegen, ajv standalone code, committed) agree with
 * validators compiled from the spec `@vodkit/types` ships, here and now, with ajv: same verdict
 * and same errors on every example of the spec and on generated inputs, in both profiles. A
 * stale or mis-generated module fails here, as `pnpm generate --check` fails on drift.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createSpecValidator, defaultSpecValidator, loadSpec, serviceView } from '../src/index.js';
import type { SchemaValidateFunction, SpecValidator, ValidationProfile } from '../src/index.js';

const spec = loadSpec() as ReturnType<typeof loadSpec> & {
  components: { examples: Record<string, { value: unknown }> };
};
const schemaNames = Object.keys(spec.components.schemas);
const examples = Object.values(spec.components.examples).map((e) => e.value);

const PROFILES: readonly ValidationProfile[] = ['strict', 'service'];
const compiled: Record<ValidationProfile, SpecValidator> = {
  strict: createSpecValidator(spec),
  service: createSpecValidator(serviceView(spec)),
};

/** What a validator says about `value`: its verdict and its errors. */
function verdict(validate: SchemaValidateFunction, value: unknown): unknown {
  const ok = validate(value);
  return { ok, errors: ok ? null : structuredClone(validate.errors) };
}

function expectAgreement(profile: ValidationProfile, name: string, value: unknown): void {
  const precompiled = defaultSpecValidator(profile).schema(name);
  const reference = compiled[profile].schema(name);
  expect(verdict(precompiled, value), `${profile} ${name} ${JSON.stringify(value)}`).toEqual(
    verdict(reference, value),
  );
}

const kinds = ['All', 'CoverSnapshot', 'NormalSnapshot', 'SpriteSnapshot', 'SpriteOriginSnapshot'];
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', 'https://a.example/1.png', 'http://x/,y', 'a'.repeat(32), '\u0000', '\ud800'),
  fc.stringMatching(/^[0-9a-f]{32}$/),
);
/** Short lists, and lists around the 20-item limit. */
const list = (item: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> =>
  fc.oneof(fc.array(item, { maxLength: 4 }), fc.array(item, { minLength: 19, maxLength: 22 }));
const anything: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.constant(null),
  list(text),
  fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 3 }),
);
/** Requests near the valid ones: right and wrong types, fields of the wrong variant, stray keys. */
const requestLike = fc.record(
  {
    DeleteImageType: fc.oneof(fc.constantFrom('ImageURL', 'ImageId', 'VideoId', 'Other'), anything),
    ImageURLs: fc.oneof(list(text), anything),
    ImageIds: fc.oneof(list(text), anything),
    VideoId: fc.oneof(text, anything),
    ImageType: fc.oneof(fc.constantFrom(...kinds), list(fc.constantFrom(...kinds)), anything),
    Extra: anything,
  },
  { requiredKeys: [] },
);
/** Bodies near the success and error bodies. */
const responseLike = fc.record(
  {
    RequestId: fc.oneof(text, anything),
    HostId: fc.oneof(text, anything),
    Code: fc.oneof(fc.constantFrom('NoSuchResource', 'Throttling.User'), anything),
    Message: fc.oneof(text, anything),
    Recommend: fc.oneof(text, anything),
  },
  { requiredKeys: [] },
);

describe('precompiled validators', () => {
  test('cover every schema and common parameter of the spec, in both profiles', () => {
    for (const profile of PROFILES) {
      const precompiled = defaultSpecValidator(profile);
      expect(precompiled.request).toEqual(compiled[profile].request);
      for (const name of schemaNames) expect(typeof precompiled.schema(name)).toBe('function');
      for (const name of precompiled.request.commonParameters) {
        expect(typeof precompiled.parameter(name)).toBe('function');
      }
      expect(() => precompiled.schema('Nope')).toThrow(/no schema named Nope/);
      expect(() => precompiled.parameter('Nope')).toThrow(/no common parameter named Nope/);
    }
  });

  test('compile an inline schema with ajv, its refs resolving against the spec', () => {
    const list = defaultSpecValidator().inline({
      type: 'array',
      items: { $ref: '#/components/schemas/ImageId' },
    });
    expect(list(['bbc65bba53fed90de118a7849d7c4ee1'])).toBe(true);
    expect(list(['a,b'])).toBe(false);
  });

  test('read the document only when asked for it', () => {
    expect(defaultSpecValidator('strict').spec).toEqual(spec);
    expect(defaultSpecValidator('service').spec).toEqual(serviceView(spec));
  });

  test.each(PROFILES)(
    'agree with ajv on every example of the spec, for every schema (%s)',
    (profile) => {
      for (const name of schemaNames) {
        for (const example of examples) expectAgreement(profile, name, example);
      }
    },
  );

  test.each(PROFILES)('agree with ajv on generated requests (%s)', (profile) => {
    const names = schemaNames.filter((name) => name.startsWith('DeleteImage'));
    fc.assert(
      fc.property(requestLike, fc.constantFrom(...names), (request, name) => {
        expectAgreement(profile, name, request);
      }),
      { numRuns: 300 },
    );
  });

  test.each(PROFILES)('agree with ajv on generated values for any schema (%s)', (profile) => {
    fc.assert(
      fc.property(
        fc.oneof(anything, responseLike, requestLike),
        fc.constantFrom(...schemaNames),
        (value, name) => {
          expectAgreement(profile, name, value);
        },
      ),
      { numRuns: 300 },
    );
  });

  test.each(PROFILES)('agree with ajv on generated common parameter values (%s)', (profile) => {
    const precompiled = defaultSpecValidator(profile);
    const names = precompiled.request.commonParameters;
    fc.assert(
      fc.property(
        fc.oneof(text, fc.constantFrom('DeleteImage', '2017-03-21', 'JSON', 'XML', 'HMAC-SHA1')),
        fc.constantFrom(...names),
        (value, name) => {
          expect(verdict(precompiled.parameter(name), value), `${name} ${value}`).toEqual(
            verdict(compiled[profile].parameter(name), value),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
