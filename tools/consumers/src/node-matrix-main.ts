/**
 * `pnpm test:node-matrix`: the unit tier (`VODKIT_TEST_TIER=unit`) of every published package
 * (`packages/*`) on Node 22 and 24, the Node 20 run being `pnpm test` itself. Each run puts that Node first on PATH, so
 * pnpm, turbo's tasks and vitest all run on it, and names it in `VODKIT_TEST_NODE`: the shared
 * vitest config checks it against the Node it runs on and writes `.reports/vitest-node<major>.json`
 * (which CI's summary counts). Each run has a deadline.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { repoRoot } from '@vodkit/release-check/workspace-packages';
import { NODE_PINS, ensureNode } from './node-binaries.ts';

/** Deadline of one Node's unit run (the whole workspace's unit tier). */
const RUN_TIMEOUT_MS = 15 * 60_000;

/** Arguments after `--`, passed on to turbo. */
const extraArgs = process.argv.slice(2).filter((arg) => arg !== '--');

function runUnitTier(major: string, nodePath: string): Promise<number> {
  const env = {
    ...process.env,
    PATH: `${dirname(nodePath)}:${process.env['PATH'] ?? ''}`,
    VODKIT_TEST_TIER: 'unit',
    VODKIT_TEST_NODE: major,
  };
  return new Promise((resolve) => {
    // The published packages' suites: what users run on every Node. The tools' suites are the
    // repository's own machinery, run on Node 20 by `pnpm test`. Two packages at a time: their
    // suites wait on child processes and sockets as much as they compute, but more side by side
    // starve each other's timing tests on 2 cores. Extra arguments go to turbo (`-- --force`).
    const args = ['exec', 'turbo', 'run', 'test', '--filter=./packages/*', '--concurrency=2'];
    const child = spawn('pnpm', [...args, '--output-logs=errors-only', ...extraArgs], {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
      // A group of its own, so the deadline ends turbo and every task it started, not just pnpm.
      detached: true,
    });
    const timer = setTimeout(() => {
      console.error(`node-matrix: Node ${major} did not finish within ${RUN_TIMEOUT_MS} ms`);
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      console.error(`node-matrix: could not start pnpm: ${error.message}`);
      resolve(1);
    });
  });
}

let failed = false;
for (const major of Object.keys(NODE_PINS) as (keyof typeof NODE_PINS)[]) {
  const node = await ensureNode(major);
  const started = Date.now();
  const code = await runUnitTier(major, node.path);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `node-matrix: Node ${node.version} unit tier ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`,
  );
  if (code !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
