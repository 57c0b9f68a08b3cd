/**
 * Browser mode's library thread: the HTTP server's thread starts this worker
 * (library-supervisor.ts) and talks to it over the message protocol, so SQLite, sync and the
 * scheduler never hold the thread that answers the browser.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ControlMessage } from '../../shared/port-protocol.ts';
import { createLogger } from '../log.ts';
import { openForParent, type LibraryHost, type LibraryHostOptions } from './library-host.ts';
import { nodeEndpoint } from './node-endpoint.ts';

const log = createLogger('library-worker');

if (parentPort === null) throw new Error('library-worker.ts runs as a worker thread only');
const port = parentPort;
let host: LibraryHost | null = openForParent(workerData as LibraryHostOptions, nodeEndpoint(port));
// One that could not open has said why; there is nothing more for it to do.
if (host === null) port.close();

port.on('message', (data: unknown) => {
  if ((data as { kind?: unknown } | null)?.kind !== 'shutdown') return;
  // Closing waits for the library's current transaction and its indexing worker (bounded).
  try {
    host?.close();
  } catch (error) {
    log.error('closing the library failed', error);
  }
  host = null;
  port.postMessage({ kind: 'closed' } satisfies ControlMessage);
  port.close();
});
