/**
 * Loading credentials from a provider: bounded, checked, never quoting what a provider threw.
 * Loaded with the first call of a client whose credentials come from a provider (see
 * `send-loop.ts`); a client given credentials as values never needs it. It imports only what
 * the start bundle shares with lazy chunks already, so loading it later splits nothing.
 */
import { VodCredentialsError, VodError } from './errors.js';
import { credentialsProblem } from './client-options.js';
import type { ClientConfig } from './client-config.js';
import type { VodCredentials } from './credentials.js';
import type { Redactor } from './redact.js';
import { boundedWait } from './bounded-wait.js';

/**
 * What is safe to keep of an error that may quote a secret the client has never seen (a
 * credential provider's, which may quote the file or answer it read): its name and code when
 * they look like a class name and a system code, never its message.
 */
function withheld(error: unknown): Error {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
  };
  const copy = new Error('(message withheld: it may quote a credential)');
  if (typeof e.name === 'string' && /^[A-Z][A-Za-z]{0,30}Error$/.test(e.name)) copy.name = e.name;
  if (typeof e.code === 'string' && /^(E|ERR_)[A-Z_]{2,30}$/.test(e.code)) {
    (copy as { code?: string }).code = e.code;
  }
  return copy;
}

/**
 * The credentials from the client's provider, checked, their secrets taught to `redactor`. The
 * wait is bounded like an attempt's (a provider may read files or call an endpoint) and ends
 * with `signal`; a failure is a {@link VodCredentialsError} that never quotes the provider's
 * error (see {@link withheld}).
 */
export async function loadCredentials(
  { credentials, timeoutMs }: ClientConfig,
  redactor: Redactor,
  signal?: AbortSignal,
): Promise<VodCredentials> {
  let loaded: VodCredentials;
  try {
    loaded = await boundedWait(credentials(), timeoutMs, signal, () =>
      Promise.reject(
        new VodCredentialsError(`credentials provider did not answer within ${timeoutMs} ms`, {
          code: 'CredentialsFailed',
        }),
      ),
    );
  } catch (error) {
    if (error instanceof VodError || signal?.aborted === true) throw error;
    throw new VodCredentialsError('credentials provider failed', {
      code: 'CredentialsFailed',
      cause: withheld(error),
    });
  }
  // Before the shape check: a message about what was loaded must not show it either.
  if (typeof loaded === 'object' && (loaded as unknown) !== null) {
    redactor.remember(loaded.accessKeySecret, true);
    redactor.remember(loaded.securityToken, true);
  }
  // A provider is plain JavaScript: what it returns is held to the rules static ones are.
  const problem = credentialsProblem(loaded);
  if (problem !== undefined) {
    throw new VodCredentialsError(`${problem[0]}: ${problem[1]}`, { code: 'InvalidCredentials' });
  }
  return loaded;
}
