/**
 * `@vodkit/signer/encode`: Alibaba's percent-encoding alone, without any signing code. For code
 * that builds request values before it signs (the client's main entry encodes each `ImageURLs`
 * item when it validates a request) and must not carry the signer in its start bundle: a bundler
 * puts each module in the chunks of every entry that reaches it, and an import from the signing
 * entries reaches all of signing.
 *
 * @example
 * ```ts
 * import { percentEncode } from '@vodkit/signer/encode';
 * percentEncode('a b*~') === 'a%20b%2A~';
 * ```
 *
 * @packageDocumentation
 */
export { percentEncode } from './encode.js';
export { SignerInputError } from './errors.js';
