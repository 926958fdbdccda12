/**
 * The route table (`src/routes.ts`): one row per method and path, listed in columns, and named in
 * the README, which cannot print it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { adminRouteLines, ROUTES, routeLines } from '../src/routes.js';

describe('the route table', () => {
  test('no method and path twice', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.path.split('?')[0] ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('lists method, path and help in columns, skipping rows the line before names', () => {
    expect(adminRouteLines()[0]).toBe(
      'GET    /__admin/health                  liveness, URL, image count (HEAD too)',
    );
    expect(adminRouteLines().some((line) => line.startsWith('HEAD'))).toBe(false);
    expect(routeLines('rpc')).toEqual([
      'GET    /                                DeleteImage, every field in the query',
      'POST   /                                DeleteImage, fields in the query or a form body',
      'OPTIONS /                                CORS preflight, with --cors',
    ]);
  });

  test('the README names every admin route', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Admin API'),
      readme.indexOf('It is a test tool'),
    );
    const names = ROUTES.filter((r) => r.area === 'admin' && r.path !== '/__admin/').map(
      (r) => r.path.slice('/__admin/'.length).split('?')[0] ?? '',
    );
    for (const name of new Set(names)) expect(section).toContain(`\`${name}\``);
  });
});
