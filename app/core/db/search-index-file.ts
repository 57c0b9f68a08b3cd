/** A library's search index file (search-index.ts): where it lives, its damage marker, deleting it, and what counts as damage. */
import { rmSync } from 'node:fs';

/** The index file of a library file. */
export function searchIndexFile(libraryFile: string): string {
  return `${libraryFile}.search`;
}

/** Marks an index file found damaged while the app runs: the next open rebuilds it. */
export function damageMarker(indexFile: string): string {
  return `${indexFile}.damaged`;
}

/** Deletes a library's index file (with its WAL): it is rebuilt from the articles. */
export function removeSearchIndex(libraryFile: string): void {
  removeIndexFile(searchIndexFile(libraryFile));
}

/** Deletes an index file with its WAL, shared memory and damage marker. */
export function removeIndexFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '.damaged'])
    rmSync(`${file}${suffix}`, { force: true });
}

/** SQLite's codes for a damaged file, on the error or on what it wraps (storage-error.ts). */
export function isDamage(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
    return true;
  return cause !== undefined && cause !== error && isDamage(cause);
}
