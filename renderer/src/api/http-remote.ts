import {
  NEWS_API_METHODS,
  type NewsEvent,
  type NewsListener,
  type RemoteNewsApi,
} from '../../../app/shared/contract.ts';
import type { CallResult } from '../../../app/shared/errors.ts';

/**
 * Browser mode's transport: `POST /api/<method>` with the JSON argument list, events over
 * server-sent events on `/api/events`. The access token travels in an HttpOnly cookie that the
 * server set when the printed URL was opened.
 */
export function httpRemote(base = ''): RemoteNewsApi {
  const listeners = new Set<NewsListener>();
  let source: EventSource | null = null;

  const ensureStream = (): void => {
    if (source !== null) return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as NewsEvent;
      for (const listener of listeners) listener(event);
    };
  };

  const remote: Record<string, unknown> = {
    subscribe(listener: NewsListener): () => void {
      listeners.add(listener);
      ensureStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source !== null) {
          source.close();
          source = null;
        }
      };
    },
  };
  for (const method of NEWS_API_METHODS) {
    remote[method] = async (...args: unknown[]): Promise<CallResult<unknown>> => {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(args),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'The reader’s local server is not answering.' },
        };
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `${response.status} ${(await response.text()).trim()}`,
          },
        };
      }
      return (await response.json()) as CallResult<unknown>;
    };
  }
  return remote as RemoteNewsApi;
}
