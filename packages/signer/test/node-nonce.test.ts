/**
 * The node entry's default nonce source: 128 random bits as 32 hex digits, drawn from a pooled
 * buffer that is refilled when used up.
 */
import { describe, expect, it } from 'vitest';
import { freshNonce } from '../src/node-nonce.js';
import { signAcs3, signRpc } from '../src/node.js';

const credentials = { accessKeyId: 'ak', accessKeySecret: 'secret' };

describe('freshNonce', () => {
  it('gives 32 lowercase hex digits, never the same twice across pool refills', () => {
    // 256 nonces per pool: 2,000 draws cross seven refills.
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const nonce = freshNonce();
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
      seen.add(nonce);
    }
    expect(seen.size).toBe(2000);
  });
  it('spreads its bits: every hex digit appears in every position over 2,000 draws', () => {
    const digits = Array.from({ length: 32 }, () => new Set<string>());
    for (let i = 0; i < 2000; i += 1) {
      const nonce = freshNonce();
      for (let position = 0; position < nonce.length; position += 1) {
        digits[position]?.add(nonce.charAt(position));
      }
    }
    // A stuck or zeroed pool leaves a position with one digit. By chance a given digit misses
    // a given position in 2,000 draws with probability (15/16)^2000, about 1e-56.
    for (const seenAtPosition of digits) expect(seenAtPosition.size).toBe(16);
  });
  it('is what both fast paths use when the caller gives no nonce source', () => {
    const v1 = new Set<string>();
    const v3 = new Set<string>();
    for (let i = 0; i < 300; i += 1) {
      const rpc = signRpc({ method: 'POST', action: 'A', version: 'v', credentials });
      const acs3 = signAcs3({ method: 'POST', host: 'h', action: 'A', version: 'v', credentials });
      expect(rpc.nonce).toMatch(/^[0-9a-f]{32}$/);
      expect(rpc.params['SignatureNonce']).toBe(rpc.nonce);
      expect(acs3.headers['x-acs-signature-nonce']).toBe(acs3.nonce);
      v1.add(rpc.nonce);
      v3.add(acs3.nonce);
    }
    expect(v1.size + v3.size).toBe(600);
  });
});
