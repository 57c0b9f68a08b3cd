/**
 * Browser mode's library thread: the HTTP server's thread starts this worker
 * (library-supervisor.ts) and talks to it over the message protocol, so SQLite, sync and the
 * scheduler never hold the thread that answers the browser.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { NewsApiError } from '../../shared/errors.ts';
import type { ControlMessage } from '../../shared/port-protocol.ts';
import { createLogger } from '../log.ts';
import { openLibraryHost, type LibraryHost, type LibraryHostOptions } from './library-host.ts';
import { callsOnly, nodeEndpoint } from './node-endpoint.ts';

const log = createLogger('library-worker');

if (parentPort === null) throw new Error('library-worker.ts runs as a worker thread only');
const port = parentPort;
let host: LibraryHost | null = null;
try {
  host = openLibraryHost(workerData as LibraryHostOptions);
  host.serve(callsOnly(nodeEndpoint(port)), 'trusted');
  port.postMessage({ kind: 'ready' } satisfies ControlMessage);
} catch (error) {
  const payload =
    error instanceof NewsApiError
      ? error.toPayload()
      : { code: 'INTERNAL', message: `The library could not open: ${(error as Error).message}` };
  if (error instanceof NewsApiError) log.warn(`the library could not open: ${error.message}`);
  else log.error('the library could not open', error);
  port.postMessage({ kind: 'failed', ...payload } satisfies ControlMessage);
}

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
