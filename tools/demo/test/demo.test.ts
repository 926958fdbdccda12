/** `pnpm demo` is the first thing a newcomer runs: it must keep working and keep telling the truth. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('pnpm demo', () => {
  it('deletes images through the emulator and every step behaves as it says', async () => {
    const { stdout } = await run('pnpm', ['exec', 'tsx', 'src/main.ts'], { timeout: 60_000 });
    const steps = stdout.split('\n').filter((line) => /^[✔✘] /.test(line));
    expect(steps.length).toBe(10);
    expect(steps.filter((line) => line.startsWith('✘'))).toEqual([]);
    expect(stdout).toContain('SignatureDoesNotMatch');
    expect(stdout).toContain('NoSuchResource');
    expect(stdout).toMatch(
      /authorization: ACS3-HMAC-SHA256 Credential=\S+,SignedHeaders=\S+,Signature=\*+/,
    );
  }, 90_000);
});
