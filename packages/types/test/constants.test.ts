/** The runtime constants the package ships agree with the spec it ships. */
import { describe, expect, it } from 'vitest';
import {
  ACTION,
  API_VERSION,
  DEFAULT_REGION,
  DELETE_IMAGE_TYPES,
  DOCUMENTED_ERRORS,
  MAX_IMAGE_IDS,
  MAX_IMAGE_URLS,
  QPS_LIMIT_PER_ACCOUNT,
  RAM_ACTION,
  REGIONS,
  SNAPSHOT_KINDS,
} from '@vodkit/types';
import shipped from '@vodkit/types/openapi.json' with { type: 'json' };

// The spec as the package ships it (`@vodkit/types/openapi.json`), not the YAML source.
const schemas = shipped.components.schemas as Record<string, Record<string, unknown>>;

describe('constants', () => {
  it('match the request schema', () => {
    expect(MAX_IMAGE_IDS).toBe(schemas['ImageIdList']?.['maxItems']);
    expect(MAX_IMAGE_URLS).toBe(schemas['ImageURLList']?.['maxItems']);
    expect(MAX_IMAGE_IDS).toBe(20);
    expect([...DELETE_IMAGE_TYPES]).toEqual(['ImageURL', 'ImageId', 'VideoId']);
    expect([...SNAPSHOT_KINDS]).toEqual(schemas['SnapshotKind']?.['enum']);
  });

  it('name the operation, RAM action and rate limit', () => {
    expect([ACTION, API_VERSION, RAM_ACTION, QPS_LIMIT_PER_ACCOUNT]).toEqual([
      'DeleteImage',
      '2017-03-21',
      'vod:DeleteImage',
      50,
    ]);
  });

  it('map all nine public regions to their endpoints', () => {
    expect(Object.keys(REGIONS)).toHaveLength(9);
    expect(REGIONS['ap-southeast-5'].endpoint).toBe('vod.ap-southeast-5.aliyuncs.com');
    expect(REGIONS[DEFAULT_REGION].vpcEndpoint).toBe('vod-vpc.cn-shanghai.aliyuncs.com');
  });

  it('list every documented error with a 4xx or 5xx status; only throttling and 5xx retry', () => {
    for (const [code, { httpStatus, retryable }] of Object.entries(DOCUMENTED_ERRORS)) {
      expect(httpStatus, code).toBeGreaterThanOrEqual(400);
      expect(retryable, code).toBe(code.startsWith('Throttling') || httpStatus >= 500);
    }
  });
});
