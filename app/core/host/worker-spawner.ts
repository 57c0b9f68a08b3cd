/** Browser mode's library child: a worker thread of the server's process. */
import { Worker } from 'node:worker_threads';
import { createLogger } from '../log.ts';
import type { LibraryHostOptions } from './library-host.ts';
import type { SpawnLibrary } from './library-supervisor.ts';
import { workerScript } from '../worker-script.ts';
import { nodeEndpoint } from './node-endpoint.ts';

const log = createLogger('library-worker');

/** Browser mode's child: the library in a worker thread of this process. */
export function workerSpawner(options: Omit<LibraryHostOptions, 'startNotices'>): SpawnLibrary {
  return (notices) => {
    const worker = new Worker(workerScript('library-worker', import.meta.url), {
      workerData: { ...options, startNotices: notices } satisfies LibraryHostOptions,
    });
    const exits: ((why: string) => void)[] = [];
    let gone: string | null = null;
    const exited = (why: string): void => {
      if (gone !== null) return;
      gone = why;
      for (const listener of exits) listener(why);
    };
    worker.on('error', (error) => {
      log.error('the library worker failed', error);
      exited(`failed: ${error.message}`);
    });
    worker.on('exit', (code) => exited(`exit code ${code}`));
    return {
      endpoint: nodeEndpoint(worker),
      onExit(listener) {
        if (gone !== null) listener(gone);
        else exits.push(listener);
      },
      kill() {
        void worker.terminate();
      },
    };
  };
}
