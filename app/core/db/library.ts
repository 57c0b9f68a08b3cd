/**
 * Opening the library file safely: a damaged file is moved aside (never deleted), a fresh one is
 * started, and the bookmarks (and settings, and the reader's sources and source choices) are
 * recovered from the damaged copy as far as it can still be read. The notices say what happened, in words for the reader.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { NewsApiError } from '../../shared/errors.ts';
import { noticeText } from '../../shared/notices.ts';
import { createLogger } from '../log.ts';
import { bookmarksRepo } from './bookmarks-repo.ts';
import { openDatabase, type Database } from './database.ts';
import { CRITICAL_TABLES } from './integrity.ts';
import { closeSearchIndex, openSearchIndex } from './search-index.ts';
import { removeSearchIndex } from './search-index-file.ts';
import { safe, salvage, type Salvage } from './salvage.ts';

const log = createLogger('library');

export interface OpenedLibrary {
  readonly db: Database;
  readonly notices: readonly string[];
}

const CORRUPTION_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_VTAB',
]);

class DamagedFile extends Error {}

function isDamage(error: unknown): boolean {
  if (error instanceof DamagedFile) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && CORRUPTION_CODES.has(code);
}

/** What the reader is told when damage is found while the library is open. */
export const LIBRARY_DAMAGED = noticeText({ kind: 'damaged' });

/** Marks a library that the background check found damaged, so the next start repairs it. */
export function repairMarker(file: string): string {
  return `${file}.needs-repair`;
}

export interface OpenLibraryOptions {
  /** Check every page before opening (slow on big libraries; `heitu check` and tests). */
  readonly fullCheck?: boolean;
  readonly now?: Date;
  /** How long a search waits for the index to catch up (ms; tests shorten it). */
  readonly searchSettleMs?: number;
  /** The indexing thread yields the CPU to the reader's (search-index.ts, `background`). */
  readonly backgroundIndexing?: boolean;
}

/**
 * Opens `file`, checking it first; see the module comment for what happens to a damaged one. Then
 * attaches its search index (search-index.ts), which replaces a damaged index file itself: an
 * error there is never taken for damage to the library.
 */
export function openLibrary(file: string, options: OpenLibraryOptions = {}): OpenedLibrary {
  const opened = openChecked(file, options);
  try {
    const index = openSearchIndex(opened.db, {
      check: options.fullCheck === true,
      settleMs: options.searchSettleMs,
      background: options.backgroundIndexing,
    });
    if (index.rebuilt === 'damaged' && options.fullCheck === true) {
      const notice = noticeText({ kind: 'index-rebuilt' });
      return { db: opened.db, notices: [...opened.notices, notice] };
    }
  } catch (error) {
    opened.db.close();
    throw error;
  }
  return opened;
}

/** Closes a library openLibrary opened, its search index's worker first. */
export function closeLibrary(db: Database): void {
  if (!db.open) return;
  closeSearchIndex(db);
  db.close();
}

/** Leaves the marker that makes the next start repair `file` (the background check found damage). */
export function markForRepair(file: string, why: string, now: Date): void {
  try {
    writeFileSync(repairMarker(file), `${now.toISOString()} ${why}\n`);
  } catch (error) {
    log.error('could not mark the library for repair', error);
  }
}

function openChecked(file: string, options: OpenLibraryOptions): OpenedLibrary {
  const now = options.now ?? new Date();
  try {
    if (existsSync(repairMarker(file)))
      throw new DamagedFile('marked for repair by the last check');
    // SQLite would take an empty file for a new library and fill it: a library lost that way
    // (a full disk, a sync tool) must be kept and said, not replaced in silence.
    if (isEmptyFile(file) && !hasContent(`${file}-wal`)) throw new DamagedFile(EMPTY);
    const db = openDatabase(file);
    try {
      const checks =
        options.fullCheck === true
          ? ['quick_check']
          : CRITICAL_TABLES.map((t) => `quick_check(${t})`);
      for (const pragma of checks) {
        const check = db.pragma(pragma, { simple: true });
        if (check !== 'ok') throw new DamagedFile(String(check));
      }
      return { db, notices: [] };
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    if (error instanceof NewsApiError || !isDamage(error)) throw error;
    log.error(`the library ${file} is damaged: ${(error as Error).message}`);
    return recover(file, now, (error as Error).message === EMPTY);
  }
}

const EMPTY = 'the file is empty';

function isEmptyFile(file: string): boolean {
  return existsSync(file) && statSync(file).size === 0;
}

function hasContent(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

/** Where a repair builds the new library, moved into place only once it is complete. */
const repairedFile = (file: string): string => `${file}.repaired`;

const RESUMED = noticeText({ kind: 'repair-resumed' });

function removeWithJournal(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Repairs `file`, so that a repair cut short anywhere (a crash, a kill) is taken up again at the
 * next start and loses nothing: the marker is written first; the new library is built beside the
 * damaged one and closed; only then is the damaged file moved aside and the new one moved into
 * its place; the marker goes last.
 */
function recover(file: string, now: Date, empty = false): OpenedLibrary {
  const marker = repairMarker(file);
  const fresh = repairedFile(file);
  if (!existsSync(file)) {
    // Stopped between moving the damaged file aside and moving the new one in: finish the move.
    const resumed = existsSync(fresh) && existsSync(marker);
    if (resumed) renameSync(fresh, file);
    rmSync(marker, { force: true });
    removeSearchIndex(file);
    return { db: openDatabase(file), notices: resumed ? [RESUMED] : [] };
  }
  if (!existsSync(marker)) markForRepair(file, empty ? EMPTY : 'found damaged at start', now);
  const salvaged = salvage(file);
  removeWithJournal(fresh); // half built by a repair that was cut short
  const built = openDatabase(fresh);
  let restored: number;
  try {
    restored = restore(built, salvaged, now);
  } finally {
    built.close(); // folds its WAL into the file, so the file alone is the new library
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.damaged-${stamp}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${aside}${suffix}`);
  }
  // Opening the damaged file made WAL and shared-memory files (empty): they are not the reader's.
  for (const suffix of ['-wal', '-shm'])
    if (isEmptyFile(`${aside}${suffix}`)) rmSync(`${aside}${suffix}`, { force: true });
  renameSync(fresh, file);
  rmSync(marker, { force: true });
  // The index describes the damaged library: a new one is made from the new library's articles.
  removeSearchIndex(file);
  const db = openDatabase(file);
  if (empty)
    return {
      db,
      notices: [noticeText({ kind: 'empty-file', kept: aside })],
    };
  return { db, notices: [noticeText({ kind: 'repaired', kept: aside, restored })] };
}

/** Writes what was salvaged into a new library; returns how many bookmarks came back. */
function restore(db: Database, salvaged: Salvage, now: Date): number {
  let restored = 0;
  if (salvaged.bookmarks.length > 0) {
    restored = bookmarksRepo(db).importFile({
      format: 'heitu-bookmarks',
      version: 1,
      exportedAt: now.toISOString(),
      bookmarks: salvaged.bookmarks,
    }).added;
  }
  const upsertSetting = db.prepare<[string, string]>(
    'INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)',
  );
  for (const [key, value] of salvaged.settings) safe(() => upsertSetting.run(key, value));
  // The reader's feeds and enabled choices; the table's CHECKs keep out what damage garbled.
  const insertSource = db.prepare(`INSERT OR IGNORE INTO sources
    (id, type, url, title, region, profile, enabled, origin, reader_enabled, added_at) VALUES
    (@id, @type, @url, @title, @region, @profile, @enabled, @origin, @reader_enabled, @added_at)`);
  for (const row of salvaged.sources) safe(() => insertSource.run(row));
  return restored;
}
