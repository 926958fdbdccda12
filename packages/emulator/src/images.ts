import type { Exchange } from './http.js';
import { nowOf } from './core.js';
import { servedImageId } from './store.js';

/** The prefix under which the emulator serves images, standing in for the CDN. */
export const IMAGES_PREFIX = '/images/';

// A 1×1 transparent PNG: enough for a client to see that the URL still serves.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * Serves `GET|HEAD /images/<id>.png` like a CDN: 200 while the image is stored or within the
 * CDN lag after its deletion (`x-vodkit-cdn: stored | cdn-lag` says which), 404 afterwards.
 */
export function serveImage(x: Exchange): void {
  const { core, req, res } = x;
  req.resume();
  const headers = x.headers();
  const id = servedImageId(x.path);
  const serves = id === undefined ? undefined : core.store.serves(id, nowOf(core));
  if (serves === undefined) {
    const text = 'Not Found\n';
    res
      .writeHead(404, {
        ...headers,
        'content-type': 'text/plain;charset=utf-8',
        'content-length': String(text.length),
      })
      .end(req.method === 'HEAD' ? undefined : text);
    return;
  }
  res
    .writeHead(200, {
      ...headers,
      'content-type': 'image/png',
      'content-length': String(PIXEL.length),
      'x-vodkit-cdn': serves,
    })
    .end(req.method === 'HEAD' ? undefined : PIXEL);
}

/** Answers any other method under `/images/`: 405, naming the `allowed` ones. */
export function refuseImageMethod(x: Exchange, allowed: readonly string[]): void {
  x.req.resume();
  x.res.writeHead(405, { ...x.headers(), allow: allowed.join(', '), 'content-length': '0' }).end();
}
