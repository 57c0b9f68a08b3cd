import {
  NEWS_API_METHODS,
  type NewsApi,
  type NewsClient,
  type NewsMethod,
  type RemoteNewsApi,
} from './contract.ts';
import { unwrapResult, type CallResult } from './errors.ts';

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

/** What `method` resolves to, by the contract. */
export type NewsResult<M extends NewsMethod> = Awaited<ReturnType<NewsApi[M]>>;

/** A transport's call of a method by name, its arguments still unchecked. */
export type UntypedCall = (
  method: NewsMethod,
  args: readonly unknown[],
) => Promise<CallResult<unknown>>;

/**
 * A call by name whose arguments come unchecked (a command line's flags, a file's contents) and
 * are checked by the method's validator on the way in, typed by the contract on the way out: a
 * contract change that breaks what a caller reads fails to compile, not at run time.
 */
export type TypedCall = <M extends NewsMethod>(
  method: M,
  args: readonly unknown[],
) => Promise<CallResult<NewsResult<M>>>;

/** `call` (core/dispatch.ts: validates, then calls the method by that name), typed by the contract. */
export function typedCall(call: UntypedCall): TypedCall {
  // The one place the result's type is asserted: `call` ran the method named, whose result
  // NewsApi declares.
  return <M extends NewsMethod>(method: M, args: readonly unknown[]) =>
    call(method, args) as Promise<CallResult<NewsResult<M>>>;
}
