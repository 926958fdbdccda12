/**
 * Client benchmark: vodkit's Node client side by side with the official `@alicloud/pop-core` and
 * `@alicloud/openapi-client`, and with the floor, a bare keep-alive `node:http` client sending one
 * pre-signed request over and over. Run: `pnpm --filter @vodkit/bench bench client`.
 *
 * One run prints, per contender: requests per second with p50/p99 latency, sequential and at
 * concurrency 32, on loopback; client CPU per call; RSS after 5000 calls; cold import time (and
 * what it adds over importing an empty module), import plus first call; then
 * min+gzip bundle size and install footprint, and ratios against pop-core and the floor.
 *
 * Sizes: a browser app's start bundle is counted as a browser downloads it (the entry chunk and
 * every chunk it imports statically, each minified and gzipped on its own, summed), as
 * tools/release-check's size test counts it. The install footprint is what a fresh install lays
 * on disk: our packages as their packed tarballs hold them (packed and unpacked with
 * tools/release-check's helpers, measured with its footprint helper), the rest as installed.
 *
 * Fairness: the server is a minimal `node:net` one in its own process (it answers every request
 * with `{ RequestId }` and verifies nothing, with headroom above the fastest client), so what
 * differs between rows is the client. Each
 * contender runs in a fresh `node` process of its own (plain Node, no TypeScript loader), so
 * cold import, RSS and CPU are its alone; every contender is run ROUNDS times, interleaved, and
 * its median round kept. Every answer must be a success or the run fails.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { footprint } from '@vodkit/release-check/footprint';
import { packPackage } from '@vodkit/release-check/pack';
import { unpackTarball } from '@vodkit/release-check/tarball-contents';
import { measureBrowserBundle } from '@vodkit/test-browser';
import { count, ratio, reportTable } from './support/measure.ts';
import type { BenchmarkOutput, ReportTable } from './support/report.ts';
import { startRawServer, stopServerProcess } from './support/servers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, '..');

const ROUNDS = 3;

/**
 * `VODKIT_BENCH_BASELINE=<another built vodkit checkout>` adds its client as contenders named
 * `… (baseline)`, run from that checkout's tools/bench and interleaved with this one's, so a
 * change is compared with the code before it under the same load.
 */
const BASELINE = process.env['VODKIT_BENCH_BASELINE'];
const BASELINE_SUFFIX = ' (baseline)';
const cwdOf = (name: string): string =>
  BASELINE !== undefined && name.endsWith(BASELINE_SUFFIX)
    ? join(BASELINE, 'tools/bench')
    : benchDir;
const WARMUP = 2_000;
const SEQUENTIAL = 3_000; // warm-up + sequential = the 5000 calls after which RSS is read
const CONCURRENCY = 32;
const CONCURRENT = 12_000;

// The contender process: plain ESM JavaScript run by `node`, resolving packages from tools/bench.
const CHILD = String.raw`
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/package.json');
const [name, port] = [process.argv[1], Number(process.argv[2])];
const creds = { accessKeyId: 'LTAI5tBenchmarkKeyId01', accessKeySecret: 'bench-secret-value-0123456789' };
const endpoint = 'http://127.0.0.1:' + port;
const IDS = Array.from({ length: 20 }, (_, i) => 'bench' + String(i).padStart(27, '0'));
const check = (ok) => { if (!ok) throw new Error(name + ': a call failed'); };

const t0 = performance.now();
let call;
if (name === 'floor') {
  const http = await import('node:http');
  const { signV2 } = await import('@vodkit/signer/node');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const body = signV2({ method: 'POST', action: 'DeleteImage', version: '2017-03-21', params: { DeleteImageType: 'ImageId', ImageIds: IDS.join(',') }, credentials: creds }).encoded;
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) };
  call = () => new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => { check(res.statusCode === 200 && JSON.parse(text).RequestId !== undefined); resolve(); });
    });
    req.on('error', reject);
    req.end(body);
  });
} else if (name.startsWith('vodkit')) {
  const fetchEntry = name.endsWith('fetch');
  const m = await import(fetchEntry ? '@vodkit/client' : '@vodkit/client/node');
  // 'vodkit node:http': the Node entry with nodeTransport instead of its default socket transport.
  const transport = name.endsWith('node:http') ? { transport: m.nodeTransport() } : {};
  const client = m.createVodClient({ endpoint, credentials: creds, signatureAlgorithm: name.includes('SHA1') ? 'HMAC-SHA1' : 'ACS3-HMAC-SHA256', ...transport });
  const request = { DeleteImageType: 'ImageId', ImageIds: IDS };
  call = async () => { const { data } = await client.deleteImage(request); check(data !== undefined); };
} else if (name === 'pop-core') {
  const RPCClient = require('@alicloud/pop-core');
  const client = new RPCClient({ endpoint, apiVersion: '2017-03-21', ...creds });
  const params = { DeleteImageType: 'ImageId', ImageIds: IDS.join(',') };
  call = async () => { const r = await client.request('DeleteImage', params, { method: 'POST' }); check(r.RequestId !== undefined); };
} else if (name === 'openapi-client') {
  const m = require('@alicloud/openapi-client');
  const Util = require(require.resolve('@alicloud/tea-util', { paths: [require.resolve('@alicloud/openapi-client')] }));
  const client = new m.default(new m.Config({ ...creds, endpoint: '127.0.0.1:' + port, protocol: 'HTTP' }));
  const params = new m.Params({ action: 'DeleteImage', version: '2017-03-21', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
  const query = { DeleteImageType: 'ImageId', ImageIds: IDS.join(',') };
  call = async () => {
    const r = await client.callApi(params, new m.OpenApiRequest({ query }), new Util.RuntimeOptions({}));
    check(r.body.RequestId !== undefined);
  };
} else throw new Error('unknown contender ' + name);
const importMs = performance.now() - t0;
// The first call pays for what the import left for later (modules loaded on first use, the
// connection, cold code): import + first call is the whole cold start a short-lived process sees.
const f0 = performance.now();
await call();
const firstCallMs = performance.now() - f0;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
for (let i = 0; i < ${WARMUP}; i++) await call();
const seq = new Float64Array(${SEQUENTIAL});
const cpu0 = process.cpuUsage();
const s0 = performance.now();
for (let i = 0; i < seq.length; i++) { const a = performance.now(); await call(); seq[i] = performance.now() - a; }
const seqMs = performance.now() - s0;
const cpu = process.cpuUsage(cpu0);
const rssMb = process.memoryUsage().rss / 1048576;
const conc = new Float64Array(${CONCURRENT});
let next = 0;
const c0 = performance.now();
await Promise.all(Array.from({ length: ${CONCURRENCY} }, async () => {
  while (next < conc.length) { const i = next++; const a = performance.now(); await call(); conc[i] = performance.now() - a; }
}));
const concMs = performance.now() - c0;
seq.sort(); conc.sort();
console.log(JSON.stringify({
  importMs, firstCallMs, rssMb,
  cpuUsPerCall: (cpu.user + cpu.system) / seq.length,
  seq: { rps: seq.length / (seqMs / 1000), p50: pct(seq, 0.5), p99: pct(seq, 0.99) },
  conc: { rps: conc.length / (concMs / 1000), p50: pct(conc, 0.5), p99: pct(conc, 0.99) },
}));
process.exit(0);
`;

// Import only, in fresh processes: the module (and what it loads on import) and nothing else.
// The empty modules are the baseline: a process's first import() or require() initializes the
// loader itself (milliseconds on this machine, whatever is imported), which every app pays
// before it imports anything; what a package adds to a cold start is its time minus that.
const IMPORT_CHILD = String.raw`
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/package.json');
const [name, emptyDir] = [process.argv[1], process.argv[2]];
const t0 = performance.now();
if (name === 'empty ESM') await import(emptyDir + '/empty.mjs');
else if (name === 'empty CJS') require(emptyDir + '/empty.cjs');
else if (name === 'floor') { await import('node:http'); await import('@vodkit/signer/node'); }
else if (name.startsWith('vodkit')) await import(name.endsWith('fetch') ? '@vodkit/client' : '@vodkit/client/node');
else if (name === 'pop-core') require('@alicloud/pop-core');
else if (name === 'openapi-client') require('@alicloud/openapi-client');
else throw new Error('unknown contender ' + name);
console.log(JSON.stringify(performance.now() - t0));
`;
const IMPORT_RUNS = 9;
/** How each contender is loaded: the baseline its import is compared with. */
const LOADED_BY = (name: string): 'empty ESM' | 'empty CJS' =>
  name === 'pop-core' || name === 'openapi-client' ? 'empty CJS' : 'empty ESM';

/** Median import-only time per name (contenders and the two empty baselines), interleaved. */
function measureImports(names: readonly string[]): Map<string, number> {
  const emptyDir = mkdtempSync(join(tmpdir(), 'vodkit-bench-'));
  writeFileSync(join(emptyDir, 'empty.mjs'), 'export {};\n');
  writeFileSync(join(emptyDir, 'empty.cjs'), 'module.exports = {};\n');
  const all = ['empty ESM', 'empty CJS', ...names];
  const times = new Map<string, number[]>(all.map((n) => [n, []]));
  try {
    for (let i = 0; i < IMPORT_RUNS; i++) {
      for (const name of all) {
        const out = execFileSync(
          process.execPath,
          ['--input-type=module', '-e', IMPORT_CHILD, name, emptyDir],
          {
            cwd: cwdOf(name),
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'inherit'],
            timeout: 60_000,
          },
        );
        times.get(name)?.push(JSON.parse(out.trim()) as number);
      }
    }
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
  }
  return new Map([...times].map(([name, values]) => [name, median(values)]));
}

interface Lat {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
}
interface Result {
  readonly importMs: number;
  readonly firstCallMs: number;
  readonly rssMb: number;
  readonly cpuUsPerCall: number;
  readonly seq: Lat;
  readonly conc: Lat;
}

/** Import plus first call: the cold start of a process that makes one call. */
const cold = (r: Result): number => r.importMs + r.firstCallMs;

function runContender(name: string, port: number): Result {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', CHILD, name, String(port)],
    { cwd: cwdOf(name), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Result;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function medianResult(results: readonly Result[]): Result {
  const m = (f: (r: Result) => number): number => median(results.map(f));
  return {
    importMs: m((r) => r.importMs),
    firstCallMs: m((r) => r.firstCallMs),
    rssMb: m((r) => r.rssMb),
    cpuUsPerCall: m((r) => r.cpuUsPerCall),
    seq: { rps: m((r) => r.seq.rps), p50: m((r) => r.seq.p50), p99: m((r) => r.seq.p99) },
    conc: { rps: m((r) => r.conc.rps), p50: m((r) => r.conc.p50), p99: m((r) => r.conc.p99) },
  };
}

async function bundleSize(
  contents: string,
  platform: 'browser' | 'node',
): Promise<{ min: number; gz: number }> {
  const out = await build({
    stdin: { contents, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: platform === 'browser' ? 'esm' : 'cjs',
    platform,
    target: platform === 'browser' ? 'es2022' : 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Bytes on disk of a package and its production dependency closure, as a fresh install lays
 * them out, each package counted once: a workspace package (ours, linked from the repo, whose
 * folder also holds sources and build leftovers) as its packed tarball holds it, any other as
 * the package manager installed it (its published files).
 */
async function installFootprint(name: string): Promise<{ bytes: number; packages: number }> {
  const seen = new Set<string>();
  let bytes = 0;
  const scratch = await mkdtemp(join(tmpdir(), 'vodkit-bench-pack-'));
  const measureDir = async (dir: string): Promise<number> => {
    if (dir.split(sep).includes('node_modules')) return (await footprint(dir)).bytes;
    const unpacked = await unpackTarball((await packPackage(dir, scratch)).tarball);
    try {
      return (await footprint(unpacked.root)).bytes;
    } finally {
      await rm(dirname(unpacked.root), { recursive: true, force: true });
    }
  };
  const visit = async (pkg: string, from: string): Promise<void> => {
    const fromRequire = createRequire(join(from, 'package.json'));
    let manifestPath: string;
    try {
      manifestPath = realpathSync(fromRequire.resolve(`${pkg}/package.json`));
    } catch {
      // Packages without an exported package.json: walk up from the main file.
      let dir = dirname(realpathSync(fromRequire.resolve(pkg)));
      while (!statSync(dir).isDirectory() || !readdirSync(dir).includes('package.json'))
        dir = dirname(dir);
      manifestPath = join(dir, 'package.json');
    }
    const dir = dirname(manifestPath);
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    bytes += await measureDir(dir);
    for (const dep of Object.keys(manifest.dependencies ?? {})) await visit(dep, dir);
  };
  try {
    await visit(name, benchDir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { bytes, packages: seen.size };
}

const ms = (v: number): string => `${v.toFixed(2)} ms`;
const kb = (v: number): string => `${(v / 1024).toFixed(1)} KiB`;

/** Runs the client benchmark, prints its tables and returns them with its figures. */
export async function run(): Promise<BenchmarkOutput> {
  const contenders = [
    'floor',
    'vodkit',
    'vodkit HMAC-SHA1',
    'vodkit node:http',
    'vodkit fetch',
    'pop-core',
    'openapi-client',
    ...(BASELINE === undefined
      ? []
      : ['vodkit', 'vodkit HMAC-SHA1'].map((c) => c + BASELINE_SUFFIX)),
  ];
  const server = await startRawServer();
  const runs = new Map<string, Result[]>(contenders.map((c) => [c, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of contenders) runs.get(c)?.push(runContender(c, server.port));
    }
  } finally {
    await stopServerProcess(server);
  }
  const results = new Map(contenders.map((c) => [c, medianResult(runs.get(c) ?? [])]));
  const imports = measureImports(contenders);
  const importOf = (name: string): number => imports.get(name) ?? Number.NaN;
  /** What importing the contender adds to a cold start: its import minus an empty module's. */
  const added = (name: string): number => importOf(name) - importOf(LOADED_BY(name));
  const get = (c: string): Result => {
    const r = results.get(c);
    if (r === undefined) throw new Error(c);
    return r;
  };

  const intro =
    `Loopback, minimal node:net server in its own process; ${SEQUENTIAL} sequential calls, ${CONCURRENT} at concurrency ${CONCURRENCY}; median of ${ROUNDS} fresh processes per contender.\n` +
    `cold import: median of ${IMPORT_RUNS} fresh processes that only import; an empty module takes ${ms(importOf('empty ESM'))} by import(), ${ms(importOf('empty CJS'))} by require() (the loader starting up), and 'added' is the contender's import minus the empty module's.\n` +
    `import + 1st call: from the import to the first answer, client construction and lazily loaded modules included.`;
  console.log(`${intro}\n`);
  const tables: ReportTable[] = [];
  tables.push(
    reportTable(
      'Calls',
      [
        'client',
        'seq req/s',
        'seq p50',
        'seq p99',
        `c${CONCURRENCY} req/s`,
        `c${CONCURRENCY} p50`,
        `c${CONCURRENCY} p99`,
        'CPU/call',
        'RSS@5000',
        'cold import',
        'added',
        'import + 1st call',
      ],
      contenders.map((c) => {
        const r = get(c);
        return [
          c,
          count(r.seq.rps),
          ms(r.seq.p50),
          ms(r.seq.p99),
          count(r.conc.rps),
          ms(r.conc.p50),
          ms(r.conc.p99),
          `${r.cpuUsPerCall.toFixed(0)} µs`,
          `${r.rssMb.toFixed(1)} MB`,
          ms(importOf(c)),
          ms(added(c)),
          ms(cold(r)),
        ];
      }),
    ),
  );

  const sizes = new Map<string, { min: number; gz: number; note: string }>();
  // What a browser app loads at start, split as an app bundler splits it (the same measure as
  // the client's size test): openapi-fetch waits in a chunk of its own for middleware or raw().
  const browser = await measureBrowserBundle({
    contents: `import { createVodClient } from '@vodkit/client';
const vod = createVodClient({ region: 'cn-shanghai', credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
vod.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['x'] }).then(console.log);`,
    resolveDir: benchDir,
  });
  const startFiles = browser.chunks.filter((chunk) => chunk.atStart).length;
  sizes.set('vodkit', {
    ...browser,
    note: `browser app at start: entry + ${startFiles - 1} static imports, each min+gzip, summed; ${(browser.lazyGz / 1024).toFixed(1)} KiB gz more on demand`,
  });
  const nodeEntry = await bundleSize(
    `export { createVodClient } from '@vodkit/client/node';`,
    'node',
  );
  sizes.set('vodkit/node', { ...nodeEntry, note: 'node entry' });
  sizes.set('pop-core', {
    ...(await bundleSize(`module.exports = require('@alicloud/pop-core');`, 'node')),
    note: 'node only',
  });
  sizes.set('openapi-client', {
    ...(await bundleSize(`module.exports = require('@alicloud/openapi-client');`, 'node')),
    note: 'node only',
  });
  const footprints = new Map([
    ['vodkit', await installFootprint('@vodkit/client')],
    ['pop-core', await installFootprint('@alicloud/pop-core')],
    ['openapi-client', await installFootprint('@alicloud/openapi-client')],
  ]);
  tables.push(
    reportTable(
      'Sizes',
      ['package', 'min', 'min+gzip', 'bundle', 'install footprint'],
      [...sizes].map(([name, s]) => {
        const f = footprints.get(name);
        return [
          name,
          kb(s.min),
          kb(s.gz),
          s.note,
          f === undefined ? '' : `${kb(f.bytes)} in ${f.packages} packages`,
        ];
      }),
    ),
  );

  const v = get('vodkit');
  const pop = get('pop-core');
  const tea = get('openapi-client');
  const floor = get('floor');
  tables.push(
    reportTable(
      'Ratios (vodkit = default Node client, ACS3-HMAC-SHA256)',
      ['measure', 'vodkit / pop-core', 'vodkit / openapi-client', 'vodkit / floor'],
      [
        [
          'seq req/s (higher is better)',
          ratio(v.seq.rps, pop.seq.rps),
          ratio(v.seq.rps, tea.seq.rps),
          ratio(v.seq.rps, floor.seq.rps),
        ],
        [
          `c${CONCURRENCY} req/s (higher is better)`,
          ratio(v.conc.rps, pop.conc.rps),
          ratio(v.conc.rps, tea.conc.rps),
          ratio(v.conc.rps, floor.conc.rps),
        ],
        [
          'CPU per call (lower is better)',
          ratio(v.cpuUsPerCall, pop.cpuUsPerCall),
          ratio(v.cpuUsPerCall, tea.cpuUsPerCall),
          ratio(v.cpuUsPerCall, floor.cpuUsPerCall),
        ],
        [
          'RSS after 5000 calls (lower)',
          ratio(v.rssMb, pop.rssMb),
          ratio(v.rssMb, tea.rssMb),
          ratio(v.rssMb, floor.rssMb),
        ],
        [
          'cold import added (lower)',
          ratio(added('vodkit'), added('pop-core')),
          ratio(added('vodkit'), added('openapi-client')),
          '',
        ],
        [
          'import + 1st call (lower)',
          ratio(cold(v), cold(pop)),
          ratio(cold(v), cold(tea)),
          ratio(cold(v), cold(floor)),
        ],
        [
          'min+gzip (lower)',
          ratio(sizes.get('vodkit')?.gz ?? 0, sizes.get('pop-core')?.gz ?? 1),
          ratio(sizes.get('vodkit')?.gz ?? 0, sizes.get('openapi-client')?.gz ?? 1),
          '',
        ],
        [
          'install footprint (lower)',
          ratio(footprints.get('vodkit')?.bytes ?? 0, footprints.get('pop-core')?.bytes ?? 1),
          ratio(footprints.get('vodkit')?.bytes ?? 0, footprints.get('openapi-client')?.bytes ?? 1),
          '',
        ],
      ],
    ),
  );

  // The speed and size aims, judged on this run's medians: ahead of both official packages on every
  // row, at least 1.5x pop-core's c32 throughput, CPU per call within 1.5x of the floor, under
  // 10 ms of cold import, and a browser app's bundle under 10 000 B min+gzip.
  const gz = sizes.get('vodkit')?.gz ?? Infinity;
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
  const aheadOfBoth = (higher: boolean, f: (r: Result) => number): boolean =>
    higher ? f(v) > Math.max(f(pop), f(tea)) : f(v) < Math.min(f(pop), f(tea));
  tables.push(
    reportTable(
      'Aims (speed and size, against both official packages)',
      ['aim', 'vodkit', 'verdict'],
      [
        ['seq req/s ahead of both', count(v.seq.rps), verdict(aheadOfBoth(true, (r) => r.seq.rps))],
        [
          `c${CONCURRENCY} req/s >= 1.5x pop-core, ahead of both`,
          ratio(v.conc.rps, pop.conc.rps),
          verdict(v.conc.rps >= 1.5 * pop.conc.rps && aheadOfBoth(true, (r) => r.conc.rps)),
        ],
        [
          'CPU/call <= 1.5x floor, ahead of both',
          ratio(v.cpuUsPerCall, floor.cpuUsPerCall),
          verdict(
            v.cpuUsPerCall <= 1.5 * floor.cpuUsPerCall && aheadOfBoth(false, (r) => r.cpuUsPerCall),
          ),
        ],
        [
          'RSS ahead of both',
          `${v.rssMb.toFixed(1)} MB`,
          verdict(aheadOfBoth(false, (r) => r.rssMb)),
        ],
        [
          // "pop-core adds 32 ms to a cold start": the aim is read as what the import adds.
          'cold import adds < 10 ms, ahead of both',
          ms(added('vodkit')),
          verdict(
            added('vodkit') < 10 &&
              added('vodkit') < Math.min(added('pop-core'), added('openapi-client')),
          ),
        ],
        [
          // Not one of the aims: the check that a lazy import did not just move its cost.
          'import + 1st call ahead of both',
          ms(cold(v)),
          verdict(aheadOfBoth(false, cold)),
        ],
        ['browser bundle < 10 000 B min+gzip', `${gz} B`, verdict(gz < 10_000)],
      ],
    ),
  );

  // The one-implementation-per-job aims, against pop-core in this same run.
  tables.push(
    reportTable(
      'Aims (one implementation per job, against pop-core)',
      ['aim', 'vodkit / pop-core', 'verdict'],
      [
        [
          `c${CONCURRENCY} req/s >= 2x pop-core`,
          ratio(v.conc.rps, pop.conc.rps),
          verdict(v.conc.rps >= 2 * pop.conc.rps),
        ],
        [
          'CPU/call <= 0.6x pop-core',
          ratio(v.cpuUsPerCall, pop.cpuUsPerCall),
          verdict(v.cpuUsPerCall <= 0.6 * pop.cpuUsPerCall),
        ],
        [
          'import + 1st call <= 0.5x pop-core',
          ratio(cold(v), cold(pop)),
          verdict(cold(v) <= 0.5 * cold(pop)),
        ],
        ['browser app bundle <= 10 kB min+gzip', `${gz} B`, verdict(gz <= 10_000)],
      ],
    ),
  );

  if (BASELINE !== undefined) {
    tables.push(
      reportTable(
        `Against the baseline (${BASELINE}), same run, interleaved`,
        [
          'client',
          'seq req/s',
          `c${CONCURRENCY} req/s`,
          'CPU/call',
          'import + 1st call',
          'verdict (within 10%)',
        ],
        ['vodkit', 'vodkit HMAC-SHA1'].map((c) => {
          const now = get(c);
          const before = get(c + BASELINE_SUFFIX);
          return [
            c,
            ratio(now.seq.rps, before.seq.rps),
            ratio(now.conc.rps, before.conc.rps),
            ratio(now.cpuUsPerCall, before.cpuUsPerCall),
            ratio(cold(now), cold(before)),
            verdict(
              now.cpuUsPerCall <= 1.1 * before.cpuUsPerCall &&
                now.conc.rps >= 0.9 * before.conc.rps,
            ),
          ];
        }),
      ),
    );
  }
  return {
    notes: [intro],
    tables,
    figures: {
      ...clientFigures(contenders, get, added, sizes, footprints),
      'vodkit.lazyGzBytes': browser.lazyGz,
      'vodkit.startFiles': startFiles,
    },
  };
}

/** The raw figures the README blocks are rendered from, per contender and per package. */
function clientFigures(
  contenders: readonly string[],
  get: (c: string) => Result,
  added: (c: string) => number,
  sizes: ReadonlyMap<string, { min: number; gz: number }>,
  footprints: ReadonlyMap<string, { bytes: number; packages: number }>,
): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const c of contenders) {
    const r = get(c);
    figures[`${c}.seqRps`] = r.seq.rps;
    figures[`${c}.concRps`] = r.conc.rps;
    figures[`${c}.cpuUsPerCall`] = r.cpuUsPerCall;
    figures[`${c}.rssMb`] = r.rssMb;
    figures[`${c}.coldMs`] = cold(r);
    if (c !== 'floor') figures[`${c}.importAddedMs`] = added(c);
  }
  for (const [name, size] of sizes) {
    figures[`${name}.minBytes`] = size.min;
    figures[`${name}.gzBytes`] = size.gz;
  }
  for (const [name, f] of footprints) {
    figures[`${name}.installBytes`] = f.bytes;
    figures[`${name}.installPackages`] = f.packages;
  }
  return figures;
}
