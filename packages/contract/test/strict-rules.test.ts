/**
 * Which rules the suite holds a target to follows the spec's own markers: every rule the spec
 * marks as vodkit's (`x-vodkit-rules`) has a strict-only case, and no strict-only case stands
 * for a rule the spec does not mark.
 */
import { expect, it } from 'vitest';
import { loadSpec } from '@vodkit/emulator';
import { invalidCases } from '../src/index.ts';

/** `Schema.keyword` for every x-vodkit-rules marker under each component schema. */
function specMarkers(): string[] {
  const found: string[] = [];
  const walk = (schema: string, node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(schema, item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'x-vodkit-rules')
          found.push(...Object.keys(value as object).map((k) => `${schema}.${k}`));
        else walk(schema, value);
      }
    }
  };
  for (const [name, schema] of Object.entries(loadSpec().components.schemas)) walk(name, schema);
  return found.sort();
}

it('every x-vodkit-rules marker has a strict-only case, and every strict-only case a marker', () => {
  const markers = specMarkers();
  expect(markers.length).toBeGreaterThan(5);
  const cases = invalidCases('x').flatMap((c) =>
    c.vodkitRule === undefined ? [] : [c.vodkitRule],
  );
  expect([...new Set(cases)].sort()).toEqual(markers);
});
