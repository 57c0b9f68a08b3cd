/**
 * Rebuilding a lost SQLite header (the file's first 100 bytes) from what the rest of the file
 * shows, so that a library whose header alone was overwritten still gives up its bookmarks. The
 * layout is SQLite's documented file format (https://www.sqlite.org/fileformat2.html#the_database_header);
 * the values that cannot be inferred are set so that SQLite derives them: the page count from the
 * file's size (the "version valid for" number does not match the change counter), no freelist.
 */
import { closeSync, copyFileSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const PAGE_SIZES = [16384, 4096, 65536, 32768, 8192, 2048, 1024, 512];
/** B-tree page types: interior/leaf index, interior/leaf table. */
const PAGE_TYPES = new Set([2, 5, 10, 13]);

/** True when the file starts with SQLite's magic string (a header SQLite can read). */
export function hasHeader(file: string): boolean {
  const head = Buffer.alloc(MAGIC.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a copy of `file` beside it with a header rebuilt for the page size under which SQLite
 * can read its schema and bookmarks; returns the copy's path, or null (and no copy) when no page
 * size fits. Sizes whose second page starts like a b-tree page are tried first.
 */
export function withRebuiltHeader(file: string): string | null {
  const size = statSync(file).size;
  const copy = `${file}.header-rebuilt`;
  const candidates = PAGE_SIZES.filter((p) => size >= 2 * p && size % p === 0).sort(
    (a, b) => Number(startsPage(file, b)) - Number(startsPage(file, a)),
  );
  if (candidates.length === 0) return null;
  copyFileSync(file, copy);
  for (const pageSize of candidates) {
    writeHeader(copy, pageSize);
    if (readable(copy)) return copy;
  }
  rmSync(copy, { force: true });
  return null;
}

/** The byte at `offset` (the start of page 2 at that page size) is a b-tree page type. */
function startsPage(file: string, offset: number): boolean {
  const byte = Buffer.alloc(1);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
  return PAGE_TYPES.has(byte[0] ?? 0);
}

function writeHeader(file: string, pageSize: number): void {
  const header = Buffer.alloc(100);
  MAGIC.copy(header, 0);
  header.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  header[18] = 1; // legacy (rollback) journal: the copy is read without a WAL of its own
  header[19] = 1;
  header[20] = 0; // reserved bytes per page
  header[21] = 64; // payload fractions, fixed by the format
  header[22] = 32;
  header[23] = 32;
  header.writeUInt32BE(1, 24); // change counter ≠ version-valid-for: page count from file size
  header.writeUInt32BE(1, 40); // schema cookie
  header.writeUInt32BE(4, 44); // schema format 4
  header.writeUInt32BE(1, 56); // UTF-8
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
}

function readable(file: string): boolean {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      db.prepare('SELECT count(*) FROM bookmarks').get();
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
