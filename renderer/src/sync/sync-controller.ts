import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NewsApi, NewsEvent, Status } from '../../../app/shared/contract.ts';
import type { Messages } from '../i18n/messages.ts';

/**
 * The sync corner's state: the app's status (sync state, progress, notices), whether the browser
 * is online, and the last sync's outcome in words. Follows the app's sync events.
 */
export class SyncController implements ReactiveController {
  status: Status | null = null;
  online = navigator.onLine;
  /** The last sync's outcome in words, shown until the next one. */
  outcome = '';

  readonly #host: ReactiveControllerHost;
  readonly #api: NewsApi;
  /** The words for outcomes, in the UI's language of the moment. */
  readonly #texts: () => Pick<Messages, 'syncDone' | 'updateReady'>;
  readonly #onOnline = (): void => {
    this.online = navigator.onLine;
    this.#host.requestUpdate();
  };

  constructor(
    host: ReactiveControllerHost,
    api: NewsApi,
    texts: () => Pick<Messages, 'syncDone' | 'updateReady'>,
  ) {
    this.#host = host;
    this.#api = api;
    this.#texts = texts;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOnline);
  }

  /** Follows a status or sync event; true when it was one. */
  handle(event: NewsEvent): boolean {
    switch (event.type) {
      case 'statusChanged':
        this.show(event.status);
        return true;
      case 'syncProgress':
        if (this.status !== null)
          this.show({
            ...this.status,
            sync: { ...this.status.sync, state: 'syncing', progress: event.progress },
          });
        return true;
      case 'syncFinished':
        this.outcome = this.#texts().syncDone(
          event.summary.inserted,
          event.summary.failed,
          event.summary.leftOut,
        );
        if (this.status !== null)
          this.show({
            ...this.status,
            sync: { ...this.status.sync, state: 'idle', progress: null },
          });
        void this.refresh();
        return true;
      case 'updateReady':
        // A quiet line where sync outcomes appear; the update installs on quit anyway.
        this.outcome = this.#texts().updateReady(event.version);
        this.#host.requestUpdate();
        return true;
      default:
        return false;
    }
  }

  async refresh(): Promise<void> {
    this.show(await this.#api.getStatus());
  }

  sync(): void {
    this.outcome = '';
    this.#host.requestUpdate();
    this.#api.sync().catch((error: unknown) => {
      this.outcome = (error as Error).message;
      this.#host.requestUpdate();
    });
  }

  cancel(): void {
    void this.#api.cancelSync();
  }

  /** Shows `status` (the one the app loaded with, or a newer one). */
  show(status: Status): void {
    this.status = status;
    this.#host.requestUpdate();
  }
}
