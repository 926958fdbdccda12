import type { KeyPolicy } from './keys.js';

const compiled = new Map<string, RegExp>();

/** RAM action names ignore case; `*` matches any run of characters. */
function matches(pattern: string, action: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
    re = new RegExp(`^${escaped}$`, 'i');
    // Policies are few and fixed; the bound only guards against patterns built per request.
    if (compiled.size < 1000) compiled.set(pattern, re);
  }
  return re.test(action);
}

/**
 * Evaluates a key's policy for `action` the way RAM does: an explicit deny wins; otherwise an
 * allow must match; a key without a policy (an account's root key) may do everything.
 */
export function isAllowed(policy: KeyPolicy | undefined, action: string): boolean {
  if (policy === undefined) return true;
  if (policy.deny?.some((p) => matches(p, action)) === true) return false;
  return policy.allow?.some((p) => matches(p, action)) === true;
}
