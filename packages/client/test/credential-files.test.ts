/**
 * Credentials from files and the environment, as hostile input: the INI parser agrees with
 * Alibaba's own (`@alicloud/credentials`, which uses the same `ini` package) and never writes
 * `Object.prototype`; malformed, `null`, directory, FIFO and oversized files give an error
 * naming the file and the problem; environment variables never mix families.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  VodCredentialsError,
  fromAliyunConfig,
  fromCredentialsFile,
  fromEnv,
  isCredentialsNotFound,
  parseIni,
} from '../src/node/index.ts';

const require = createRequire(import.meta.url);
const alibaba = require('@alicloud/credentials/dist/src/util/utils.js') as {
  loadIni(path: string): Promise<Record<string, Record<string, unknown>>>;
};

const dir = mkdtempSync(join(tmpdir(), 'vodkit-credfiles-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
let n = 0;
const file = (text: string): string => {
  n += 1;
  const path = join(dir, `f${n}`);
  writeFileSync(path, text);
  return path;
};
const SECRET = 'TOP-SECRET-VALUE';

/** Sections with their string values, as plain objects, for comparing. */
const plain = (sections: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(sections).flatMap(([name, section]) =>
      typeof section === 'object' && section !== null
        ? [
            [
              name,
              Object.fromEntries(Object.entries(section).filter(([, v]) => typeof v === 'string')),
            ],
          ]
        : [],
    ),
  );

describe('parseIni agrees with @alicloud/credentials', () => {
  const cases = [
    '[default]\naccess_key_id = LTAI5t\naccess_key_secret = abc',
    '[default]\naccess_key_id = "quoted ; not a comment"\naccess_key_secret = \'single\'',
    '[default]\naccess_key_secret = abc ; an inline comment\ntoken = a#b',
    '; comment\n# comment\n[p1]\n  spaced   =   value  \nempty =\n[p2]\nk=v=w',
    '[default]\r\naccess_key_id = crlf\r\naccess_key_secret = s\r\n',
    '[__proto__]\npolluted = yes\n[default]\n__proto__ = x\nconstructor = y',
    'top = level\n[a]\nk = 1\n[a]\nk = 2\nj = 3',
  ];
  it.each(cases)('%j', async (text) => {
    const path = file(text);
    expect(plain(await parseIni(text))).toEqual(plain(await alibaba.loadIni(path)));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('on random INI-like files', async () => {
    const key = fc.constantFrom('access_key_id', 'access_key_secret', 'type', '__proto__', 'k');
    const raw = fc.string({ maxLength: 10 });
    const line = fc.oneof(
      fc.tuple(key, raw).map(([k, v]) => `${k} = ${v}`),
      fc.tuple(key, raw).map(([k, v]) => `${k}="${v}"`),
      fc.constantFrom('[default]', '[prod]', '[__proto__]', '; c', '# c', ''),
      raw,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
        const text = lines.join('\n');
        expect(plain(await parseIni(text))).toEqual(plain(await alibaba.loadIni(file(text))));
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('builds null-prototype maps, so a [constructor] or [__proto__] section finds nothing inherited', async () => {
    const sections = await parseIni('[default]\naccess_key_id = a');
    expect(Object.getPrototypeOf(sections)).toBeNull();
    expect(Object.getPrototypeOf(sections['default'])).toBeNull();
    const provider = fromCredentialsFile({
      path: file('[default]\nk = v'),
      profile: 'constructor',
      env: {},
    });
    expect(isCredentialsNotFound(await provider().catch((e: unknown) => e))).toBe(true);
  });
});

/** The error a provider rejects with. */
const failure = (p: Promise<unknown>): Promise<VodCredentialsError> =>
  p.then(
    () => {
      throw new Error('resolved');
    },
    (e: unknown) => e as VodCredentialsError,
  );

describe('hostile files are refused naming the file and the problem, never the contents', () => {
  it('a directory, a FIFO, an oversized file; JSON that is null or broken', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const huge = file(`[default]\naccess_key_id = a\n${'x'.repeat(2 * 1024 * 1024)}`);
    const nullJson = file('null');
    const brokenJson = file(`{"profiles": [${SECRET}`);
    const oddProfiles = file('{"profiles": [null, 7, {"name": "default"}]}');
    // Each provider starts when the loop awaits it: none may reject unobserved.
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [fromCredentialsFile({ path: dir, env: {} }), dir, /not a regular file \(a directory\)/],
      [fromCredentialsFile({ path: fifo, env: {} }), fifo, /not a regular file \(a FIFO/],
      [
        fromCredentialsFile({ path: huge, env: {} }),
        huge,
        /holds \d+ bytes; a credentials file holds at most/,
      ],
      [fromAliyunConfig({ path: nullJson, env: {} }), nullJson, /must hold a JSON object/],
      [fromAliyunConfig({ path: brokenJson, env: {} }), brokenJson, /not valid JSON/],
      [fromAliyunConfig({ path: oddProfiles, env: {} }), oddProfiles, /lacks access_key_id/],
    ];
    for (const [provider, where, problem] of cases) {
      const error = await failure(provider());
      expect(error).toBeInstanceOf(VodCredentialsError);
      expect(error.code).toBe('CredentialsMalformed');
      expect(error.message).toContain(where);
      expect(error.message).toMatch(problem);
      expect(error.message).not.toContain(SECRET);
    }
  }, 20_000);
});

describe('environment variables come from one family', () => {
  it('never signs one family’s ID with another’s secret', async () => {
    const mixed = await failure(
      fromEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-a', ALICLOUD_SECRET_KEY: SECRET })(),
    );
    expect(mixed.code).toBe('CredentialsMalformed');
    expect(mixed.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET is missing');
    expect(mixed.message).not.toContain(SECRET);
  });

  it('takes the token from the same family only', async () => {
    await expect(
      fromEnv({
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-a',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's-a',
        SECURITY_TOKEN: 'someone-elses-token',
      })(),
    ).resolves.toEqual({ accessKeyId: 'id-a', accessKeySecret: 's-a' });
    await expect(
      fromEnv({
        ALICLOUD_ACCESS_KEY: 'id-t',
        ALICLOUD_SECRET_KEY: 's-t',
        ALICLOUD_SECURITY_TOKEN: 'tok',
      })(),
    ).resolves.toEqual({ accessKeyId: 'id-t', accessKeySecret: 's-t', securityToken: 'tok' });
  });

  it('ignores inherited names: an env object with a prototype finds nothing there', async () => {
    const env = Object.create({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'inherited' }) as Record<
      string,
      string
    >;
    expect(isCredentialsNotFound(await fromEnv(env)().catch((e: unknown) => e))).toBe(true);
  });
});
