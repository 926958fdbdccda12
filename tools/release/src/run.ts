/**
 * The commands a release runs, each with a deadline: `step` shows a command's output as it goes
 * (a release is watched), `capture` returns it. Both throw a {@link ReleaseError} naming the
 * command when it fails or outlives its deadline.
 */
import { spawnSync } from 'node:child_process';

/** A release step that failed; its message says which step and why, and is safe to print. */
export class ReleaseError extends Error {
  override readonly name = 'ReleaseError';
}

/** Where and how long a command runs. */
export interface CommandOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

function check(
  command: string,
  args: readonly string[],
  options: CommandOptions,
  result: ReturnType<typeof spawnSync>,
  output: string,
): void {
  const shown = `${command} ${args.join(' ')}`;
  if (result.error !== undefined) {
    const timedOut = (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    throw new ReleaseError(
      timedOut
        ? `${shown} did not end within ${options.timeoutMs} ms`
        : `${shown} could not run: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    throw new ReleaseError(
      `${shown} exited ${String(result.status ?? result.signal)}${output === '' ? '' : `\n${output}`}`,
    );
  }
}

/** Runs a command with its output shown (inherited stdio) and throws unless it exits 0. */
export function step(command: string, args: readonly string[], options: CommandOptions): void {
  const result = spawnSync(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: 'inherit',
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
  });
  check(command, args, options, result, '');
}

/** Runs a command and returns its stdout; throws unless it exits 0, with what it printed. */
export function capture(command: string, args: readonly string[], options: CommandOptions): string {
  const result = spawnSync(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  check(command, args, options, result, `${result.stdout}${result.stderr}`.slice(-4000));
  return result.stdout;
}
