/**
 * The sandboxed preload: exposes `window.heitu`, one function per contract method and a
 * subscribe for events, nothing else (no ipcRenderer, no generic send/on). Bundled into a single
 * file because a sandboxed preload cannot require our modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  NEWS_API_METHODS,
  ipcChannel,
  type NewsEvent,
  type NewsListener,
} from '../shared/contract.ts';

const bridge: Record<string, unknown> = {
  subscribe(listener: NewsListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('subscribe takes a function');
    // The renderer sees the event data only, never Electron's IPC event object.
    const forward = (_event: unknown, data: NewsEvent): void => listener(data);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};
for (const method of NEWS_API_METHODS) {
  bridge[method] = (...args: unknown[]): Promise<unknown> =>
    ipcRenderer.invoke(ipcChannel(method), ...args);
}

contextBridge.exposeInMainWorld('heitu', bridge);
