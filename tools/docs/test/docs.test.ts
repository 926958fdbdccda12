/**
 * The HTML reference renders from the spec and carries what a reader needs: the operation, every
 * request variant, every documented error code and every region.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE_IMAGE_TYPES, DOCUMENTED_ERRORS, REGIONS } from '@vodkit/types';

const run = promisify(execFile);
let html = '';

beforeAll(async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'vodkit-docs-')), 'index.html');
  await run('pnpm', [
    'exec',
    'redocly',
    'build-docs',
    '../../spec/vod.openapi.yaml',
    '--config',
    '../../redocly.yaml',
    '--output',
    out,
  ]);
  html = await readFile(out, 'utf8');
}, 120_000);

describe('HTML reference', () => {
  it('is prerendered, so it reads without JavaScript', () => {
    expect(html).toContain('<title>ApsaraVideo VOD DeleteImage</title>');
    expect(html).toContain(
      'Delete images or video snapshots (POST, fields in the query or in a form body)',
    );
  });

  it('documents every request variant', () => {
    for (const type of DELETE_IMAGE_TYPES) expect(html).toContain(type);
    expect(html).toContain('Delete snapshots of a video');
  });

  it('documents every error code and region', () => {
    for (const code of Object.keys(DOCUMENTED_ERRORS)) expect(html, code).toContain(code);
    for (const region of Object.keys(REGIONS)) expect(html, region).toContain(region);
  });
});
