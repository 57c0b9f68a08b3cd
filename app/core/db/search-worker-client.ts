/**
 * The app's side of the indexing worker (search-worker.ts): starts it, hands it messages, and
 * closes it. search-index.ts decides what to send and what to do when the worker fails.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SearchWorkerData, SearchWorkerMessage } from './search-worker.ts';

/** How long closing waits for the worker to close its files. */
const CLOSE_WAIT_MS = 5000;

export class IndexWorker {
  readonly #worker: Worker;
  readonly #state: BigInt64Array;

  /**
   * Starts the worker on the library file `library` and the index file `index`; `state` is shared
   * with it ([0]: the last sequence number applied; [1]: 1 once it has closed its files).
   * `background`: the worker lowers its own CPU priority (thread-priority.ts). `onFailure` is
   * called when it fails or stops on its own. Throws when it cannot start.
   */
  constructor(
    library: string,
    index: string,
    state: BigInt64Array,
    background: boolean,
    onFailure: (why: string, error?: unknown) => void,
  ) {
    const workerData: SearchWorkerData = {
      library,
      index,
      background,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      state: state.buffer as SharedArrayBuffer,
    };
    const worker = new Worker(workerUrl(), { workerData });
    worker.unref();
    worker.on('error', (error) => onFailure('failed', error));
    worker.on('exit', (code) => onFailure(`stopped with code ${code}`));
    this.#worker = worker;
    this.#state = state;
  }

  post(message: SearchWorkerMessage): void {
    this.#worker.postMessage(message);
  }

  /**
   * Asks the worker to close, and waits (bounded) until it has closed its connections: the files
   * are free when the library is closed, for a test that deletes its folder or a process that
   * exits; and a worker still loading SQLite's addon is not torn down mid-load with the process.
   */
  close(): void {
    this.post({ type: 'close' });
    Atomics.wait(this.#state, 1, 0n, CLOSE_WAIT_MS);
    this.#worker.unref();
  }
}

/**
 * The worker's script: beside this module when run from source (search-worker.ts), or beside the
 * bundle that contains this module (dist/main/search-worker.cjs, dist/cli/search-worker.mjs).
 */
function workerUrl(): URL {
  for (const name of ['./search-worker.ts', './search-worker.mjs', './search-worker.cjs']) {
    const url = new URL(name, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error('the search index worker script is missing');
}
