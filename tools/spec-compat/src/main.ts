/**
 * `pnpm spec:compat`: compares spec/vod.openapi.yaml with the last released spec and fails
 * when a breaking change has no changeset bumping `@vodkit/types` and its dependents enough.
 * `--base FILE` compares with that file instead of the released spec.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  diffSpecs,
  findReleasedSpec,
  judge,
  pendingBumps,
  readWorkspacePackages,
} from './compat.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { values } = parseArgs({ options: { base: { type: 'string' } } });
const work = mkdtempSync(join(tmpdir(), 'vodkit-spec-compat-'));
try {
  const released =
    values.base === undefined
      ? findReleasedSpec(root, work)
      : { path: values.base, source: values.base };
  if (released === undefined) {
    console.log(
      'spec compatibility: nothing released yet (no @vodkit/types@* tag, not on npm): nothing to compare',
    );
  } else {
    const diff = diffSpecs(
      released.path,
      join(root, 'spec', 'vod.openapi.yaml'),
      join(work, 'diff'),
    );
    const verdict = judge(diff, await pendingBumps(root), readWorkspacePackages());
    console.log(`spec compatibility against ${released.source}:`);
    for (const line of verdict.lines) console.log(`  ${line}`);
    process.exitCode = verdict.ok ? 0 : 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
