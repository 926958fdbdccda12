/**
 * A credentials provider written in plain JavaScript as a synchronous function: its value is
 * used, its throw is a credentials error, and the provider's deadline leaves no timer behind
 * (once, such a timer fired after the call had returned and crashed the process with an
 * unhandled rejection; vitest fails a run on any unhandled rejection).
 */
import type { RunningEmulator } from '@vodkit/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { VodCredentialsError, createVodClient } from '../src/node/index.ts';
import type { CredentialProvider } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator();
});
afterAll(async () => {
  await vod.close();
});

it('a provider that returns credentials at once is used, and no timer outlives the call', async () => {
  vod.state.add([{ imageId: 'sync1', url: 'https://m.example.com/sync1.png' }]);
  const provider = (() => DEFAULT_EMULATOR_CREDENTIALS) as unknown as CredentialProvider;
  const client = createVodClient({ endpoint: vod.url, credentials: provider, timeoutMs: 200 });
  const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['sync1'] });
  expect(error).toBeUndefined();
  expect(vod.state.has('sync1')).toBe(false);
  await client.close();
  // Past the provider's deadline: a timer left behind would reject now, unhandled.
  await new Promise((resolve) => setTimeout(resolve, 400));
});

it('a provider that throws synchronously is a credentials error, never a crash', async () => {
  const provider = (() => {
    throw new Error('no file');
  }) as unknown as CredentialProvider;
  const client = createVodClient({ endpoint: vod.url, credentials: provider, timeoutMs: 200 });
  const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] });
  expect(error).toBeInstanceOf(VodCredentialsError);
  expect(error?.code).toBe('CredentialsFailed');
  await client.close();
  await new Promise((resolve) => setTimeout(resolve, 400));
});
