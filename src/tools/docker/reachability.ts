import type Docker from 'dockerode';
import { ReignError, UnreachableError } from '../../core/errors.js';

/** Socket and network errors that mean the engine never got the call, not that it refused it. */
const CONNECTION_FAILURES = new Set(['ENOENT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

function isConnectionFailure(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return (syscall === 'connect' || syscall === 'getaddrinfo') && code !== undefined && CONNECTION_FAILURES.has(code);
}

/**
 * Makes a call that cannot reach the engine fail with one line naming the address, instead of
 * `connect ENOENT …` under whatever the step was doing. While no call of this client has reached
 * the engine, the failure is an `UnreachableError`: nothing was changed, so the failed step has
 * nothing to undo. Once one has, the engine went away mid-run and a step may be half done: the
 * failure is an ordinary one, and rollback is tried.
 */
export function reportUnreachable(client: Docker, address: string): Docker {
  const modem = client.modem;
  const dial = modem.dial.bind(modem);
  const message = `cannot reach the Docker engine at ${address} — is dockerd running?`;
  let reached = false;
  modem.dial = (options, callback) =>
    dial(options, (error, result) => {
      if (!isConnectionFailure(error)) {
        // An answer, even a refusal (404, 409), means the engine was there.
        if (!error || (error as { statusCode?: number }).statusCode) reached = true;
        return callback?.(error, result);
      }
      callback?.(reached ? new ReignError('failure', message, undefined, { cause: error }) : new UnreachableError(message, undefined, { cause: error }), result);
    });
  return client;
}
