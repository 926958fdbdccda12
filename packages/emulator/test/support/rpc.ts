/**
 * Test helpers: sign DeleteImage calls with the signer's node entry and send them over real HTTP
 * to an emulator on 127.0.0.1.
 */
import { signV3, signV2 } from '@vodkit/signer/node';
import type { Credentials } from '@vodkit/signer/node';
import { ACTION, API_VERSION } from '@vodkit/types';
import { DEFAULT_EMULATOR_CREDENTIALS } from '../../src/index.js';

/** An answer as the tests look at it. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body (undefined when it is not JSON). */
  readonly json: Record<string, unknown> | undefined;
}

export async function toAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Options of one signed call. */
export interface CallOptions {
  readonly credentials?: Credentials;
  readonly method?: 'GET' | 'POST';
  /** Epoch ms the signer stamps; default now. */
  readonly time?: number;
  readonly nonce?: string;
  readonly format?: string;
  /** Overrides of the common parameters (V2), e.g. `{ Action: 'Nope' }`. */
  readonly common?: Readonly<Record<string, string | undefined>>;
}

/** Sends a V2 (HMAC-SHA1) call: POST puts everything in a form body (as pop-core), GET in the query. */
export async function callV2(
  url: string,
  params: Readonly<Record<string, string | undefined>>,
  options: CallOptions = {},
): Promise<Answer> {
  const method = options.method ?? 'POST';
  const signed = signV2({
    method,
    action: options.common?.['Action'] ?? ACTION,
    version: options.common?.['Version'] ?? API_VERSION,
    params,
    format: options.format ?? 'JSON',
    credentials: options.credentials ?? DEFAULT_EMULATOR_CREDENTIALS,
    ...(options.time === undefined ? {} : { clock: () => options.time ?? 0 }),
    ...(options.nonce === undefined ? {} : { nonce: () => options.nonce ?? '' }),
  });
  const response =
    method === 'GET'
      ? await fetch(`${url}/?${signed.encoded}`)
      : await fetch(`${url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: signed.encoded,
        });
  return toAnswer(response);
}

/** Sends a V3 (ACS3-HMAC-SHA256) call with the fields in the query (as the generated SDK) or a form body. */
export async function callV3(
  url: string,
  params: Readonly<Record<string, string | undefined>>,
  options: CallOptions & {
    readonly in?: 'query' | 'form';
    readonly action?: string;
    readonly version?: string;
  } = {},
): Promise<Answer> {
  const method = options.method ?? 'POST';
  const host = new URL(url).host;
  const signed = signV3({
    method,
    host,
    action: options.action ?? ACTION,
    version: options.version ?? API_VERSION,
    ...(options.in === 'form' ? { form: params } : { query: params }),
    credentials: options.credentials ?? DEFAULT_EMULATOR_CREDENTIALS,
    ...(options.time === undefined ? {} : { clock: () => options.time ?? 0 }),
    ...(options.nonce === undefined ? {} : { nonce: () => options.nonce ?? '' }),
  });
  const response = await fetch(`${url}/${signed.query === '' ? '' : `?${signed.query}`}`, {
    method,
    headers: signed.headers,
    // fetch labels a string body text/plain, even an empty one, which V3 would then need signed.
    ...(method === 'GET' || signed.body === '' ? {} : { body: signed.body }),
  });
  return toAnswer(response);
}

/**
 * Puts (back) images with these IDs in the emulator's store and returns the fields of a call
 * that deletes them: for tests about anything but the store, whose calls must find something
 * to delete (a missing image is `NoSuchResource`).
 */
export function seeded(
  emulator: { readonly state: { add(images: readonly { imageId: string }[]): void } },
  ...ids: string[]
): Record<string, string> {
  emulator.state.add(ids.map((imageId) => ({ imageId })));
  return byIds(...ids);
}

/** The fields of a delete-by-ID call. */
export const byIds = (...ids: string[]): Record<string, string> => ({
  DeleteImageType: 'ImageId',
  ImageIds: ids.join(','),
});

/** Signs a V2 POST, lets the test change the signed parameters, and sends them as a form body. */
export async function callV2Tampered(
  url: string,
  params: Readonly<Record<string, string>>,
  tamper: (signed: Record<string, string>) => Record<string, string>,
  options: CallOptions = {},
): Promise<Answer> {
  const signed = signV2({
    method: 'POST',
    action: ACTION,
    version: API_VERSION,
    params,
    format: options.format ?? 'JSON',
    credentials: options.credentials ?? DEFAULT_EMULATOR_CREDENTIALS,
    ...(options.time === undefined ? {} : { clock: () => options.time ?? 0 }),
  });
  const body = new URLSearchParams(tamper({ ...signed.params })).toString();
  return toAnswer(
    await fetch(`${url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
}

/** The parts of an error body every test checks. */
export function expectErrorShape(answer: Answer): { Code: string; Message: string } {
  const body = answer.json;
  if (body === undefined) throw new Error(`not JSON: ${answer.text}`);
  const { RequestId, HostId, Code, Message, Recommend } = body;
  if (
    typeof RequestId !== 'string' ||
    typeof HostId !== 'string' ||
    typeof Code !== 'string' ||
    typeof Message !== 'string' ||
    typeof Recommend !== 'string' ||
    !Recommend.includes(`requestId=${RequestId}`) ||
    answer.headers.get('x-acs-request-id') !== RequestId ||
    answer.headers.get('date') === null
  ) {
    throw new Error(`not an Alibaba error body: ${answer.text}`);
  }
  return { Code, Message };
}
