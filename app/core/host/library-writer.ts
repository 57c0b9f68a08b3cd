/**
 * The library's writer: a worker thread of the library's process or thread (library-router.ts
 * starts it), which owns NewsService's connection, the sync, the scheduler and pruning. It
 * answers the router's calls over the message protocol: every write, and the reads of what only
 * it holds (the sync's state); the router answers the other reads on a read-only connection of
 * its own, so that no read waits behind a write and the router is never busy writing.
 *
 * Its thread yields the CPU to the threads that answer the reader, like the sync's and the
 * indexer's (thread-priority.ts): its transactions are bulk work, and the reads no longer wait
 * for them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ControlMessage } from '../../shared/port-protocol.ts';
import { createLogger } from '../log.ts';
import { openForParent, type LibraryHost, type LibraryHostOptions } from './library-host.ts';
import { lowerThreadPriority } from '../thread-priority.ts';
import { nodeEndpoint } from './node-endpoint.ts';

const log = createLogger('library-writer');

lowerThreadPriority();

if (parentPort === null) throw new Error('library-writer.ts runs as a worker thread only');
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
