import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  NewsApi,
  NewsEvent,
  Status,
  SyncRun,
  SyncStatus,
} from '../../../app/shared/contract.ts';
import type { Messages } from '../i18n/messages.ts';
import type { SyncMessages } from '../i18n/sync-messages.ts';
import { callErrorText, runResult, runText } from './sync-text.ts';

/** Words made when shown, so that they follow a change of UI language. */
type Words = (t: Messages, s: SyncMessages) => string;

/**
 * The sync corner's state: the app's status (sync state, progress, notices, the last sync's
 * counts), whether the browser is online, and what to say about the last sync. Follows the app's
 * sync events.
 */
export class SyncController implements ReactiveController {
  status: Status | null = null;
  online = navigator.onLine;

  readonly #host: ReactiveControllerHost;
  readonly #api: NewsApi;
  /** A refused sync call or an update ready: said until the next sync. */
  #note: Words | null = null;
  /** A sync finished while the reader watched: its outcome is said even when all went well. */
  #watched = false;
  #leftOut = 0;
  readonly #onOnline = (): void => {
    this.online = navigator.onLine;
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost, api: NewsApi) {
    this.#host = host;
    this.#api = api;
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
        this.#patch({ state: 'syncing', progress: event.progress });
        return true;
      case 'syncFinished': {
        const { summary } = event;
        this.#note = null;
        this.#watched = true;
        this.#leftOut = summary.leftOut;
        const lastRun: SyncRun = {
          at: new Date().toISOString(),
          done: summary.done,
          failed: summary.failed,
          inserted: summary.inserted,
          offline: summary.offline,
          cancelled: summary.cancelled,
        };
        this.#patch({ state: 'idle', progress: null, offline: summary.offline, lastRun });
        void this.refresh();
        return true;
      }
      case 'updateReady':
        // A quiet line where sync outcomes appear; the update installs on quit anyway.
        this.#note = (t) => t.updateReady(event.version);
        this.#host.requestUpdate();
        return true;
      default:
        return false;
    }
  }

  /** The last sync since the library started, or null. */
  get lastRun(): SyncRun | null {
    return this.status?.sync.lastRun ?? null;
  }

  /** The last sync failed, wholly or in part: the sync button offers to retry. */
  get failed(): boolean {
    const run = this.lastRun;
    return run !== null && ['failed', 'offline', 'partial'].includes(runResult(run));
  }

  /**
   * What to say about the last sync, '' for nothing (the corner then shows when it last synced).
   * A sync that went well is said only when the reader saw it finish; one that failed always.
   */
  outcome(t: Messages, s: SyncMessages): string {
    if (this.#note !== null) return this.#note(t, s);
    const run = this.lastRun;
    if (run === null || (!this.#watched && runResult(run) === 'done')) return '';
    return runText(run, s, this.#leftOut);
  }

  async refresh(): Promise<void> {
    this.show(await this.#api.getStatus());
  }

  sync(): void {
    this.#note = null;
    this.#host.requestUpdate();
    this.#api.sync().catch((error: unknown) => {
      this.#note = (_t, s) => s.couldNotSync(callErrorText(error, s));
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

  #patch(change: Partial<SyncStatus>): void {
    if (this.status !== null)
      this.show({ ...this.status, sync: { ...this.status.sync, ...change } });
  }
}
