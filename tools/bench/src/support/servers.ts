/**
 * Servers the benchmarks measure against, each in its own process so that its CPU is not the
 * contender's: the bare `node:http` floor that only answers a fixed body, or any script that
 * prints `listening on http://127.0.0.1:<port>` (the emulator's banner does).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/**
 * The floor: a keep-alive `node:http` server answering every request with a fresh request ID
 * in a fixed answer, doing nothing else (no parsing, no verification). `success` answers
 * `{ RequestId }` (200); `no-such-resource` answers the error body of a missing image (404), the
 * same size as the emulator's answer to a delete of images it does not hold.
 */
const bareServerSource = (answer: BareAnswer): string => `
const { createServer } = require('node:http');
const { randomUUID } = require('node:crypto');
const missing = ${JSON.stringify(answer === 'no-such-resource')};
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const RequestId = randomUUID().toUpperCase();
    const body = JSON.stringify(missing
      ? { RequestId, HostId: req.headers.host, Code: 'NoSuchResource', Message: 'The specified resource does not exist.', Recommend: 'https://api.aliyun.com/troubleshoot?q=NoSuchResource&product=vod&requestId=' + RequestId }
      : { RequestId });
    res.writeHead(missing ? 404 : 200, { date: new Date().toUTCString(), 'x-acs-request-id': RequestId, 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

/**
 * A server for measuring clients: `node:net` with the least HTTP/1.1 a keep-alive exchange
 * needs (a head, then a `content-length` or chunked body), answering `{ RequestId }` (200).
 * The `node:http` server tops out near what the fastest clients can send on two cores, so a
 * client bench against it measures the server; this one leaves headroom, so the rows differ by
 * client.
 */
const rawServerSource = `
const net = require('node:net');
const { randomUUID } = require('node:crypto');
const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  socket.setEncoding('latin1');
  let buf = '';
  socket.on('data', (chunk) => {
    buf += chunk;
    for (;;) {
      const end = buf.indexOf('\\r\\n\\r\\n');
      if (end < 0) return;
      const head = buf.slice(0, end).toLowerCase();
      let next;
      if (/\\r\\ntransfer-encoding: *chunked/.test(head)) {
        const last = buf.indexOf('\\r\\n0\\r\\n\\r\\n', end);
        if (last < 0) return;
        next = last + 7;
      } else {
        const m = /\\r\\ncontent-length: *(\\d+)/.exec(head);
        next = end + 4 + (m ? Number(m[1]) : 0);
        if (buf.length < next) return;
      }
      buf = buf.slice(next);
      const id = randomUUID().toUpperCase();
      const body = '{"RequestId":"' + id + '"}';
      socket.write('HTTP/1.1 200 OK\\r\\ndate: ' + new Date().toUTCString() + '\\r\\nx-acs-request-id: ' + id +
        '\\r\\ncontent-type: application/json;charset=utf-8\\r\\ncontent-length: ' + body.length +
        '\\r\\nconnection: keep-alive\\r\\n\\r\\n' + body);
    }
  });
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

/** What the bare floor server answers. */
export type BareAnswer = 'success' | 'no-such-resource';

/** A server running in a child process. */
export interface ServerProcess {
  readonly port: number;
  readonly child: ChildProcess;
}

/** Starts `node <args>` and waits for its `listening on http://127.0.0.1:<port>` line. */
export function startServerProcess(args: readonly string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    // The emulator prints its banner on stderr (stdout is for log lines); the bare server on stdout.
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        out += chunk;
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (match?.[1] !== undefined) resolve({ port: Number(match[1]), child });
      });
    }
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${String(code)}: ${out}`));
    });
  });
}

/** Starts the bare floor server. */
export function startBareServer(answer: BareAnswer = 'success'): Promise<ServerProcess> {
  return startServerProcess(['-e', bareServerSource(answer)]);
}

/** Starts the raw `node:net` server that client benchmarks measure against. */
export function startRawServer(): Promise<ServerProcess> {
  return startServerProcess(['-e', rawServerSource]);
}

/** Stops a server process and waits for it to exit. */
export function stopServerProcess(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) {
      resolve();
      return;
    }
    server.child.once('exit', () => {
      resolve();
    });
    server.child.kill('SIGTERM');
  });
}
