// Domain errors carry a locale key and its variables: adapters show them in the
// user's language (`ctx.t(error.key, error.vars)`), the CLI and API print the key.
export type DomainErrorCode = 'not-found' | 'forbidden' | 'invalid-transition' | 'conflict' | 'validation' | 'rate-limited';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    /** A key in locales/*.ftl, e.g. `error-forbidden`. */
    readonly key: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${code}: ${key}${Object.keys(vars).length ? ` ${JSON.stringify(vars)}` : ''}`);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
