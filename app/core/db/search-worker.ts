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
import { catchUp, indexWriter, logReader, type IndexOp } from './search-apply.ts';

export interface SearchWorkerData {
  readonly library: string;
  readonly index: string;
  /** better-sqlite3's entry point, resolved by the app (it may be inside an asar archive). */
  readonly driver: string;
  /** [0]: the last sequence number applied, for the app to wait on. */
  readonly state: SharedArrayBuffer;
}

export type SearchWorkerMessage =
  | { readonly type: 'ops'; readonly ops: readonly IndexOp[] }
  | { readonly type: 'catch-up' }
  | { readonly type: 'close' };

const MAX_COALESCED = 10_000;

const port = parentPort;
if (port === null) throw new Error('search-worker.ts runs as a worker thread');
const data = workerData as SearchWorkerData;
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

function handle(message: SearchWorkerMessage): void {
  if (message.type === 'close') {
    index.close();
    library.close();
    port?.close();
    return;
  }
  if (message.type === 'catch-up') {
    publish(catchUp(read, writer));
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
  let expected = writer.applied() + 1;
  for (const op of ops) {
    if (op[0] > expected) {
      catchUp(read, writer);
      break;
    }
    expected = Math.max(expected, op[0] + 1);
  }
  publish(writer.apply(ops));
  if (after !== null) handle(after);
}

publish(catchUp(read, writer));
port.on('message', handle);
