/**
 * Runs code in a real browser for tests: bundles an entry with esbuild for the browser (and proves
 * no Node built-in slipped in), serves it from 127.0.0.1 (WebCrypto and `crypto.randomUUID` exist
 * only in secure contexts, which loopback is), and drives Debian's headless Chromium with
 * playwright-core. Never downloads a browser: a missing Chromium is a test failure that says how
 * to install it.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Loader } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a root, offline machine: no sandbox (root), no GPU, and none of the background
 * connections this closed network refuses.
 */
const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Source to bundle: its text, the folder its imports resolve from, and its loader. */
export interface BrowserEntry {
  readonly contents: string;
  readonly resolveDir: string;
  readonly loader?: Loader;
}

/**
 * Bundles `entry` as one IIFE script for the browser. Throws when the bundle still imports a
 * `node:` module, which would mean the code under test is not runtime-neutral.
 */
export async function bundleForBrowser(entry: BrowserEntry): Promise<string> {
  const result = await build({
    stdin: {
      contents: entry.contents,
      resolveDir: entry.resolveDir,
      loader: entry.loader ?? 'ts',
      sourcefile: 'browser-entry.ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text ?? '';
  const nodeImport = /require\(["']node:[^"']+["']\)|from ["']node:[^"']+["']/.exec(script);
  if (nodeImport !== null) {
    throw new Error(`the browser bundle imports a Node built-in: ${nodeImport[0]}`);
  }
  return script;
}

/** One output file of a browser bundle. */
export interface ChunkSize {
  /** The file's name in esbuild's metafile. */
  readonly name: string;
  /** The file's minified code. */
  readonly text: string;
  /** Minified bytes. */
  readonly min: number;
  /** Minified then gzipped (level 9) bytes of this file alone. */
  readonly gz: number;
  /** Loaded at start: the entry chunk or a chunk it imports statically (directly or not). */
  readonly atStart: boolean;
}

/** Sizes of a minified browser bundle. */
export interface BundleSize {
  /** The minified code of the entry chunk and of every lazy chunk. */
  readonly text: string;
  /** Minified bytes the app loads at start: the entry chunk and the chunks it imports. */
  readonly min: number;
  /**
   * What the app loads at start as a browser downloads it: the entry chunk and every chunk it
   * imports statically, each minified and gzipped (level 9) on its own, summed. The figure
   * budgets are stated in.
   */
  readonly gz: number;
  /** Minified then gzipped bytes of the chunks loaded only by a dynamic `import()`. */
  readonly lazyGz: number;
  /** Every output file with its size, to show where the bytes are. */
  readonly chunks: readonly ChunkSize[];
  /** The source files esbuild pulled in (any chunk), to prove what a bundle does or does not contain. */
  readonly inputs: readonly string[];
}

/**
 * Bundles `entry` as minified ESM for the browser and measures it the way an app's bundler
 * ships it: code reached only through a dynamic `import()` goes to chunks of its own, loaded
 * when first needed, and is counted apart from what the app loads at start. `external` names packages left
 * out of the count.
 */
export async function measureBrowserBundle(
  entry: BrowserEntry,
  external: readonly string[] = [],
): Promise<BundleSize> {
  // Splitting needs a real entry file; it goes beside the entry's imports so they resolve alike.
  const file = join(entry.resolveDir, `.bundle-entry-${process.pid}-${(sizeCount += 1)}.ts`);
  await writeFile(file, entry.contents);
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      splitting: true,
      outdir: join(entry.resolveDir, '.bundle-out'),
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      external: [...external],
      logLevel: 'silent',
    });
    // What the app loads at start: the entry chunk and every chunk it imports statically.
    const outputs = result.metafile.outputs;
    const start = new Set<string>();
    const visit = (name: string): void => {
      if (start.has(name)) return;
      start.add(name);
      for (const i of outputs[name]?.imports ?? [])
        if (i.kind === 'import-statement') visit(i.path);
    };
    // A dynamically imported module is an entry point of its own in the metafile: start from ours.
    for (const [name, meta] of Object.entries(outputs)) {
      if (meta.entryPoint !== undefined && resolve(meta.entryPoint) === file) visit(name);
    }
    let min = 0;
    let gz = 0;
    let lazyGz = 0;
    const chunks: ChunkSize[] = [];
    const texts: string[] = [];
    for (const out of result.outputFiles) {
      // Metafile paths are relative to the working directory; output paths are absolute.
      const name = Object.keys(outputs).find((n) => resolve(n) === out.path);
      if (name === undefined || out.path.endsWith('.map')) continue;
      texts.push(out.text);
      // Each chunk is a file of its own, fetched and gzipped on its own: sizes add up per file.
      const chunkGz = gzipSync(out.contents, { level: 9 }).byteLength;
      const atStart = start.has(name);
      chunks.push({ name, text: out.text, min: out.contents.byteLength, gz: chunkGz, atStart });
      if (atStart) {
        min += out.contents.byteLength;
        gz += chunkGz;
      } else lazyGz += chunkGz;
    }
    return {
      text: texts.join('\n'),
      min,
      gz,
      lazyGz,
      chunks,
      inputs: Object.keys(result.metafile.inputs).filter((i) => !i.includes('.bundle-entry-')),
    };
  } finally {
    await rm(file, { force: true });
  }
}

let sizeCount = 0;

/** Fails with install instructions when Debian's Chromium is missing. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium (do not run "playwright install").`,
    );
  }
}

/**
 * Serves `script` in an empty page on 127.0.0.1 (a random port), opens it in headless Chromium,
 * runs `use` with the page, and tears everything down whatever happens.
 */
export async function withBrowserPage<T>(
  script: string,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  requireChromium();
  const server = createServer((request, response) => {
    const isScript = request.url === '/bundle.js';
    response.setHeader('content-type', isScript ? 'text/javascript' : 'text/html');
    response.end(isScript ? script : '<!doctype html><script src="/bundle.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    return await use(page);
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
}
