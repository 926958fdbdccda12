/**
 * Shared by the tests that hold the node entry's fast paths to the general signer: the inputs
 * where an encoding shortcut could go wrong, and a way to compare what two calls throw.
 */

/** Characters and strings that percent-encoding shortcuts get wrong if anything does. */
export const TRICKY: readonly string[] = [
  '*',
  '~',
  ' ',
  '+',
  '%',
  '/',
  ',',
  ':',
  ',:,',
  "'()!",
  '=',
  '&',
  '中文',
  '😀',
  'a-b_c.d~e',
  '',
];

/** What `f` throws, or the string `'no error'`, so two calls' failures can be compared. */
export function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return 'no error';
}
