import type { KeyPolicy } from './options.js';

/** RAM action names ignore case; `*` matches any run of characters. */
function matches(pattern: string, action: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${escaped}$`, 'i').test(action);
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
