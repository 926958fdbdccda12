/** `pnpm release:check`: the one release verdict (see verdict.ts); exit 1 with each reason. */
import { repoRoot } from '@vodkit/release-check/workspace-packages';
import { releaseVerdict, verdictLines } from './verdict.ts';

const verdict = await releaseVerdict(repoRoot);
for (const line of verdictLines(verdict)) console.log(line);
process.exitCode = verdict.ok ? 0 : 1;
