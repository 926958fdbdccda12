/**
 * The parts of the signer most apps never call: V2 (`HMAC-SHA1`) signing, for a client built with
 * `signatureAlgorithm: 'HMAC-SHA1'`, the masking `dryRun` applies, and the redaction of errors
 * (`redact.ts`). Loaded on first use; V3 signing (`@vodkit/signer/v3`) is in the start bundle.
 * One lazy module for all three: each lazy import of its own that shares signer code with the
 * start bundle would split that code out of the start chunk into a chunk of its own.
 */
export { signV2 } from '@vodkit/signer';
export { redactError, redactSigned } from '@vodkit/signer/redact';
