/** Written in at build time from package.json (bundle.mjs; vitest.config.ts for the tests). */
declare const __VODKIT_CLIENT_VERSION__: string;

/** `process` as server-side runtimes (Node, Bun, Deno's Node layer) have it. */
interface RuntimeProcess {
  readonly versions?: Readonly<Record<string, string | undefined>>;
  readonly platform?: string;
  readonly arch?: string;
}

/**
 * The `user-agent` a client sends, as Alibaba's and AWS's SDKs build theirs: vodkit and its
 * version, the runtime, OS and CPU, then the caller's `product` (`myapp/1.2`), e.g.
 * `vodkit/0.1.0 (node/20.20.0; linux; x64) myapp/1.2`. `undefined` in a browser, which sends its
 * own: a page may not set the header, and trying costs a CORS preflight.
 */
export function userAgentFor(product: string | undefined): string | undefined {
  const p = (globalThis as { process?: RuntimeProcess }).process;
  const v = p?.versions;
  // A browser has no `process`, or a bundler's stub without a Node version.
  if (typeof v?.['node'] !== 'string') return undefined;
  const name = v['bun'] !== undefined ? 'bun' : v['deno'] !== undefined ? 'deno' : 'node';
  const own = `vodkit/${__VODKIT_CLIENT_VERSION__} (${name}/${v[name] ?? ''}; ${p?.platform ?? ''}; ${p?.arch ?? ''})`;
  return product === undefined ? own : `${own} ${product}`;
}
