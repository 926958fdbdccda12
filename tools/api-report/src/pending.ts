/**
 * Problems known and left for their owners: matched by file and message ID (not line, which
 * moves), reported as pending instead of failing the check. An entry that matches nothing any
 * more fails the check, so a fixed problem leaves this list in the same change.
 */

/** A known problem in one file: the message IDs it raises there, and why it waits. */
export interface PendingProblem {
  readonly file: string;
  readonly ids: readonly string[];
  readonly why: string;
}

/** Who fixes each and how: every one is an `@example` to fence with a ts code block. */
export const PENDING: readonly PendingProblem[] = [];

/** The pending entry `problem` falls under, if any. */
export function pendingFor(problem: {
  readonly id: string;
  readonly where?: string;
}): PendingProblem | undefined {
  const file = problem.where?.replace(/:\d+:\d+$/, '');
  return PENDING.find((pending) => pending.file === file && pending.ids.includes(problem.id));
}
