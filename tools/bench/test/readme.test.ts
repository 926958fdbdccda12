/**
 * The READMEs' bench figures are generated from results/latest.json, never typed by hand: this
 * fails when a README's block differs from what that file renders (someone edited a figure, or
 * committed a new latest.json without `pnpm bench:readme`). No benchmark runs here; it renders the
 * committed report, so it takes milliseconds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeDrift } from '../src/readme.ts';
import { renderLatestMarkdown, renderReadmeBlocks } from '../src/render.ts';
import { readReport, RESULTS_DIR } from '../src/results.ts';
import { blockNames, readBlock, replaceBlocks } from '../src/support/blocks.ts';
import type { BenchReport } from '../src/support/report.ts';

describe('README bench blocks', () => {
  it('equal what results/latest.json renders (run pnpm bench:readme after pnpm bench)', async () => {
    const drift = await readmeDrift();
    expect(drift.map((d) => `${d.file}: bench:${d.block}: ${d.problem}`)).toEqual([]);
  });

  it('render every figure of the report, so an edited figure would differ', async () => {
    const report = await readReport();
    const blocks = renderReadmeBlocks(report);
    const client = report.benchmarks['client'];
    if (client === undefined) throw new Error('latest.json has no client benchmark');
    const changed: BenchReport = {
      ...report,
      benchmarks: {
        ...report.benchmarks,
        client: { ...client, figures: { ...client.figures, 'pop-core.concRps': 1 } },
      },
    };
    expect(renderReadmeBlocks(changed)['client-block']).not.toBe(blocks['client-block']);
    for (const text of Object.values(blocks)) expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('fail on a figure the report lacks rather than print NaN', async () => {
    const report = await readReport();
    const withoutSigner: BenchReport = {
      ...report,
      benchmarks: { ...report.benchmarks, signer: { notes: [], tables: [], figures: {} } },
    };
    expect(() => renderReadmeBlocks(withoutSigner)).toThrow(/signer\/v2\./);
  });
});

describe('replaceBlocks', () => {
  const text = [
    'Intro <!-- bench:speed:start -->old figure<!-- bench:speed:end --> stays.',
    '',
    '<!-- bench:run-block:start -->',
    'old table',
    '<!-- bench:run-block:end -->',
    'Tail.',
  ].join('\n');

  it('rewrites only what lies between the markers; a block stands on lines of its own', () => {
    const out = replaceBlocks(text, { speed: '2.00x', 'run-block': '| a |' });
    expect(out).toBe(
      [
        'Intro <!-- bench:speed:start -->2.00x<!-- bench:speed:end --> stays.',
        '',
        '<!-- bench:run-block:start -->',
        '',
        '| a |',
        '',
        '<!-- bench:run-block:end -->',
        'Tail.',
      ].join('\n'),
    );
    expect(blockNames(out)).toEqual(['speed', 'run-block']);
    expect(replaceBlocks(out, { speed: '2.00x', 'run-block': '| a |' })).toBe(out);
  });

  it('refuses a marker it has no renderer for, and a block that appears twice', () => {
    expect(() => replaceBlocks(text, { speed: 'x' })).toThrow('no renderer for block run-block');
    expect(() => readBlock(`${text}\n${text}`, 'speed')).toThrow(/appears twice/);
    expect(() => readBlock('<!-- bench:speed:start --> no end', 'speed')).toThrow(/has no/);
  });
});

it('latest.md is what latest.json renders, with the machine, Node, date and the load average at start', async () => {
  const report = await readReport();
  const markdown = renderLatestMarkdown(report);
  expect(markdown).toContain(`- Node: ${report.node}`);
  expect(markdown).toContain(`${report.machine.cores} cores`);
  expect(markdown).toContain(`- Date: ${report.date}`);
  expect(markdown).toContain(
    `Load average at start (1, 5, 15 min): ${report.loadAverage.join(', ')}`,
  );
  expect(await readFile(join(RESULTS_DIR, 'latest.md'), 'utf8')).toBe(markdown);
  const overloaded = { ...report, loadAverage: [report.machine.cores * 3, 1, 1] as const };
  expect(renderLatestMarkdown(overloaded)).toMatch(/load high: /);
});
