import { REGION_ENDPOINTS } from '@vodkit/types';
import { invalidOption, own } from './client-options.js';

/** The endpoint as an origin, and the host the signature covers. */
export interface ResolvedEndpoint {
  /** `https://host[:port]`, no trailing slash. */
  readonly origin: string;
  /** `host[:port]`, as the V3 signature covers it. */
  readonly host: string;
}

/**
 * The origin to send to and the host to sign, from `endpoint` (parsed with `new URL`: an
 * origin and nothing more) or else from `region` (a documented one; `cn-shanghai` when neither
 * is given). Throws a {@link VodValidationError} (`InvalidOption`) naming the option.
 */
export function resolveEndpoint(o: object): ResolvedEndpoint {
  const endpoint = own(o, 'endpoint');
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      // No space or control character: URL would quietly drop or encode them.
      // eslint-disable-next-line no-control-regex -- exactly what an origin may not hold
      if (typeof endpoint === 'string' && !/[\x00-\x20\x7F]/.test(endpoint))
        url = new URL(endpoint);
    } catch {
      // reported below
    }
    if (
      url === undefined ||
      !/^https?:$/.test(url.protocol) ||
      `${url.username}${url.password}${url.search}${url.hash}` !== '' ||
      url.pathname !== '/' ||
      url.port === '0' ||
      (endpoint as string).endsWith('?')
    ) {
      return invalidOption(
        'endpoint',
        'must be an origin http[s]://host[:port] (port 1-65535): no user, path, query or fragment',
      );
    }
    return { origin: url.origin, host: url.host };
  }
  const region = own(o, 'region') ?? 'cn-shanghai';
  // Own keys only: a region named "constructor" or "__proto__" is not a region.
  const host =
    typeof region === 'string' && Object.hasOwn(REGION_ENDPOINTS, region)
      ? (REGION_ENDPOINTS as Readonly<Record<string, string>>)[region]
      : undefined;
  if (host === undefined) {
    return invalidOption(
      'region',
      `unknown ${typeof region === 'string' ? `"${region}"` : typeof region}; use a documented region or pass endpoint`,
    );
  }
  return { origin: `https://${host}`, host };
}
