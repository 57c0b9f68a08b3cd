/**
 * Reading what can still be read from a damaged library file: the bookmarks row by row (probing
 * id by id past a damaged page), the settings, and the reader's own sources and choices. A file
 * whose header alone is lost is read through a copy with the header rebuilt (header.ts).
 */
import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import * as v from 'valibot';
import { BookmarkRecordSchema, type BookmarkRecord } from '../../shared/articles.ts';
import { createLogger } from '../log.ts';
import { recordFields } from './bookmarks-repo.ts';
import { hasHeader, withRebuiltHeader } from './header.ts';

const log = createLogger('library');

/** What a damaged file still gave up. */
export interface Salvage {
  bookmarks: BookmarkRecord[];
  settings: [string, string][];
  sources: Record<string, unknown>[];
}

/**
 * Reads what it can from a damaged file, row by row; never throws. A file whose header is lost
 * (SQLite then calls it no database at all) is read through a copy with the header rebuilt.
 */
export function salvage(file: string): Salvage {
  const result: Salvage = { bookmarks: [], settings: [], sources: [] };
  const copy = hasHeader(file) ? null : withRebuiltHeader(file);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(copy ?? file, { readonly: true, fileMustExist: true });
  } catch {
    return result;
  }
  try {
    readInto(db, result);
  } catch (error) {
    log.warn('reading the damaged copy stopped', error);
  } finally {
    db.close();
    if (copy !== null) rmSync(copy, { force: true });
  }
  return result;
}

function readInto(db: BetterSqlite3.Database, result: Salvage): void {
  const seen = new Set<number>();
  const take = (row: Record<string, unknown>): void => {
    const id = Number(row.id);
    if (seen.has(id)) return;
    seen.add(id);
    const record = toRecord(row);
    if (record !== null) result.bookmarks.push(record);
  };
  let lastId = 0;
  try {
    for (const row of db.prepare('SELECT * FROM bookmarks ORDER BY id').iterate()) {
      take(row as Record<string, unknown>);
      lastId = (row as { id: number }).id;
    }
  } catch (error) {
    log.warn(`bookmark scan stopped after id ${lastId}; probing the rest`, error);
    // Past a damaged page, try each remaining id on its own.
    const probe = safe(() => db.prepare('SELECT * FROM bookmarks WHERE id = ?'));
    if (probe === undefined) return;
    const highest =
      safe(
        () =>
          db
            .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'bookmarks'")
            .pluck()
            .get() as number,
      ) ?? lastId + 10_000;
    for (let id = lastId + 1; id <= highest; id += 1) {
      const row = safe(() => probe.get(id) as Record<string, unknown> | undefined);
      if (row !== undefined) take(row);
    }
  }
  const settings = safe(
    () => db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[],
  );
  if (settings !== undefined) result.settings = settings.map((s) => [s.key, s.value]);
  // Absent before schema 30: then there is nothing of the reader's to recover.
  const sources = safe(
    () =>
      db
        .prepare(
          `SELECT id, type, url, title, region, profile, enabled, origin, reader_enabled, added_at
             FROM sources WHERE origin = 'user' OR reader_enabled IS NOT NULL`,
        )
        .all() as Record<string, unknown>[],
  );
  if (sources !== undefined) result.sources = sources;
}

export function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

function toRecord(row: Record<string, unknown>): BookmarkRecord | null {
  const time = (value: unknown): string | undefined =>
    typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : undefined;
  const parsed = v.safeParse(BookmarkRecordSchema, recordFields(row, time));
  return parsed.success ? parsed.output : null;
}
