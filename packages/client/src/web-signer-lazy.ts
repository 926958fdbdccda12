/**
 * The parts of the main entry's signer most apps never call: V2 (`HMAC-SHA1`) signing, for a
 * client built with `signatureAlgorithm: 'HMAC-SHA1'`, and the masking `dryRun` applies. Loaded
 * on first use; V3 signing (`@vodkit/signer/v3`) is in the start bundle.
 */
export { redactSigned, signRpc } from '@vodkit/signer';
