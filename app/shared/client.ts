import { NEWS_API_METHODS, type NewsClient, type RemoteNewsApi } from './contract.ts';
import { unwrapResult } from './errors.ts';

/**
 * Turns a transport (Electron's preload or the browser-mode HTTP client) into the NewsClient the
 * renderer uses: one method per contract entry, each resolving to its value or rejecting with a
 * NewsApiError that keeps its code.
 */
export function fromRemote(remote: RemoteNewsApi): NewsClient {
  const client: Record<string, unknown> = {
    subscribe: remote.subscribe.bind(remote),
  };
  for (const method of NEWS_API_METHODS) {
    const call = remote[method] as (...args: unknown[]) => Promise<unknown>;
    client[method] = async (...args: unknown[]) => unwrapResult(await call(...args));
  }
  return client as unknown as NewsClient;
}
