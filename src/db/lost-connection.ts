// A statement that failed because its connection was lost (PostgreSQL restarted, a failover,
// pg_terminate_backend, a dropped socket) fails before doing anything: a read may simply be
// tried again on a fresh connection from the pool. Writes are not retried here: whether a
// lost COMMIT took effect is unknown, so they go through their callers' own handling.

/** SQLSTATE classes and codes of a lost or refused connection; driver messages without one. */
const lostConnectionCode = /\b(57P0[1-3]|08[0-9A-Z]{3})\b/;
const lostConnectionMessage = /Connection terminated|connection is closed|Client has encountered a connection error|ECONNRESET|ECONNREFUSED|EPIPE/i;

export function isLostConnection(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && lostConnectionCode.test(code)) return true;
    if (lostConnectionCode.test(cause.message) || lostConnectionMessage.test(cause.message)) return true;
  }
  return false;
}

/** Runs a read, and once more if its connection was lost. */
export async function readRetryingLostConnection<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isLostConnection(error)) throw error;
    return read();
  }
}
