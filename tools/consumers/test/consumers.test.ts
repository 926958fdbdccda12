/**
 * What downstream teams install is what we test: every public package is packed (`pnpm pack`),
 * published to a local Verdaccio, and installed with plain npm into a scratch project outside the
 * workspace. That project then type-checks under NodeNext and Bundler (invalid requests must not
 * compile), runs an ES module and a CommonJS app that delete images with credentials from the
 * environment, `~/.alibabacloud/credentials` and `~/.aliyun/config.json` against the installed
 * `vodkit-emulator` bin, runs the installed `vodkit-contract` against it (JUnit report), and
 * bundles a browser app. The runtime scenarios run on Node 20, 22 and 24.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, measureBrowserBundle } from '@vodkit/test-browser';
import { moduleEntrypoints, publishablePackages } from '@vodkit/release-check/workspace-packages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorBin } from '../src/emulator-bin.ts';
import type { EmulatorBin } from '../src/emulator-bin.ts';
import { FLOOR_MAJOR, nodeMatrix } from '../src/node-binaries.ts';
import type { NodeBinary } from '../src/node-binaries.ts';
import { runCommand } from '../src/processes.ts';
import { packAndPublish } from '../src/publish.ts';
import type { PublishedPackage } from '../src/publish.ts';
import { LOCAL_SCOPE, startRegistry } from '../src/registry.ts';
import type { LocalRegistry } from '../src/registry.ts';
import { createScratchProject, localPackages } from '../src/scratch.ts';
import type { ScratchProject } from '../src/scratch.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/app/', import.meta.url));
const require = createRequire(import.meta.url);
/** The workspace's TypeScript: the compiler a downstream project would run, same version. */
const TSC = join(dirname(require.resolve('typescript/package.json')), 'lib', 'tsc.js');
const TYPES_NODE_VERSION = (require('@types/node/package.json') as { version: string }).version;

let registry: LocalRegistry | undefined;
let published: PublishedPackage[] = [];
let project: ScratchProject | undefined;
const nodes = new Map<string, NodeBinary>();
/** Every temporary folder the suite made, removed after it. */
const folders: string[] = [];

async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

beforeAll(async () => {
  registry = await startRegistry();
  published = await packAndPublish(registry, await temporaryFolder('vodkit-packed-'));
  const dependencies = Object.fromEntries(published.map((p) => [p.name, p.version]));
  project = await createScratchProject(
    registry,
    { ...dependencies, '@types/node': TYPES_NODE_VERSION },
    FIXTURES,
  );
  folders.push(project.dir);
  for (const node of await nodeMatrix()) nodes.set(node.major, node);
}, 420_000);

afterAll(async () => {
  await registry?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
}, 60_000);

function ready(): { registry: LocalRegistry; project: ScratchProject } {
  if (registry === undefined || project === undefined) throw new Error('the setup did not run');
  return { registry, project };
}

function nodeOf(major: string): NodeBinary {
  const node = nodes.get(major);
  if (node === undefined) throw new Error(`Node ${major} is not installed`);
  return node;
}

describe('the packed packages, from a local registry', () => {
  it('publishes every public package', () => {
    expect(published.map((p) => p.name)).toEqual(publishablePackages().map((p) => p.manifest.name));
    expect(published.length).toBeGreaterThanOrEqual(5);
  });

  it(`serves ${LOCAL_SCOPE}/* only from its own storage, never from the uplink`, async () => {
    const { registry } = ready();
    const missing = await fetch(new URL(`${LOCAL_SCOPE}%2fnot-published`, registry.url), {
      signal: AbortSignal.timeout(30_000),
    });
    expect(missing.status).toBe(404);
    // The uplink does answer for other names: the 404 above is the scope rule, not an outage.
    const thirdParty = await fetch(new URL('ini', registry.url), {
      signal: AbortSignal.timeout(30_000),
    });
    expect(thirdParty.status).toBe(200);
  });

  it('installs with plain npm: every package from the registry, none linked, the published bytes', async () => {
    const { registry, project } = ready();
    expect(localPackages(project)).toEqual(published.map((p) => p.name).sort());
    for (const { name, version, tarball } of published) {
      const entry = project.installed.get(name);
      expect(entry?.version, name).toBe(version);
      // The whole URL on failure, so a package fetched from elsewhere shows where.
      const prefix = `${registry.url}${name}/-/`;
      expect(entry?.resolved.startsWith(prefix) === true ? prefix : entry?.resolved, name).toBe(
        prefix,
      );
      const sha512 = createHash('sha512')
        .update(await readFile(tarball))
        .digest('base64');
      expect(entry?.integrity, `${name} is not the packed tarball`).toBe(`sha512-${sha512}`);
    }
    // vitest is an optional peer of the contract: a user of its CLI does not get it.
    expect(project.installed.has('vitest')).toBe(false);
    expect(ENTRIES.length).toBeGreaterThanOrEqual(10);
    // Third-party dependencies came through the same registry too.
    const elsewhere = [...project.installed].filter(
      ([, e]) => !e.resolved.startsWith(registry.url),
    );
    expect(elsewhere).toEqual([]);
  });
});

/** One `tsc -p` run in the scratch project: its errors as `file(line,col): TSxxxx`. */
async function typeCheck(node: NodeBinary, dir: string, tsconfig: string): Promise<string[]> {
  const result = await runCommand(node.path, [TSC, '-p', tsconfig, '--pretty', 'false'], {
    cwd: dir,
    timeoutMs: 120_000,
  });
  const errors = [...result.stdout.matchAll(/^(\S+\(\d+,\d+\)): error (TS\d+)/gm)].map(
    (m) => `${m[1] ?? ''}: ${m[2] ?? ''}`,
  );
  // tsc exits 2 when it reports errors (and emits nothing: noEmit).
  expect(result.code, result.stdout).toBe(errors.length > 0 ? 2 : 0);
  return errors;
}

/** Where the invalid fixtures must fail: the `ImageURLs` line, and the 21st ID. */
async function expectedTypeErrors(): Promise<string[]> {
  const count = await readFile(join(FIXTURES, 'types', 'invalid-count.ts'), 'utf8');
  const lines = count.split('\n');
  const row = lines.findIndex((line) => line.includes("'id21'"));
  const column = (lines[row] ?? '').indexOf("'id21'");
  const variant = await readFile(join(FIXTURES, 'types', 'invalid-variant.ts'), 'utf8');
  const urlRow = variant.split('\n').findIndex((line) => line.trimStart().startsWith('ImageURLs'));
  return [
    `types/invalid-count.ts(${row + 1},${column + 1}): TS2322`,
    `types/invalid-variant.ts(${urlRow + 1},3): TS2322`,
  ];
}

// The compiler's verdict does not depend on the Node that runs it: one run per project kind.
describe.each(['nodenext', 'bundler'])('TypeScript, moduleResolution %s', (kind) => {
  it('type-checks the valid call and refuses ImageURLs with ImageId and 21 ImageIds', async () => {
    const { project } = ready();
    const errors = await typeCheck(nodeOf(FLOOR_MAJOR), project.dir, `tsconfig.${kind}.json`);
    expect(errors).toEqual(await expectedTypeErrors());
  }, 150_000);
});

/** Where the default credential chain finds a key, and how each scenario provides it. */
const SOURCES = {
  environment: { accessKeyId: 'LTAI5tConsumerFromEnv', accessKeySecret: 'consumer-env-secret' },
  'shared credentials file': {
    accessKeyId: 'LTAI5tConsumerFromIni',
    accessKeySecret: 'consumer-ini-secret',
  },
  'aliyun CLI config': {
    accessKeyId: 'LTAI5tConsumerFromAliyun',
    accessKeySecret: 'consumer-aliyun-secret',
  },
} as const;
type Source = keyof typeof SOURCES;

/** A HOME folder and environment that give the default chain exactly one source. */
async function environmentFor(source: Source): Promise<NodeJS.ProcessEnv> {
  const home = await temporaryFolder('vodkit-home-');
  const { accessKeyId, accessKeySecret } = SOURCES[source];
  // Nothing but PATH and HOME: no credentials or proxy of the machine leak in.
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '', HOME: home };
  if (source === 'environment') {
    env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = accessKeyId;
    env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = accessKeySecret;
  } else if (source === 'shared credentials file') {
    await mkdir(join(home, '.alibabacloud'));
    await writeFile(
      join(home, '.alibabacloud', 'credentials'),
      `[default]\ntype = access_key\naccess_key_id = ${accessKeyId}\naccess_key_secret = ${accessKeySecret}\n`,
    );
  } else {
    await mkdir(join(home, '.aliyun'));
    await writeFile(
      join(home, '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'default',
        profiles: [
          {
            name: 'default',
            mode: 'AK',
            access_key_id: accessKeyId,
            access_key_secret: accessKeySecret,
          },
        ],
      }),
    );
  }
  return env;
}

/**
 * Every entry point a consumer can import, but `@vodkit/contract/vitest`: it registers vitest
 * tests, so it needs vitest, an optional peer that npm does not install by itself.
 */
const NEEDS_OPTIONAL_PEER = new Set(['@vodkit/contract/vitest']);
const ENTRIES = publishablePackages()
  .flatMap((pkg) =>
    moduleEntrypoints(pkg.manifest).map((subpath) => `${pkg.manifest.name}${subpath.slice(1)}`),
  )
  .filter((specifier) => !NEEDS_OPTIONAL_PEER.has(specifier));

/** The key and signature algorithm of the emulator's request-log line for `requestId`. */
function signerOf(
  emulator: EmulatorBin,
  requestId: string,
): { accessKeyId: string | undefined; algorithm: string | undefined } | undefined {
  for (const line of emulator.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as {
      requestId?: string;
      accessKeyId?: string;
      algorithm?: string;
    };
    if (entry.requestId === requestId) {
      return { accessKeyId: entry.accessKeyId, algorithm: entry.algorithm };
    }
  }
  return undefined;
}

describe.each(['20', '22', '24'])('on Node %s', (major) => {
  let emulator: EmulatorBin | undefined;

  beforeAll(async () => {
    const { project } = ready();
    emulator = await startEmulatorBin(project.dir, nodeOf(major).path);
    for (const [source, key] of Object.entries(SOURCES)) {
      await emulator.addKey(
        `acct-${source.replace(/\W/g, '-')}`,
        key.accessKeyId,
        key.accessKeySecret,
      );
    }
  }, 30_000);

  afterAll(async () => {
    await emulator?.stop();
  }, 30_000);

  const running = (): EmulatorBin => {
    if (emulator === undefined) throw new Error('the emulator did not start');
    return emulator;
  };

  it('runs the installed vodkit-emulator bin on a port the system picked', async () => {
    const node = nodeOf(major);
    const { stdout } = await runCommand(node.path, ['--version'], {
      cwd: tmpdir(),
      timeoutMs: 10_000,
    });
    expect(stdout.trim()).toBe(node.version);
    expect(node.version.startsWith(`v${major}.`)).toBe(true);
    expect(running().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running().output()).toContain(`listening on ${running().url}`);
  });

  it.each(['entries.mjs', 'entries.cjs'])(
    '%s loads every entry point, each exporting something',
    async (app) => {
      const { project } = ready();
      const result = await runCommand(nodeOf(major).path, [app, JSON.stringify(ENTRIES)], {
        cwd: project.dir,
        env: { PATH: process.env['PATH'] ?? '', HOME: await temporaryFolder('vodkit-home-') },
        timeoutMs: 30_000,
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      const exported = JSON.parse(result.stdout) as Record<string, number>;
      expect(Object.keys(exported)).toEqual(ENTRIES);
      const empty = Object.entries(exported).filter(([, count]) => count === 0);
      expect(empty).toEqual([]);
    },
    40_000,
  );

  const cases = Object.keys(SOURCES).flatMap((source) =>
    (['delete.mjs', 'delete.cjs'] as const).map((app) => [app, source as Source] as const),
  );
  it.each(cases)(
    '%s deletes an image, signed (V3 from ESM, V2 from CommonJS) with the key from the %s',
    async (app, source) => {
      const { project } = ready();
      const emulator = running();
      const imageId = `img-${app.replace('.', '-')}-${source.replace(/\W/g, '-')}`;
      await emulator.addImages([imageId]);
      const result = await runCommand(nodeOf(major).path, [app, emulator.url, imageId], {
        cwd: project.dir,
        env: await environmentFor(source),
        timeoutMs: 30_000,
      });
      expect(result.code, result.stderr).toBe(0);
      const answer = JSON.parse(result.stdout) as {
        module: string;
        requestId?: string;
        error?: string;
      };
      expect(answer.module).toBe(app.endsWith('.cjs') ? 'cjs' : 'esm');
      expect(answer.error).toBeUndefined();
      expect(answer.requestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(await emulator.imageIds()).not.toContain(imageId);
      expect(signerOf(emulator, answer.requestId ?? '')).toEqual({
        accessKeyId: SOURCES[source].accessKeyId,
        algorithm: app.endsWith('.cjs') ? 'HMAC-SHA1' : 'ACS3-HMAC-SHA256',
      });
      // No secret of the run is printed by the app.
      expect(result.stdout + result.stderr).not.toContain(SOURCES[source].accessKeySecret);
    },
    40_000,
  );

  it('runs the installed vodkit-contract against that emulator: green, with its JUnit report', async () => {
    const { project } = ready();
    const target = running().url;
    const junit = join(await temporaryFolder('vodkit-junit-'), 'contract.xml');
    const bin = join(
      project.dir,
      'node_modules',
      '@vodkit',
      'contract',
      'bin',
      'vodkit-contract.js',
    );
    const env = await environmentFor('environment');
    const result = await runCommand(
      nodeOf(major).path,
      [bin, '--target', target, '--emulator-admin', '--junit', junit],
      { cwd: project.dir, env, timeoutMs: 150_000 },
    );
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const xml = await readFile(junit, 'utf8');
    const suites = /<testsuites [^>]*tests="(\d+)" failures="(\d+)"/.exec(xml);
    expect(Number(suites?.[1])).toBeGreaterThan(10);
    expect(suites?.[2]).toBe('0');
    expect(xml).toContain(`emulator at ${target} (admin API)`);
    expect(xml.match(/<testcase /g)?.length).toBe(Number(suites?.[1]));
    expect(xml).not.toContain('<failure');
    expect(result.stdout + result.stderr + xml).not.toContain(SOURCES.environment.accessKeySecret);
  }, 160_000);
});

describe('a browser app', () => {
  it('bundles from the installed packages alone, with no Node built-in', async () => {
    const { project } = ready();
    const entry = {
      contents: await readFile(join(project.dir, 'browser.ts'), 'utf8'),
      resolveDir: project.dir,
    };
    const script = await bundleForBrowser(entry);
    expect(script).toContain('DeleteImage');
    const size = await measureBrowserBundle(entry);
    // Every module came from the scratch project's node_modules, none from the workspace.
    const outside = size.inputs.map((i) => resolve(i)).filter((i) => !i.startsWith(project.dir));
    expect(outside).toEqual([]);
    expect(size.inputs.some((i) => i.includes('node_modules/@vodkit/client/dist/'))).toBe(true);
    // The budget is asserted by the size test; this prints the figure as installed.
    console.log(
      `browser app from the installed packages: ${size.min} B minified, ${size.gz} B gzipped at start, ${size.lazyGz} B gzipped lazily`,
    );
    expect(size.gz).toBeGreaterThan(0);
  });
});
