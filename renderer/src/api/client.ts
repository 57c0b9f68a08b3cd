import { fromRemote } from '../../../app/shared/client.ts';
import type { NewsClient, RemoteNewsApi } from '../../../app/shared/contract.ts';
import { httpRemote } from './http-remote.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly heitu?: RemoteNewsApi;
  }
}

/** The desktop app's preload bridge when present, browser mode's HTTP transport otherwise. */
export function connect(): NewsClient {
  return fromRemote(window.heitu ?? httpRemote());
}
