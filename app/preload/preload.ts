/**
 * The sandboxed preload: exposes `window.heitu`, one function per contract method and a
 * subscribe for events, nothing else (no ipcRenderer, no port, no generic send/on). Bundled into
 * a single file because a sandboxed preload cannot require our modules.
 *
 * Calls travel over a MessagePort straight to the library's process: the preload asks main for
 * one, main hands it over to our own window only, and the port stays here, behind the context
 * bridge. If the library dies, calls in flight fail with UNAVAILABLE, new ones wait, and main
 * hands over a new port once it has restarted the library.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { NEWS_API_METHODS, type NewsListener } from '../shared/contract.ts';
import {
  CONNECT_CHANNEL,
  LIBRARY_DOWN_CHANNEL,
  PORT_CHANNEL,
  UPDATE_READY_CHANNEL,
} from '../shared/port-channels.ts';
import { createReconnectingRemote, type PortEndpoint } from '../shared/port-protocol.ts';

const remote = createReconnectingRemote();

function domEndpoint(port: MessagePort): PortEndpoint {
  return {
    post: (message) => {
      port.postMessage(message);
    },
    listen: (handler) => {
      const listener = (event: MessageEvent): void => {
        handler(event.data);
      };
      port.addEventListener('message', listener);
      port.start();
      return () => {
        port.removeEventListener('message', listener);
        port.close();
      };
    },
  };
}

ipcRenderer.on(PORT_CHANNEL, (event) => {
  const [port] = event.ports;
  if (port !== undefined) remote.attach(domEndpoint(port));
});
ipcRenderer.on(LIBRARY_DOWN_CHANNEL, (_event, willRestart: unknown) => {
  if (willRestart === false)
    remote.fail('The library keeps stopping. Quit and restart Heitu Reader.');
  else remote.detach();
});
ipcRenderer.send(CONNECT_CHANNEL);

const bridge: Record<string, unknown> = {
  subscribe(listener: NewsListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('subscribe takes a function');
    const unsubscribe = remote.subscribe((event) => {
      listener(event);
    });
    // The one event that comes from main rather than the library: an update is ready.
    const onUpdate = (_event: unknown, version: unknown): void => {
      if (typeof version === 'string') listener({ type: 'updateReady', version });
    };
    ipcRenderer.on(UPDATE_READY_CHANNEL, onUpdate);
    return () => {
      unsubscribe();
      ipcRenderer.removeListener(UPDATE_READY_CHANNEL, onUpdate);
    };
  },
};
for (const method of NEWS_API_METHODS) {
  const call = remote[method] as (...args: unknown[]) => Promise<unknown>;
  bridge[method] = (...args: unknown[]): Promise<unknown> => call(...args);
}

contextBridge.exposeInMainWorld('heitu', bridge);
