/**
 * The search index as the library's read-only connection sees it (host/library-router.ts): the
 * index file attached for reading only, how far it is behind read from the files themselves (the
 * log's last entry in the library, the last one applied in the index), and a search's wait for
 * it made by looking again every few milliseconds, since the writer's counters live in another
 * thread. Writing is the writer's: this connection never logs, applies or trims anything.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from './database.ts';
import {
  adoptSearchIndex,
  markIndexDamaged,
  MAX_WAIT_BACKLOG,
  SETTLE_MS,
  type SearchIndex,
} from './search-index.ts';
import { searchIndexFile } from './search-index-file.ts';

/** How often a waiting search looks again at how far the index is. */
const POLL_MS = 2;

/** Attaches the index of `db`'s library (a read-only connection) for its searches. */
export function openSearchIndexForReading(db: Database, settleMs = SETTLE_MS): SearchIndex {
  const file = searchIndexFile(db.name);
  db.prepare('ATTACH DATABASE ? AS ix').run(file);
  const applied = db
    .prepare<[], number>("SELECT value FROM ix.search_state WHERE key = 'applied'")
    .pluck();
  const logged = db.prepare<[], number | null>('SELECT max(seq) FROM search_log').pluck();
  const behind = (): number => Math.max(0, (logged.get() ?? 0) - (applied.get() ?? 0));
  const readOnly = (): never => {
    throw new Error('the library’s read-only connection does not write the search index');
  };
  const index: SearchIndex = {
    add: readOnly,
    remove: readOnly,
    write: readOnly,
    catchUp: readOnly,
    behind,
    settle: () => behind() === 0,
    async settled(maxMs = settleMs) {
      const deadline = performance.now() + Math.min(maxMs, settleMs);
      for (let left = behind(); left > 0; left = behind()) {
        if (left > MAX_WAIT_BACKLOG || performance.now() >= deadline) return false;
        await sleep(POLL_MS);
      }
      return true;
    },
    rebuilt: null,
    markDamaged: (error) => {
      markIndexDamaged(file, error);
    },
    close: () => undefined,
  };
  adoptSearchIndex(db, index);
  return index;
}
