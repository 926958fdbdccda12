/**
 * The wire decoding of DeleteImage parameters: from the flat strings a request carries to the
 * request object the spec describes (lists split on `,`, URL items percent-decoded).
 */
import { IMAGE_TYPE_ALL, LIST_SEPARATOR } from '@vodkit/types';
import { REQUEST_SHAPES } from './generated/request-shape.js';

/** Names the spec's list-valued fields carry on the wire, comma-joined. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['ImageURLs', 'ImageIds', 'ImageType']);

/**
 * One `ImageURLs` item as sent: percent-encoded on its own (what the spec asks, and vodkit's
 * client does), or, from older clients, the bare URL. An encoded URL never starts with
 * `http://`, so the two cannot be confused; an item that does not decode stays as sent.
 */
export function decodeUrlItem(item: string): string {
  if (!/^https?%3A/i.test(item)) return item;
  try {
    return decodeURIComponent(item);
  } catch {
    return item;
  }
}

let commonParameters: ReadonlySet<string> | undefined;
/** The spec's common parameters, which the operation never sees. */
function defaultIgnored(): ReadonlySet<string> {
  commonParameters ??= new Set(REQUEST_SHAPES.strict.commonParameters);
  return commonParameters;
}

/**
 * Turns decoded wire parameters into the request object the spec describes: common parameters
 * (or the names in `ignore`) are left out, empty values count as absent, `ImageURLs`/`ImageIds`
 * split on `,` (each URL percent-decoded when it was sent encoded), and `ImageType` is the
 * string `All` or a list of kinds.
 *
 * @example
 * ```ts
 * decodeDeleteImageParams({ DeleteImageType: 'ImageId', ImageIds: 'a,b' })
 * // → { DeleteImageType: 'ImageId', ImageIds: ['a', 'b'] }
 * ```
 */
export function decodeDeleteImageParams(
  params: Readonly<Record<string, string>>,
  ignore: ReadonlySet<string> = defaultIgnored(),
): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (ignore.has(name) || value === '') continue;
    if (!LIST_FIELDS.has(name)) out[name] = value;
    else if (name === 'ImageType' && value === IMAGE_TYPE_ALL) out[name] = value;
    else if (name === 'ImageURLs') out[name] = value.split(LIST_SEPARATOR).map(decodeUrlItem);
    else out[name] = value.split(LIST_SEPARATOR);
  }
  return out;
}
