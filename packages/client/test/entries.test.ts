/**
 * The two entries' names: the Node entry re-exports the main entry as a whole, so every name of
 * the main entry is one of the Node entry, the same thing under it, except `createVodClient`,
 * which the Node entry defines itself. Run with `VODKIT_TEST_TARGET=dist`, these are the built
 * entries, so this also holds what the bundler made of the re-export.
 */
import { expect, it } from 'vitest';
import * as main from '../src/index.ts';
import * as node from '../src/node/index.ts';

const mainNames = Object.keys(main);
const byName = (entry: object, name: string): unknown => (entry as Record<string, unknown>)[name];

it('every name of the main entry is a name of the Node entry', () => {
  // The entry really was read: a few names every user reaches for.
  expect(mainNames).toEqual(
    expect.arrayContaining([
      'createVodClient',
      'VodError',
      'chain',
      'fetchTransport',
      'TransportError',
    ]),
  );
  expect(mainNames.filter((name) => !Object.hasOwn(node, name))).toEqual([]);
});

it('under each the same thing, but the Node entry has a createVodClient of its own', () => {
  const differing = mainNames.filter((name) => byName(node, name) !== byName(main, name));
  expect(differing).toEqual(['createVodClient']);
});

it("the Node entry's createVodClient is the Node one: credentials may be left out", () => {
  // The main entry requires credentials; the Node one falls back to its default chain.
  expect(() => main.createVodClient({ region: 'cn-shanghai' } as never)).toThrow(
    main.VodValidationError,
  );
  const client = node.createVodClient({ region: 'cn-shanghai' });
  expect(typeof client.deleteImage).toBe('function');
});

it('the Node entry adds only Node names to the main entry', () => {
  expect(
    Object.keys(node)
      .filter((name) => !mainNames.includes(name))
      .sort(),
  ).toEqual([
    'DIAGNOSTICS_CHANNELS',
    'defaultCredentials',
    'fromAliyunConfig',
    'fromCredentialsFile',
    'nodeSigner',
    'nodeTransport',
    'parseIni',
    'socketTransport',
  ]);
});
