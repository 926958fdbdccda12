/**
 * The signer, for the main entry: V3 (`ACS3-HMAC-SHA256`) and V2 (`HMAC-SHA1`) signing, the
 * masking `dryRun` applies, and the redaction of errors (`redact.ts`). Loaded with the first call
 * that signs, so an app's start bundle holds no signing code. One lazy module for all of them,
 * V2 included: the first call fetches one file. A V2 module of its own would move the code V2
 * shares with V3 and the redactor into a third file, so even an app that signs only V3 would
 * fetch more bytes, in two files, at its first call.
 */
export { signV3 } from '@vodkit/signer';
export { signV2 } from '@vodkit/signer/v2';
export { redactError, redactSigned } from '@vodkit/signer/redact';
