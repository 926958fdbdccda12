/**
 * Whether a target can be reached at all, asked once before any check runs: a target that is
 * down is one line naming the URL and the cause (exit 2), not every check failing on the same
 * `ECONNREFUSED`.
 */
import { printableLine } from './printable.js';
import { send } from './wire.js';

/** Causes by the `code` Node gives a failed connection, in words a person acts on. */
const CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (ECONNREFUSED): nothing listens on that port',
  ENOTFOUND: 'DNS: no such host (ENOTFOUND)',
  EAI_AGAIN: 'DNS: the name could not be resolved now (EAI_AGAIN)',
  ETIMEDOUT: 'the connection timed out (ETIMEDOUT)',
  ECONNRESET: 'the connection was reset (ECONNRESET)',
  EHOSTUNREACH: 'no route to the host (EHOSTUNREACH)',
  ENETUNREACH: 'the network is unreachable (ENETUNREACH)',
  EPIPE: 'the connection was closed while sending (EPIPE)',
  HPE_INVALID_CONSTANT: 'the answer is not HTTP (HPE_INVALID_CONSTANT)',
};

/** Why a request failed, as one printable line (the error's code in words, else its message). */
export function causeOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code !== undefined && Object.hasOwn(CAUSES, code)) return CAUSES[code] ?? code;
  const message = typeof e?.message === 'string' && e.message !== '' ? e.message : String(error);
  const text = code === undefined || message.includes(code) ? message : `${message} (${code})`;
  return printableLine(text.split('\n')[0] ?? text);
}

/** A target (or its admin API) that cannot be reached; the message is one line. */
export class TargetUnreachableError extends Error {
  override readonly name = 'TargetUnreachableError';
  constructor(
    /** What could not be reached (an origin, or an admin URL). */
    readonly url: string,
    /** Why, in words (see {@link causeOf}). */
    readonly reason: string,
  ) {
    super(`cannot reach ${url}: ${reason}`);
  }
}

/**
 * Sends one unsigned `GET /` to `origin` and resolves when any complete HTTP answer comes back,
 * whatever its status (a DeleteImage endpoint answers an unsigned call with an error, which is
 * fine). Rejects with a {@link TargetUnreachableError} otherwise, within `timeoutMs`.
 */
export async function probe(
  origin: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await send({ method: 'GET', url: `${origin}/`, headers: {} }, timeoutMs, { signal });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new TargetUnreachableError(origin, causeOf(error));
  }
}
