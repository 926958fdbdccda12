/**
 * `pnpm demo`: until the emulator and CLI land, the demo validates the shipped spec's request
 * examples against its own schema and prints what the toolkit knows about DeleteImage.
 * Issue 4/5 replace this with the emulator and client deleting images for real.
 */
import {
  ACTION,
  API_VERSION,
  DOCUMENTED_ERRORS,
  MAX_IMAGE_IDS,
  QPS_LIMIT_PER_ACCOUNT,
  RAM_ACTION,
  REGIONS,
} from '@vodkit/types';
// The types package's own spec validator (ajv, JSON Schema 2020-12); the emulator will own a
// runtime validator of its own.
import {
  createSpecValidator,
  describeErrors,
  loadShippedSpec,
} from '../../../packages/types/test/support/spec-validator.ts';

interface Example {
  readonly summary: string;
  readonly value: unknown;
}

const spec = loadShippedSpec();
const validate = createSpecValidator(spec).schema('DeleteImageRequest');
const examples = spec.components['examples'] as Record<string, Example>;
const requestExamples = Object.entries(examples).filter(
  ([, example]) =>
    typeof example.value === 'object' &&
    example.value !== null &&
    'DeleteImageType' in example.value,
);

console.log(`vodkit: ${ACTION} (API ${API_VERSION}), RAM action ${RAM_ACTION}`);
console.log(
  `  lists of 1..${MAX_IMAGE_IDS} items, ${QPS_LIMIT_PER_ACCOUNT} requests/s per account, ${Object.keys(REGIONS).length} public regions, ${Object.keys(DOCUMENTED_ERRORS).length} documented error codes`,
);
let failures = 0;
for (const [name, example] of requestExamples) {
  const ok = validate(example.value);
  if (!ok) failures += 1;
  const detail = ok ? '' : ` (${describeErrors(validate.errors).join('; ')})`;
  console.log(`  ${ok ? 'valid  ' : 'INVALID'} ${name}: ${example.summary}${detail}`);
}
console.log(
  `${requestExamples.length - failures} of ${requestExamples.length} request examples validate against the spec.`,
);
process.exitCode = failures === 0 ? 0 : 1;
