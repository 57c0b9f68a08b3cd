/**
 * Browser mode's library thread: the HTTP server's thread starts this worker
 * (library-supervisor.ts) and talks to it over the message protocol, so SQLite, sync and the
 * scheduler never hold the thread that answers the browser. This thread receives the calls and
 * answers the reads; the writes go to the library's writer, a worker of its own
 * (library-router.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ControlMessage } from '../../shared/port-protocol.ts';
import { createLogger } from '../log.ts';
import type { LibraryHostOptions } from './library-host.ts';
import { openRouterForParent } from './library-router.ts';
import { nodeEndpoint } from './node-endpoint.ts';

const log = createLogger('library-worker');

if (parentPort === null) throw new Error('library-worker.ts runs as a worker thread only');
const port = parentPort;
const opened = openRouterForParent(workerData as LibraryHostOptions, nodeEndpoint(port), (why) => {
  // The writer died: this thread ends too, and the supervisor starts the library again.
  log.error(`the library stopped: ${why}`);
  process.exit(1);
});
// One that could not open has said why; there is nothing more for it to do.
void opened.then((router) => {
  if (router === null) port.close();
});

// A shutdown asked for while the library opens is carried out once it has.
port.on('message', (data: unknown) => {
  if ((data as { kind?: unknown } | null)?.kind !== 'shutdown') return;
  void opened.then(async (router) => {
    // Closing waits for the writer's current transaction and its indexing worker (bounded).
    try {
      await router?.close();
    } catch (error) {
      log.error('closing the library failed', error);
    }
    port.postMessage({ kind: 'closed' } satisfies ControlMessage);
    port.close();
  });
});
