/**
 * The built entries (bundle.mjs): both share one chunk, so an error from the Node client is an
 * instance of the main entry's classes; the Node entry loads `node:fs`/`node:os`/`node:path`
 * only when a file credential provider runs, and the built-in fetch not at all without middleware.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

interface Entry {
  createVodClient: (options: object) => {
    deleteImage: (request: object) => Promise<{ error?: unknown }>;
  };
  VodError: abstract new (...args: never[]) => unknown;
  VodValidationError: abstract new (...args: never[]) => unknown;
}

const load = async (file: string): Promise<Entry> => {
  if (!existsSync(`${dist}${file}`)) {
    throw new Error(
      `dist/${file} is missing: run \`pnpm --filter @vodkit/client run build\` first.`,
    );
  }
  return (await import(`${dist}${file}`)) as Entry;
};

it('the Node and main entries share their classes', async () => {
  const main = await load('index.js');
  const node = await load('node.js');
  expect(node.VodError).toBe(main.VodError);
  const client = node.createVodClient({
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'a', accessKeySecret: 'b' },
  });
  const { error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: [] });
  expect(error).toBeInstanceOf(main.VodValidationError);
  expect(error).toBeInstanceOf(main.VodError);
});

it('the Node entry imports file-system modules only when a file provider runs', async () => {
  await load('node.js');
  const text = readFileSync(`${dist}node.js`, 'utf8');
  expect(text).not.toMatch(/^import[^;]*["']node:(fs|fs\/promises|os|path)["']/m);
  expect(text).toMatch(/import\(["']node:fs\/promises["']\)/);
});

it('a Node client without middleware never loads the built-in fetch (openapi-fetch waits)', () => {
  // A fresh process: the test runner itself has loaded undici.
  const script = `
    const m = await import(${JSON.stringify(`${dist}node.js`)});
    const has = () => process.moduleLoadList.some((name) => name.includes('undici'));
    const c = m.createVodClient({ endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
    const before = has();
    void c.raw;
    console.log(JSON.stringify([before, has()]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(JSON.parse(out)).toEqual([false, true]);
});
