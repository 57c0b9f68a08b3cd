/**
 * The contract's reads (NEWS_API_ACCESS `read`) over one connection: NewsService's own, or the
 * library's read-only second connection on the thread that receives the calls
 * (host/library-router.ts), so that a read never waits behind the writer's transactions. One
 * implementation for both, so the two cannot drift apart.
 *
 * Each read runs in one read transaction: its queries see one state of the library, whatever
 * another connection commits meanwhile. Nothing here is kept between calls (the repositories
 * read the file every time), so nothing goes stale when the other connection writes.
 */
import type {
  Article,
  ArticleId,
  ArticleSummary,
  BookmarkFile,
  ListQuery,
  Page,
  SearchOptions,
  SearchPage,
  TabCount,
} from '../shared/articles.ts';
import type { NewsApi, ReadMethod } from '../shared/contract.ts';
import { NewsApiError } from '../shared/errors.ts';
import { REGIONS, type Region } from '../shared/regions.ts';
import type { Settings } from '../shared/settings.ts';
import type { ReaderTab } from '../shared/tabs.ts';
import { articlesRepo, DEFAULT_PAGE, type ArticlesRepo } from './db/articles-repo.ts';
import { bookmarksRepo, type BookmarksRepo } from './db/bookmarks-repo.ts';
import type { Database } from './db/database.ts';
import { fullTextRepo, type FullTextRepo } from './db/full-text-repo.ts';
import { imagesRepo, type ImagesRepo } from './db/images-repo.ts';
import { parseArticleId } from './db/rows.ts';
import { searchIndexOf } from './db/search-index.ts';
import { searchRepo, type SearchRepo } from './db/search-repo.ts';
import { settingsRepo, type SettingsRepo } from './db/settings-repo.ts';
import { tabsRepo, type TabsRepo } from './db/tabs-repo.ts';

/**
 * How long a search waits for the index while a sync is storing articles: not at all. Waiting
 * (it was 5 ms) never caught up with a moving target, and the wait's end, an Atomics.waitAsync
 * timeout, was taken only after the write slices queued meanwhile: 20–40 ms per search, traced.
 */
const SEARCH_WAIT_DURING_SYNC_MS = 0;

export interface LibraryReadsOptions {
  readonly now: () => number;
  /** A sync is storing articles: a search answers with what is indexed, without waiting. */
  readonly syncing: () => boolean;
  /** Runs a call's work; turns SQLite's damage into the repair path's message. */
  readonly guard: <T>(work: () => T) => T;
}

export class LibraryReads implements Pick<NewsApi, ReadMethod> {
  readonly #db: Database;
  readonly #options: LibraryReadsOptions;
  readonly #settings: SettingsRepo;
  readonly #articles: ArticlesRepo;
  readonly #bookmarks: BookmarksRepo;
  readonly #fullText: FullTextRepo;
  readonly #images: ImagesRepo;
  readonly #tabs: TabsRepo;
  /** Prepared on first search: it needs the search index attached, which a test may not. */
  #search: SearchRepo | null = null;

  constructor(db: Database, options: LibraryReadsOptions) {
    this.#db = db;
    this.#options = options;
    this.#settings = settingsRepo(db);
    this.#articles = articlesRepo(db);
    this.#bookmarks = bookmarksRepo(db);
    this.#fullText = fullTextRepo(db);
    this.#images = imagesRepo(db);
    this.#tabs = tabsRepo(db);
  }

  listRegions(): Promise<readonly Region[]> {
    return Promise.resolve(REGIONS);
  }

  getSettings(): Promise<Settings> {
    return this.#read(() => this.#settings.read());
  }

  listArticles(query: ListQuery): Promise<Page<ArticleSummary>> {
    return this.#read(() => {
      const limit = query.limit ?? DEFAULT_PAGE;
      const cursor = query.cursor ?? null;
      if (query.region === 'bookmarks') return this.#bookmarks.list(cursor, limit);
      if (cursor !== null && !/^\d+$/.test(cursor)) {
        throw new NewsApiError('BAD_ARGUMENT', 'That cursor belongs to the bookmarks tab.');
      }
      const after = cursor === null ? null : Number(cursor);
      if (query.tab !== undefined) {
        if (this.#tabs.get(query.tab) === null)
          throw new NewsApiError('NOT_FOUND', `There is no tab ${query.tab}.`);
        return this.#tabs.articles(query.tab, after, limit);
      }
      return this.#articles.list(query.region, after, limit, query.unreadOnly === true);
    });
  }

  getArticle(id: ArticleId): Promise<Article> {
    return this.#read(() => {
      const { kind, n } = parseArticleId(id);
      const found =
        kind === 'article'
          ? (this.#articles.get(n, this.#fullText.html(n)) ??
            this.#bookmarks.copy({ articleId: n }))
          : this.#bookmarks.copy({ bookmarkId: n });
      if (found === null)
        throw new NewsApiError('NOT_FOUND', `There is no article ${id} in the library.`);
      return found;
    });
  }

  getTabCounts(): Promise<readonly TabCount[]> {
    return this.#read(() => this.#articles.tabCounts());
  }

  exportBookmarks(): Promise<BookmarkFile> {
    return this.#read(() => this.#bookmarks.exportFile(this.#options.now()));
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchPage> {
    const cursor = options.cursor ?? null;
    if (cursor !== null && !/^\d+$/.test(cursor))
      throw new NewsApiError('BAD_ARGUMENT', 'That is not a search cursor.');
    // What was stored before the search is found by it (the index is written on another thread),
    // unless the index is far behind (rebuilding): then the page says how far. The wait (bounded)
    // blocks nothing else that this thread serves. During a sync, articles arrive faster than the
    // index takes them: the search answers at once with what is indexed (its page says how much
    // is not yet), rather than keep the reader waiting for a moving target.
    await searchIndexOf(this.#db).settled(
      this.#options.syncing() ? SEARCH_WAIT_DURING_SYNC_MS : undefined,
    );
    return this.#read(() =>
      (this.#search ??= searchRepo(this.#db)).search(
        query,
        options.tab === undefined ? (options.region ?? 'all') : { tab: options.tab },
        cursor === null ? null : Number(cursor),
        options.limit ?? DEFAULT_PAGE,
      ),
    );
  }

  listTabs(): Promise<readonly ReaderTab[]> {
    return this.#read(() => this.#tabs.list());
  }

  /** A cached image, for the app:// protocol and browser mode's /images/<id>. */
  getImage(id: number): { mime: string; bytes: Buffer } | null {
    return this.#options.guard(() => this.#images.get(id));
  }

  /** One read transaction (a savepoint inside the caller's), guarded; a throw is a rejection. */
  #read<T>(work: () => T): Promise<T> {
    return new Promise((resolve) => {
      resolve(this.#options.guard(() => this.#db.transaction(work)()));
    });
  }
}
