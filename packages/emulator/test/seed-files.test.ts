/**
 * Seed and state files, and the same shapes given to startEmulator and the admin API, never fail
 * open: a field of the wrong type or value (a string for a boolean, a misspelt status, null, an
 * unknown or prototype key) refuses the whole input, naming the file, the entry and the field.
 * A property test mutates valid files and requires "loaded exactly" or "refused by name", never
 * a TypeError, never a key left working that the file meant to disable.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSeedFile, startEmulator, StateFileError } from '../src/index.js';
import type { AccountConfig, RunningEmulator, StsTokenConfig } from '../src/index.js';
import { byIds, callV2 } from './support/rpc.js';

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vodkit-seed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `text` to a fresh file and returns its path. */
async function fileWith(text: string): Promise<string> {
  counter += 1;
  const file = join(dir, `seed-${counter}.json`);
  await writeFile(file, text);
  return file;
}

/** The error a promise rejects with, or `undefined` when it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
}

const key = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  accessKeyId: id,
  accessKeySecret: `${id}-secret`,
  ...extra,
});

describe('seed files: files that would fail open are refused', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['active: "false"', key('K1', { active: 'false' }), 'accounts[0].accessKeys[0].active'],
    ['active: 0', key('K1', { active: 0 }), 'accounts[0].accessKeys[0].active'],
    ['active: null', key('K1', { active: null }), 'accounts[0].accessKeys[0].active'],
    ['policy: null', key('K1', { policy: null }), 'accounts[0].accessKeys[0].policy'],
    [
      'deny: "vod:*"',
      key('K1', { policy: { deny: 'vod:*' } }),
      'accounts[0].accessKeys[0].policy.deny',
    ],
  ];
  test.each(cases)('%s refuses the file, naming it and the field', async (_, accessKey, path) => {
    const file = await fileWith(
      JSON.stringify({ images: [], accounts: [{ accountId: 'a', accessKeys: [accessKey] }] }),
    );
    const error = await failure(readSeedFile(file));
    expect(error).toBeInstanceOf(StateFileError);
    expect(error?.message).toContain(file);
    expect(error?.message).toContain(path);
  });

  test.each(['Suspended', 'suspended ', 'disabled', '', 'ACTIVE'])(
    'vodStatus %j refuses the file, naming the allowed values',
    async (vodStatus) => {
      const file = await fileWith(
        JSON.stringify({ images: [], accounts: [{ accountId: 'a', vodStatus, accessKeys: [] }] }),
      );
      const error = await failure(readSeedFile(file));
      expect(error).toBeInstanceOf(StateFileError);
      expect(error?.message).toContain(file);
      expect(error?.message).toContain('accounts[0].vodStatus');
      expect(error?.message).toContain('"suspended"');
    },
  );

  test.each(['images', 'accounts', 'stsTokens', 'tombstones'])(
    'a null entry in %s is refused by name, not "Cannot read properties of null"',
    async (list) => {
      const file = await fileWith(JSON.stringify({ images: [], [list]: [null] }));
      const error = await failure(readSeedFile(file));
      expect(error).toBeInstanceOf(StateFileError);
      expect(error?.message).toContain(`${list}[0] must be an object`);
      expect(error?.message).not.toMatch(/Cannot read/);
    },
  );

  test('a null access key is refused by name', async () => {
    const file = await fileWith(
      JSON.stringify({ images: [], accounts: [{ accountId: 'a', accessKeys: [null] }] }),
    );
    expect((await failure(readSeedFile(file)))?.message).toContain(
      'accounts[0].accessKeys[0] must be an object',
    );
  });

  test('unknown fields are refused: a misspelt "active" must not leave the key working', async () => {
    const file = await fileWith(
      JSON.stringify({
        images: [],
        accounts: [{ accountId: 'a', accessKeys: [key('K', { actve: false })] }],
      }),
    );
    const error = await failure(readSeedFile(file));
    expect(error?.message).toContain('accounts[0].accessKeys[0].actve');
    expect(error?.message).toMatch(/not a field/);
  });

  test('__proto__ and constructor keys are refused and never reach a prototype', async () => {
    for (const text of [
      '{"images": [{"imageId": "p", "__proto__": {"polluted": true}}]}',
      '{"images": [], "__proto__": {"polluted": true}}',
      '{"images": [], "accounts": [{"accountId": "a", "accessKeys": [], "constructor": {"prototype": {"polluted": true}}}]}',
    ]) {
      const error = await failure(readSeedFile(await fileWith(text)));
      expect(error).toBeInstanceOf(StateFileError);
      expect(error?.message).toMatch(/__proto__|constructor/);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });

  test('one access key ID twice (disabled, then enabled) is refused rather than the last winning', async () => {
    const file = await fileWith(
      JSON.stringify({
        images: [],
        accounts: [
          { accountId: 'a', accessKeys: [key('K', { active: false })] },
          { accountId: 'b', accessKeys: [key('K')] },
        ],
      }),
    );
    expect((await failure(readSeedFile(file)))?.message).toMatch(
      /accounts\[1\]\.accessKeys\[0\]\.accessKeyId .*already/,
    );
  });

  test('a state file (load) refuses accounts and STS tokens, which it would not apply', async () => {
    const vod = await startEmulator();
    try {
      const file = await fileWith(
        JSON.stringify({ images: [], accounts: [{ accountId: 'a', accessKeys: [] }] }),
      );
      const error = await failure(vod.state.load(file));
      expect(error?.message).toContain(file);
      expect(error?.message).toMatch(/accounts .*seed file/);
    } finally {
      await vod.close();
    }
  });

  test('a valid file disables what it says: inactive key and suspended account answer so', async () => {
    const file = await fileWith(
      JSON.stringify({
        images: [{ imageId: 'i1' }],
        accounts: [
          { accountId: 'a', accessKeys: [key('LTAI5tOff', { active: false })] },
          { accountId: 'b', vodStatus: 'suspended', accessKeys: [key('LTAI5tLate')] },
        ],
      }),
    );
    const seed = await readSeedFile(file);
    const vod = await startEmulator({ images: seed.images, accounts: seed.accounts ?? [] });
    try {
      const off = await callV2(vod.url, byIds('i1'), {
        credentials: { accessKeyId: 'LTAI5tOff', accessKeySecret: 'LTAI5tOff-secret' },
      });
      expect(off.json?.['Code']).toBe('InvalidAccessKeyId.Inactive');
      const late = await callV2(vod.url, byIds('i1'), {
        credentials: { accessKeyId: 'LTAI5tLate', accessKeySecret: 'LTAI5tLate-secret' },
      });
      expect(late.json?.['Code']).toBe('OperationDenied.Suspended');
      expect(vod.state.has('i1')).toBe(true);
    } finally {
      await vod.close();
    }
  });
});

// ---- The property test ------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** What each field holds, by its name: the test's own statement of the file format. */
const FIELD_KINDS: Readonly<Record<string, string>> = {
  imageId: 'text',
  url: 'text',
  videoId: 'text',
  accountId: 'text',
  accessKeyId: 'text',
  accessKeySecret: 'text',
  securityToken: 'text',
  kind: 'imageKind',
  vodStatus: 'vodStatus',
  active: 'boolean',
  expiresAt: 'number',
  until: 'number',
  version: 'version',
  images: 'list',
  tombstones: 'list',
  accounts: 'list',
  accessKeys: 'list',
  stsTokens: 'list',
  allow: 'textList',
  deny: 'textList',
  policy: 'object',
};
const REQUIRED = new Set([
  'imageId',
  'accountId',
  'accessKeys',
  'accessKeyId',
  'accessKeySecret',
  'securityToken',
  'expiresAt',
  'until',
]);

/** Values that break each kind of field: every one of them must refuse the file. */
const INVALID: Readonly<Record<string, readonly Json[]>> = {
  text: [null, 0, 7, true, false, [], {}, '', ['x'], 'a,b'],
  imageKind: [null, 'cover', 'Uploaded ', 'uploaded', '', 1, true, ['Uploaded']],
  vodStatus: [null, 'Suspended', 'suspended ', 'disabled', 'ACTIVE', '', 0, false, true],
  boolean: [null, 'false', 'true', 0, 1, '', 'no', [], {}],
  number: [null, '1767225600000', '', true, [], {}],
  version: [null, 2, '1', 0, true, []],
  list: [null, {}, 'x', 0, true],
  textList: [null, {}, 'vod:*', 0, [null], [''], [1], [{}]],
  object: [null, 'x', 0, true, []],
  entry: [null, 'x', 0, true, [], ['x']],
};
const FOREIGN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'Active',
  'actve',
  'vod_status',
  'disabled',
];
const FOREIGN_VALUES: readonly Json[] = [null, false, true, 0, 'x', { polluted: true }];

const text = fc.stringMatching(/^[A-Za-z0-9._:-]{1,10}$/);
const policy = fc.record(
  { allow: fc.array(text, { maxLength: 2 }), deny: fc.array(text, { maxLength: 2 }) },
  { requiredKeys: [] },
);
const image = fc.record(
  {
    imageId: text,
    url: text.map((t) => `https://cdn.example.com/${t}.png`),
    videoId: text,
    kind: fc.constantFrom(
      'CoverSnapshot',
      'NormalSnapshot',
      'SpriteSnapshot',
      'SpriteOriginSnapshot',
      'Uploaded',
    ),
  },
  { requiredKeys: ['imageId'] },
);
const accessKey = fc.record(
  { accessKeySecret: text, active: fc.boolean(), policy },
  { requiredKeys: ['accessKeySecret'] },
);
const account = fc.record(
  {
    vodStatus: fc.constantFrom('active', 'not-activated', 'suspended'),
    accessKeys: fc.array(accessKey, { maxLength: 3 }),
  },
  { requiredKeys: ['accessKeys'] },
);
const stsToken = fc.record(
  {
    accessKeySecret: text,
    securityToken: text,
    expiresAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    policy,
  },
  { requiredKeys: ['accessKeySecret', 'securityToken', 'expiresAt'] },
);

/** A valid seed file: IDs are numbered so that no key or account appears twice. */
const validSeed = fc
  .record(
    {
      version: fc.constant(1),
      images: fc.array(image, { maxLength: 3 }),
      tombstones: fc.array(fc.tuple(image, fc.integer({ min: 0, max: 4_102_444_800_000 })), {
        maxLength: 2,
      }),
      accounts: fc.array(account, { minLength: 1, maxLength: 3 }),
      stsTokens: fc.array(stsToken, { maxLength: 2 }),
    },
    { requiredKeys: ['images', 'accounts'] },
  )
  .map((seed) => {
    const accounts = seed.accounts.map((a, i) => ({
      accountId: `acct-${i}`,
      ...a,
      accessKeys: a.accessKeys.map((k, j) => ({ accessKeyId: `LTAI-${i}-${j}`, ...k })),
    }));
    return {
      ...seed,
      accounts,
      ...(seed.tombstones === undefined
        ? {}
        : { tombstones: seed.tombstones.map(([img, until]) => ({ ...img, until })) }),
      ...(seed.stsTokens === undefined
        ? {}
        : {
            stsTokens: seed.stsTokens.map((t, i) => ({
              accessKeyId: `STS.${i}`,
              accountId: 'acct-0',
              ...t,
            })),
          }),
    };
  });

/** Every node of a document with its path, below the root. */
function nodes(value: Json, path: Path = []): { path: Path; value: Json }[] {
  const here = path.length === 0 ? [] : [{ path, value }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  }
  return here;
}

/** The kind of the node at `path`: a named field, an item of a text list, or an entry object. */
function kindAt(path: Path): string {
  const last = path.at(-1);
  if (typeof last === 'string') return FIELD_KINDS[last] ?? 'unknown';
  const parent = path.at(-2);
  return parent === 'allow' || parent === 'deny' ? 'text' : 'entry';
}

/** `accounts[0].accessKeys[1].active`, as the emulator names a field. */
const nameOf = (path: Path): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** A copy of `doc` with `change` applied to the container of `path`. */
function edit(
  doc: Json,
  path: Path,
  change: (parent: Json[] | Record<string, Json>, last: string | number) => void,
): Json {
  const copy = structuredClone(doc);
  let parent: Json = copy;
  for (const p of path.slice(0, -1)) parent = (parent as Record<string, Json>)[p] as Json;
  change(parent as Record<string, Json>, path.at(-1) ?? '');
  return copy;
}

/** A mutation that must make the document invalid, and the field the refusal must name. */
interface Mutation {
  readonly doc: Json;
  readonly names: string;
  readonly what: string;
}

function mutations(doc: Json): fc.Arbitrary<Mutation> {
  const all = nodes(doc);
  const replace = all
    .filter(({ path }) => (INVALID[kindAt(path)] ?? []).length > 0)
    .flatMap(({ path }) =>
      (INVALID[kindAt(path)] ?? [])
        // A comma is only refused in image fields (it would split a DeleteImage list).
        .filter(
          (bad) => bad !== 'a,b' || ['imageId', 'url', 'videoId'].includes(String(path.at(-1))),
        )
        .map((bad) => ({
          doc: edit(doc, path, (parent, last) => {
            (parent as Record<string, Json>)[last] = bad;
          }),
          names: nameOf(path),
          what: `${nameOf(path)} = ${JSON.stringify(bad)}`,
        })),
    );
  const objects = [{ path: [] as Path, value: doc }, ...all].filter(
    ({ value }) => value !== null && typeof value === 'object' && !Array.isArray(value),
  );
  const add = objects.flatMap(({ path }) =>
    FOREIGN_KEYS.flatMap((k) =>
      FOREIGN_VALUES.map((v) => {
        const copy = structuredClone(doc);
        let target: Json = copy;
        for (const p of path) target = (target as Record<string, Json>)[p] as Json;
        // defineProperty: a plain assignment of __proto__ would set the prototype, not a key.
        Object.defineProperty(target, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return { doc: copy, names: nameOf([...path, k]), what: `+${nameOf([...path, k])}` };
      }),
    ),
  );
  const remove = all
    .filter(({ path }) => typeof path.at(-1) === 'string' && REQUIRED.has(path.at(-1) as string))
    .map(({ path }) => ({
      doc: edit(doc, path, (parent, last) => {
        Reflect.deleteProperty(parent, last);
      }),
      names: nameOf(path),
      what: `-${nameOf(path)}`,
    }));
  return fc.constantFrom(...replace, ...add, ...remove);
}

const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

describe('seed files: property', () => {
  const before = prototypeKeys();

  test('a valid file loads exactly as written', async () => {
    await fc.assert(
      fc.asyncProperty(validSeed, async (doc) => {
        const loaded = await readSeedFile(await fileWith(JSON.stringify(doc)));
        expect(loaded).toEqual(doc);
      }),
      { numRuns: 60 },
    );
  });

  test('every mutation that breaks a field is refused naming the file and the field', async () => {
    await fc.assert(
      fc.asyncProperty(
        validSeed.chain((doc) => mutations(doc)),
        async ({ doc, names, what }) => {
          const file = await fileWith(JSON.stringify(doc));
          const error = await failure(readSeedFile(file));
          expect(error, what).toBeInstanceOf(StateFileError);
          expect(error?.message, what).toContain(file);
          expect(error?.message, what).toContain(names);
          expect(error?.message, what).not.toMatch(/Cannot read|undefined|\[object/);
          expect(prototypeKeys()).toEqual(before);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        },
      ),
      { numRuns: 250 },
    );
    // 250 files written and read: seconds on an idle machine, past the default 30 s on a loaded
    // one (CI shares its cores); the deadline still bounds it.
  }, 120_000);

  test('startEmulator refuses the same mutations of accounts, STS tokens and images', async () => {
    await fc.assert(
      fc.asyncProperty(
        validSeed
          .chain((doc) => mutations(doc))
          .filter(({ names }) => /^(accounts|stsTokens|images)\[/.test(names)),
        async ({ doc, names, what }) => {
          const seed = doc as unknown as {
            images: [];
            accounts: AccountConfig[];
            stsTokens?: StsTokenConfig[];
          };
          let vod: RunningEmulator | undefined;
          const error = await failure(
            startEmulator({
              images: seed.images,
              accounts: seed.accounts,
              stsTokens: seed.stsTokens ?? [],
            }).then((v) => (vod = v)),
          );
          await vod?.close();
          expect(error, what).toBeInstanceOf(TypeError);
          expect(error?.message, what).toContain(names);
          expect(error?.message, what).not.toMatch(/Cannot read|\[object/);
        },
      ),
      { numRuns: 80 },
    );
  });

  test('the admin API refuses the same mutations of one account', async () => {
    const vod = await startEmulator();
    try {
      await fc.assert(
        fc.asyncProperty(
          validSeed
            .chain((doc) => mutations(doc))
            .filter(({ names }) => names.startsWith('accounts[0]')),
          async ({ doc, names, what }) => {
            const body = (doc as { accounts: Json[] }).accounts[0];
            const response = await fetch(`${vod.url}/__admin/accounts`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
            const answer = (await response.json()) as { error?: string };
            expect(response.status, what).toBe(400);
            // The body is one account: the admin API names its fields from `account`.
            expect(answer.error, what).toContain(names.replace(/^accounts\[0\]/, 'account'));
          },
        ),
        { numRuns: 60 },
      );
      expect(vod.keys.accountCount).toBe(1);
    } finally {
      await vod.close();
    }
  });
});
