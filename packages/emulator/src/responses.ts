import { randomUUID } from 'node:crypto';
import { DOCUMENTED_ERRORS, ERROR_MESSAGES, PRODUCT } from '@vodkit/types';
import type { DeleteImageResponse, VodErrorBody } from '@vodkit/types';

/** The response formats of the RPC API. */
export type ResponseFormat = 'JSON' | 'XML';

/** An error the pipeline answers with: Alibaba's code, its HTTP status and a message. */
export interface EmulatorError {
  /** The Alibaba error code, e.g. `SignatureDoesNotMatch`. */
  readonly code: string;
  /** The HTTP status. */
  readonly httpStatus: number;
  /** The message, worded like the gateway's. */
  readonly message: string;
}

/**
 * The spec's `Message` for `code` (`ERROR_MESSAGES`: documented, observed, or ours where the
 * service's text is unknown), unless it has a placeholder the caller must fill.
 */
function messageOf(code: string): string | undefined {
  if (!Object.hasOwn(ERROR_MESSAGES, code)) return undefined;
  const { text } = ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES];
  return text.includes('<') ? undefined : text;
}

/** The documented HTTP status of `code`; `fallback` for codes the spec does not list. */
export function statusOf(code: string, fallback = 400): number {
  return Object.hasOwn(DOCUMENTED_ERRORS, code)
    ? DOCUMENTED_ERRORS[code as keyof typeof DOCUMENTED_ERRORS].httpStatus
    : fallback;
}

/**
 * Builds an {@link EmulatorError} for `code` with its documented status and the spec's message
 * for it (or `message` when given).
 */
export function errorOf(code: string, message?: string, fallbackStatus = 400): EmulatorError {
  return {
    code,
    httpStatus: statusOf(code, fallbackStatus),
    message: message ?? messageOf(code) ?? `The request failed with ${code}.`,
  };
}

/** A request ID in Alibaba's shape: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** The `Recommend` link the gateway adds to error bodies. */
export function recommendUrl(code: string, requestId: string): string {
  return `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=${PRODUCT}&requestId=${requestId}`;
}

/** The error body in Alibaba's shape. */
export function errorBody(error: EmulatorError, requestId: string, hostId: string): VodErrorBody {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: recommendUrl(error.code, requestId),
  };
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for an XML element. Characters XML 1.0 cannot carry at all (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so the document stays well-formed whatever a
 * request echoed into a message.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
    .replace(
      // eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    );
}

/** Renders a flat object as `<root><Key>value</Key>…</root>` with an XML declaration. */
function toXml(root: string, body: Readonly<Record<string, unknown>>): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>`;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out += `<${key}>${escapeXml(value)}</${key}>`;
  }
  return `${out}</${root}>`;
}

/** A serialized body and its content type. */
export interface RenderedBody {
  /** `application/json;charset=utf-8` or `text/xml;charset=utf-8`, as the gateway sends. */
  readonly contentType: string;
  /** The body text. */
  readonly text: string;
}

/** Renders the success body `{ RequestId }` (XML root `DeleteImageResponse`, as in the spec). */
export function renderSuccess(format: ResponseFormat, requestId: string): RenderedBody {
  const body: DeleteImageResponse = { RequestId: requestId };
  return format === 'XML'
    ? { contentType: 'text/xml;charset=utf-8', text: toXml('DeleteImageResponse', body) }
    : { contentType: 'application/json;charset=utf-8', text: JSON.stringify(body) };
}

/** Renders an error body (XML root `Error`, as in the spec). */
export function renderError(format: ResponseFormat, body: VodErrorBody): RenderedBody {
  return format === 'XML'
    ? { contentType: 'text/xml;charset=utf-8', text: toXml('Error', body) }
    : { contentType: 'application/json;charset=utf-8', text: JSON.stringify(body) };
}
