/**
 * GENERATED FILE: DO NOT EDIT.
 * Source: spec/vod.openapi.yaml. Generator: tools/codegen (constants.ts).
 * Regenerate with `pnpm generate`; `pnpm generate --check` fails when this file is stale.
 */
/** The product code of ApsaraVideo VOD. */
export const PRODUCT = "vod";
/** The RPC action this toolkit covers. */
export const ACTION = "DeleteImage";
/** The API version of the action. */
export const API_VERSION = "2017-03-21";
/** The RAM action a policy must allow for the call to succeed. */
export const RAM_ACTION = "vod:DeleteImage";
/** Requests per second one account may send before it is throttled. */
export const QPS_LIMIT_PER_ACCOUNT = 50;
/** The error code the service answers with when the rate limit is exceeded. */
export const THROTTLING_ERROR_CODE = "Throttling.User";
/** The values of `DeleteImageType`, one per request variant. */
export const DELETE_IMAGE_TYPES = ["ImageURL","ImageId","VideoId"] as const;
/** The snapshot kinds `ImageType` may list. */
export const SNAPSHOT_KINDS = ["CoverSnapshot","NormalSnapshot","SpriteSnapshot","SpriteOriginSnapshot"] as const;
/** The `ImageType` value that selects every snapshot kind; it cannot be combined with a kind. */
export const IMAGE_TYPE_ALL = "All";
/** Most image URLs one call may delete. */
export const MAX_IMAGE_URLS = 20;
/** Most image IDs one call may delete. */
export const MAX_IMAGE_IDS = 20;
/** The separator list values are joined with on the wire. */
export const LIST_SEPARATOR = ",";
/** The documented public regions: display name, public and VPC endpoint hosts. */
export const REGIONS = {
  "cn-shanghai": { name: "China (Shanghai)", endpoint: "vod.cn-shanghai.aliyuncs.com", vpcEndpoint: "vod-vpc.cn-shanghai.aliyuncs.com" },
  "cn-beijing": { name: "China (Beijing)", endpoint: "vod.cn-beijing.aliyuncs.com", vpcEndpoint: "vod-vpc.cn-beijing.aliyuncs.com" },
  "cn-shenzhen": { name: "China (Shenzhen)", endpoint: "vod.cn-shenzhen.aliyuncs.com", vpcEndpoint: "vod-vpc.cn-shenzhen.aliyuncs.com" },
  "cn-hongkong": { name: "China (Hong Kong)", endpoint: "vod.cn-hongkong.aliyuncs.com", vpcEndpoint: "vod-vpc.cn-hongkong.aliyuncs.com" },
  "ap-northeast-1": { name: "Japan (Tokyo)", endpoint: "vod.ap-northeast-1.aliyuncs.com", vpcEndpoint: "vod-vpc.ap-northeast-1.aliyuncs.com" },
  "ap-southeast-1": { name: "Singapore", endpoint: "vod.ap-southeast-1.aliyuncs.com", vpcEndpoint: "vod-vpc.ap-southeast-1.aliyuncs.com" },
  "ap-southeast-5": { name: "Indonesia (Jakarta)", endpoint: "vod.ap-southeast-5.aliyuncs.com", vpcEndpoint: "vod-vpc.ap-southeast-5.aliyuncs.com" },
  "eu-central-1": { name: "Germany (Frankfurt)", endpoint: "vod.eu-central-1.aliyuncs.com", vpcEndpoint: "vod-vpc.eu-central-1.aliyuncs.com" },
  "us-west-1": { name: "US (Silicon Valley)", endpoint: "vod.us-west-1.aliyuncs.com", vpcEndpoint: "vod-vpc.us-west-1.aliyuncs.com" },
} as const;
/** Each documented region's public endpoint host alone: what a client needs, without the rest of {@link REGIONS}. */
export const REGION_ENDPOINTS = {
  "cn-shanghai": "vod.cn-shanghai.aliyuncs.com",
  "cn-beijing": "vod.cn-beijing.aliyuncs.com",
  "cn-shenzhen": "vod.cn-shenzhen.aliyuncs.com",
  "cn-hongkong": "vod.cn-hongkong.aliyuncs.com",
  "ap-northeast-1": "vod.ap-northeast-1.aliyuncs.com",
  "ap-southeast-1": "vod.ap-southeast-1.aliyuncs.com",
  "ap-southeast-5": "vod.ap-southeast-5.aliyuncs.com",
  "eu-central-1": "vod.eu-central-1.aliyuncs.com",
  "us-west-1": "vod.us-west-1.aliyuncs.com",
} as const;
/** The region the spec names as the default server. */
export const DEFAULT_REGION = "cn-shanghai";
/** The documented error codes with their HTTP status and whether a retry can succeed. The set is open. */
export const DOCUMENTED_ERRORS = {
  "MissingParameter": { httpStatus: 400, retryable: false },
  "InvalidParameter": { httpStatus: 400, retryable: false },
  "IncompleteSignature": { httpStatus: 400, retryable: false },
  "SignatureDoesNotMatch": { httpStatus: 400, retryable: false },
  "InvalidTimeStamp.Format": { httpStatus: 400, retryable: false },
  "InvalidTimeStamp.Expired": { httpStatus: 400, retryable: false },
  "SignatureNonceUsed": { httpStatus: 400, retryable: false },
  "InvalidAccessKeyId.NotFound": { httpStatus: 404, retryable: false },
  "InvalidAccessKeyId.Inactive": { httpStatus: 400, retryable: false },
  "InvalidSecurityToken.Expired": { httpStatus: 400, retryable: false },
  "InvalidSecurityToken.Malformed": { httpStatus: 400, retryable: false },
  "InvalidSecurityToken.MismatchWithAccessKey": { httpStatus: 400, retryable: false },
  "MissingSecurityToken": { httpStatus: 400, retryable: false },
  "Forbidden.RAM": { httpStatus: 403, retryable: false },
  "Forbidden": { httpStatus: 403, retryable: false },
  "OperationDenied": { httpStatus: 403, retryable: false },
  "OperationDenied.Suspended": { httpStatus: 403, retryable: false },
  "InvalidAction.NotFound": { httpStatus: 400, retryable: false },
  "InvalidVersion": { httpStatus: 400, retryable: false },
  "InvalidApi.NotFound": { httpStatus: 404, retryable: false },
  "Throttling.User": { httpStatus: 400, retryable: true },
  "Throttling.Api": { httpStatus: 400, retryable: true },
  "Throttling": { httpStatus: 400, retryable: true },
  "InternalError": { httpStatus: 500, retryable: true },
  "ServiceUnavailable": { httpStatus: 503, retryable: true },
} as const;
/** How far (seconds) a request time may be from the server clock before `InvalidTimeStamp.Expired`. */
export const CLOCK_SKEW_SECONDS = 900;
/** How long (seconds) a signature nonce is remembered to reject replays. */
export const NONCE_REPLAY_WINDOW_SECONDS = 900;
/** The names Alibaba Cloud gives the two signature algorithms. */
export const SIGNATURE_ALGORITHMS = ["ACS3-HMAC-SHA256","HMAC-SHA1"] as const;
/** Lowercase hex SHA-256 of an empty body (`x-acs-content-sha256` for a request without a body). */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
