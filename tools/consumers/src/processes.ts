/**
 * Child processes with deadlines: every command a consumer scenario runs ends by itself or is
 * killed, and a long-running server (the registry, the emulator) is only ever waited for up to a
 * deadline, at start and at stop.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** How a finished command ended: its exit code (`null` when a signal ended it) and its output. */
export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how to run a command. `timeoutMs` is required: nothing here waits forever. */
export interface RunOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs `command` to its end and resolves with how it ended, whatever its exit code, so a test can
 * assert a failure (a type error, a failing contract run). Rejects only when it cannot start or
 * when `timeoutMs` passes (the process is killed, and the error names the command and the deadline).
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 32 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, stdout, stderr });
          return;
        }
        if (error.killed) {
          reject(
            new Error(
              `${command} ${args.join(' ')} did not end within ${options.timeoutMs} ms\n${stderr}`,
            ),
          );
          return;
        }
        if (typeof error.code === 'number' || error.signal != null) {
          resolve({ code: typeof error.code === 'number' ? error.code : null, stdout, stderr });
          return;
        }
        reject(new Error(`${command} could not run: ${error.message}`, { cause: error }));
      },
    );
  });
}

/** Like {@link runCommand}, and rejects unless the command exits 0, showing what it printed. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${String(result.code)}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/** A long-running child that printed what it was waited for. */
export interface RunningProcess {
  /** The first match of the pattern it was started with. */
  readonly match: RegExpExecArray;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM, then SIGKILL when it has not exited within `timeoutMs`; resolves once it exited. */
  stop(timeoutMs?: number): Promise<void>;
}

/** How to start a long-running child: what to wait for, and for how long. */
export interface StartOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Matched against all it prints (stdout and stderr); the start succeeds on the first match. */
  readonly ready: RegExp;
  readonly timeoutMs: number;
}

/**
 * Starts `command` and resolves once its output matches `ready`. Rejects, after killing it, when
 * it exits first or `timeoutMs` passes, with what it printed.
 */
export function startProcess(
  command: string,
  args: readonly string[],
  options: StartOptions,
): Promise<RunningProcess> {
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.once('error', () => {
      resolve();
    });
  });
  const stop = async (timeoutMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([
      exited.then(() => false),
      delay(timeoutMs).then(() => true),
    ]);
    if (killed) {
      child.kill('SIGKILL');
      await Promise.race([exited, delay(timeoutMs)]);
    }
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop(2_000).then(() => {
        reject(new Error(`${command} ${args.join(' ')} ${why}\n${printed}`));
      });
    };
    const timer = setTimeout(() => {
      fail(`printed nothing matching ${String(options.ready)} within ${options.timeoutMs} ms`);
    }, options.timeoutMs);
    const onData = (chunk: Buffer): void => {
      printed += chunk.toString('utf8');
      const match = options.ready.exec(printed);
      if (match === null || settled) return;
      settled = true;
      clearTimeout(timer);
      detach(child);
      resolve({ match, output: () => printed, stop });
    };
    // Keep collecting after the start, for `output()`, without holding the match handler.
    const detach = (c: ChildProcess): void => {
      c.stdout?.off('data', onData);
      c.stderr?.off('data', onData);
      const keep = (chunk: Buffer): void => {
        printed += chunk.toString('utf8');
      };
      c.stdout?.on('data', keep);
      c.stderr?.on('data', keep);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      fail(`could not start: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      fail(`exited (${signal ?? String(code)}) before it was ready`);
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
