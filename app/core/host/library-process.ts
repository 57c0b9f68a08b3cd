/**
 * The desktop app's library process: Electron's main process starts this file with
 * `utilityProcess.fork` (app/main/library.ts). It owns SQLite, sync, the scheduler, the image
 * cache and the search index's worker. Main talks to it over the process's parent port (control
 * messages, and its own calls: images for app://, bookmark files, the menu's language); each
 * window gets a MessagePort of its own, handed over by main, so that the renderer's calls reach
 * the library without passing through main.
 *
 * Electron's types are not imported here (app/core never imports electron): the few members of
 * `process.parentPort` and MessagePortMain used are described by the interfaces below.
 */
import type { ControlMessage, PortEndpoint } from '../../shared/port-protocol.ts';
import { createLogger } from '../log.ts';
import {
  openForParent,
  type LibraryHost,
  type LibraryHostOptions,
  type PortRole,
} from './library-host.ts';

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
let host: LibraryHost | null = null;

parent.on('message', ({ data, ports }) => {
  const message = data as Partial<ProcessControl | ControlMessage> | null;
  switch (message?.kind) {
    case 'start':
      start(message.options);
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
      // Between two messages no transaction is open: closing waits only for the indexing worker.
      try {
        host?.close();
      } catch (error) {
        log.error('closing the library failed', error);
      }
      host = null;
      parent.postMessage({ kind: 'closed' } satisfies ControlMessage);
      process.exit(0);
  }
});

function start(options: LibraryHostOptions | undefined): void {
  if (host !== null || options === undefined) return;
  host = openForParent(options, portEndpoint(parent));
}
