/**
 * Removes the client's own secrets from its errors by value. `scrubMessage` can only cut what
 * looks like a URL; a transport, fetch, middleware or provider of the caller's may quote the
 * request's headers or the credentials in any text at all. The client knows every AccessKey
 * secret, token and signature it used, so it removes those, in each form they travel in, from
 * everything an error shows. This module only remembers; the removing (`redactError` of
 * `@vodkit/signer/redact`, the redactor every vodkit package uses) is loaded with the first error
 * (`web-signer-lazy.ts`), since most calls never fail.
 */

import type * as Lazy from './web-signer-lazy.js';

/** Remembers the client's secrets and removes them from the errors it hands out. */
export interface Redactor {
  /**
   * Adds a value that must never be shown: a signature (the latest 64 are kept), or with
   * `credential` an AccessKey secret or token (the latest 8).
   */
  remember(value: string | undefined, credential?: boolean): void;
  /**
   * Removes every remembered value from `error` in place, deeply (message, stack, every string
   * property, causes, `errors`), and cuts long texts; resolves with it. Only for errors the
   * client made (or copied), never a caller's own object.
   */
  error<E>(error: E): Promise<E>;
}

/**
 * Signatures kept: enough for every attempt in flight (bulk runs 16 calls at once) and those
 * just before, without growing for ever. Credentials are kept apart, so signatures never push
 * a secret out.
 */
const MAX_SIGNATURES = 64;
/** Credential values kept: the static pair, or a provider's latest few across rotations. */
const MAX_CREDENTIALS = 8;

/** A redactor for one client. */
export function createRedactor(): Redactor {
  const signatures: string[] = [];
  const credentials: string[] = [];
  let loading: Promise<typeof Lazy> | undefined;
  return {
    remember(value, credential = false) {
      const list = credential ? credentials : signatures;
      if (value === undefined || value === '' || list.includes(value)) return;
      list.push(value);
      if (list.length > (credential ? MAX_CREDENTIALS : MAX_SIGNATURES)) list.shift();
    },
    async error(error) {
      if (typeof error !== 'object' || error === null) return error;
      try {
        const { redactError } = await (loading ??= import('./web-signer-lazy.js'));
        redactError(error, [...credentials, ...signatures], { mark: '<redacted>' });
      } catch {
        // The chunk did not load (a browser gone offline): show no text that could hold a
        // secret, and try loading again with the next error.
        loading = undefined;
        const e = error as {
          message?: string;
          stack?: string;
          cause?: unknown;
          recommend?: unknown;
        };
        e.message = e.stack = '(details withheld: the client could not load its redaction code)';
        delete e.cause;
        delete e.recommend;
      }
      return error;
    },
  };
}
