/** The `'alibaba'` target: read from the environment, and never destructive unless told with IDs. */
import { expect, it } from 'vitest';
import {
  CHECKS,
  alibabaTarget,
  createRun,
  emulatorUrlTarget,
  missingNeeds,
  runContract,
  selectChecks,
  urlTarget,
} from '../src/index.ts';

const ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tReal',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'real-secret',
};

it('needs credentials from the environment, and knows the regions', () => {
  expect(() => alibabaTarget({})).toThrow(
    /ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/,
  );
  expect(alibabaTarget(ENV).url).toBe('https://vod.cn-shanghai.aliyuncs.com');
  expect(alibabaTarget({ ...ENV, VODKIT_CONTRACT_REGION: 'ap-southeast-1' }).url).toBe(
    'https://vod.ap-southeast-1.aliyuncs.com',
  );
  expect(() => alibabaTarget({ ...ENV, VODKIT_CONTRACT_REGION: 'mars-1' })).toThrow(
    /unknown region "mars-1"/,
  );
});

it('runs only read-only checks unless destructive with the IDs it may delete', () => {
  expect(() => alibabaTarget(ENV, { destructive: true })).toThrow(/deletableIds/);
  const readOnly = alibabaTarget(ENV);
  const runnable = CHECKS.filter((c) => missingNeeds(c, readOnly).length === 0).map((c) => c.id);
  expect(runnable).not.toContain('given-ids-delete');
  expect(CHECKS.filter((c) => c.needs.includes('destructive') && runnable.includes(c.id))).toEqual(
    [],
  );
  const destructive = alibabaTarget(ENV, { destructive: true, deletableIds: ['a1b2'] });
  const now = CHECKS.filter((c) => missingNeeds(c, destructive).length === 0).map((c) => c.id);
  expect(now).toContain('given-ids-delete');
  expect(now).not.toContain('deletes-take-effect');
});

it('bad options from plain JavaScript are refused, naming the option and the rule', async () => {
  const credentials = { accessKeyId: 'a', accessKeySecret: 'b' };
  await expect(runContract({ target: 'ftp://127.0.0.1:1', credentials })).rejects.toThrow(
    "target: must be 'emulator', 'alibaba' or an http:// or https:// URL",
  );
  await expect(emulatorUrlTarget('not a url')).rejects.toThrow(/^target: must be/);
  const target = urlTarget('http://127.0.0.1:1', { credentials, qps: 0 });
  expect(() => createRun({ target })).toThrow(
    'qps: must be a finite number of calls per second above 0',
  );
  expect(() =>
    createRun({ target: urlTarget('http://127.0.0.1:1', { credentials }), seed: 1.5 }),
  ).toThrow('seed: must be a whole number');
  expect(() => selectChecks('timestamps' as unknown as string[])).toThrow(
    'checks: must be an array of check IDs',
  );
  expect(() => selectChecks(['timestamps', 'nope'])).toThrow(
    /^unknown check nope; known: valid-variants/,
  );
});
