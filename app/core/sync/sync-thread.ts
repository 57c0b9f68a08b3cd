/**
 * The library's side of the sync worker (sync-worker.ts): starts it on first use, runs one sync
 * at a time in it, answers what it asks of the library (in this thread, which owns SQLite), and
 * turns its death into a failed sync rather than a hang.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { NewsApiError } from '../../shared/errors.ts';
import type { NewImage } from '../db/images-repo.ts';
import type { SourceResult } from '../db/sync-writer.ts';
import { createLogger } from '../log.ts';
import type { Progress, SourceOutcome, SyncEnvironment } from './engine.ts';
import type { BudgetLimits } from './budget.ts';
import type { FetcherOptions } from './fetch.ts';
import type { Source } from './sources-file.ts';

const log = createLogger('sync-thread');

export type SyncThreadRequest =
  | { readonly op: 'state'; readonly args: [id: string] }
  | { readonly op: 'known'; readonly args: [url: string] }
  | { readonly op: 'forgotten'; readonly args: [urls: readonly string[]] }
  | { readonly op: 'write'; readonly args: [result: SourceResult] }
  | {
      readonly op: 'recordError';
      readonly args: [id: string, message: string, at: number, nextDueAt: number];
    };

/** worker → library */
export type SyncWorkerMessage =
  | ({ readonly kind: 'ask'; readonly id: number } & SyncThreadRequest)
  | { readonly kind: 'progress'; readonly progress: Progress }
  | { readonly kind: 'done'; readonly outcomes: SourceOutcome[] }
  | { readonly kind: 'failed'; readonly message: string };

/** What the library lends the worker's engine: everything in SyncEnvironment but the network. */
export type LibrarySide = Omit<SyncEnvironment, 'fetcher' | 'now' | 'budget'>;

export interface SyncWorkerData {
  readonly fetcher: FetcherOptions;
  /** The library file whose write-ahead log the worker checkpoints (null: in memory). */
  readonly library: string | null;
  /** better-sqlite3's entry point, resolved here (it may be inside an asar archive). */
  readonly driver: string;
}

export class SyncThread {
  readonly #data: SyncWorkerData;
  #worker: Worker | null = null;

  constructor(fetcher: FetcherOptions, library: string | null) {
    this.#data = {
      fetcher,
      library,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    };
  }

  run(
    sources: readonly Source[],
    library: LibrarySide,
    limits: BudgetLimits | undefined,
    onProgress: (progress: Progress) => void,
  ): Promise<SourceOutcome[]> {
    const worker = (this.#worker ??= this.#start());
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        worker.postMessage({ kind: 'cancel' });
      };
      library.signal?.addEventListener('abort', onAbort);
      const finish = (): void => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        library.signal?.removeEventListener('abort', onAbort);
      };
      const onExit = (code: number): void => {
        finish();
        reject(new NewsApiError('INTERNAL', `The sync stopped: its worker exited (${code}).`));
      };
      const onMessage = (message: SyncWorkerMessage): void => {
        switch (message.kind) {
          case 'ask':
            void answer(library, message).then((reply) => {
              worker.postMessage({ kind: 'answer', id: message.id, ...reply });
            });
            break;
          case 'progress':
            onProgress(message.progress);
            break;
          case 'done':
            finish();
            resolve(message.outcomes);
            break;
          case 'failed':
            finish();
            reject(new NewsApiError('INTERNAL', `The sync failed: ${message.message}`));
            break;
        }
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ kind: 'run', sources, limits });
    });
  }

  /** Stops the worker (a sync running in it is cancelled first by its signal). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) await worker.terminate();
  }

  #start(): Worker {
    const worker = new Worker(workerUrl(), { workerData: this.#data });
    worker.unref();
    worker.on('error', (error) => {
      log.error('the sync worker failed', error);
    });
    worker.once('exit', () => {
      if (this.#worker === worker) this.#worker = null;
    });
    return worker;
  }
}

async function answer(
  library: LibrarySide,
  request: SyncThreadRequest,
): Promise<{ value: unknown } | { error: { code: string; message: string } }> {
  try {
    switch (request.op) {
      case 'state':
        return { value: await library.state(...request.args) };
      case 'known':
        return { value: await library.known(...request.args) };
      case 'forgotten':
        return { value: await library.forgotten(...request.args) };
      case 'write':
        return { value: await library.write(withBuffers(request.args[0])) };
      case 'recordError':
        await library.recordError(...request.args);
        return { value: null };
    }
  } catch (error) {
    const payload =
      error instanceof NewsApiError
        ? error.toPayload()
        : { code: 'INTERNAL', message: (error as Error).message };
    return { error: payload };
  }
}

/** Structured cloning turns a Buffer into a plain Uint8Array; SQLite binds Buffers. */
function withBuffers(result: SourceResult): SourceResult {
  return {
    ...result,
    images: result.images.map((image): NewImage => ({
      ...image,
      bytes: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
    })),
  };
}

/** Beside this module from source, or beside the bundle that holds it. */
function workerUrl(): URL {
  for (const name of ['./sync-worker.ts', './sync-worker.mjs', './sync-worker.cjs']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error('the sync worker script is missing');
}
