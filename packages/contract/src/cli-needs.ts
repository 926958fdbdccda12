/**
 * The "n/a" reasons of the CLI in its own words: the runner names what a check needs by the
 * target's option names (`deletableIds`, `sts`), which a person at a shell never typed; here each
 * is the flag that gives it (`--deletable-ids (13)`, `--sts-key and --expired-sts-key`).
 */
import type { Check, Need } from './check.js';
import { KEY_FIXTURES } from './cli-options.js';

const POOL_FLAGS = {
  deletableIds: ['ids', '--deletable-ids'],
  deletableUrls: ['urls', '--deletable-urls'],
  deletableVideoIds: ['videos', '--deletable-video-ids'],
} as const;

/** What a needs line of the CLI says of one need. */
function needFlag(need: string, check: Check | undefined): string {
  if (need in POOL_FLAGS) {
    const [kind, flag] = POOL_FLAGS[need as keyof typeof POOL_FLAGS];
    const n = check?.deletes?.[kind];
    return n === undefined ? flag : `${flag} (${n})`;
  }
  const key = (KEY_FIXTURES as Readonly<Record<string, { readonly flag: string }>>)[need];
  if (key !== undefined) return `--${key.flag}`;
  const text: Readonly<Partial<Record<Need, string>>> = {
    sts: `--${KEY_FIXTURES.stsValid.flag} and --${KEY_FIXTURES.stsExpired.flag}`,
    seed: 'a target that seeds images (--emulator-admin)',
    lookup: 'a target that looks images up (--emulator-admin)',
  };
  if (need.startsWith('destructive')) {
    return 'permission to delete (a --deletable-… list, or --emulator-admin)';
  }
  return text[need as Need] ?? need;
}

/**
 * `message` (a runner's `needs a, b`) with each need named by its flag; any other message as
 * it is.
 */
export function cliNeedsMessage(message: string, check: Check | undefined): string {
  if (!message.startsWith('needs ')) return message;
  const all = message.slice('needs '.length).split(', ');
  // Naming what may be deleted is the permission to delete it: the pool flags say both.
  const needs = all.some((need) => need in POOL_FLAGS)
    ? all.filter((need) => !need.startsWith('destructive'))
    : all;
  return `needs ${needs.map((need) => needFlag(need, check)).join(', ')}`;
}
