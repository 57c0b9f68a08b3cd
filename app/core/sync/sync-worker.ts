/**
 * The sync engine's own thread inside the library's process: fetching, decoding, parsing feeds
 * and portal pages, sanitising and tagging (the CPU-heavy part of a sync: a large feed takes
 * hundreds of milliseconds to parse) run here, so the library's thread stays free to answer the
 * reader. What touches the library (source state, known URLs, writes, errors) is asked of the
 * library's thread by message (sync-thread.ts), which writes in short transactions.
 *
 * It also checkpoints the library's write-ahead log after each source is written. SQLite does
 * that itself on the connection that commits, once the log passes 16 MB: copying it into the
 * file and syncing it held the library's thread for 70–140 ms on this machine, several times a
 * sync. Here, a passive checkpoint waits for no one and the library's thread goes on writing.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { NewsApiError, isErrorPayload } from '../../shared/errors.ts';
import type { SourceState } from '../db/sources-repo.ts';
import { createLogger } from '../log.ts';
import type { BudgetLimits } from './budget.ts';
import { lowerThreadPriority } from '../thread-priority.ts';
import { syncSourcesWithin } from './engine.ts';
import { createFetcher } from './fetch.ts';
import type { Source } from './sources-file.ts';
import type { SyncThreadRequest, SyncWorkerData, SyncWorkerMessage } from './sync-thread.ts';

if (parentPort === null) throw new Error('sync-worker.ts runs as a worker thread only');
const port = parentPort;
const log = createLogger('sync-worker');
const data = workerData as SyncWorkerData;
// Fetching and parsing yield the CPU to the threads that answer the reader meanwhile.
lowerThreadPriority();
const fetcher = createFetcher(data.fetcher);
let checkpointer: BetterSqlite3.Database | null | undefined;

/** A passive checkpoint of the library's log; any failure leaves it to SQLite's own. */
function checkpoint(): void {
  try {
    if (checkpointer === undefined) {
      const Database = createRequire(import.meta.url)(data.driver) as typeof BetterSqlite3;
      checkpointer =
        data.library === null ? null : new Database(data.library, { fileMustExist: true });
      // Never waits for a lock: a checkpoint missed now is made after the next source.
      checkpointer?.pragma('busy_timeout = 0');
    }
    checkpointer?.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy or gone: the library's connection still checkpoints at 16 MB on its own.
    log.debug('could not checkpoint the library', error);
  }
}
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
let nextId = 1;
let abort: AbortController | null = null;

const post = (message: SyncWorkerMessage): void => {
  port.postMessage(message);
};

function ask(op: SyncThreadRequest['op'], args: readonly unknown[]): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    post({ kind: 'ask', id, op, args } as SyncWorkerMessage);
  });
}

async function run(sources: readonly Source[], limits: BudgetLimits | undefined): Promise<void> {
  abort = new AbortController();
  try {
    const outcomes = await syncSourcesWithin(
      sources,
      {
        fetcher,
        now: Date.now,
        state: (id) => ask('state', [id]) as Promise<SourceState | null>,
        known: (url) => ask('known', [url]) as Promise<boolean>,
        forgotten: (urls) => ask('forgotten', [urls]) as Promise<readonly string[]>,
        write: async (result) => {
          const written = (await ask('write', [result])) as { inserted: number; updated: number };
          checkpoint();
          return written;
        },
        recordError: async (id, message, at, nextDueAt) => {
          await ask('recordError', [id, message, at, nextDueAt]);
        },
        signal: abort.signal,
      },
      limits,
      (progress) => {
        post({ kind: 'progress', progress });
      },
    );
    post({ kind: 'done', outcomes });
  } catch (error) {
    post({ kind: 'failed', message: (error as Error).message });
  } finally {
    abort = null;
  }
}

port.on('message', (message: { kind: string; [key: string]: unknown }) => {
  if (message.kind === 'run')
    void run(message.sources as Source[], message.limits as BudgetLimits | undefined);
  else if (message.kind === 'cancel') abort?.abort();
  else if (message.kind === 'answer') {
    const entry = waiting.get(message.id as number);
    waiting.delete(message.id as number);
    if (entry === undefined) return;
    if (isErrorPayload(message.error)) {
      entry.reject(new NewsApiError(message.error.code, message.error.message));
    } else entry.resolve(message.value);
  }
});
