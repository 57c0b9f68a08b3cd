/**
 * The message protocol between the library (its own process or thread) and those who call it: the
 * renderer (over a MessagePort handed over by Electron's main process), main itself, and the
 * browser-mode server. Like IPC and HTTP it is generated from NEWS_API_METHODS; the library's side
 * validates every argument (app/core/host/library-host.ts). Pure: no Node, no DOM. Each side
 * adapts its own port (Node's worker MessagePort, Electron's MessagePortMain, the DOM's
 * MessagePort) to `PortEndpoint`.
 */
import * as v from 'valibot';
import {
  NEWS_API_METHODS,
  type NewsEvent,
  type NewsListener,
  type NewsMethod,
  type RemoteNewsApi,
} from './contract.ts';
import type { CallResult } from './errors.ts';

/** Calls that only main and the browser-mode server may make (never a renderer's port). */
export const INTERNAL_METHODS = ['getImage'] as const;
export type InternalMethod = (typeof INTERNAL_METHODS)[number];

export const INTERNAL_ARGS: Readonly<Record<InternalMethod, v.GenericSchema>> = {
  getImage: v.strictTuple([v.pipe(v.number(), v.safeInteger(), v.minValue(1))]),
};

/** A cached image as the library hands it to the app:// protocol or browser mode's /images. */
export interface ImageBytes {
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** caller → library */
export interface CallMessage {
  readonly kind: 'call';
  readonly id: number;
  readonly method: string;
  readonly args: unknown;
}

/** library → caller */
export type LibraryMessage =
  | { readonly kind: 'result'; readonly id: number; readonly result: CallResult<unknown> }
  | { readonly kind: 'event'; readonly event: NewsEvent };

/** Lifecycle messages between a library's process or thread and whoever started it. */
export type ControlMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string }
  | { readonly kind: 'shutdown' }
  | { readonly kind: 'closed' };

/** One side of a message channel, whatever its runtime. */
export interface PortEndpoint {
  post(message: unknown): void;
  /** Starts delivering messages to `handler`; returns a function that stops it. */
  listen(handler: (data: unknown) => void): () => void;
}

export const UNAVAILABLE_MESSAGE =
  'The library stopped before it answered. It is being restarted; try again in a moment.';

/** The caller's side: one function per method, results as data; never hangs on a dead library. */
export interface PortRemote extends RemoteNewsApi {
  /** Any method, by name, with its arguments as received (validated by the library). */
  call(method: string, args: unknown): Promise<CallResult<unknown>>;
  /** Fails every call in flight (and every later one) with UNAVAILABLE: the library is gone. */
  fail(message?: string): void;
  /** Calls waiting for an answer. */
  readonly pending: number;
}

export function createPortRemote(endpoint: PortEndpoint): PortRemote {
  const waiting = new Map<number, (result: CallResult<unknown>) => void>();
  const listeners = new Set<NewsListener>();
  let nextId = 1;
  let failure: string | null = null;

  const stop = endpoint.listen((data) => {
    const message = data as Partial<LibraryMessage> | null;
    if (typeof message !== 'object' || message === null) return;
    if (message.kind === 'result' && typeof message.id === 'number') {
      const settle = waiting.get(message.id);
      waiting.delete(message.id);
      settle?.(
        message.result ?? {
          ok: false,
          error: { code: 'INTERNAL', message: 'The library answered with nothing.' },
        },
      );
    } else if (message.kind === 'event' && message.event !== undefined) {
      for (const listener of listeners) listener(message.event);
    }
  });

  const unavailable = (message: string): CallResult<unknown> => ({
    ok: false,
    error: { code: 'UNAVAILABLE', message },
  });

  const call = (method: string, args: unknown): Promise<CallResult<unknown>> => {
    if (failure !== null) return Promise.resolve(unavailable(failure));
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      try {
        endpoint.post({ kind: 'call', id, method, args } satisfies CallMessage);
      } catch {
        // A closed port throws on post: the same as a library that died.
        waiting.delete(id);
        resolve(unavailable(UNAVAILABLE_MESSAGE));
      }
    });
  };

  const remote: Record<string, unknown> = {
    call,
    fail(message = UNAVAILABLE_MESSAGE): void {
      failure = message;
      stop();
      for (const settle of waiting.values()) settle(unavailable(message));
      waiting.clear();
    },
    get pending(): number {
      return waiting.size;
    },
    subscribe(listener: NewsListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  addMethods(remote, call);
  return remote as unknown as PortRemote;
}

/** One function per contract method, each a call by name: the remote is generated, not written. */
function addMethods(
  remote: Record<string, unknown>,
  call: (method: string, args: unknown) => Promise<CallResult<unknown>>,
): void {
  for (const method of NEWS_API_METHODS) {
    remote[method] = (...args: unknown[]) => call(method, args);
  }
}

export function isInternalMethod(name: unknown): name is InternalMethod {
  return typeof name === 'string' && (INTERNAL_METHODS as readonly string[]).includes(name);
}

export type { NewsMethod };

/**
 * A remote that outlives the library's process: calls made while it is down wait for the next
 * one (`attach`), calls in flight when it dies get UNAVAILABLE (`detach`), and listeners stay
 * subscribed across restarts. Used by the preload (ports handed over by main) and by whoever
 * supervises a library worker (app/core/host/library-supervisor.ts).
 */
export interface ReconnectingRemote extends PortRemote {
  /** A new library answers on `endpoint`; waiting calls go to it. */
  attach(endpoint: PortEndpoint): void;
  /** The library went away: calls in flight fail; new calls wait for `attach`. */
  detach(message?: string): void;
}

export function createReconnectingRemote(): ReconnectingRemote {
  const listeners = new Set<NewsListener>();
  let current: PortRemote | null = null;
  let unsubscribe: (() => void) | null = null;
  let failure: string | null = null;
  let waiters: (() => void)[] = [];
  let attached = false;

  const emit = (event: NewsEvent): void => {
    for (const listener of listeners) listener(event);
  };

  const call = async (method: string, args: unknown): Promise<CallResult<unknown>> => {
    while (current === null) {
      if (failure !== null) return { ok: false, error: { code: 'UNAVAILABLE', message: failure } };
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return current.call(method, args);
  };

  const detach = (message = UNAVAILABLE_MESSAGE): void => {
    unsubscribe?.();
    unsubscribe = null;
    current?.fail(message);
    current = null;
  };

  const wake = (): void => {
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };

  const remote: Record<string, unknown> = {
    call,
    attach(endpoint: PortEndpoint): void {
      const again = attached;
      attached = true;
      current?.fail();
      unsubscribe?.();
      current = createPortRemote(endpoint);
      unsubscribe = current.subscribe(emit);
      failure = null;
      wake();
      // A library started again: what is shown is refreshed, and its status carries the notice.
      if (again) {
        void current.getStatus().then((status) => {
          if (status.ok) emit({ type: 'statusChanged', status: status.value });
          emit({ type: 'libraryChanged' });
        });
      }
    },
    detach,
    fail(message = UNAVAILABLE_MESSAGE): void {
      detach(message);
      failure = message;
      wake();
    },
    get pending(): number {
      return (current?.pending ?? 0) + waiters.length;
    },
    subscribe(listener: NewsListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  addMethods(remote, call);
  return remote as unknown as ReconnectingRemote;
}
