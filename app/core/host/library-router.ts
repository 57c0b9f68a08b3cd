/**
 * The thread that receives the library's calls: Electron's utility process (library-process.ts)
 * or browser mode's library thread (library-worker.ts). It writes nothing. It starts the writer
 * (library-writer.ts: NewsService, sync, scheduler, on a worker thread at a lower CPU priority),
 * and opens a read-only connection of its own to the same file, on which it answers the
 * contract's reads (NEWS_API_ACCESS in app/shared/contract.ts) and the image cache; everything
 * else goes to the writer. A read therefore never waits behind a write transaction nor behind the
 * writer's garbage collection (another thread, another heap), and the writer's transactions may
 * take the CPU last (docs/technotes/0009-library-process.md).
 *
 * Per caller, in order: a read sent after a `write` (markRead, setBookmark…) waits for that
 * write's answer, so that it sees what it changed; a `long` call (a sync) keeps no read waiting.
 * SQLite's WAL gives each read a snapshot of what was committed when it began, and the reader
 * keeps nothing between calls, so a commit on the writer's connection is seen by the next read.
 *
 * If the writer dies, calls in flight get UNAVAILABLE (never a hang) and `gone` is called: the
 * process or thread ends, and its supervisor starts the library again, whole.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isNewsMethod, NEWS_API_ACCESS, type NewsEvent } from '../../shared/contract.ts';
import { NewsApiError, type CallResult, type ErrorCode } from '../../shared/errors.ts';
import {
  createPortRemote,
  type ControlMessage,
  type LibraryMessage,
  type PortEndpoint,
} from '../../shared/port-protocol.ts';
import { DATABASE_FILE } from '../data-dir.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { LIBRARY_DAMAGED, markForRepair } from '../db/library.ts';
import { openSearchIndexForReading } from '../db/search-index-reader.ts';
import { isDamage } from '../db/search-index-file.ts';
import { LibraryReads } from '../library-reads.ts';
import { createLogger } from '../log.ts';
import { workerScript } from '../worker-script.ts';
import { answer, envelope, poster, type PortRole, type ReceivedCall } from './call-answer.ts';
import { couldNotOpen, type LibraryHostOptions } from './library-host.ts';
import { callsOnly, nodeEndpoint } from './node-endpoint.ts';

const log = createLogger('library-router');

/** How long closing waits for the writer to close its files before it is stopped anyway. */
const CLOSE_MS = 8000;

export interface LibraryRouter {
  /** Answers calls arriving on `endpoint`; returns a function that stops answering. */
  serve(endpoint: PortEndpoint, role: PortRole): () => void;
  /** Stops answering, closes the writer (it finishes its transaction) and the reader's file. */
  close(): Promise<void>;
  /** Stops the writer's thread at once, as a crash would (tests). */
  killWriter(): Promise<void>;
}

/**
 * Starts the writer, waits until its library is open, then opens the reader's connection.
 * Throws the writer's own error when the library cannot open (too new, unwritable…). `gone` is
 * called once if the writer dies afterwards.
 */
export async function openLibraryRouter(
  options: LibraryHostOptions,
  gone: (why: string) => void,
): Promise<LibraryRouter> {
  const syncFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerScript('library-writer', import.meta.url), {
    workerData: { ...options, syncFlag } satisfies LibraryHostOptions,
  });
  await writerReady(worker);
  let db: Database;
  try {
    db = openReader(join(options.dataDir, DATABASE_FILE));
  } catch (error) {
    await closeWriter(worker);
    throw error;
  }
  const file = db.name;
  const reads = new LibraryReads(db, {
    now: Date.now,
    syncing: () => Atomics.load(syncFlag, 0) === 1,
    guard: (work) => {
      try {
        return work();
      } catch (error) {
        if (!isDamage(error)) throw error;
        // As the writer's calls do (news-service.ts): the next start repairs the file.
        log.error('a read found the library damaged', error);
        markForRepair(file, (error as Error).message, new Date());
        throw new NewsApiError('STORAGE', LIBRARY_DAMAGED, { cause: error });
      }
    },
  });
  const writer = createPortRemote(nodeEndpoint(worker));
  const callers = new Set<(message: LibraryMessage) => void>();
  writer.subscribe((event: NewsEvent) => {
    for (const post of callers) post({ kind: 'event', event });
  });
  let closing = false;
  const down = (why: string): void => {
    writer.fail();
    if (closing) return;
    closing = true;
    log.error(`the library's writer stopped (${why})`);
    gone(why);
  };
  worker.on('error', (error) => {
    down(`failed: ${error.message}`);
  });
  worker.on('exit', (code) => {
    down(`exit code ${code}`);
  });
  const stops = new Set<() => void>();

  return {
    serve(endpoint, role) {
      const post = poster(endpoint);
      callers.add(post);
      // This caller's writes not yet answered, and a promise settled once they all are.
      let writes = 0;
      let written: Promise<unknown> = Promise.resolve();
      const route = async (message: ReceivedCall): Promise<CallResult<unknown>> => {
        const { method } = message;
        if (isNewsMethod(method) && NEWS_API_ACCESS[method] !== 'read') {
          const call = writer.call(method, message.args);
          if (NEWS_API_ACCESS[method] === 'write') {
            writes += 1;
            written = Promise.all([written, call.finally(() => (writes -= 1))]);
          }
          return call;
        }
        if (writes > 0) await written;
        return answer(reads, message, role);
      };
      const stopListening = endpoint.listen((data) => {
        const message = envelope(data);
        if (message === null) {
          log.warn('ignored a message that is not a call');
          return;
        }
        void route(message).then((result) => {
          post({ kind: 'result', id: message.id, result });
        });
      });
      const stop = (): void => {
        stops.delete(stop);
        callers.delete(post);
        stopListening();
      };
      stops.add(stop);
      return stop;
    },
    async killWriter() {
      await worker.terminate();
    },
    async close() {
      closing = true;
      for (const stop of [...stops]) stop();
      // The reader first: the writer's connection, closing last, checkpoints the log and removes it.
      db.close();
      await closeWriter(worker);
    },
  };
}

/**
 * `openLibraryRouter` for a process or thread that hosts the library: serves its parent's calls
 * and says `ready`, or `failed` with the library's own error.
 */
export async function openRouterForParent(
  options: LibraryHostOptions,
  parent: PortEndpoint,
  gone: (why: string) => void,
): Promise<LibraryRouter | null> {
  try {
    const router = await openLibraryRouter(options, gone);
    router.serve(callsOnly(parent), 'trusted');
    parent.post({ kind: 'ready' } satisfies ControlMessage);
    return router;
  } catch (error) {
    parent.post(couldNotOpen(error));
    return null;
  }
}

/** The reader's connection: read-only, with the search index attached for reading. */
function openReader(file: string): Database {
  const db = openDatabase(file, { readonly: true });
  try {
    openSearchIndexForReading(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Settles once the writer has opened the library; throws what it said if it could not. */
function writerReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error): void => {
      worker.off('message', onMessage);
      worker.off('error', settle);
      worker.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onMessage = (data: unknown): void => {
      const message = data as Partial<ControlMessage> | null;
      if (message?.kind === 'ready') settle();
      else if (message?.kind === 'failed')
        settle(new NewsApiError((message.code ?? 'INTERNAL') as ErrorCode, message.message ?? ''));
    };
    const onExit = (code: number): void => {
      settle(new Error(`the library's writer stopped before it opened (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', settle);
    worker.on('exit', onExit);
  });
}

/** Asks the writer to close its files and waits until it has (bounded), then stops its thread. */
async function closeWriter(worker: Worker): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CLOSE_MS);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    worker.on('message', (data: unknown) => {
      if ((data as { kind?: unknown } | null)?.kind === 'closed') done();
    });
    worker.once('exit', done);
    worker.postMessage({ kind: 'shutdown' } satisfies ControlMessage);
  });
  await worker.terminate();
}
