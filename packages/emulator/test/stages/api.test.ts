/**
 * The `api` stage: a request must name DeleteImage of 2017-03-21; another path or method is InvalidApi.NotFound.
 */
import { describe, expect, test } from 'vitest';
import { expectError, useFixture } from '../support/fixture.js';
import { callV2, callV2Tampered, callV3, seeded, toAnswer } from '../support/rpc.js';

const fx = useFixture();

describe('API routing', () => {
  test('a wrong Action is InvalidAction.NotFound, a wrong Version InvalidVersion', async () => {
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), {
        time: fx.clock,
        common: { Action: 'DescribeImages' },
      }),
      'InvalidAction.NotFound',
    );
    expectError(
      await callV2(fx.vod.url, seeded(fx.vod, 'x'), {
        time: fx.clock,
        common: { Version: '2014-01-01' },
      }),
      'InvalidVersion',
    );
    expectError(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, action: 'GetImageInfo' }),
      'InvalidAction.NotFound',
    );
    expectError(
      await callV3(fx.vod.url, seeded(fx.vod, 'x'), { time: fx.clock, version: '2020-01-01' }),
      'InvalidVersion',
    );
  });

  test('no Action at all is MissingParameter naming it', async () => {
    const answer = await callV2Tampered(fx.vod.url, seeded(fx.vod, 'x'), (p) => {
      delete p['Action'];
      return p;
    });
    expect(expectError(answer, 'MissingParameter')).toContain('"Action"');
  });

  test('another path or method is InvalidApi.NotFound (404)', async () => {
    expectError(await toAnswer(await fetch(`${fx.vod.url}/v1/images`)), 'InvalidApi.NotFound');
    expectError(
      await toAnswer(await fetch(`${fx.vod.url}/`, { method: 'PUT', body: 'x' })),
      'InvalidApi.NotFound',
    );
  });
});
