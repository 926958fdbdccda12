/**
 * Emulator benchmark: verified DeleteImage requests per second over loopback, for both signature
 * algorithms, next to a bare node:http server that only answers a fixed body of the same shape;
 * the ratio is the price of the emulator's pipeline (parse, faults, verify, api, authorize, rate
 * limit, spec validation, apply, answer, log record). Run:
 * `pnpm --filter @vodkit/bench bench emulator`.
 *
 * The 20 IDs are not in the emulator's store, so every call walks the whole pipeline, looks up
 * all 20 in `apply` and answers `NoSuchResource` (404), as the service documents; the floor
 * answers the same error body.
 *
 * Each server runs in its own child process so it does not share an event loop with the load.
 * Requests are signed before the clock starts (each with its own nonce), so the client's signing
 * cost is not counted; both servers receive the same requests over the same keep-alive sockets.
 * Every answer must be the expected one (404 NoSuchResource), or the run fails.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_EMULATOR_CREDENTIALS } from '@vodkit/emulator';
import { signV3, signV2 } from '@vodkit/signer/node';
import { count, ratio, reportTable } from './support/measure.ts';
import type { BenchmarkOutput } from './support/report.ts';
import { startBareServer, startServerProcess, stopServerProcess } from './support/servers.ts';

const require = createRequire(import.meta.url);
const BIN = join(dirname(require.resolve('@vodkit/emulator/package.json')), 'dist', 'bin.js');

const CONCURRENCY = 32;
const WARMUP = 2_000;
const MEASURED = 20_000;
const ROUNDS = 5;
const IDS = Array.from({ length: 20 }, (_, i) =>
  createHash('md5').update(`bench-${i}`).digest('hex'),
).join(',');
const PARAMS = { DeleteImageType: 'ImageId', ImageIds: IDS };

interface Prepared {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function prepare(algorithm: 'HMAC-SHA1' | 'ACS3-HMAC-SHA256', port: number, n: number): Prepared[] {
  return Array.from({ length: n }, (): Prepared => {
    if (algorithm === 'HMAC-SHA1') {
      const s = signV2({
        method: 'POST',
        action: 'DeleteImage',
        version: '2017-03-21',
        params: PARAMS,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
      });
      return {
        path: '/',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: s.encoded,
      };
    }
    const s = signV3({
      method: 'POST',
      host: `127.0.0.1:${port}`,
      action: 'DeleteImage',
      version: '2017-03-21',
      query: PARAMS,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
    });
    return { path: `/?${s.query}`, headers: { ...s.headers }, body: '' };
  });
}

/** What every answer must be: the documented answer to deleting images that do not exist. */
const EXPECTED_STATUS = 404;

function send(agent: Agent, port: number, r: Prepared): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: r.path,
        agent,
        headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

/** Sends every request with `CONCURRENCY` in flight; returns requests per second. */
async function blast(port: number, requests: readonly Prepared[]): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const r = requests[next];
        next += 1;
        if (r !== undefined && (await send(agent, port, r)) !== EXPECTED_STATUS) failed += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  if (failed > 0) {
    throw new Error(
      `${failed} of ${requests.length} requests were not answered ${EXPECTED_STATUS}`,
    );
  }
  return requests.length / seconds;
}

/** Runs the emulator benchmark, prints its table and returns it with its figures. */
export async function run(): Promise<BenchmarkOutput> {
  const intro = `20-ID DeleteImage, ${CONCURRENCY} keep-alive connections, best of ${ROUNDS} alternating rounds × ${count(MEASURED)} requests; node ${process.version}`;
  console.log(intro);
  const bare = await startBareServer('no-such-resource');
  const emulator = await startServerProcess([BIN, '--port', '0', '--qps', '0', '--quiet']);
  const best = { bareV1: 0, emuV1: 0, bareV3: 0, emuV3: 0 };
  try {
    for (const server of [bare, emulator]) {
      for (const algorithm of ['HMAC-SHA1', 'ACS3-HMAC-SHA256'] as const) {
        await blast(server.port, prepare(algorithm, server.port, WARMUP));
      }
    }
    // Rounds alternate between the servers so that load from other work on the machine hits
    // both alike; the best round of each is the least disturbed one.
    for (let round = 0; round < ROUNDS; round += 1) {
      const go = (port: number, algorithm: 'HMAC-SHA1' | 'ACS3-HMAC-SHA256'): Promise<number> =>
        blast(port, prepare(algorithm, port, MEASURED));
      best.bareV1 = Math.max(best.bareV1, await go(bare.port, 'HMAC-SHA1'));
      best.emuV1 = Math.max(best.emuV1, await go(emulator.port, 'HMAC-SHA1'));
      best.bareV3 = Math.max(best.bareV3, await go(bare.port, 'ACS3-HMAC-SHA256'));
      best.emuV3 = Math.max(best.emuV3, await go(emulator.port, 'ACS3-HMAC-SHA256'));
    }
  } finally {
    await stopServerProcess(bare);
    await stopServerProcess(emulator);
  }
  const { bareV1, emuV1, bareV3, emuV3 } = best;
  const overheadUs = (emu: number, floor: number): string => (1e6 / emu - 1e6 / floor).toFixed(1);
  const table = reportTable(
    '',
    ['server', 'algorithm', 'requests/s', 'vs bare', 'added µs/request'],
    [
      ['bare node:http (fixed 404 body)', 'HMAC-SHA1 (POST form)', count(bareV1), '1.00x', '-'],
      [
        '@vodkit/emulator (verified)',
        'HMAC-SHA1 (POST form)',
        count(emuV1),
        ratio(emuV1, bareV1),
        overheadUs(emuV1, bareV1),
      ],
      ['bare node:http (fixed 404 body)', 'ACS3-HMAC-SHA256 (query)', count(bareV3), '1.00x', '-'],
      [
        '@vodkit/emulator (verified)',
        'ACS3-HMAC-SHA256 (query)',
        count(emuV3),
        ratio(emuV3, bareV3),
        overheadUs(emuV3, bareV3),
      ],
    ],
  );
  return {
    notes: [intro],
    tables: [table],
    figures: {
      'v2.bareRps': bareV1,
      'v2.emulatorRps': emuV1,
      'v3.bareRps': bareV3,
      'v3.emulatorRps': emuV3,
    },
  };
}
