/**
 * The search index file and how changes reach it (docs/technotes/0004-search.md, "The index on a
 * second core"). The index is derived data: it lives in a file of its own beside the library
 * (`<library>.search`), and is filled from the library's `search_log` (migration 0060): every
 * article added or changed logs an `add` of its search id, every one changed or deleted a
 * `remove`, in one sequence. The index file records the last sequence number it has applied, in
 * the same transaction as the rows, so applying is exactly once and a crash only means applying
 * the rest of the log again. Used by the indexing worker (search-worker.ts) and, for in-memory
 * libraries and as the fallback when a worker cannot run, on the library's own connection.
 */
import type { Database } from 'better-sqlite3';
import { searchTokenBytes } from '../text/search-tokens.ts';

/**
 * The text an article is indexed and matched by: its full text where the reader fetched one
 * (migration 0082), else its own. `schema`'s library may predate 0082 (a migration's test).
 */
export function indexedText(db: Database, schema = 'main'): { join: string; text: string } {
  const hasFullText =
    db
      .prepare(`SELECT 1 FROM ${schema}.sqlite_schema WHERE type = 'table' AND name = ?`)
      .get('article_full_text') !== undefined;
  return hasFullText
    ? {
        join: `LEFT JOIN ${schema}.article_full_text f ON f.article_id = a.id`,
        text: 'coalesce(f.text, a.text)',
      }
    : { join: '', text: 'a.text' };
}

/** The index file's schema version (its `user_version`); another version is rebuilt. */
export const INDEX_VERSION = 1;

/**
 * One change for the index: [seq, search id, title, summary, text]; a null title removes (and a
 * search id of -1 is a no-op that only moves the applied mark).
 */
export type IndexOp = [number, number, string | null, string, string];

/**
 * Creates the index tables in `schema` of `db`, a new, empty index file. The FTS5 table is the one
 * migration 0050 made in the library (technote 0004): folded unigrams and bigrams, no content,
 * rowid = search id.
 */
export function createIndexSchema(db: Database, schema: string, libraryToken: string): void {
  db.exec(`
    CREATE VIRTUAL TABLE ${schema}.search_index USING fts5 (
      tokens, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none'
    );
    INSERT INTO ${schema}.search_index (search_index, rank) VALUES ('hashsize', 16000000);
    INSERT INTO ${schema}.search_index (search_index, rank) VALUES ('automerge', 16);
    INSERT INTO ${schema}.search_index (search_index, rank) VALUES ('crisismerge', 64);
    CREATE TABLE ${schema}.search_state (key TEXT PRIMARY KEY NOT NULL, value ANY) STRICT;
  `);
  db.prepare(
    `INSERT INTO ${schema}.search_state (key, value) VALUES ('applied', 0), ('library', ?)`,
  ).run(libraryToken);
  db.pragma(`${schema}.user_version = ${INDEX_VERSION}`);
}

export interface IndexWriter {
  /** The last sequence number of the log that is in the index. */
  applied(): number;
  /** Applies the ops past `applied()`, in one transaction; returns the new `applied()`. */
  apply(ops: readonly IndexOp[]): number;
}

/** Writes the index in `schema` of `db` (the worker's own file, or `ix` attached to the library). */
export function indexWriter(db: Database, schema: string): IndexWriter {
  const appliedStmt = db
    .prepare<[], number>(`SELECT value FROM ${schema}.search_state WHERE key = 'applied'`)
    .pluck();
  const setApplied = db.prepare<[number]>(
    `UPDATE ${schema}.search_state SET value = ? WHERE key = 'applied'`,
  );
  const insert = db.prepare<[number, Buffer]>(
    `INSERT INTO ${schema}.search_index (rowid, tokens) VALUES (?, ?)`,
  );
  const remove = db.prepare<[number]>(`DELETE FROM ${schema}.search_index WHERE rowid = ?`);
  const applied = (): number => appliedStmt.get() ?? 0;

  const applyAll = db.transaction((ops: readonly IndexOp[]): number => {
    const from = applied();
    // The state of each search id after the ops: its last add, or absent. An id that had a remove
    // among them is deleted first (FTS5 would add a second document's tokens to a rowid that is
    // still there), then the adds go in ascending rowid order, which FTS5 fills 10× faster.
    const removed = new Set<number>();
    const added = new Map<number, IndexOp>();
    let last = from;
    for (const op of ops) {
      if (op[0] <= from) continue;
      last = Math.max(last, op[0]);
      if (op[2] === null) {
        removed.add(op[1]);
        added.delete(op[1]);
      } else {
        if (added.has(op[1])) removed.add(op[1]);
        added.set(op[1], op);
      }
    }
    if (last === from) return from;
    for (const id of removed) if (id >= 0) remove.run(id);
    const rows = [...added.values()].sort((x, y) => x[1] - y[1]);
    for (const [, id, title, summary, text] of rows)
      insert.run(id, searchTokenBytes(title ?? '', summary, text));
    setApplied.run(last);
    return last;
  });
  return { applied, apply: (ops) => applyAll.immediate(ops) };
}

/**
 * Reads the log past a sequence number from the library (`schema` of `db`), with the text of each
 * added article. An add whose article has gone since (deleted, or changed again and so under a
 * new search id) comes back as a no-op: its remove is later in the log.
 */
export function logReader(
  db: Database,
  schema = 'main',
): (after: number, limit: number) => IndexOp[] {
  const full = indexedText(db, schema);
  const read = db
    .prepare<
      [number, number],
      [number, number, number, string | null, string | null, string | null]
    >(
      `SELECT l.seq, l.search_id, l.op, a.title, a.summary, ${full.text}
       FROM ${schema}.search_log l LEFT JOIN ${schema}.articles a ON l.op = 1 AND a.search_id = l.search_id
       ${full.join}
       WHERE l.seq > ? ORDER BY l.seq LIMIT ?`,
    )
    .raw();
  return (after, limit) =>
    read.all(after, limit).map(([seq, id, op, title, summary, text]): IndexOp => {
      // Gone: nothing to add, but the sequence number still counts as applied.
      if (op === 1 && title === null) return [seq, -1, null, '', ''];
      return [seq, id, op === 1 ? title : null, summary ?? '', text ?? ''];
    });
}

/** Applies the whole log past the index's `applied()`, in chunks; returns the new `applied()`. */
export function catchUp(
  read: (after: number, limit: number) => IndexOp[],
  writer: IndexWriter,
  chunk = 5000,
): number {
  let applied = writer.applied();
  for (;;) {
    const ops = read(applied, chunk);
    if (ops.length === 0) return applied;
    applied = writer.apply(ops);
  }
}
