/**
 * Runs syncs for NewsService: one at a time (a second request joins the running one), with
 * progress events, cancellation, and the status the UI shows.
 */
import type { NewsEvent, SyncRun, SyncStatus } from '../../shared/contract.ts';
import type { SyncProgress, SyncRequest, SyncSummary } from '../../shared/sync.ts';
import { articlesRepo } from '../db/articles-repo.ts';
import type { Database } from '../db/database.ts';
import { retentionRepo } from '../db/retention-repo.ts';
import { sourcesRepo } from '../db/sources-repo.ts';
import { SLICE_BUDGET_MS } from '../db/slices.ts';
import { syncWriter } from '../db/sync-writer.ts';
import { storageError } from '../db/storage-error.ts';
import { NewsApiError } from '../../shared/errors.ts';
import type { BudgetLimits } from './budget.ts';
import { syncSourcesWithin, type Progress, type SourceOutcome } from './engine.ts';
import type { Fetcher, FetcherOptions } from './fetch.ts';
import { SyncThread, type LibrarySide } from './sync-thread.ts';
import { SourceCatalog } from './source-catalog.ts';
import type { Source } from './sources-file.ts';

export interface SyncControllerOptions {
  readonly db: Database;
  /** The configured sources: the built-in channel, or a sources file's. */
  readonly sources: readonly Source[];
  readonly origin: 'builtin' | 'file';
  /** Sync in this thread with this client (the CLI, tests)… */
  readonly fetcher?: Fetcher;
  /**
   * …or in a worker thread of its own with a client made there (the library's process, whose
   * thread must stay free for the reader's calls).
   */
  readonly worker?: FetcherOptions;
  readonly now: () => number;
  readonly emit: (event: NewsEvent) => void;
  /** Time budgets of each source and of the whole sync (budget.ts; tests shorten them). */
  readonly budget?: BudgetLimits;
}

/**
 * The library's page cache while a sync writes, in KiB: SQLite's own default, not the 16 MiB
 * better-sqlite3 is built with. A sync's writes touch pages the reader is unlikely to want next
 * (and push the reader's out of an LRU cache anyway), and a full cache was ≈ 10 MB of a fresh
 * sync's peak RSS. The reader's size is put back when the sync ends: with 2 MiB always, its first
 * list page took 0.45–0.65 ms instead of 0.2–0.3 (bench:store, 20,000 articles). Figures:
 * docs/technotes/0011-sync-speed.md.
 */
const SYNC_PAGE_CACHE_KIB = 2048;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export class SyncController {
  readonly #options: SyncControllerOptions;
  readonly #sources: ReturnType<typeof sourcesRepo>;
  readonly #write: ReturnType<typeof syncWriter>;
  readonly #known: (url: string) => boolean;
  readonly #forgotten: (url: string) => boolean;
  readonly #catalog: SourceCatalog;
  #running: Promise<SyncSummary> | null = null;
  #abort: AbortController | null = null;
  #progress: SyncProgress | null = null;
  #offline = false;
  #lastRun: SyncRun | null = null;
  readonly #thread: SyncThread | null;

  constructor(options: SyncControllerOptions) {
    this.#options = options;
    this.#sources = sourcesRepo(options.db);
    // In the library's process the thread answers the reader too: writes come in slices there.
    this.#write = syncWriter(
      options.db,
      options.worker === undefined ? {} : { budgetMs: SLICE_BUDGET_MS },
    );
    this.#thread =
      options.worker === undefined
        ? null
        : new SyncThread(options.worker, options.db.memory ? null : options.db.name);
    const articles = articlesRepo(options.db);
    this.#known = (url) => articles.hasUrl(url);
    const retention = retentionRepo(options.db);
    this.#forgotten = (url) => retention.wasPruned(url);
    this.#catalog = new SourceCatalog({
      db: options.db,
      configured: options.sources,
      origin: options.origin,
      now: options.now,
      changed: () => {
        options.emit({ type: 'sourcesChanged' });
      },
    });
  }

  /** Every source, configured and the reader's (with the reader's choices): what sync runs. */
  get catalog(): SourceCatalog {
    return this.#catalog;
  }

  run(request: SyncRequest = {}): Promise<SyncSummary> {
    this.#running ??= this.#run(request).finally(() => {
      this.#running = null;
      this.#abort = null;
      this.#progress = null;
    });
    return this.#running;
  }

  /** Stops the sync worker, if any (after `cancel`, when the library closes). */
  close(): void {
    void this.#thread?.close();
  }

  #fetcher(): Fetcher {
    if (this.#options.fetcher === undefined)
      throw new Error('SyncController needs a fetcher or a worker');
    return this.#options.fetcher;
  }

  cancel(): boolean {
    if (this.#abort === null) return false;
    this.#abort.abort();
    return true;
  }

  /** A sync is running. */
  get running(): boolean {
    return this.#running !== null;
  }

  status(): SyncStatus {
    const last = this.#sources
      .list()
      .reduce<number | null>(
        (max, s) =>
          s.lastSuccessAt !== null && (max === null || s.lastSuccessAt > max)
            ? s.lastSuccessAt
            : max,
        null,
      );
    return {
      state: this.#running === null ? 'idle' : 'syncing',
      lastSyncedAt: iso(last),
      progress: this.#progress,
      offline: this.#offline,
      lastRun: this.#lastRun,
    };
  }

  async #run(request: SyncRequest): Promise<SyncSummary> {
    const wanted = request?.sourceIds;
    const all = this.#catalog.sources();
    if (wanted !== undefined) {
      const unknown = wanted.filter((id) => !all.some((s) => s.id === id));
      if (unknown.length > 0)
        throw new NewsApiError('NOT_FOUND', `There is no source ${unknown.join(', ')}.`);
    }
    this.#catalog.saveDefinitions();
    const sources = all.filter((s) => wanted === undefined || wanted.includes(s.id));
    const abort = new AbortController();
    this.#abort = abort;
    let updated = 0;
    const library: LibrarySide = {
      state: (id) => this.#sources.get(id),
      known: this.#known,
      forgotten: (urls) => urls.filter(this.#forgotten),
      write: async (result) => {
        try {
          const counts = await this.#write(result);
          updated += counts.updated;
          if (counts.inserted + counts.updated > 0) this.#options.emit({ type: 'libraryChanged' });
          return counts;
        } catch (error) {
          throw storageError(`store ${result.sourceId}`, error);
        }
      },
      recordError: (id, message, at, nextDueAt) => {
        this.#sources.recordError(id, { message, at, nextDueAt });
      },
      signal: abort.signal,
    };
    const onProgress = (progress: Progress): void => {
      this.#progress = {
        done: progress.done,
        total: progress.total,
        inserted: progress.inserted,
        failed: progress.failed,
      };
      this.#options.emit({ type: 'syncProgress', progress: this.#progress });
    };
    const { db } = this.#options;
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = -${SYNC_PAGE_CACHE_KIB}`);
    let outcomes: SourceOutcome[];
    try {
      outcomes =
        this.#thread !== null
          ? await this.#thread.run(sources, library, this.#options.budget, onProgress)
          : await syncSourcesWithin(
              sources,
              { ...library, fetcher: this.#fetcher(), now: this.#options.now },
              this.#options.budget,
              onProgress,
            );
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
    const failures = outcomes.filter((o) => !o.ok);
    this.#offline =
      failures.length > 0 &&
      failures.length === outcomes.length &&
      failures.every((o) => o.offline);
    const summary: SyncSummary = {
      done: outcomes.length,
      total: sources.filter((s) => s.enabled).length,
      inserted: outcomes.reduce((n, o) => n + o.inserted, 0),
      updated,
      leftOut: outcomes.reduce((n, o) => n + o.leftOut, 0),
      capped: outcomes
        .filter((o) => o.leftOut > 0)
        .map((o) => ({ sourceId: o.id, leftOut: o.leftOut })),
      failed: failures.length,
      offline: this.#offline,
      cancelled: abort.signal.aborted,
      errors: failures.map((o) => ({ sourceId: o.id, message: o.error ?? 'failed' })),
    };
    this.#lastRun = {
      at: new Date(this.#options.now()).toISOString(),
      done: summary.done,
      failed: summary.failed,
      inserted: summary.inserted,
      offline: summary.offline,
      cancelled: summary.cancelled,
    };
    this.#options.emit({ type: 'syncFinished', summary });
    return summary;
  }
}
