/** The runtime constants the package ships agree with the spec it ships. */
import { describe, expect, it } from 'vitest';
import {
  ACTION,
  API_VERSION,
  CENTRAL_ENDPOINT,
  DEACTIVATED_REGIONS,
  DEFAULT_REGION,
  DELETE_IMAGE_TYPES,
  DOCUMENTED_ERRORS,
  ERROR_MESSAGES,
  MAX_IMAGE_IDS,
  MAX_IMAGE_URLS,
  QPS_LIMIT_PER_ACCOUNT,
  RAM_ACTION,
  REGIONS,
  REGION_ENDPOINTS,
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

  it('map all eleven public regions to their endpoints; the deactivated one is apart', () => {
    expect(Object.keys(REGIONS)).toHaveLength(11);
    expect(REGIONS['ap-southeast-5'].endpoint).toBe('vod.ap-southeast-5.aliyuncs.com');
    expect(REGIONS[DEFAULT_REGION].vpcEndpoint).toBe('vod-vpc.cn-shanghai.aliyuncs.com');
    expect(REGIONS['me-central-1']).toEqual({
      name: 'Saudi Arabia (Riyadh, partner-operated)',
      endpoint: 'vod.me-central-1.aliyuncs.com',
      vpcEndpoint: 'vod-vpc.me-central-1.aliyuncs.com',
    });
    expect(REGIONS['cn-north-2-gov-1'].vpcEndpoint).toBe('vod-vpc.cn-north-2-gov-1.aliyuncs.com');
    expect(Object.keys(REGION_ENDPOINTS)).toEqual(Object.keys(REGIONS));
    expect(Object.hasOwn(REGIONS, 'ap-south-1')).toBe(false);
    expect(DEACTIVATED_REGIONS['ap-south-1'].endpoint).toBe('vod.ap-south-1.aliyuncs.com');
    expect(CENTRAL_ENDPOINT).toBe('vod.aliyuncs.com');
  });

  it('give every documented code a message and where its text comes from', () => {
    expect(Object.keys(ERROR_MESSAGES)).toEqual(Object.keys(DOCUMENTED_ERRORS));
    for (const { source } of Object.values(ERROR_MESSAGES)) {
      expect(['documented', 'observed', 'vodkit']).toContain(source);
    }
    expect(ERROR_MESSAGES.NoSuchResource).toEqual({
      text: 'The specified resource does not exist.',
      source: 'documented',
    });
    expect(DOCUMENTED_ERRORS.NoSuchResource).toEqual({ httpStatus: 404, retryable: false });
    expect(DOCUMENTED_ERRORS.ServiceUnAvailable).toEqual(DOCUMENTED_ERRORS.ServiceUnavailable);
  });

  it('list every documented error with a 4xx or 5xx status; only throttling and 5xx retry', () => {
    for (const [code, { httpStatus, retryable }] of Object.entries(DOCUMENTED_ERRORS)) {
      expect(httpStatus, code).toBeGreaterThanOrEqual(400);
      expect(retryable, code).toBe(code.startsWith('Throttling') || httpStatus >= 500);
    }
  });
});
