/**
 * The library's side of the message protocol (app/shared/port-protocol.ts): opens NewsService
 * and its scheduler, and answers each port it is handed. Every call is validated here, whoever
 * sent it; a renderer's port reaches only the contract, main's and the web server's also the
 * image cache. Runs in the library's own thread or process (library-worker.ts in browser mode,
 * library-process.ts in Electron's utilityProcess); the CLI may use it in-process.
 */
import type { NewsEvent } from '../../shared/contract.ts';
import { NewsApiError } from '../../shared/errors.ts';
import type { ControlMessage, PortEndpoint } from '../../shared/port-protocol.ts';
import { createLogger } from '../log.ts';
import { NewsService, type NewsServiceOptions } from '../news-service.ts';
import { startScheduler } from '../sync/scheduler.ts';
import { answer, envelope, poster, type PortRole } from './call-answer.ts';
import { callsOnly } from './node-endpoint.ts';

const log = createLogger('library-host');

export type { PortRole } from './call-answer.ts';

export interface LibraryHostOptions extends NewsServiceOptions {
  /** Sync at start and on the reader's interval (off for `heitu web --no-sync` and tests). */
  readonly schedule: boolean;
  /** Said once to the reader, e.g. that the library restarted after its process died. */
  readonly startNotices?: readonly string[];
}

export interface LibraryHost {
  readonly service: NewsService;
  /** Answers calls arriving on `endpoint`; returns a function that stops answering. */
  serve(endpoint: PortEndpoint, role: PortRole): () => void;
  /** Stops the scheduler and any sync, then closes the library's files (waits for its writes). */
  close(): void;
}

export function openLibraryHost(options: LibraryHostOptions): LibraryHost {
  const service = NewsService.open({ ...options, syncInWorker: true });
  for (const notice of options.startNotices ?? []) service.addNotice(notice);
  // Pruning in short transactions, the reader's calls answered between them.
  service.pruneInSlices().catch((error: unknown) => {
    log.error('could not prune old articles', error);
  });
  const scheduler = options.schedule ? startScheduler(service) : null;
  const stops = new Set<() => void>();
  return {
    service,
    serve(endpoint, role) {
      const stop = servePort(service, endpoint, role);
      stops.add(stop);
      return () => {
        stops.delete(stop);
        stop();
      };
    },
    close() {
      scheduler?.stop();
      for (const stop of stops) stop();
      stops.clear();
      service.close();
    },
  };
}

/**
 * Opens the library for a process or thread that hosts it, and says so to whoever started it:
 * `ready`, or `failed` with the library's own error (a too-new or unwritable library is the
 * reader's to hear about, not a crash).
 */
export function openForParent(
  options: LibraryHostOptions,
  parent: PortEndpoint,
): LibraryHost | null {
  try {
    const host = openLibraryHost(options);
    host.serve(callsOnly(parent), 'trusted');
    parent.post({ kind: 'ready' } satisfies ControlMessage);
    return host;
  } catch (error) {
    parent.post(couldNotOpen(error));
    return null;
  }
}

/** What the library says when it cannot open: its own error, or one in words. */
export function couldNotOpen(error: unknown): ControlMessage {
  if (error instanceof NewsApiError) log.warn(`the library could not open: ${error.message}`);
  else log.error('the library could not open', error);
  const payload =
    error instanceof NewsApiError
      ? error.toPayload()
      : { code: 'INTERNAL', message: `The library could not open: ${(error as Error).message}` };
  return { kind: 'failed', ...payload };
}

/** Answers one port: validates each message, calls the service, posts the result and events. */
export function servePort(
  service: NewsService,
  endpoint: PortEndpoint,
  role: PortRole,
): () => void {
  const post = poster(endpoint);
  const unsubscribe = service.subscribe((event: NewsEvent) => {
    post({ kind: 'event', event });
  });
  const stopListening = endpoint.listen((data) => {
    const message = envelope(data);
    if (message === null) {
      log.warn('ignored a message that is not a call');
      return;
    }
    void answer(service, message, role).then((result) => {
      post({ kind: 'result', id: message.id, result });
    });
  });
  return () => {
    stopListening();
    unsubscribe();
  };
}
