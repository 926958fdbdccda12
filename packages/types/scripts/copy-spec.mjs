// Build step after `tsc -b`: ships the spec as `dist/openapi.yaml` and `dist/openapi.json` (for
// downstream doc builders and validators), and copies the generated declarations, which tsc does
// not emit because they are already `.d.ts`.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';

const packageDir = new URL('../', import.meta.url);
const specUrl = new URL('../../spec/vod.openapi.yaml', packageDir);
const dist = new URL('dist/', packageDir);

const yamlText = await readFile(specUrl, 'utf8');
// Expand YAML anchors so the JSON form is self-contained.
const document = parse(yamlText, { maxAliasCount: -1 });

await mkdir(new URL('generated/', dist), { recursive: true });
await writeFile(new URL('openapi.yaml', dist), yamlText);
await writeFile(new URL('openapi.json', dist), `${JSON.stringify(document, null, 2)}\n`);
await copyFile(
  new URL('src/generated/schema.d.ts', packageDir),
  new URL('generated/schema.d.ts', dist),
);
