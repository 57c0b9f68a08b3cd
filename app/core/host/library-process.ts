/**
 * The desktop app's library process: Electron's main process starts this file with
 * `utilityProcess.fork` (app/main/library.ts). It owns SQLite, sync, the scheduler, the image
 * cache and the search index's worker. Its main thread receives every call and answers the reads
 * on a read-only connection; the writes go to the library's writer, a worker thread of this
 * process (library-router.ts). Main talks to it over the process's parent port (control
 * messages, and its own calls: images for app://, bookmark files, the menu's language); each
 * window gets a MessagePort of its own, handed over by main, so that the renderer's calls reach
 * the library without passing through main.
 *
 * Electron's types are not imported here (app/core never imports electron): the few members of
 * `process.parentPort` and MessagePortMain used are described by the interfaces below.
 */
import type { ControlMessage, PortEndpoint } from '../../shared/port-protocol.ts';
import { createLogger } from '../log.ts';
import type { LibraryHostOptions, PortRole } from './library-host.ts';
import { openRouterForParent, type LibraryRouter } from './library-router.ts';

const log = createLogger('library-process');

/** Electron's MessagePortMain, as far as it is used here. */
interface MainPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** Electron's `process.parentPort` in a utility process. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: MainPort[] }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown; ports: MainPort[] }) => void): unknown;
  postMessage(message: unknown): void;
}

/** main → library, beside the protocol's calls and ControlMessage. */
export type ProcessControl =
  | { readonly kind: 'start'; readonly options: LibraryHostOptions }
  | { readonly kind: 'connect'; readonly role: PortRole };

function portEndpoint(port: MainPort | ParentPort): PortEndpoint {
  return {
    post: (message) => {
      port.postMessage(message);
    },
    listen: (handler) => {
      const listener = (event: { data: unknown }): void => {
        handler(event.data);
      };
      port.on('message', listener);
      return () => {
        port.off('message', listener);
      };
    },
  };
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (parentPort === undefined)
  throw new Error('library-process runs in an Electron utility process');
const parent = parentPort;
let host: LibraryRouter | null = null;
let starting = false;

parent.on('message', ({ data, ports }) => {
  const message = data as Partial<ProcessControl | ControlMessage> | null;
  switch (message?.kind) {
    case 'start':
      void start(message.options);
      break;
    case 'connect': {
      const port = ports[0];
      if (host === null || port === undefined) {
        port?.close();
        break;
      }
      const stop = host.serve(
        portEndpoint(port),
        message.role === 'trusted' ? 'trusted' : 'renderer',
      );
      // A reloaded or closed window closes its end: stop answering it.
      port.on('close', stop);
      port.start();
      break;
    }
    case 'shutdown':
      void shutdown();
  }
});

async function start(options: LibraryHostOptions | undefined): Promise<void> {
  if (starting || options === undefined) return;
  starting = true;
  host = await openRouterForParent(options, portEndpoint(parent), (why) => {
    // The writer died: this process ends too, and main starts the library again.
    log.error(`the library stopped: ${why}`);
    process.exit(1);
  });
}

/** Waits for the writer to finish its transaction and close its files (bounded), then exits. */
async function shutdown(): Promise<void> {
  try {
    await host?.close();
  } catch (error) {
    log.error('closing the library failed', error);
  }
  host = null;
  parent.postMessage({ kind: 'closed' } satisfies ControlMessage);
  process.exit(0);
}
