/** Every wait of the consumer scenarios has a deadline: commands and long-running children. */
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCommand, runOk, startProcess } from '../src/processes.ts';

const node = process.execPath;
const cwd = tmpdir();

describe('runCommand', () => {
  it('resolves with the exit code and output of a failing command', async () => {
    const result = await runCommand(
      node,
      ['-e', 'console.log("out"); console.error("err"); process.exit(3)'],
      { cwd, timeoutMs: 10_000 },
    );
    expect(result).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('kills a command past its deadline and says so', async () => {
    const started = Date.now();
    await expect(
      runCommand(node, ['-e', 'setInterval(() => {}, 1000)'], { cwd, timeoutMs: 300 }),
    ).rejects.toThrow(/did not end within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('runOk rejects on a non-zero exit, showing what it printed', async () => {
    await expect(
      runOk(node, ['-e', 'console.error("boom"); process.exit(1)'], { cwd, timeoutMs: 10_000 }),
    ).rejects.toThrow(/exited 1[\s\S]*boom/);
  });
});

describe('startProcess', () => {
  it('resolves on the ready line, keeps collecting output, and stops the child', async () => {
    const child = await startProcess(
      node,
      [
        '-e',
        'console.error("listening on 4711"); setTimeout(() => console.log("later"), 50); setInterval(() => {}, 1000)',
      ],
      { cwd, ready: /listening on (\d+)/, timeoutMs: 10_000 },
    );
    expect(child.match[1]).toBe('4711');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.output()).toContain('later');
    await child.stop(2_000);
  });

  it('kills a child that never prints the ready line, at the deadline', async () => {
    await expect(
      startProcess(node, ['-e', 'setInterval(() => {}, 1000)'], {
        cwd,
        ready: /never/,
        timeoutMs: 300,
      }),
    ).rejects.toThrow(/printed nothing matching \/never\/ within 300 ms/);
  });

  it('rejects when the child exits before it is ready, with what it printed', async () => {
    await expect(
      startProcess(node, ['-e', 'console.error("port in use"); process.exit(1)'], {
        cwd,
        ready: /listening/,
        timeoutMs: 10_000,
      }),
    ).rejects.toThrow(/exited \(1\) before it was ready[\s\S]*port in use/);
  });

  it('SIGKILLs a child that ignores SIGTERM once the stop deadline passes', async () => {
    const child = await startProcess(
      node,
      ['-e', 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)'],
      { cwd, ready: /ready/, timeoutMs: 10_000 },
    );
    const started = Date.now();
    await child.stop(300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
