/**
 * The gate as one call: finds the base (the released spec, or a file given instead), diffs the
 * repository's spec with it and judges the pending changesets. `pnpm spec:compat` prints its
 * lines; `pnpm release:check` joins its verdict with the other release reasons.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  diffSpecs,
  findReleasedSpec,
  judge,
  pendingBumps,
  readWorkspacePackages,
} from './compat.ts';
import type { SpecChange } from './compat.ts';

/** The gate's answer for a repository. */
export interface GateReport {
  readonly ok: boolean;
  /** What it compared with (`git tag ...`, `commit ...`, a file), or why it compared nothing. */
  readonly base: string;
  /** Whether there was a base at all (false before the first release of `@vodkit/types`). */
  readonly compared: boolean;
  readonly breaking: readonly SpecChange[];
  /** The lines a reader needs: the breaking changes, the bumps missing, or why nothing was compared. */
  readonly lines: readonly string[];
}

/** How to run the gate. */
export interface GateOptions {
  /** Compare with this spec file instead of the released one. */
  readonly base?: string;
}

/** Runs the breaking-change gate on the repository at `root`. */
export async function runGate(root: string, options: GateOptions = {}): Promise<GateReport> {
  const work = mkdtempSync(join(tmpdir(), 'vodkit-spec-compat-'));
  try {
    const found =
      options.base === undefined
        ? findReleasedSpec(root, work)
        : ({ kind: 'released', spec: { path: options.base, source: options.base } } as const);
    if (found.kind === 'unreleased') {
      return {
        ok: true,
        base: found.reason,
        compared: false,
        breaking: [],
        lines: [`${found.reason}: nothing to compare`],
      };
    }
    const diff = diffSpecs(
      found.spec.path,
      join(root, 'spec', 'vod.openapi.yaml'),
      join(work, 'diff'),
    );
    const verdict = judge(diff, await pendingBumps(root), readWorkspacePackages(root));
    return { ...verdict, base: found.spec.source, compared: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
