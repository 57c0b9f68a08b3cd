/**
 * The library in an Electron utilityProcess (app/core/host/library-process.ts), supervised: main
 * imports nothing that opens SQLite. Each window gets a MessagePort straight to the library
 * (Electron's MessageChannelMain pattern), asked for by its preload and handed over only to our
 * own window's top frame; after a restart the window gets a new one at once.
 */
import { join } from 'node:path';
import {
  MessageChannelMain,
  ipcMain,
  utilityProcess,
  type IpcMainEvent,
  type UtilityProcess,
  type WebContents,
} from 'electron';
import type { LibraryHostOptions } from '../core/host/library-host.ts';
import type { ProcessControl } from '../core/host/library-process.ts';
import { LibrarySupervisor, type SpawnLibrary } from '../core/host/library-supervisor.ts';
import { createLogger } from '../core/log.ts';
import { CONNECT_CHANNEL, LIBRARY_DOWN_CHANNEL, PORT_CHANNEL } from '../shared/port-channels.ts';
import { isTrustedSender } from './policy.ts';

const log = createLogger('library');

type Options = Omit<LibraryHostOptions, 'startNotices'>;

/** Starts the library's process from `script`; `spawned` learns of each new one. */
function utilitySpawner(
  script: string,
  options: Options,
  spawned: (child: UtilityProcess) => void,
): SpawnLibrary {
  return (notices) => {
    const child = utilityProcess.fork(script, [], {
      serviceName: 'Heitu Reader library',
      stdio: 'inherit',
    });
    spawned(child);
    const exits: ((why: string) => void)[] = [];
    let gone: string | null = null;
    child.once('exit', (code) => {
      gone = `exit code ${code}`;
      for (const listener of exits) listener(gone);
    });
    child.postMessage({
      kind: 'start',
      options: { ...options, startNotices: notices },
    } satisfies ProcessControl);
    return {
      endpoint: {
        post: (message) => {
          child.postMessage(message);
        },
        listen: (handler) => {
          child.on('message', handler);
          return () => {
            child.off('message', handler);
          };
        },
      },
      onExit(listener) {
        if (gone !== null) listener(gone);
        else exits.push(listener);
      },
      kill() {
        child.kill();
      },
    };
  };
}

export interface DesktopLibrary {
  readonly supervisor: LibrarySupervisor;
  /** Stops answering windows' requests for ports (the library itself: supervisor.close()). */
  readonly dispose: () => void;
}

/**
 * Starts the library and answers a window that asks for a port. `ownWindow` is the one window
 * whose top frame at app://heitu may have one.
 */
export async function startLibrary(
  distDir: string,
  options: Options,
  ownWindow: () => WebContents | null,
): Promise<DesktopLibrary> {
  let child: UtilityProcess | null = null;
  let ready = false;
  /** A window asked for a port while the library was starting: it gets one once it is up. */
  let asked = false;
  const handOver = (contents: WebContents): void => {
    if (child === null || contents.isDestroyed()) return;
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ kind: 'connect', role: 'renderer' } satisfies ProcessControl, [port1]);
    contents.postMessage(PORT_CHANNEL, null, [port2]);
  };
  const onConnect = (event: IpcMainEvent): void => {
    const own = ownWindow();
    if (
      !isTrustedSender(event, own === null ? null : { contents: own, mainFrame: own.mainFrame })
    ) {
      log.warn(`refused a library port to ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return;
    }
    if (ready) handOver(event.sender);
    else asked = true;
  };
  ipcMain.on(CONNECT_CHANNEL, onConnect);
  const script = join(distDir, 'main', 'library.cjs');
  const supervisor = await LibrarySupervisor.start(
    utilitySpawner(script, options, (spawned) => {
      child = spawned;
      ready = false;
    }),
    {
      onReady: (_child, restart) => {
        ready = true;
        // After a restart the window's port died with the old process: it gets a new one at once.
        const own = ownWindow();
        if (own !== null && (asked || restart)) handOver(own);
        asked = false;
      },
      onDown: (why, willRestart) => {
        ready = false;
        log.warn(`the library stopped (${why}); ${willRestart ? 'restarting it' : 'giving up'}`);
        const own = ownWindow();
        if (own !== null && !own.isDestroyed()) own.send(LIBRARY_DOWN_CHANNEL, willRestart);
      },
    },
  ).catch((error: unknown) => {
    ipcMain.off(CONNECT_CHANNEL, onConnect);
    throw error;
  });
  return {
    supervisor,
    dispose: () => {
      ipcMain.off(CONNECT_CHANNEL, onConnect);
    },
  };
}
