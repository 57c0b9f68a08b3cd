import { NewsApiError } from '../../shared/errors.ts';

/**
 * A failed write, in words for the reader. better-sqlite3 rolls the transaction back before the
 * error reaches us, so "nothing was saved" is true of the failed action, and everything committed
 * before it is untouched.
 */
export function storageError(action: string, error: unknown): NewsApiError {
  if (error instanceof NewsApiError) return error;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  let why: string;
  if (code === 'SQLITE_FULL') why = 'the disk is full';
  else if (code.startsWith('SQLITE_READONLY')) why = 'the library folder is read-only';
  else if (code.startsWith('SQLITE_IOERR')) why = 'the disk reported an error';
  else if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    why = 'another program is using the library';
  else if (code.startsWith('SQLITE_CORRUPT'))
    why = 'the library file is damaged; restart the app to repair it';
  else why = (error as Error).message;
  return new NewsApiError('STORAGE', `Could not ${action}: ${why}. Nothing was changed.`, {
    cause: error,
  });
}
