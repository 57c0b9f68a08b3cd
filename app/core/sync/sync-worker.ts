/**
 * The sync engine's own thread inside the library's process: fetching, decoding, parsing feeds
 * and portal pages, sanitising and tagging (the CPU-heavy part of a sync: a large feed takes
 * hundreds of milliseconds to parse) run here, so the library's thread stays free to answer the
 * reader. What touches the library (source state, known URLs, writes, errors) is asked of the
 * library's thread by message (sync-thread.ts), which writes in short transactions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { NewsApiError, isErrorPayload } from '../../shared/errors.ts';
import type { SourceState } from '../db/sources-repo.ts';
import { syncSources } from './engine.ts';
import { createFetcher, type FetcherOptions } from './fetch.ts';
import type { Source } from './sources-file.ts';
import type { SyncThreadRequest, SyncWorkerMessage } from './sync-thread.ts';

if (parentPort === null) throw new Error('sync-worker.ts runs as a worker thread only');
const port = parentPort;
const fetcher = createFetcher(workerData as FetcherOptions);
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

async function run(sources: readonly Source[]): Promise<void> {
  abort = new AbortController();
  try {
    const outcomes = await syncSources(
      sources,
      {
        fetcher,
        now: Date.now,
        state: (id) => ask('state', [id]) as Promise<SourceState | null>,
        known: (url) => ask('known', [url]) as Promise<boolean>,
        write: (result) => ask('write', [result]) as Promise<{ inserted: number; updated: number }>,
        recordError: async (id, message, at, nextDueAt) => {
          await ask('recordError', [id, message, at, nextDueAt]);
        },
        signal: abort.signal,
      },
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
  if (message.kind === 'run') void run(message.sources as Source[]);
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
