/**
 * `pnpm demo`: starts the emulator (a local DeleteImage service that verifies signatures) and
 * deletes images with the client, every variant and both signature algorithms, then shows what
 * retries, a wrong secret, an invalid request and a dry run look like. Exits non-zero when any
 * step does not behave as described, so the demo is also a smoke test.
 */
import { createVodClient } from '@vodkit/client/node';
import type { DeleteImageOutcome, VodClient } from '@vodkit/client';
import { DEFAULT_EMULATOR_CREDENTIALS, startEmulator } from '@vodkit/emulator';
import type { SeedImage } from '@vodkit/emulator';
import type { DeleteImageRequest } from '@vodkit/types';
import { QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';

const VIDEO_ID = 'demo-video-0001';
const uploaded: SeedImage[] = Array.from({ length: 1000 }, (_, index) => ({
  imageId: `img${index.toString().padStart(4, '0')}`,
}));
const snapshots: SeedImage[] = (
  ['CoverSnapshot', 'NormalSnapshot', 'SpriteSnapshot', 'SpriteOriginSnapshot'] as const
).flatMap((kind) =>
  Array.from({ length: 5 }, (_, index) => ({
    imageId: `${kind}-${index}`,
    videoId: VIDEO_ID,
    kind,
  })),
);

let failures = 0;
const step = (label: string, outcome: string, ok: boolean): void => {
  if (!ok) failures += 1;
  console.log(`${ok ? '✔' : '✘'} ${label.padEnd(62)} ${outcome}`);
};
const show = (outcome: DeleteImageOutcome): string =>
  outcome.error === undefined
    ? `RequestId ${outcome.data.requestId}`
    : `${outcome.error.name} ${outcome.error.code}`;

const emulator = await startEmulator({ images: [...uploaded, ...snapshots], log: false });
const images = (): number => emulator.state.size;
const common = { endpoint: emulator.url, credentials: DEFAULT_EMULATOR_CREDENTIALS } as const;
const acs3: VodClient = createVodClient(common);
const rpcGet: VodClient = createVodClient({
  ...common,
  signatureAlgorithm: 'HMAC-SHA1',
  method: 'GET',
});

try {
  console.log(
    `vodkit demo: the emulator at ${emulator.url} and @vodkit/client deleting images for real\n`,
  );
  console.log(
    `seeded ${images()} images: ${uploaded.length} uploaded, ${snapshots.length} snapshots of ${VIDEO_ID}\n`,
  );

  let before = images();
  let outcome = await acs3.deleteImage({
    DeleteImageType: 'ImageId',
    ImageIds: ['img0000', 'img0001'],
  });
  step(
    'delete 2 images by ID (ACS3-HMAC-SHA256, POST form body)',
    show(outcome),
    outcome.error === undefined && images() === before - 2,
  );

  // The same call again: the images are gone, which the service answers with NoSuchResource.
  const again = await acs3.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img0000'] });
  step(
    'delete an image that is already gone',
    `${show(again)} (404), ${again.error?.attempts ?? 0} attempt (never retried)`,
    again.error?.code === 'NoSuchResource' && again.error.attempts === 1,
  );

  const url = emulator.state.get('img0002')?.url ?? '';
  before = images();
  outcome = await rpcGet.deleteImage({ DeleteImageType: 'ImageURL', ImageURLs: [url] });
  step(
    'delete 1 image by URL (HMAC-SHA1, GET query)',
    show(outcome),
    outcome.error === undefined && images() === before - 1,
  );

  before = images();
  outcome = await acs3.deleteImage({
    DeleteImageType: 'VideoId',
    VideoId: VIDEO_ID,
    ImageType: ['CoverSnapshot', 'NormalSnapshot'],
  });
  step(
    `delete the cover and normal snapshots of ${VIDEO_ID}`,
    show(outcome),
    outcome.error === undefined && images() === before - 10,
  );

  before = images();
  outcome = await rpcGet.deleteImage({
    DeleteImageType: 'VideoId',
    VideoId: VIDEO_ID,
    ImageType: 'All',
  });
  step(
    `delete the rest of ${VIDEO_ID} (ImageType All)`,
    show(outcome),
    outcome.error === undefined && images() === before - 10,
  );

  before = images();
  const bulkIds = uploaded.slice(3, 503).map((image) => image.imageId);
  const started = performance.now();
  const bulk = await acs3.deleteImages({ imageIds: bulkIds });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  step(
    `bulk-delete ${bulkIds.length} images: ${bulk.chunks.length} calls paced at ${QPS_LIMIT_PER_ACCOUNT}/s`,
    `${bulk.succeeded}/${bulk.chunks.length} calls ok in ${seconds} s`,
    bulk.failed === 0 && images() === before - bulkIds.length,
  );

  emulator.faults.failNext(2, 'ServiceUnavailable');
  const retried = await acs3.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['img0600'] });
  step(
    'an outage: the next 2 calls answer 503 ServiceUnavailable',
    `${show(retried)} after retries with fresh signatures`,
    retried.error === undefined && !emulator.state.has('img0600'),
  );

  const wrongSecret = createVodClient({
    ...common,
    credentials: { ...DEFAULT_EMULATOR_CREDENTIALS, accessKeySecret: 'not-the-secret' },
  });
  const rejected = await wrongSecret.deleteImage({
    DeleteImageType: 'ImageId',
    ImageIds: ['img0700'],
  });
  step(
    'a wrong AccessKeySecret',
    `${show(rejected)}, ${rejected.error?.attempts ?? 0} attempt (never retried)`,
    rejected.error?.code === 'SignatureDoesNotMatch' && rejected.error.attempts === 1,
  );

  const seen = emulator.requests().length;
  const tooMany = uploaded.slice(700, 721).map((image) => image.imageId);
  // A list from outside the type system: the types reject 21 IDs, so the runtime check must too.
  const invalid = await acs3.deleteImage({
    DeleteImageType: 'ImageId',
    ImageIds: tooMany,
  } as unknown as DeleteImageRequest);
  step(
    'an invalid request: 21 image IDs',
    `${show(invalid)}, nothing sent`,
    invalid.error?.name === 'VodValidationError' && emulator.requests().length === seen,
  );

  const dry = await acs3.dryRun({ DeleteImageType: 'ImageId', ImageIds: ['img0800'] });
  const leaked = JSON.stringify(dry).includes(DEFAULT_EMULATOR_CREDENTIALS.accessKeySecret);
  step(
    'a dry run: the signed request without sending it',
    `${dry.method} ${dry.url}`,
    !leaked && emulator.state.has('img0800'),
  );
  console.log(`    authorization: ${dry.headers['authorization'] ?? '(none)'}`);

  console.log(
    `\n${images()} images left; the emulator answered ${emulator.requests().length} requests.`,
  );
} finally {
  await emulator.close();
}

if (failures > 0) console.error(`\n${failures} step(s) did not behave as described.`);
process.exitCode = failures === 0 ? 0 : 1;
