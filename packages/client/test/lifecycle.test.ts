/**
 * `close()` releases the sockets of the client's own transport (and `Symbol.asyncDispose` does
 * the same); a dry run's output re-verifies exactly as returned.
 */
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { verifyRequest } from '@vodkit/signer/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVodClient, socketTransport } from '../src/node/index.ts';
import type { DeleteImageRequest } from '@vodkit/types';

const CREDENTIALS = { accessKeyId: 'LTAI5tLifecycle', accessKeySecret: 'lifecycle-secret' };
const REQUEST: DeleteImageRequest = {
  DeleteImageType: 'ImageURL',
  ImageURLs: ['https://media.example.com/a b.png?x=1', 'https://media.example.com/c.png'],
};

describe('close()', () => {
  const open = new Set<Socket>();
  let url = '';
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end('{"RequestId":"R-1"}');
    });
  });
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

  it('releases the kept-alive connection; later calls fail with ClientClosed and send nothing', async () => {
    const client = createVodClient({ endpoint: url, credentials: CREDENTIALS });
    expect((await client.deleteImage(REQUEST)).data?.requestId).toBe('R-1');
    await settle();
    expect(open.size).toBe(1);
    await client.close();
    await settle();
    expect(open.size).toBe(0);
    const after = await client.deleteImage(REQUEST);
    expect(after.error?.code).toBe('ClientClosed');
    await settle();
    expect(open.size).toBe(0);
    await client.close(); // twice is fine
  });

  it('Symbol.asyncDispose closes it too', async () => {
    const client = createVodClient({ endpoint: url, credentials: CREDENTIALS });
    await client.deleteImage(REQUEST);
    const dispose = (client as unknown as Record<symbol, () => Promise<void>>)[
      (Symbol as { asyncDispose?: symbol }).asyncDispose ?? Symbol()
    ];
    expect(typeof dispose).toBe('function');
    await dispose?.call(client);
    await settle();
    expect(open.size).toBe(0);
  });

  it('leaves a transport you passed open: it is yours to close', async () => {
    const transport = socketTransport();
    const client = createVodClient({ endpoint: url, credentials: CREDENTIALS, transport });
    await client.deleteImage(REQUEST);
    await client.close();
    await settle();
    expect(open.size).toBe(1);
    const other = createVodClient({ endpoint: url, credentials: CREDENTIALS, transport });
    expect((await other.deleteImage(REQUEST)).data?.requestId).toBe('R-1');
    await transport.close?.();
    await settle();
    expect(open.size).toBe(0);
  });
});

describe('dryRun', () => {
  for (const signatureAlgorithm of ['ACS3-HMAC-SHA256', 'HMAC-SHA1'] as const) {
    for (const method of ['POST', 'GET'] as const) {
      it(`${signatureAlgorithm} ${method}: the output, host included, verifies as returned`, async () => {
        const client = createVodClient({
          endpoint: 'https://vod.cn-shanghai.aliyuncs.com',
          credentials: CREDENTIALS,
          signatureAlgorithm,
          method,
        });
        const dry = await client.dryRun(REQUEST, { revealSecrets: true });
        expect(dry.headers['host']).toBe('vod.cn-shanghai.aliyuncs.com');
        const url = new URL(dry.url);
        const result = verifyRequest(
          {
            method: dry.method,
            path: url.pathname,
            query: url.search.slice(1),
            headers: dry.headers,
            body: dry.body ?? '',
          },
          {
            lookup: (id) =>
              id === CREDENTIALS.accessKeyId ? { secret: CREDENTIALS.accessKeySecret } : undefined,
          },
        );
        expect(result.ok, JSON.stringify(result)).toBe(true);
      });
    }
  }
});
