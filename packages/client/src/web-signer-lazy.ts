/**
 * The signer, for the main entry: V3 (`ACS3-HMAC-SHA256`) and V2 (`HMAC-SHA1`) signing, the
 * masking `dryRun` applies, and the redaction of errors (`redact.ts`). Loaded with the first call
 * that signs, so an app's start bundle holds no signing code. One lazy module for all of them:
 * the first call fetches one file, and lazy imports of their own that share signer code would
 * split it into more.
 */
export { signV2, signV3 } from '@vodkit/signer';
export { redactError, redactSigned } from '@vodkit/signer/redact';
