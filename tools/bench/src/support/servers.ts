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
