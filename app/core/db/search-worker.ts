/**
 * The indexing worker (search-index.ts starts it; docs/technotes/0004-search.md): tokenizes and
 * writes the search index file on a second core while the library's connection goes on storing
 * articles. It reads what was logged before it started, or behind its back (prune's deletes,
 * another process), from the library's `search_log` through a read-only connection, and takes
 * the rest as messages with the texts. Queued messages are applied together, up to
 * MAX_COALESCED ops per transaction: FTS5 writes one segment per transaction, and fewer, larger
 * segments mean far less merging.
 */
import { createRequire } from 'node:module';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { lowerThreadPriority } from '../thread-priority.ts';
import { catchUp, indexWriter, logReader, type IndexOp } from './search-apply.ts';

export interface SearchWorkerData {
  readonly library: string;
  readonly index: string;
  /** better-sqlite3's entry point, resolved by the app (it may be inside an asar archive). */
  readonly driver: string;
  /** Yield the CPU to the reader's threads: in the library's own process (thread-priority.ts). */
  readonly background: boolean;
  /** [0]: the last sequence number applied, for the app to wait on; [1]: 1 once closed, 2 failed. */
  readonly state: SharedArrayBuffer;
}

export type SearchWorkerMessage =
  | { readonly type: 'ops'; readonly ops: readonly IndexOp[] }
  | { readonly type: 'catch-up' }
  | { readonly type: 'close' };

const MAX_COALESCED = 10_000;
/** After the index file was busy past busy_timeout, the log is read again this much later. */
const BUSY_RETRY_MS = 1000;

const port = parentPort;
if (port === null) throw new Error('search-worker.ts runs as a worker thread');
const data = workerData as SearchWorkerData;
if (data.background) lowerThreadPriority();
const Database = createRequire(import.meta.url)(data.driver) as typeof BetterSqlite3;

const index = new Database(data.index, { fileMustExist: true });
index.pragma('busy_timeout = 5000');
index.pragma('synchronous = NORMAL');
const library = new Database(data.library, { readonly: true, fileMustExist: true });
library.pragma('busy_timeout = 5000');
const writer = indexWriter(index, 'main');
const read = logReader(library);
const state = new BigInt64Array(data.state);

function publish(applied: number): void {
  Atomics.store(state, 0, BigInt(applied));
  Atomics.notify(state, 0);
}

/** Another connection holds the file's write lock (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT…). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

let retry: ReturnType<typeof setTimeout> | null = null;

/**
 * Publishes what `apply` applied. If another process (another Heitu, `heitu sync`) held the
 * index file's write lock past busy_timeout, nothing is lost: every op is in the library's log,
 * which is read again a little later. The worker goes on; it does not hand indexing to the app's
 * main thread, which would then wait on the same lock.
 */
function applying(apply: () => number): void {
  try {
    publish(apply());
  } catch (error) {
    if (!isBusy(error)) {
      // The app may be blocked in a wait for this worker (settle, close): it must not wait out
      // its time for a worker that is gone (the error reaches the app once it stops waiting).
      Atomics.store(state, 1, 2n);
      Atomics.notify(state, 1);
      Atomics.notify(state, 0);
      throw error;
    }
    retry ??= setTimeout(() => {
      retry = null;
      applying(() => catchUp(read, writer));
    }, BUSY_RETRY_MS);
  }
}

function handle(message: SearchWorkerMessage): void {
  if (message.type === 'close') {
    if (retry !== null) clearTimeout(retry);
    index.close();
    library.close();
    Atomics.store(state, 1, 1n);
    Atomics.notify(state, 1);
    port?.close();
    return;
  }
  if (message.type === 'catch-up') {
    applying(() => catchUp(read, writer));
    return;
  }
  const ops = [...message.ops];
  let after: SearchWorkerMessage | null = null;
  while (ops.length < MAX_COALESCED) {
    const next = port === null ? undefined : receiveMessageOnPort(port);
    if (next === undefined) break;
    const m = next.message as SearchWorkerMessage;
    if (m.type !== 'ops') {
      after = m;
      break;
    }
    ops.push(...m.ops);
  }
  // Ops logged that no message brought (a prune's deletes, another process's writes) leave a gap
  // in the sequence: then the log itself is read, and the messages' ops it covered are skipped.
  applying(() => {
    let expected = writer.applied() + 1;
    for (const op of ops) {
      if (op[0] > expected) {
        catchUp(read, writer);
        break;
      }
      expected = Math.max(expected, op[0] + 1);
    }
    return writer.apply(ops);
  });
  if (after !== null) handle(after);
}

applying(() => catchUp(read, writer));
port.on('message', handle);
