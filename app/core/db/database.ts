import BetterSqlite3, { type Database } from 'better-sqlite3';
import { NewsApiError } from '../../shared/errors.ts';
import { createLogger } from '../log.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';

const log = createLogger('db');

export type { Database };

/** WAL size after which a commit checkpoints (and to which the WAL file is cut back after). */
export const WAL_CHECKPOINT_BYTES = 16 * 1024 * 1024;

/**
 * The page size of a new library. 16 KiB rather than SQLite's 4: a batch of articles dirties fewer
 * pages (random index inserts, FTS5 segments), inserts are ~15% faster and the file ~15% smaller
 * (docs/technotes/0005-storage.md). A library made with another page size keeps it.
 */
export const PAGE_SIZE = 16384;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target`, all pending migrations in one transaction. A database written
 * by a newer version of the app is refused and left exactly as it was.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = LATEST_VERSION,
): number {
  const current = schemaVersion(db);
  refuseNewer(current, target);
  const pending = migrations
    .filter((m) => m.version > current && m.version <= target)
    .sort((a, b) => a.version - b.version);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      log.info(`migrating to ${m.version} (${m.name})`);
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return schemaVersion(db);
}

function refuseNewer(current: number, known: number): void {
  if (current > known) {
    throw new NewsApiError(
      'DATABASE_TOO_NEW',
      `The library was written by a newer version of Heitu Reader (schema ${current}, this version knows ${known}). Update the app; the file has not been changed.`,
    );
  }
}

export interface OpenOptions {
  readonly readonly?: boolean;
}

/** Opens (creating if needed) the library file or ':memory:', with the pragmas the app relies on. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const db = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    // Before anything that writes (even switching to WAL rewrites the header): a file from a
    // newer version must be left exactly as it is.
    refuseNewer(schemaVersion(db), LATEST_VERSION);
    if (options.readonly !== true) {
      // Takes effect on a file with nothing in it yet (before WAL is on), else does nothing.
      db.pragma(`page_size = ${PAGE_SIZE}`);
      if (file !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Checkpoint at 16 MB of WAL rather than 4: a sync batch no longer checkpoints at every
      // commit, and pages written again before the next checkpoint are copied once (inserts
      // ~12% faster, docs/technotes/0005-storage.md); the file is cut back to 16 MB after.
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`wal_autocheckpoint = ${Math.round(WAL_CHECKPOINT_BYTES / pageSize)}`);
      db.pragma(`journal_size_limit = ${WAL_CHECKPOINT_BYTES}`);
    }
    db.pragma('foreign_keys = ON');
    if (options.readonly !== true) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
