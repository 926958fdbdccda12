/**
 * `pnpm spec:compat`: compares spec/vod.openapi.yaml with the last released spec (see
 * `findReleasedSpec`: the tag, else the commit that set `@vodkit/types`' version) and fails when
 * a breaking change has no changeset bumping `@vodkit/types` and its dependents enough.
 * `--base FILE` compares with that file instead; `--root DIR` checks another repository.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runGate } from './gate.ts';

const { values } = parseArgs({ options: { base: { type: 'string' }, root: { type: 'string' } } });
const root =
  values.root === undefined
    ? fileURLToPath(new URL('../../../', import.meta.url))
    : resolve(values.root);
const report = await runGate(root, values.base === undefined ? {} : { base: values.base });
console.log(report.compared ? `spec compatibility against ${report.base}:` : 'spec compatibility:');
for (const line of report.lines) console.log(`  ${line}`);
process.exitCode = report.ok ? 0 : 1;
