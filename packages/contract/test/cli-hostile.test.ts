/**
 * A hostile target cannot hang or fool `vodkit-contract` (the built bin, as users run it): real
 * servers on 127.0.0.1, port 0, that drip bytes, never end an admin answer, send control
 * characters, or are not there; and report paths that cannot be written. Every case is bounded.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { TargetUnreachableError, emulatorUrlTarget } from '../src/index.ts';

const bin = fileURLToPath(new URL('../bin/vodkit-contract.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vodkit-contract-hostile-'));
const KEY = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIhostile',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'hostile-secret',
};

interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
}

function run(args: string[], env: NodeJS.ProcessEnv = KEY): Promise<Ran> {
  if (!existsSync(join(bin, '../../dist/cli.js')))
    throw new Error('dist/cli.js is missing: run `pnpm --filter @vodkit/contract build` first');
  const began = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : Number(error.code),
          out: stdout,
          err: stderr,
          ms: performance.now() - began,
        });
      },
    );
  });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** An HTTP server on 127.0.0.1 that answers `GET /` (the probe) and hands the rest to `rest`. */
async function http(rest: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server: HttpServer = createHttpServer((req, res) => {
    if (req.method === 'GET' && req.url === '/') {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"Code":"MissingParameter","Message":"probe","RequestId":"p"}');
      return;
    }
    req.resume();
    rest(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw TCP server that does `behave` with each connection. */
async function tcp(behave: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    behave(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

it('a target that drips a byte every 200 ms is cut at the answer deadline, not an idle timeout', async () => {
  // Each byte would reset an idle timer of 600 ms; only a total deadline ends this answer.
  const url = await http((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
    const timer = setInterval(() => res.write(' '), 200);
    res.on('close', () => {
      clearInterval(timer);
    });
  });
  const { code, out, ms } = await run([
    '--target',
    url,
    '--checks',
    'missing-image',
    '--timeout-ms',
    '600',
  ]);
  expect(out).toContain('FAIL  missing-image');
  expect(out).toContain('no complete answer within 600 ms');
  expect(code).toBe(1);
  expect(ms).toBeLessThan(8_000);
});

it('a probe that drips is unreachable within --timeout-ms: exit 2, one line', async () => {
  const url = await tcp((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100000\r\n\r\n');
      const timer = setInterval(() => socket.write(' '), 100);
      socket.on('close', () => {
        clearInterval(timer);
      });
    });
  });
  const { code, out, err, ms } = await run(['--target', url, '--timeout-ms', '500']);
  expect(err).toBe(`vodkit-contract: cannot reach ${url}: no complete answer within 500 ms\n`);
  expect(out).toBe('');
  expect(code).toBe(2);
  expect(ms).toBeLessThan(8_000);
});

it('--run-timeout-ms ends a run that every answer keeps just under its own deadline: exit 2 naming it', async () => {
  const url = await http((_, res) => {
    const timer = setTimeout(() => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"Code":"NoSuchResource","Message":"slow","RequestId":"s"}');
    }, 300);
    res.on('close', () => {
      clearTimeout(timer);
    });
  });
  const { code, err, out, ms } = await run([
    '--target',
    url,
    '--checks',
    'item-limits,generated-cases',
    '--timeout-ms',
    '1000',
    '--run-timeout-ms',
    '900',
  ]);
  expect(err).toBe('vodkit-contract: the run did not finish within --run-timeout-ms 900\n');
  expect(out).toBe('');
  expect(code).toBe(2);
  expect(ms).toBeLessThan(8_000);
});

it('an admin API that answers an endless JSON array is cut at its size bound: exit 2, one line', async () => {
  const url = await http((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const pump = (): void => {
      while (res.write('0,'.repeat(8192))) {
        /* fill the socket's buffer */
      }
      res.once('drain', pump);
    };
    pump();
  });
  const { code, err, ms } = await run(['--target', url, '--emulator-admin'], {});
  expect(err).toBe(
    `vodkit-contract: cannot reach POST ${url}/__admin/accounts: the answer is over 8388608 bytes\n`,
  );
  expect(code).toBe(2);
  expect(ms).toBeLessThan(10_000);
});

it('an admin API on a closed port is one line naming the URL and the cause, not "fetch failed"', async () => {
  const url = await closedPort();
  const { code, err } = await run(['--target', url, '--emulator-admin'], {});
  expect(err).toBe(
    `vodkit-contract: cannot reach ${url}: connection refused (ECONNREFUSED): nothing listens on that port\n`,
  );
  expect(code).toBe(2);
  // The library names the admin URL itself when the port closes after the probe.
  const error: unknown = await emulatorUrlTarget(url).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TargetUnreachableError);
  expect((error as Error).message).toBe(
    `cannot reach POST ${url}/__admin/accounts: connection refused (ECONNREFUSED): nothing listens on that port`,
  );
});

it('control characters of a target (ESC, CR, BEL, C1, in body and headers) are escaped in every output', async () => {
  const url = await http((_, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      // A C1 CSI (0x9b) as latin1, the one way a control character passes node's header parser.
      'x-acs-request-id': Buffer.from([0x9b, 0x33, 0x31, 0x6d]).toString('latin1'),
    });
    res.end('{"RequestId":"\u001b[2K\u001b[32mpass\u0007\r","Code":"\u001b]0;owned\u0007"}');
  });
  const json = join(dir, 'hostile.json');
  const junit = join(dir, 'hostile.xml');
  const { code, out } = await run([
    '--target',
    url,
    '--checks',
    'missing-image,answers-match-spec',
    '--json',
    json,
    '--junit',
    junit,
  ]);
  expect(code).toBe(1);
  for (const text of [out, readFileSync(json, 'utf8'), readFileSync(junit, 'utf8')]) {
    // eslint-disable-next-line no-control-regex -- no control character but newline may remain
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  }
  expect(out).toContain('\\x1b[32mpass\\x07\\r');
  expect(out).not.toContain('hostile-secret');
});

it.each([
  ['--junit', 'no-such-folder/contract.xml', /the folder .*no-such-folder does not exist$/],
  ['--json', '.', /: it is a folder$/],
])(
  '%s %s that cannot be written is exit 2 in one line, before the run starts',
  async (flag, file, cause) => {
    const { code, err, out } = await run([flag, join(dir, file), '--checks', 'missing-image']);
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toContain(`vodkit-contract: ${flag} ${join(dir, file)}`);
    expect(err.trim()).toMatch(cause);
    expect(out).not.toContain('DeleteImage contract against');
    expect(code).toBe(2);
  },
);

it.each([
  ['--json', () => fifo(), /: it is not a regular file$/],
  ['--junit', () => '/dev/full', /: it is not a regular file$/],
  ['--junit', () => '/proc/x.xml', /: cannot write it \(E[A-Z]+\)$/],
  ['--json', () => dir, /: it is a folder$/],
])(
  '%s to a FIFO, a device, /proc or a folder is refused before the run: exit 2, one line, no hang',
  async (flag, pathOf, cause) => {
    const file = pathOf();
    const { code, err, out, ms } = await run([flag, file, '--checks', 'missing-image']);
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toContain(`vodkit-contract: ${flag} ${file}`);
    expect(err.trim()).toMatch(cause);
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(ms).toBeLessThan(8_000);
  },
);

/** A FIFO no process reads: writing it would block forever. */
function fifo(): string {
  const path = join(dir, `fifo-${readdirSync(dir).length}`);
  execFileSync('mkfifo', [path]);
  return path;
}

it('--junit and --json naming one file is refused before the run, and a probe file is not left behind', async () => {
  const file = join(dir, 'same.out');
  const { code, err, out } = await run(['--junit', file, '--json', file]);
  expect(err).toBe(`vodkit-contract: --junit and --json name the same file ${file}\n`);
  expect(out).toBe('');
  expect(code).toBe(2);
  expect(existsSync(file)).toBe(false);
});
