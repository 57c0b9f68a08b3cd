/**
 * The library's search index, on a second core (docs/technotes/0004-search.md): the index is a
 * file of its own (`<library>.search`), attached to the library's connection as `ix` for reading
 * and written by a worker thread (search-worker.ts). Writers of articles log their changes to the
 * index in the library's `search_log`, inside their own transaction, and hand them to the worker
 * once committed; search waits until the worker has applied what was logged. The index is derived
 * data: a missing, damaged, outdated or foreign index file is replaced by a new one, filled again
 * from the articles. An in-memory library, or one whose worker cannot run, is indexed on its own
 * connection instead. One SearchIndex per connection: searchIndexOf(db).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createLogger } from '../log.ts';
import { checkInBackground } from './integrity.ts';
import type { Database } from './database.ts';
import {
  catchUp,
  createIndexSchema,
  INDEX_VERSION,
  indexWriter,
  logReader,
  type IndexOp,
  type IndexWriter,
} from './search-apply.ts';
import type { SearchWorkerMessage } from './search-worker.ts';
import { IndexWorker } from './search-worker-client.ts';
import { damageMarker, isDamage, removeIndexFile, searchIndexFile } from './search-index-file.ts';

const log = createLogger('search-index');

/** How long a search waits for the index to catch up with what was stored before it. */
export const SETTLE_MS = 5000;
/** Past this many ops behind (a rebuild), a search does not wait: it sees what is indexed. */
export const MAX_WAIT_BACKLOG = 50_000;
/** Pages of a new index file (as the library's, database.ts). */
const INDEX_PAGE_SIZE = 16384;

export interface SearchIndex {
  /** Logs an article's text for the index; inside the caller's write transaction. */
  add(searchId: number, title: string, summary: string, text: string): void;
  /** Logs that a search id leaves the index; inside the caller's write transaction. */
  remove(searchId: number): void;
  /**
   * Runs `transaction` (a write that logs with add/remove) and then hands what it logged to the
   * indexer, or forgets it when the transaction threw. Inside an outer transaction the ops wait:
   * the outer transaction's own write() hands them over once that commits.
   */
  write<T>(transaction: () => T): T;
  /** After writes that logged by trigger (deletes): the indexer reads the log itself. */
  catchUp(): void;
  /** Blocks until everything logged so far is searchable (bounded); true when it is. */
  settle(): boolean;
  /**
   * The same wait without blocking the thread: for the app's searches, whose thread (Electron's
   * main process, the web server) serves everything else meanwhile.
   */
  settled(maxMs?: number): Promise<boolean>;
  /** Changes logged that the index has not applied yet: 0 once it has caught up. */
  behind(): number;
  /** Why the index file was replaced when it was opened (damaged, outdated…), or null. */
  readonly rebuilt: string | null;
  /**
   * Records that reading the index found it damaged. The file is in use (by the worker, and on
   * Windows an open file cannot be deleted), so it is replaced when the library is next opened.
   */
  markDamaged(error: unknown): void;
  close(): void;
}

const indexes = new WeakMap<Database, SearchIndex>();

export interface SearchIndexOptions {
  /** Index on a worker thread (default: for a library in a file). */
  readonly worker?: boolean;
  /** Check every page of the index file first (`heitu check`), and rebuild it if damaged. */
  readonly check?: boolean;
  /** How long a search waits for the index to apply what was stored before it (ms). */
  readonly settleMs?: number | undefined;
  /**
   * The indexing thread yields the CPU to the reader's threads (thread-priority.ts): in the
   * library's own process, whose threads answer the window during a sync.
   */
  readonly background?: boolean | undefined;
}

/**
 * `index` answers for `db` from now on: the reader's read-only connection, which only searches
 * (search-index-reader.ts).
 */
export function adoptSearchIndex(db: Database, index: SearchIndex): void {
  indexes.set(db, index);
}

/** The connection's search index, attaching one that is indexed on the connection if none is. */
export function searchIndexOf(db: Database): SearchIndex {
  return indexes.get(db) ?? openSearchIndex(db, { worker: false });
}

/** Stops the connection's indexer, if it has one, once what was logged is applied (bounded). */
export function closeSearchIndex(db: Database): void {
  indexes.get(db)?.close();
  indexes.delete(db);
}

/**
 * Checks every page of the connection's index file on a worker thread (as the library's own
 * background check, integrity.ts); a damaged one is marked, and rebuilt at the next start.
 */
export async function checkSearchIndexInBackground(db: Database): Promise<string> {
  const index = indexes.get(db);
  if (index === undefined || db.memory) return 'ok';
  const result = await checkInBackground(searchIndexFile(db.name));
  // quick_check's findings, or a file SQLite calls damaged (not: busy, or gone meanwhile).
  if (!result.startsWith('error: ') ? result !== 'ok' : /SQLITE_(CORRUPT|NOTADB)/.test(result))
    index.markDamaged(new Error(result));
  return result;
}

/** Attaches the index file of `db`'s library as `ix` and starts its indexer. */
export function openSearchIndex(db: Database, options: SearchIndexOptions = {}): SearchIndex {
  const existing = indexes.get(db);
  if (existing !== undefined) return existing;
  const memory = db.memory || db.name === '' || db.name === ':memory:';
  const file = memory ? ':memory:' : searchIndexFile(db.name);
  const rebuilt = attach(db, file, options.check === true);
  const worker = !memory && (options.worker ?? true);
  const index = new LoggedIndex(db, file, rebuilt, options.settleMs ?? SETTLE_MS, {
    worker,
    background: options.background === true,
  });
  indexes.set(db, index);
  return index;
}

/** Attaches the index file; returns why it was replaced by a new one, or null. */
function attach(db: Database, file: string, check: boolean, retry = true): string | null {
  const token = db
    .prepare<[], string>("SELECT value FROM search_meta WHERE key = 'library'")
    .pluck()
    .get();
  if (token === undefined) throw new Error('the library has no search_meta (schema < 60)');
  let why: string;
  try {
    if (file !== ':memory:' && existsSync(damageMarker(file)))
      throw Object.assign(new Error('found damaged while the app ran'), { code: 'SQLITE_CORRUPT' });
    db.prepare('ATTACH DATABASE ? AS ix').run(file);
    const version = db.pragma('ix.user_version', { simple: true }) as number;
    if (version === 0) {
      db.pragma(`ix.page_size = ${INDEX_PAGE_SIZE}`);
      if (file !== ':memory:') db.pragma('ix.journal_mode = WAL');
      db.transaction(() => {
        createIndexSchema(db, 'ix', token);
        requeueAll(db);
      }).immediate();
      return null;
    }
    const owner = db
      .prepare<[], string>("SELECT value FROM ix.search_state WHERE key = 'library'")
      .pluck()
      .get();
    if (version !== INDEX_VERSION || owner !== token) why = "outdated or another library's";
    else if (check && db.pragma('ix.quick_check', { simple: true }) !== 'ok') why = 'damaged';
    else return null;
  } catch (error) {
    // A new file that cannot be made is not the old file's fault: nothing more to try.
    if (file === ':memory:' || !retry) throw error;
    why = isDamage(error) ? 'damaged' : `unreadable (${(error as Error).message})`;
  }
  log.warn(`the search index ${file} is ${why}: rebuilding it from the library`);
  if (db.inTransaction) db.exec('ROLLBACK');
  detach(db);
  removeIndexFile(file);
  attach(db, file, false, false);
  return why;
}

function detach(db: Database): void {
  try {
    db.exec('DETACH DATABASE ix');
  } catch {
    // Not attached.
  }
}

/** A new index applies the whole library: the log starts again with every article. */
function requeueAll(db: Database): void {
  db.exec(`
    DELETE FROM search_log;
    INSERT INTO search_log (search_id, op)
      SELECT search_id, 1 FROM articles WHERE search_id IS NOT NULL ORDER BY search_id;
  `);
}

/** Marks the index file damaged: it is replaced when the library is next opened. */
export function markIndexDamaged(file: string, error: unknown): void {
  log.error(`search: the index ${file} is damaged; it is rebuilt at the next start`, error);
  if (file === ':memory:') return;
  try {
    writeFileSync(damageMarker(file), `${new Date().toISOString()}\n`);
  } catch (markError) {
    log.error('search: could not mark the index for rebuilding', markError);
  }
}

class LoggedIndex implements SearchIndex {
  readonly #db: Database;
  readonly #file: string;
  readonly #logOp: (searchId: number, op: number) => number;
  readonly #lastLogged: () => number;
  readonly #trim: (through: number) => void;
  readonly #inline: IndexWriter;
  /** [0]: the last sequence number applied; [1]: 1 once the worker has closed its files, 2 failed. */
  readonly #state = new BigInt64Array(new SharedArrayBuffer(16));
  #worker: IndexWorker | null = null;
  #pending: IndexOp[] = [];
  /** The highest sequence number logged that the indexer must apply before a search. */
  #target: number;
  #trimmed = 0;

  readonly rebuilt: string | null;
  readonly #settleMs: number;

  readonly #background: boolean;

  constructor(
    db: Database,
    file: string,
    rebuilt: string | null,
    settleMs: number,
    threads: { readonly worker: boolean; readonly background: boolean },
  ) {
    this.#db = db;
    this.#settleMs = settleMs;
    this.#background = threads.background;
    this.#file = file;
    this.rebuilt = rebuilt;
    const insert = db.prepare<[number, number]>(
      'INSERT INTO search_log (search_id, op) VALUES (?, ?)',
    );
    this.#logOp = (searchId, op) => Number(insert.run(searchId, op).lastInsertRowid);
    const last = db.prepare<[], number | null>('SELECT max(seq) FROM search_log').pluck();
    this.#lastLogged = () => last.get() ?? 0;
    const trim = db.prepare<[number]>('DELETE FROM search_log WHERE seq <= ?');
    this.#trim = (through) => trim.run(through);
    this.#inline = indexWriter(db, 'ix');
    this.#target = this.#lastLogged();
    Atomics.store(this.#state, 0, BigInt(this.#inline.applied()));
    if (threads.worker) this.#startWorker();
    else this.#applyInline();
  }

  add(searchId: number, title: string, summary: string, text: string): void {
    this.#beforeLogging();
    this.#pending.push([this.#logOp(searchId, 1), searchId, title, summary, text]);
  }

  remove(searchId: number): void {
    this.#beforeLogging();
    this.#pending.push([this.#logOp(searchId, 0), searchId, null, '', '']);
  }

  write<T>(transaction: () => T): T {
    let result: T;
    try {
      result = transaction();
    } catch (error) {
      this.#pending = [];
      throw error;
    }
    this.#commit();
    return result;
  }

  #commit(): void {
    if (this.#db.inTransaction) return;
    const ops = this.#pending;
    this.#pending = [];
    const last = ops.at(-1);
    if (last === undefined) return;
    this.#target = Math.max(this.#target, last[0]);
    if (this.#worker === null) this.#applyInline();
    else this.#post({ type: 'ops', ops });
  }

  catchUp(): void {
    this.#target = this.#lastLogged();
    if (this.#worker === null) this.#applyInline();
    else this.#post({ type: 'catch-up' });
  }

  settle(): boolean {
    const target = this.#waitFor();
    if (typeof target === 'boolean') return target;
    const deadline = performance.now() + this.#settleMs;
    for (let applied = this.#applied(); applied < target; applied = this.#applied()) {
      const left = deadline - performance.now();
      if (left <= 0 || this.#workerGone()) return this.#gaveUp(target - applied);
      Atomics.wait(this.#state, 0, applied, left);
    }
    return true;
  }

  async settled(maxMs = this.#settleMs): Promise<boolean> {
    const target = this.#waitFor();
    if (typeof target === 'boolean') return target;
    const wait = Math.min(maxMs, this.#settleMs);
    const deadline = performance.now() + wait;
    // Atomics.waitAsync holds no ref on the event loop: without this timer a process with
    // nothing else to do (`heitu search`) would exit in the middle of the wait.
    const keepAlive = setTimeout(() => undefined, wait);
    try {
      for (let applied = this.#applied(); applied < target; applied = this.#applied()) {
        const left = deadline - performance.now();
        if (left <= 0 || this.#workerGone())
          return wait < this.#settleMs && left <= 0 ? false : this.#gaveUp(target - applied);
        const waiting = Atomics.waitAsync(this.#state, 0, applied, left);
        if (waiting.async) await waiting.value;
      }
      return true;
    } finally {
      clearTimeout(keepAlive);
    }
  }

  /** The worker stopped on an error: nothing more will be applied until the app hears of it. */
  #workerGone(): boolean {
    return this.#worker !== null && Atomics.load(this.#state, 1) !== 0n;
  }

  #applied(): bigint {
    return Atomics.load(this.#state, 0);
  }

  /**
   * What a wait is for: true when everything logged is applied, false when too far behind to
   * wait (a rebuild), else the sequence number to wait for.
   */
  #waitFor(): boolean | bigint {
    const target = BigInt(this.#target);
    if (this.#applied() >= target) return true;
    // No worker (it failed): nothing would come of waiting, the index is applied here.
    if (this.#worker === null) {
      this.#applyInline();
      if (this.#applied() >= target) return true;
    }
    return target - this.#applied() > BigInt(MAX_WAIT_BACKLOG) ? false : target;
  }

  #gaveUp(behind: bigint): false {
    log.warn(`search: the index is ${behind} changes behind after ${this.#settleMs} ms`);
    return false;
  }

  behind(): number {
    const behind = BigInt(this.#target) - Atomics.load(this.#state, 0);
    return behind > 0n ? Number(behind) : 0;
  }

  markDamaged(error: unknown): void {
    markIndexDamaged(this.#file, error);
  }

  close(): void {
    const worker = this.#worker;
    if (worker === null) return;
    this.settle(); // waiting for the worker (with #worker null, settle would index here)
    this.#worker = null;
    worker.close();
  }

  /** The first op of a write transaction drops the log that the index has applied. */
  #beforeLogging(): void {
    if (this.#pending.length > 0) return;
    const applied = Number(Atomics.load(this.#state, 0));
    if (applied > this.#trimmed) {
      this.#trim(applied);
      this.#trimmed = applied;
    }
  }

  #applyInline(): void {
    if (this.#db.inTransaction) return;
    try {
      const applied = catchUp(logReader(this.#db), this.#inline);
      Atomics.store(this.#state, 0, BigInt(applied));
    } catch (error) {
      log.error('search: could not update the index', error);
    }
  }

  #post(message: SearchWorkerMessage): void {
    this.#worker?.post(message);
  }

  #startWorker(): void {
    try {
      const worker: IndexWorker = new IndexWorker(
        this.#db.name,
        this.#file,
        this.#state,
        this.#background,
        (why, error) => {
          if (this.#worker !== worker) return;
          log.error(`search: the indexing worker ${why}; indexing on the main thread`, error);
          this.#worker = null;
          this.#applyInline();
        },
      );
      this.#worker = worker;
    } catch (error) {
      log.error('search: cannot start the indexing worker; indexing on the main thread', error);
      this.#applyInline();
    }
  }
}
