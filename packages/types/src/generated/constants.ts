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
  "me-central-1": { name: "Saudi Arabia (Riyadh, partner-operated)", endpoint: "vod.me-central-1.aliyuncs.com", vpcEndpoint: "vod-vpc.me-central-1.aliyuncs.com" },
  "cn-north-2-gov-1": { name: "China (Beijing Government Cloud)", endpoint: "vod.cn-north-2-gov-1.aliyuncs.com", vpcEndpoint: "vod-vpc.cn-north-2-gov-1.aliyuncs.com" },
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
  "me-central-1": "vod.me-central-1.aliyuncs.com",
  "cn-north-2-gov-1": "vod.cn-north-2-gov-1.aliyuncs.com",
} as const;
/** Regions the spec documents as deactivated: listed once, no longer served, and not selectable in the client. */
export const DEACTIVATED_REGIONS = {
  "ap-south-1": { name: "India (Mumbai)", endpoint: "vod.ap-south-1.aliyuncs.com" },
} as const;
/** The central endpoint host, which Alibaba's sample requests use. */
export const CENTRAL_ENDPOINT = "vod.aliyuncs.com";
/** The region the spec names as the default server. */
export const DEFAULT_REGION = "cn-shanghai";
/** The documented codes a retry can cure, alone: what a client's retry policy needs, without the rest of {@link DOCUMENTED_ERRORS}. */
export const RETRYABLE_ERROR_CODES = ["Throttling.User","Throttling.Api","Throttling","InternalError","ServiceUnavailable","ServiceUnAvailable"] as const;
/** The documented codes a retry cannot cure (the rest of {@link DOCUMENTED_ERRORS}). */
export const FINAL_ERROR_CODES = ["NoSuchResource","MissingParameter","InvalidParameter","IncompleteSignature","SignatureDoesNotMatch","InvalidTimeStamp.Format","InvalidTimeStamp.Expired","SignatureNonceUsed","InvalidAccessKeyId.NotFound","InvalidAccessKeyId.Inactive","InvalidSecurityToken.Expired","InvalidSecurityToken.Malformed","InvalidSecurityToken.MismatchWithAccessKey","MissingSecurityToken","Forbidden.RAM","Forbidden","OperationDenied","OperationDenied.Suspended","InvalidAction.NotFound","InvalidVersion","InvalidApi.NotFound"] as const;
/** The documented error codes with their HTTP status and whether a retry can succeed. The set is open. */
export const DOCUMENTED_ERRORS = {
  "NoSuchResource": { httpStatus: 404, retryable: false },
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
  "ServiceUnAvailable": { httpStatus: 503, retryable: true },
} as const;
/** Each documented code's `Message` text and where the text comes from: `documented` (Alibaba's documentation), `observed` (real answers), or `vodkit` (ours; the service's text is not known). `<name>`-style placeholders stand for the part that varies. */
export const ERROR_MESSAGES = {
  "NoSuchResource": { text: "The specified resource does not exist.", source: "documented" },
  "MissingParameter": { text: "The input parameter \"<name>\" that is mandatory for processing this request is not supplied.", source: "observed" },
  "InvalidParameter": { text: "The specified parameter \"<name>\" is not valid.", source: "observed" },
  "IncompleteSignature": { text: "The request signature does not conform to Aliyun standards.", source: "observed" },
  "SignatureDoesNotMatch": { text: "Specified signature is not matched with our calculation. server string to sign is:<StringToSign>", source: "observed" },
  "InvalidTimeStamp.Format": { text: "Specified time stamp or date value is not well formatted.", source: "vodkit" },
  "InvalidTimeStamp.Expired": { text: "Specified time stamp or date value is expired.", source: "observed" },
  "SignatureNonceUsed": { text: "Specified signature nonce was used already.", source: "observed" },
  "InvalidAccessKeyId.NotFound": { text: "Specified access key is not found.", source: "observed" },
  "InvalidAccessKeyId.Inactive": { text: "Specified access key is disabled.", source: "documented" },
  "InvalidSecurityToken.Expired": { text: "Specified SecurityToken is expired.", source: "vodkit" },
  "InvalidSecurityToken.Malformed": { text: "Specified SecurityToken is malformed.", source: "vodkit" },
  "InvalidSecurityToken.MismatchWithAccessKey": { text: "Specified SecurityToken mismatch with the AccessKey.", source: "vodkit" },
  "MissingSecurityToken": { text: "SecurityToken is mandatory for this STS AccessKey.", source: "vodkit" },
  "Forbidden.RAM": { text: "User not authorized to operate on the specified resource, or this API doesn't support RAM.", source: "observed" },
  "Forbidden": { text: "User not authorized to operate on the specified resource.", source: "vodkit" },
  "OperationDenied": { text: "Your account does not open VOD service yet.", source: "documented" },
  "OperationDenied.Suspended": { text: "Your VOD service is suspended.", source: "documented" },
  "InvalidAction.NotFound": { text: "Specified api is not found, please check your url and method.", source: "observed" },
  "InvalidVersion": { text: "Specified parameter Version is not valid.", source: "vodkit" },
  "InvalidApi.NotFound": { text: "Specified api is not found, please check your url and method.", source: "observed" },
  "Throttling.User": { text: "Request was denied due to user flow control.", source: "observed" },
  "Throttling.Api": { text: "Request was denied due to api flow control.", source: "observed" },
  "Throttling": { text: "Request was denied due to flow control.", source: "vodkit" },
  "InternalError": { text: "The request processing has failed due to some unknown error, exception or failure.", source: "observed" },
  "ServiceUnavailable": { text: "The request has failed due to a temporary failure of the server.", source: "observed" },
  "ServiceUnAvailable": { text: "The request has failed due to a temporary failure of the server.", source: "observed" },
} as const;
/** How far (seconds) a request time may be from the server clock before `InvalidTimeStamp.Expired`. */
export const CLOCK_SKEW_SECONDS = 900;
/** How long (seconds) a signature nonce is remembered to reject replays. */
export const NONCE_REPLAY_WINDOW_SECONDS = 900;
/** The names Alibaba Cloud gives the two signature algorithms. */
export const SIGNATURE_ALGORITHMS = ["ACS3-HMAC-SHA256","HMAC-SHA1"] as const;
/** Lowercase hex SHA-256 of an empty body (`x-acs-content-sha256` for a request without a body). */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
