/**
 * Derives the runtime constants of `@vodkit/types` from the spec, so the 20-item limit, the
 * enums, the regions and the documented error codes are never typed in twice.
 */
import type { OpenApiDocument } from './load-spec.ts';

/** One documented error code as the spec lists it under `VodError.x-documented-codes`. */
interface DocumentedCode {
  readonly code: string;
  readonly httpStatus: number;
  readonly retryable: boolean;
  readonly message?: string;
  readonly messageSource?: string;
}

/** A region the spec documents as deactivated: known to readers of old code, never selectable. */
interface DeactivatedRegion {
  readonly name: string;
  readonly endpoint: string;
}

/** Fails codegen with a message that names the spec location that is missing or malformed. */
function expectDefined<T>(value: T | undefined, where: string): T {
  if (value === undefined) throw new Error(`codegen: the spec has no ${where}`);
  return value;
}

function schema(spec: OpenApiDocument, name: string): Record<string, unknown> {
  return expectDefined(spec.components.schemas[name], `components.schemas.${name}`);
}

function property(object: Record<string, unknown>, key: string, where: string): unknown {
  return expectDefined(object[key], `${where}.${key}`);
}

function enumOf(spec: OpenApiDocument, name: string): string[] {
  const values = property(schema(spec, name), 'enum', `components.schemas.${name}`);
  if (!Array.isArray(values))
    throw new Error(`codegen: components.schemas.${name}.enum is not a list`);
  return values.map(String);
}

function numberOf(spec: OpenApiDocument, name: string, key: string): number {
  const value = property(schema(spec, name), key, `components.schemas.${name}`);
  if (typeof value !== 'number')
    throw new Error(`codegen: components.schemas.${name}.${key} is not a number`);
  return value;
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** Builds the source of `constants.ts` (without the header) from the parsed spec. */
export function generateConstants(spec: OpenApiDocument): string {
  const request = schema(spec, 'DeleteImageRequest');
  const discriminator = property(request, 'discriminator', 'DeleteImageRequest') as {
    mapping: Record<string, string>;
  };
  const deleteImageTypes = Object.keys(discriminator.mapping);

  const post = expectDefined(spec.paths['/']?.['post'], 'paths./.post') as Record<string, unknown>;
  const rpc = property(post, 'x-alibaba-rpc', 'paths./.post') as Record<string, unknown>;
  const ram = property(post, 'x-alibaba-ram', 'paths./.post') as Record<string, unknown>;
  const rateLimit = property(post, 'x-alibaba-rate-limit', 'paths./.post') as Record<
    string,
    unknown
  >;

  const publicServer = expectDefined(spec.servers[0], 'servers[0]');
  const vpcServer = expectDefined(spec.servers[1], 'servers[1]');
  const regionVariable = expectDefined(
    publicServer.variables?.['regionId'],
    'servers[0].variables.regionId',
  );
  const regionNames = expectDefined(
    regionVariable['x-region-names'],
    'servers[0].variables.regionId.x-region-names',
  );
  const hostOf = (url: string, region: string): string =>
    new URL(url.replace('{regionId}', region)).host;
  const regionIds = expectDefined(regionVariable.enum, 'servers[0].variables.regionId.enum');
  const regionEndpoints = regionIds.map(
    (region) => `  ${literal(region)}: ${literal(hostOf(publicServer.url, region))},`,
  );
  const regions = regionIds.map(
    (region) =>
      `  ${literal(region)}: { name: ${literal(expectDefined(regionNames[region], `x-region-names.${region}`))}, endpoint: ${literal(hostOf(publicServer.url, region))}, vpcEndpoint: ${literal(hostOf(vpcServer.url, region))} },`,
  );

  const deactivated = (regionVariable['x-deactivated-regions'] ?? {}) as Readonly<
    Record<string, DeactivatedRegion>
  >;
  const deactivatedRegions = Object.entries(deactivated).map(
    ([region, entry]) =>
      `  ${literal(region)}: { name: ${literal(entry.name)}, endpoint: ${literal(entry.endpoint)} },`,
  );
  const centralServer = expectDefined(spec.servers[2], 'servers[2] (the central endpoint)');

  const vodError = schema(spec, 'VodError');
  const codes = property(vodError, 'x-documented-codes', 'VodError') as DocumentedCode[];
  const errors = codes.map(
    (entry) =>
      `  ${literal(entry.code)}: { httpStatus: ${entry.httpStatus}, retryable: ${entry.retryable} },`,
  );
  const messages = codes.map(
    (entry) =>
      `  ${literal(entry.code)}: { text: ${literal(expectDefined(entry.message, `x-documented-codes ${entry.code}.message`))}, source: ${literal(expectDefined(entry.messageSource, `x-documented-codes ${entry.code}.messageSource`))} },`,
  );

  const v2 = expectDefined(spec.components.securitySchemes['RpcSignatureV2'], 'RpcSignatureV2');
  const v2Details = property(v2, 'x-alibaba-signature', 'RpcSignatureV2') as Record<
    string,
    unknown
  >;
  const v3 = expectDefined(spec.components.securitySchemes['AcsSignatureV3'], 'AcsSignatureV3');
  const v3Details = property(v3, 'x-alibaba-signature', 'AcsSignatureV3') as Record<
    string,
    unknown
  >;
  const imageTypeSelection = schema(spec, 'ImageTypeSelection');
  const [allChoice] = property(imageTypeSelection, 'oneOf', 'ImageTypeSelection') as {
    const: string;
  }[];

  /** A literal of `object[key]`, failing codegen with the spec location when it is missing. */
  const fieldOf =
    (object: Record<string, unknown>, where: string) =>
    (key: string): string =>
      literal(property(object, key, where));
  const rpcField = fieldOf(rpc, 'paths./.post.x-alibaba-rpc');
  const ramField = fieldOf(ram, 'paths./.post.x-alibaba-ram');
  const rateLimitField = fieldOf(rateLimit, 'paths./.post.x-alibaba-rate-limit');
  const v2Field = fieldOf(v2Details, 'RpcSignatureV2.x-alibaba-signature');
  const v3Field = fieldOf(v3Details, 'AcsSignatureV3.x-alibaba-signature');

  return [
    '/** The product code of ApsaraVideo VOD. */',
    `export const PRODUCT = ${rpcField('product')};`,
    '/** The RPC action this toolkit covers. */',
    `export const ACTION = ${rpcField('action')};`,
    '/** The API version of the action. */',
    `export const API_VERSION = ${rpcField('version')};`,
    '/** The RAM action a policy must allow for the call to succeed. */',
    `export const RAM_ACTION = ${ramField('action')};`,
    '/** Requests per second one account may send before it is throttled. */',
    `export const QPS_LIMIT_PER_ACCOUNT = ${rateLimitField('requestsPerSecond')};`,
    '/** The error code the service answers with when the rate limit is exceeded. */',
    `export const THROTTLING_ERROR_CODE = ${rateLimitField('errorCode')};`,
    '/** The values of `DeleteImageType`, one per request variant. */',
    `export const DELETE_IMAGE_TYPES = ${literal(deleteImageTypes)} as const;`,
    '/** The snapshot kinds `ImageType` may list. */',
    `export const SNAPSHOT_KINDS = ${literal(enumOf(spec, 'SnapshotKind'))} as const;`,
    '/** The `ImageType` value that selects every snapshot kind; it cannot be combined with a kind. */',
    `export const IMAGE_TYPE_ALL = ${literal(expectDefined(allChoice?.const, 'ImageTypeSelection.oneOf[0].const'))};`,
    '/** Most image URLs one call may delete. */',
    `export const MAX_IMAGE_URLS = ${numberOf(spec, 'ImageURLList', 'maxItems')};`,
    '/** Most image IDs one call may delete. */',
    `export const MAX_IMAGE_IDS = ${numberOf(spec, 'ImageIdList', 'maxItems')};`,
    '/** The separator list values are joined with on the wire. */',
    `export const LIST_SEPARATOR = ",";`,
    '/** The documented public regions: display name, public and VPC endpoint hosts. */',
    'export const REGIONS = {',
    ...regions,
    '} as const;',
    "/** Each documented region's public endpoint host alone: what a client needs, without the rest of {@link REGIONS}. */",
    'export const REGION_ENDPOINTS = {',
    ...regionEndpoints,
    '} as const;',
    '/** Regions the spec documents as deactivated: listed once, no longer served, and not selectable in the client. */',
    'export const DEACTIVATED_REGIONS = {',
    ...deactivatedRegions,
    '} as const;',
    "/** The central endpoint host, which Alibaba's sample requests use. */",
    `export const CENTRAL_ENDPOINT = ${literal(new URL(centralServer.url).host)};`,
    '/** The region the spec names as the default server. */',
    `export const DEFAULT_REGION = ${literal(regionVariable.default)};`,
    "/** The documented codes a retry can cure, alone: what a client's retry policy needs, without the rest of {@link DOCUMENTED_ERRORS}. */",
    `export const RETRYABLE_ERROR_CODES = ${literal(codes.filter((c) => c.retryable).map((c) => c.code))} as const;`,
    '/** The documented codes a retry cannot cure (the rest of {@link DOCUMENTED_ERRORS}). */',
    `export const FINAL_ERROR_CODES = ${literal(codes.filter((c) => !c.retryable).map((c) => c.code))} as const;`,
    '/** The documented error codes with their HTTP status and whether a retry can succeed. The set is open. */',
    'export const DOCUMENTED_ERRORS = {',
    ...errors,
    '} as const;',
    "/** Each documented code's `Message` text and where the text comes from: `documented` (Alibaba's documentation), `observed` (real answers), or `vodkit` (ours; the service's text is not known). `<name>`-style placeholders stand for the part that varies. */",
    'export const ERROR_MESSAGES = {',
    ...messages,
    '} as const;',
    '/** How far (seconds) a request time may be from the server clock before `InvalidTimeStamp.Expired`. */',
    `export const CLOCK_SKEW_SECONDS = ${v2Field('clockSkewSeconds')};`,
    '/** How long (seconds) a signature nonce is remembered to reject replays. */',
    `export const NONCE_REPLAY_WINDOW_SECONDS = ${v2Field('nonceReplayWindowSeconds')};`,
    '/** The names Alibaba Cloud gives the two signature algorithms. */',
    `export const SIGNATURE_ALGORITHMS = [${v3Field('algorithm')},${v2Field('algorithm')}] as const;`,
    '/** Lowercase hex SHA-256 of an empty body (`x-acs-content-sha256` for a request without a body). */',
    `export const EMPTY_BODY_SHA256 = ${v3Field('emptyBodySha256')};`,
    '',
  ].join('\n');
}
