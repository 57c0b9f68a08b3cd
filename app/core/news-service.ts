import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Article,
  ArticleId,
  ArticleSummary,
  BookmarkFile,
  ImportResult,
  ListQuery,
  MarkRead,
  Page,
  SearchPage,
  SearchOptions,
  TabCount,
} from '../shared/articles.ts';
import type { NewsApi, NewsEvent, NewsListener, Status } from '../shared/contract.ts';
import type {
  AddFeedResult,
  NewSource,
  OpmlImportResult,
  SourcePatch,
  SourceStatus,
  SyncRequest,
  SyncSummary,
} from '../shared/sync.ts';
import { NewsApiError } from '../shared/errors.ts';
import type { Region } from '../shared/regions.ts';
import {
  applySettingsPatch,
  RETENTION_NEVER,
  type Settings,
  type SettingsPatch,
} from '../shared/settings.ts';
import { DATABASE_FILE } from './data-dir.ts';
import {
  articlesRepo,
  type ArticlesRepo,
  type NewArticle,
  type UpsertResult,
} from './db/articles-repo.ts';
import { bookmarksRepo, type BookmarksRepo } from './db/bookmarks-repo.ts';
import { openDatabase, schemaVersion, type Database } from './db/database.ts';
import { checkInBackground } from './db/integrity.ts';
import { closeLibrary, LIBRARY_DAMAGED, markForRepair, openLibrary } from './db/library.ts';
import { articleIdOf, parseArticleId } from './db/rows.ts';
import { checkSearchIndexInBackground, searchIndexOf } from './db/search-index.ts';
import { isDamage } from './db/search-index-file.ts';
import { settingsRepo, type SettingsRepo } from './db/settings-repo.ts';
import { sourcesRepo, type SourcesRepo } from './db/sources-repo.ts';
import { SLICE_BUDGET_MS, inSlices, untilDone } from './db/slices.ts';
import { storageError } from './db/storage-error.ts';
import { imagesRepo, type ImagesRepo } from './db/images-repo.ts';
import { fullTextRepo, type FullTextRepo } from './db/full-text-repo.ts';
import { triageRepo, type TriageRepo } from './db/triage-repo.ts';
import { htmlToText, sanitizeArticleHtml } from './sanitize.ts';
import { fetchFullText, FullTextError } from './sync/full-text.ts';
import type { BudgetLimits } from './sync/budget.ts';
import { createFetcher, USER_AGENT, type Fetcher } from './sync/fetch.ts';
import { DEFAULT_SOURCES, type Source } from './sync/sources-file.ts';
import { SyncController } from './sync/sync-controller.ts';
import type { ReaderTab, ReaderTabId } from '../shared/tabs.ts';
import { createLogger } from './log.ts';
import {
  MAX_MARK_UNREAD,
  type FullTextResult,
  type MarkAllRead,
  type MarkedRead,
} from '../shared/triage.ts';
import { ReaderTabs } from './reader-tabs.ts';
import { LibraryReads } from './library-reads.ts';

const log = createLogger('news-service');
const DAY_MS = 86_400_000;

export interface NewsServiceOptions {
  /** The folder that holds the library; created if missing. */
  readonly dataDir: string;
  readonly appVersion: string;
  /** The clock, for tests. */
  readonly now?: () => number;
  /**
   * How much of the file to check at start: `critical` (bookmarks, settings, schema; the default),
   * plus a full check on a worker thread with `background` (the desktop app and browser mode), or
   * all of it before opening with `full` (`heitu check`).
   */
  readonly check?: 'critical' | 'background' | 'full';
  /** What to sync: a sources file's contents; the built-in Jilin channel by default. */
  readonly sources?: readonly Source[];
  /** The HTTP client for sync; one with the app's limits and User-Agent by default. */
  readonly fetcher?: Fetcher;
  /**
   * Sync in a worker thread of its own (fetching, parsing and cleaning there; writes here in short
   * transactions), so that this thread keeps answering the reader during a sync: the library's
   * process does this. `fetcher` is then not used (functions cannot cross threads). Other long
   * writes (pruning, importing bookmarks) are then made in short transactions too, and pruning
   * waits for `pruneInSlices` (the host calls it once the library is ready).
   */
  readonly syncInWorker?: boolean;
  /** Time budgets of a sync and of each of its sources (sync/budget.ts); tests shorten them. */
  readonly syncBudget?: BudgetLimits;
  /**
   * Shared memory whose first element is 1 while a sync runs: the reader's thread
   * (host/library-router.ts) reads it, as its searches do not wait for the index then.
   */
  readonly syncFlag?: Int32Array;
}

export { USER_AGENT } from './sync/fetch.ts';

/**
 * The one implementation of NewsApi. Electron's IPC bridge, the browser-mode server and the CLI
 * all call this; none of them holds any logic of its own.
 */
export class NewsService implements NewsApi {
  readonly #db: Database;
  readonly #settings: SettingsRepo;
  readonly #articles: ArticlesRepo;
  readonly #bookmarks: BookmarksRepo;
  readonly #sources: SourcesRepo;
  readonly #images: ImagesRepo;
  readonly #triage: TriageRepo;
  readonly #fullText: FullTextRepo;
  /** The contract's reads, shared with the reader's thread's connection (library-reads.ts). */
  readonly #reads: LibraryReads;
  /** For full texts fetched on demand; made when first needed. */
  #pageFetcher: Fetcher | null = null;
  readonly #sync: SyncController;
  readonly #tabs: ReaderTabs;
  #fetcher: Fetcher | null;
  readonly #listeners = new Set<NewsListener>();
  readonly #options: NewsServiceOptions;
  readonly #notices: string[];
  #file = '';
  /** Settles when the background integrity check is done: 'ok' or what it found. */
  integrityChecked: Promise<string> | null = null;
  readonly #now: () => number;
  readonly #startedAt: string;

  private constructor(db: Database, options: NewsServiceOptions, notices: readonly string[]) {
    this.#db = db;
    this.#options = options;
    this.#notices = [...notices];
    this.#now = options.now ?? Date.now;
    this.#startedAt = new Date(this.#now()).toISOString();
    this.#settings = settingsRepo(db);
    this.#articles = articlesRepo(db);
    this.#bookmarks = bookmarksRepo(db);
    this.#sources = sourcesRepo(db);
    this.#images = imagesRepo(db);
    this.#triage = triageRepo(db);
    this.#fullText = fullTextRepo(db);
    this.#reads = new LibraryReads(db, {
      now: this.#now,
      syncing: () => this.#sync.running,
      guard: (work) => this.#guard(work),
    });
    this.#sync = new SyncController({
      db,
      sources: options.sources ?? DEFAULT_SOURCES,
      origin: options.sources === undefined ? 'builtin' : 'file',
      ...(options.syncInWorker === true
        ? { worker: { userAgent: USER_AGENT } }
        : { fetcher: options.fetcher ?? createFetcher({ userAgent: USER_AGENT }) }),
      now: this.#now,
      ...(options.syncBudget === undefined ? {} : { budget: options.syncBudget }),
      emit: (event) => {
        this.#emit(event);
      },
    });
    this.#fetcher = options.fetcher ?? null;
    this.#tabs = new ReaderTabs({
      db,
      catalog: this.#sync.catalog,
      articles: this.#articles,
      fetcher: () => (this.#fetcher ??= createFetcher({ userAgent: USER_AGENT })),
      now: this.#now,
      tabsChanged: () => {
        this.#emit({ type: 'sourcesChanged' });
      },
      libraryChanged: () => {
        this.#emit({ type: 'libraryChanged' });
      },
    });
  }

  /** Opens the library in `dataDir` (checking it, recovering a damaged one) and prunes it. */
  static open(options: NewsServiceOptions): NewsService {
    try {
      mkdirSync(options.dataDir, { recursive: true });
    } catch (error) {
      throw new NewsApiError(
        'STORAGE',
        `Cannot create the data folder ${options.dataDir}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const file = join(options.dataDir, DATABASE_FILE);
    log.info(`opening ${file}`);
    try {
      return NewsService.#start(file, options);
    } catch (error) {
      // Damage the start-up found beyond what it checks (filling a new search index, pruning
      // reads article pages): repaired now, as the background check's would be at the next start.
      if (!isDamage(error)) throw error;
      log.error('the library is damaged beyond its bookmarks and settings', error);
      markForRepair(file, (error as Error).message, new Date(options.now?.() ?? Date.now()));
      return NewsService.#start(file, options);
    }
  }

  static #start(file: string, options: NewsServiceOptions): NewsService {
    let opened: ReturnType<typeof openLibrary>;
    try {
      opened = openLibrary(file, {
        fullCheck: options.check === 'full',
        // The library's own process: its threads answer the window while a sync indexes.
        backgroundIndexing: options.syncInWorker === true,
      });
    } catch (error) {
      // A read-only folder, a library another program has locked: the reason in words.
      if (isDamage(error)) throw error;
      throw storageError('open the library', error);
    }
    const { db, notices } = opened;
    const service = new NewsService(db, options, notices);
    service.#file = file;
    // The library's process prunes once it answers the reader (library-host.ts), in slices.
    if (options.syncInWorker !== true) {
      try {
        service.prune();
      } catch (error) {
        service.close();
        throw error;
      }
    }
    if (options.check === 'background') service.integrityChecked = service.#checkInBackground();
    return service;
  }

  /** For tests and tools: a service over an in-memory library. */
  static inMemory(
    appVersion = '0.0.0-test',
    now?: () => number,
    extra: Partial<NewsServiceOptions> = {},
  ): NewsService {
    return new NewsService(
      openDatabase(':memory:'),
      { ...extra, dataDir: ':memory:', appVersion, ...(now ? { now } : {}) },
      [],
    );
  }

  listRegions(): Promise<readonly Region[]> {
    return this.#reads.listRegions();
  }

  getSettings(): Promise<Settings> {
    return this.#reads.getSettings();
  }

  setSettings(patch: SettingsPatch): Promise<Settings> {
    return this.#settle(() => {
      const next = applySettingsPatch(this.#settings.read(), patch);
      this.#write('save the settings', () => {
        this.#settings.write(next);
      });
      this.#emit({ type: 'settingsChanged', settings: next });
      return next;
    });
  }

  getStatus(): Promise<Status> {
    return this.#settle(() => ({
      appVersion: this.#options.appVersion,
      dataDir: this.#options.dataDir,
      schemaVersion: schemaVersion(this.#db),
      startedAt: this.#startedAt,
      sync: this.#sync.status(),
      notices: [...this.#notices],
    }));
  }

  listArticles(query: ListQuery): Promise<Page<ArticleSummary>> {
    return this.#reads.listArticles(query);
  }

  getArticle(id: ArticleId): Promise<Article> {
    return this.#reads.getArticle(id);
  }

  getTabCounts(): Promise<readonly TabCount[]> {
    return this.#reads.getTabCounts();
  }

  markRead(request: MarkRead): Promise<{ readonly changed: number }> {
    return this.#settle(() => {
      const ids = request.ids
        .map(parseArticleId)
        .filter((p) => p.kind === 'article')
        .map((p) => p.n);
      const changed = this.#write('mark articles read', () =>
        this.#articles.markRead(ids, request.read, this.#now()),
      );
      if (changed > 0) this.#emit({ type: 'libraryChanged' });
      return { changed };
    });
  }

  setBookmark(
    id: ArticleId,
    on: boolean,
  ): Promise<{ readonly id: ArticleId; readonly bookmarked: boolean }> {
    return this.#settle(() => {
      const { kind, n } = parseArticleId(id);
      this.#write(on ? 'add the bookmark' : 'remove the bookmark', () => {
        if (kind === 'bookmark') {
          if (on ? !this.#bookmarks.exists(n) : !this.#bookmarks.remove(n)) throw notFound(id);
        } else if (on) {
          if (
            !this.#bookmarks.add(n, this.#now()) &&
            this.#bookmarks.copy({ articleId: n }) === null
          )
            throw notFound(id);
        } else {
          this.#bookmarks.removeForArticle(n);
        }
      });
      this.#emit({ type: 'libraryChanged' });
      return { id, bookmarked: on };
    });
  }

  exportBookmarks(): Promise<BookmarkFile> {
    return this.#reads.exportBookmarks();
  }

  importBookmarks(file: BookmarkFile): Promise<ImportResult> {
    if (this.#options.syncInWorker === true) return this.#importInSlices(file);
    return this.#settle(() => {
      const result = this.#write('import the bookmarks', () => this.#bookmarks.importFile(file));
      this.#emit({ type: 'libraryChanged' });
      return result;
    });
  }

  /**
   * In the library's process: a few bookmarks per transaction (each one's HTML is sanitised), so
   * that a large file keeps no reader's call waiting. One cut short keeps what it imported;
   * importing the file again adds the rest (a bookmark is matched by its URL).
   */
  async #importInSlices(file: BookmarkFile): Promise<ImportResult> {
    const parts = await inSlices(file.bookmarks, 8, SLICE_BUDGET_MS, (bookmarks) =>
      this.#guard(() =>
        this.#write('import the bookmarks', () =>
          this.#bookmarks.importFile({ ...file, bookmarks: [...bookmarks] }),
        ),
      ),
    );
    this.#emit({ type: 'libraryChanged' });
    return {
      added: parts.reduce((n, p) => n + p.added, 0),
      updated: parts.reduce((n, p) => n + p.updated, 0),
      total: file.bookmarks.length,
    };
  }

  search(query: string, options?: SearchOptions): Promise<SearchPage> {
    return this.#reads.search(query, options);
  }

  sync(request?: SyncRequest): Promise<SyncSummary> {
    const run = this.#sync.run(request);
    const flag = this.#options.syncFlag;
    if (flag !== undefined) {
      // Told to the reader's thread (host/library-router.ts), whose searches do not wait then.
      Atomics.store(flag, 0, 1);
      const done = (): void => void Atomics.store(flag, 0, this.#sync.running ? 1 : 0);
      run.then(done, done);
    }
    return run;
  }

  cancelSync(): Promise<{ readonly cancelled: boolean }> {
    return this.#settle(() => ({ cancelled: this.#sync.cancel() }));
  }

  listSources(): Promise<readonly SourceStatus[]> {
    return this.#settle(() => this.#sync.catalog.statuses());
  }

  addSource(input: NewSource): Promise<SourceStatus> {
    return this.#settle(() => this.#sync.catalog.add(input));
  }

  updateSource(id: string, patch: SourcePatch): Promise<SourceStatus> {
    return this.#settle(() => this.#sync.catalog.update(id, patch));
  }

  removeSource(id: string): Promise<{ readonly removed: boolean }> {
    return this.#settle(() => this.#sync.catalog.remove(id));
  }

  async exportOpml(): Promise<string> {
    const { sourcesToOpml } = await import('./sync/opml.ts');
    return this.#settle(() => this.#sync.catalog.exportOpml(sourcesToOpml));
  }

  async importOpml(text: string): Promise<OpmlImportResult> {
    const { feedsInOpml } = await import('./sync/opml.ts');
    return this.#settle(() => this.#sync.catalog.importOpml(text, feedsInOpml));
  }

  addFeed(input: NewSource): Promise<AddFeedResult> {
    return this.#tabs.addFeed(input);
  }

  listTabs(): Promise<readonly ReaderTab[]> {
    return this.#reads.listTabs();
  }

  addTab(name: string): Promise<ReaderTab> {
    return this.#settle(() => this.#tabs.add(name));
  }

  renameTab(id: ReaderTabId, name: string): Promise<ReaderTab> {
    return this.#settle(() => this.#tabs.rename(id, name));
  }

  moveTab(id: ReaderTabId, position: number): Promise<readonly ReaderTab[]> {
    return this.#settle(() => this.#tabs.move(id, position));
  }

  removeTab(id: ReaderTabId): Promise<{ readonly removed: boolean }> {
    return this.#settle(() => this.#tabs.remove(id));
  }

  // ---- Triage and full text (issue 18) ----

  markAllRead(scope: MarkAllRead): Promise<MarkedRead> {
    // The reader's own tabs are reader-tabs.ts's; regions, 全部 and 收藏 the triage repo's.
    const { tab } = scope;
    // Only what the reader's list could show: a sync's later additions stay unread.
    const heldAt =
      scope.listedAt === undefined ? Number.MAX_SAFE_INTEGER : Date.parse(scope.listedAt);
    if (tab !== undefined) return this.#settle(() => this.#tabs.markAllRead({ tab }, heldAt));
    return this.#settle(() => {
      const ids = this.#write('mark the tab read', () =>
        this.#triage.markAllRead(scope.region ?? 'all', this.#now(), heldAt),
      );
      if (ids.length > 0) this.#emit({ type: 'libraryChanged' });
      return { changed: ids.length, ids: ids.map(articleIdOf) };
    });
  }

  markUnread(ids: readonly ArticleId[]): Promise<{ readonly changed: number }> {
    if (ids.length > MAX_MARK_UNREAD)
      return Promise.reject(
        new NewsApiError('BAD_ARGUMENT', `At most ${MAX_MARK_UNREAD} ids at once.`),
      );
    return this.markRead({ ids: [...ids], read: false });
  }

  async fetchFullText(id: ArticleId): Promise<FullTextResult> {
    const { kind, n } = parseArticleId(id);
    const article = kind === 'article' ? this.#guard(() => this.#articles.get(n)) : null;
    if (article === null) {
      if (kind === 'bookmark' || this.#guard(() => this.#bookmarks.copy({ articleId: n })) !== null)
        return { ok: false, reason: 'unavailable', detail: 'the article is a bookmark’s copy' };
      throw notFound(id);
    }
    this.#pageFetcher ??= this.#options.fetcher ?? createFetcher({ userAgent: USER_AGENT });
    let fetched;
    try {
      fetched = await fetchFullText(article.url, this.#pageFetcher, this.#now);
    } catch (error) {
      if (!(error instanceof FullTextError)) throw error;
      log.info(`full text of ${id}: ${error.message}`);
      return { ok: false, reason: error.reason, detail: error.message };
    }
    return this.#settle(() => {
      const stored = this.#write('keep the full text', () => this.#storeFullText(n, fetched));
      if (!stored) throw notFound(id);
      this.#emit({ type: 'libraryChanged' });
      const updated = this.#articles.get(n, this.#fullText.html(n));
      if (updated === null) throw notFound(id);
      return { ok: true, article: updated };
    });
  }

  /** Stores the images and the text (their sources now the cache's); false if the article went. */
  #storeFullText(n: number, fetched: Awaited<ReturnType<typeof fetchFullText>>): boolean {
    // The article is indexed again by its full text (search-apply.ts, indexedText): a search
    // finds what the reader fetched, as it finds a synced article's body.
    const index = searchIndexOf(this.#db);
    return index.write(
      this.#db.transaction(() => {
        if (!this.#articles.exists(n)) return false;
        const cached = new Map(
          fetched.images.map((image) => [image.url, this.#images.store(image)]),
        );
        const contentHtml = sanitizeArticleHtml(fetched.contentHtml, {
          imageSrc: (url) => {
            const imageId = cached.get(url);
            // An image that could not be cached is left out, as in a sync (sync-writer.ts).
            return imageId === undefined ? null : `/images/${imageId}`;
          },
        });
        const text = htmlToText(contentHtml);
        this.#fullText.save(n, {
          contentHtml,
          text,
          fetchedAt: this.#now(),
          imageIds: [...cached.values()],
        });
        const entry = this.#fullText.indexEntry(n);
        if (entry !== null) {
          index.remove(entry.searchId);
          index.add(entry.searchId, entry.title, entry.summary, text);
        }
        return true;
      }),
    );
  }

  // ---- Not part of the contract: for the sync engine, the CLI and tests. ----

  /** A cached image, for the app:// protocol and browser mode's /images/<id>. */
  getImage(id: number): { mime: string; bytes: Buffer } | null {
    return this.#reads.getImage(id);
  }

  /** Stores a batch of articles in one transaction (the sync engine's way in). */
  storeArticles(batch: readonly NewArticle[]): UpsertResult {
    const result = this.#write('store the articles', () => this.#articles.upsert(batch));
    if (result.inserted + result.updated > 0) this.#emit({ type: 'libraryChanged' });
    return result;
  }

  /** Blocks until what was stored is searchable (the index is written on a worker; bounded). */
  readonly waitForSearchIndex = (): boolean => searchIndexOf(this.#db).settle();

  get sources(): SourcesRepo {
    return this.#sources;
  }

  /**
   * Deletes articles older than the retention setting that their source no longer lists, never
   * a bookmarked one; nothing when the setting is "never".
   */
  prune(): number {
    const days = this.#settings.read().retentionDays;
    if (days === RETENTION_NEVER) return 0;
    const now = this.#now();
    const removed = this.#write('prune old articles', () =>
      this.#articles.prune(now - days * DAY_MS, now),
    );
    if (removed > 0) {
      log.info(`pruned ${removed} articles older than ${days} days`);
      this.#emit({ type: 'libraryChanged' });
    }
    return removed;
  }

  /**
   * `prune` for the library's process, after it has said it is ready: the oldest first, a few
   * per transaction, letting the thread answer the reader between them. A prune cut short (the
   * library closed) is taken up by the next start's.
   */
  async pruneInSlices(): Promise<number> {
    const days = this.#settings.read().retentionDays;
    if (days === RETENTION_NEVER) return 0;
    const now = this.#now();
    const removed = await untilDone(32, SLICE_BUDGET_MS, (limit) =>
      this.#db.open
        ? this.#write('prune old articles', () =>
            this.#articles.prune(now - days * DAY_MS, now, limit),
          )
        : 0,
    );
    if (removed > 0 && this.#db.open) {
      this.#write('prune old images', () => {
        this.#articles.pruneImages();
      });
      log.info(`pruned ${removed} articles older than ${days} days`);
      this.#emit({ type: 'libraryChanged' });
    }
    return removed;
  }

  /** Something to tell the reader once (getStatus's notices), e.g. that the library restarted. */
  addNotice(notice: string): void {
    this.#notices.push(notice);
    void this.getStatus().then((status) => this.#emit({ type: 'statusChanged', status }));
  }

  /** Damage was found while the library was open: the next start repairs it. */
  get needsRepair(): boolean {
    return this.#notices.includes(LIBRARY_DAMAGED);
  }

  subscribe(listener: NewsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#sync.cancel();
    this.#sync.close();
    this.#listeners.clear();
    closeLibrary(this.#db);
  }

  async #checkInBackground(): Promise<string> {
    const t0 = performance.now();
    const result = await checkInBackground(this.#file);
    log.info(`integrity check: ${result} in ${Math.round(performance.now() - t0)} ms`);
    if (this.#db.open) void checkSearchIndexInBackground(this.#db);
    if (result === 'ok' || result.startsWith('error: SQLITE_BUSY')) return result;
    log.error(`the integrity check found damage: ${result}`);
    this.#damageFound(result);
    return result;
  }

  /**
   * Damage found while the library is open, by the background check or by any call: the file is
   * marked, so the next start repairs it (library.ts), and the reader is told how to get there.
   */
  #damageFound(why: string): void {
    if (this.#notices.includes(LIBRARY_DAMAGED)) return;
    if (this.#file !== '') markForRepair(this.#file, why, new Date(this.#now()));
    this.#notices.push(LIBRARY_DAMAGED);
    if (this.#db.open)
      void this.getStatus().then((status) => this.#emit({ type: 'statusChanged', status }));
  }

  /** Runs a call's work; SQLite's damage becomes the repair path's message, never "internal". */
  #guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!isDamage(error)) throw error;
      log.error('a call found the library damaged', error);
      this.#damageFound((error as Error).message);
      throw new NewsApiError('STORAGE', LIBRARY_DAMAGED, { cause: error });
    }
  }

  /** Runs synchronous work (better-sqlite3 is synchronous) so that a throw becomes a rejection. */
  #settle<T>(work: () => T): Promise<T> {
    return new Promise((resolve) => {
      resolve(this.#guard(work));
    });
  }

  #write<T>(action: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storageError(action, error);
    }
  }

  #emit(event: NewsEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error('an event listener threw', error);
      }
    }
  }
}

function notFound(id: ArticleId): NewsApiError {
  return new NewsApiError('NOT_FOUND', `There is no article ${id} in the library.`);
}
