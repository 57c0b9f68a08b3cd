/** Errors that cross the contract boundary travel as plain data: `{ code, message }`. */

export const ERROR_CODES = [
  'BAD_ARGUMENT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'NOT_FOUND',
  /** The change conflicts with what is there: a duplicate, or a source that cannot be removed. */
  'CONFLICT',
  'STORAGE',
  'DATABASE_TOO_NEW',
  /** The library's process stopped before it answered; it is being restarted. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  readonly code: ErrorCode;
  readonly message: string;
}

export class NewsApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NewsApiError';
    this.code = code;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

/** What every transport carries back for one call. */
export type CallResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorPayload };

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return (
    typeof message === 'string' &&
    typeof code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(code)
  );
}

/** Turns a transported result back into a value, or throws the error it carries. */
export function unwrapResult(result: unknown): unknown {
  if (typeof result === 'object' && result !== null) {
    const r = result as Record<string, unknown>;
    if (r.ok === true && 'value' in r) return r.value;
    if (r.ok === false && isErrorPayload(r.error)) {
      throw new NewsApiError(r.error.code, r.error.message);
    }
  }
  throw new NewsApiError('INTERNAL', 'The app answered with something it does not understand.');
}
