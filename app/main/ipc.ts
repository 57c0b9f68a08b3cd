import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  NEWS_API_METHODS,
  ipcChannel,
  type NewsClient,
} from '../shared/contract.ts';
import type { CallResult } from '../shared/errors.ts';
import { dispatch } from '../core/dispatch.ts';
import { createLogger } from '../core/log.ts';
import { isTrustedSender } from './policy.ts';

const log = createLogger('ipc');

/**
 * One `ipcMain.handle` per contract method. Each handler first checks that the call comes from
 * our own window's top frame at app://heitu, then lets `dispatch` validate the arguments.
 */
export function registerIpc(api: NewsClient, ownWindow: () => WebContents | null): () => void {
  const isTrusted = (event: IpcMainInvokeEvent): boolean => {
    const own = ownWindow();
    return isTrustedSender(
      event,
      own === null ? null : { contents: own, mainFrame: own.mainFrame },
    );
  };

  for (const method of NEWS_API_METHODS) {
    ipcMain.handle(
      ipcChannel(method),
      async (event, ...args: unknown[]): Promise<CallResult<unknown>> => {
        if (!isTrusted(event)) {
          log.warn(`refused ${method} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
          return {
            ok: false,
            error: {
              code: 'FORBIDDEN',
              message: 'Calls are accepted only from the app’s own window.',
            },
          };
        }
        return dispatch(api, method, args);
      },
    );
  }

  const unsubscribe = api.subscribe((event) => {
    const own = ownWindow();
    if (own !== null && !own.isDestroyed()) own.send(IPC_EVENT_CHANNEL, event);
  });

  return () => {
    unsubscribe();
    for (const method of NEWS_API_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}
