import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NewsApi } from '../../../app/shared/contract.ts';
import type { Article, ArticleId, Page, TabCount } from '../../../app/shared/articles.ts';
import type { RegionId } from '../../../app/shared/regions.ts';
import type { ListItem } from '../list/list-window.ts';
import { stepIndex } from '../shell/keyboard.ts';
import { readerTabKey, type TabKey } from '../tabs/tab-key.ts';
import { ARTICLES_AFTER, ArticlesAhead } from './articles-ahead.ts';
import { mergeFresh, mergeNewer, mergeUnreadOnly, withFlags } from './merge.ts';

export type { ListItem };

/** Where a search looks: the current tab, or everything. */
export type SearchScope = 'tab' | 'all';

/** What the search box asks for (query '' ends the search). */
export interface SearchRequest {
  readonly query: string;
  readonly scope: SearchScope;
}

/** What the list shows: a tab, or search results (in one tab or everywhere). */
export type ListView =
  /** A region's tab, or (with `tab`, region 'all') one of the reader's own; unread only or all. */
  | {
      readonly kind: 'region';
      readonly region: RegionId;
      readonly tab?: number;
      readonly unreadOnly?: boolean;
    }
  | {
      readonly kind: 'search';
      readonly region: RegionId;
      /** Searching from one of the reader's own tabs (region 'all'): scope 'tab' looks in it. */
      readonly tab?: number;
      readonly query: string;
      readonly scope: SearchScope;
    };

const PAGE = 100;

/** A first page, and when it was asked for (ISO 8601): what the library held then, it holds. */
type FirstPage = Page<ListItem> & { readonly unindexed?: number; readonly listedAt: string };

/** The tab a view lists: its region, or the reader's tab. */
export function viewKey(view: ListView): TabKey {
  return view.kind === 'region' && view.tab !== undefined ? readerTabKey(view.tab) : view.region;
}

function sameView(a: ListView, b: ListView): boolean {
  if (a.kind === 'region' || b.kind === 'region')
    return a.kind === 'region' && b.kind === 'region' && pageKey(a) === pageKey(b);
  return a.region === b.region && a.tab === b.tab && a.query === b.query && a.scope === b.scope;
}

/**
 * The reader's state: the list (keyset-paged from NewsApi), the active and open articles, and
 * the tab counts. Every answer is checked against the view it was asked for, so a slow answer
 * for a tab the reader has left is dropped. A reactive controller: it asks its host (the app
 * element) to re-render whenever it changes.
 */
export class ReaderState implements ReactiveController {
  view: ListView = { kind: 'region', region: 'all' };
  items: readonly ListItem[] = [];
  /** The view `items` belong to; null while the first page of `view` loads. */
  loadedView: ListView | null = null;
  nextCursor: string | null = null;
  activeId: ArticleId | null = null;
  article: Article | null = null;
  counts: readonly TabCount[] = [];
  error: string | null = null;
  /** For search results: changes the index had not applied yet (0 when they are complete). */
  unindexed = 0;
  /**
   * When the first page of the rows shown was asked for (ISO 8601; null before any): "mark all
   * read" covers what the library held then, not what a sync has brought in since.
   */
  listedAt: string | null = null;
  /**
   * From asking for a view's first page until it is shown (or has failed). Meanwhile `items`
   * are still `loadedView`'s, and the list is labelled as what it shows, not what was asked for.
   */
  loading = false;

  readonly #host: ReactiveControllerHost;
  readonly #api: NewsApi;
  #loadingMore = false;
  #openSeq = 0;
  /**
   * Each tab's first page as last fetched: a tab switch shows it in the frame of the click, then
   * fetches it again and merges what changed (as after a sync), so a switch waits for no answer.
   */
  readonly #firstPages = new Map<string, FirstPage>();
  /** The fetch behind a tab shown from its page fetched before; settles once merged. */
  revalidation: Promise<void> = Promise.resolve();
  /** Articles fetched ahead of opening (rows on screen, after the open one). */
  readonly #ahead: ArticlesAhead;

  /**
   * Resolves once what the reader asked for has been shown (the app: after the next paint):
   * work behind a shown view or article (refetching it, saving a read mark) waits for it, so
   * that it is no work of the frame that answers the click.
   */
  readonly #shown: () => Promise<void>;

  constructor(
    host: ReactiveControllerHost,
    api: NewsApi,
    shown: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.#host = host;
    this.#api = api;
    this.#ahead = new ArticlesAhead(api);
    this.#shown = shown;
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the state changes only when the host asks.
  }

  get openId(): ArticleId | null {
    return this.article?.id ?? null;
  }

  /**
   * Shows a view from its first page. A tab fetched before shows that page at once (resolving
   * without waiting for an answer) and is fetched again behind it (`revalidation`).
   */
  async show(view: ListView): Promise<void> {
    this.view = view;
    const cached = view.kind === 'region' ? this.#firstPages.get(pageKey(view)) : undefined;
    if (cached !== undefined) {
      // Rows read since the page was kept leave an unread-only view when it is shown again.
      this.#showPage(
        view,
        view.kind === 'region' && view.unreadOnly === true
          ? { ...cached, items: cached.items.filter((item) => item.unread) }
          : cached,
      );
      this.#host.requestUpdate();
      this.revalidation = this.#shown().then(() => this.refresh());
      return;
    }
    this.loading = true;
    this.#host.requestUpdate();
    try {
      const page = await this.#fetch(view, null);
      // A view the reader has left since: its answer (or failure) is not shown.
      if (!sameView(view, this.view)) return;
      this.#showPage(view, page);
    } catch (error) {
      if (!sameView(view, this.view)) return;
      this.#fail(error);
    }
    this.loading = false;
    this.#host.requestUpdate();
  }

  /**
   * Fetches the first page of each of `regions` not fetched yet, one at a time, each when `idle`
   * says: later switches to them show at once.
   */
  async prefetchTabs(regions: readonly RegionId[], idle: () => Promise<void>): Promise<void> {
    for (const region of regions) {
      if (this.#firstPages.has(region)) continue;
      await idle();
      try {
        const page = await this.#fetch({ kind: 'region', region }, null);
        if (!this.#firstPages.has(region)) this.#firstPages.set(region, page);
      } catch {
        return; // fetched on the switch instead, where a failure is shown
      }
    }
  }

  /** Fetches the articles of the rows after `id`, so opening the next one waits for no answer. */
  async prefetchAfter(id: ArticleId): Promise<void> {
    const at = this.items.findIndex((item) => item.id === id);
    if (at < 0) return;
    await this.#ahead.fetch(this.items.slice(at + 1, at + 1 + ARTICLES_AFTER).map((i) => i.id));
  }

  /**
   * Fetches the articles of the rows on screen (`ids`, top first), each when `idle` says, so
   * that a click on any of them shows it in the frame of the click.
   */
  prefetchShown(ids: readonly ArticleId[], idle: () => Promise<void>): Promise<void> {
    return this.#ahead.fetchShown(ids, this.openId, idle);
  }

  #showPage(view: ListView, page: FirstPage): void {
    this.items = page.items;
    this.nextCursor = page.nextCursor;
    this.unindexed = page.unindexed ?? 0;
    this.loadedView = view;
    this.activeId = page.items[0]?.id ?? null;
    this.listedAt = page.listedAt;
    this.error = null;
    this.loading = false;
    if (view.kind === 'region') this.#firstPages.set(pageKey(view), page);
  }

  /** Appends the next page (the list asks when the reader nears its end). */
  async loadMore(): Promise<void> {
    const view = this.view;
    const cursor = this.nextCursor;
    if (this.#loadingMore || cursor === null || this.loadedView === null) return;
    this.#loadingMore = true;
    try {
      const page = await this.#fetch(view, cursor);
      if (!sameView(view, this.view) || cursor !== this.nextCursor) return;
      const seen = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !seen.has(item.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#loadingMore = false;
      this.#host.requestUpdate();
    }
  }

  /**
   * After a sync or a change elsewhere: synced articles appear in their place (newer ones on top)
   * without moving what the reader is looking at (the list keeps its place), and read/bookmark
   * flags of loaded rows refresh. After a sync (`synced`), articles fetched ahead are dropped:
   * a sync may have changed one; other changes (read marks, bookmarks, from this window or
   * another) change flags only, which the articles kept take from the fresh rows.
   */
  async refresh(synced = false): Promise<void> {
    const view = this.view;
    if (synced) this.#ahead.renew(this.openId);
    await this.refreshCounts();
    if (view.kind === 'search' || this.loadedView === null) return;
    try {
      const page = await this.#fetch(view, null);
      this.#firstPages.set(pageKey(view), page);
      this.#ahead.takeFlags(page.items);
      if (!sameView(view, this.view)) return;
      this.listedAt = page.listedAt;
      if (view.unreadOnly === true) {
        this.items = mergeUnreadOnly(this.items, page.items, page.nextCursor === null);
      } else if (view.region === 'bookmarks') {
        // Ordered by when each was bookmarked, which rows do not carry: new ones go on top.
        const merged = mergeNewer(this.items, page.items);
        this.items = merged.items;
        if (merged.replaced) this.nextCursor = page.nextCursor;
      } else {
        const merged = mergeFresh(this.items, page.items, page.nextCursor === null);
        this.items = merged.items;
        if (!merged.extendsPastFresh) this.nextCursor = page.nextCursor;
      }
      this.activeId ??= this.items[0]?.id ?? null;
    } catch (error) {
      this.#fail(error);
    }
    this.#host.requestUpdate();
  }

  async refreshCounts(): Promise<void> {
    try {
      this.counts = await this.#api.getTabCounts();
    } catch (error) {
      this.#fail(error);
    }
    this.#host.requestUpdate();
  }

  setActive(id: ArticleId | null): void {
    this.activeId = id;
    this.#host.requestUpdate();
  }

  /** Moves the active row by one; the article is not opened (nor marked read). */
  move(by: 1 | -1): void {
    const at = this.items.findIndex((item) => item.id === this.activeId);
    const next = stepIndex(at, by, this.items.length);
    this.activeId = this.items[next]?.id ?? null;
    // Nearing the end of what is loaded: fetch the next page ahead of the reader.
    if (next >= this.items.length - 20) void this.loadMore();
    this.#host.requestUpdate();
  }

  /** Opens an article in the reading pane; marks it read when `markRead` (the setting) says so. */
  async open(id: ArticleId, markRead: boolean): Promise<Article | null> {
    const seq = ++this.#openSeq;
    this.activeId = id;
    try {
      // Fetched ahead: shown in the frame of the click.
      const article = this.#ahead.take(id) ?? (await this.#api.getArticle(id));
      if (seq !== this.#openSeq) return null;
      this.article = article;
      this.#host.requestUpdate();
      // Shown first; the read mark is made and saved behind it.
      if (markRead && article.unread)
        void this.#shown().then(async () => {
          if (this.article?.id === id && this.article.unread) await this.setRead(id, true);
        });
      return article;
    } catch (error) {
      this.#fail(error);
      this.#host.requestUpdate();
      return null;
    }
  }

  closeArticle(): void {
    this.article = null;
    this.#host.requestUpdate();
  }

  item(id: ArticleId | null): ListItem | undefined {
    return id === null ? undefined : this.items.find((item) => item.id === id);
  }

  /** The article's bookmarked flag as the reader sees it (pane first, then list). */
  isBookmarked(id: ArticleId): boolean {
    if (this.article?.id === id) return this.article.bookmarked;
    return this.item(id)?.bookmarked ?? false;
  }

  isUnread(id: ArticleId): boolean {
    if (this.article?.id === id) return this.article.unread;
    return this.item(id)?.unread ?? false;
  }

  async setBookmark(id: ArticleId, on: boolean): Promise<void> {
    this.#firstPages.delete('bookmarks'); // its rows change, not only their flags
    this.#patch(id, { bookmarked: on });
    try {
      const result = await this.#api.setBookmark(id, on);
      this.#patch(id, { bookmarked: result.bookmarked });
    } catch (error) {
      this.#patch(id, { bookmarked: !on });
      this.#fail(error);
    }
    await this.refreshCounts();
  }

  async setRead(id: ArticleId, read: boolean): Promise<void> {
    this.#patch(id, { unread: !read });
    try {
      await this.#api.markRead({ ids: [id], read });
    } catch (error) {
      this.#patch(id, { unread: read });
      this.#fail(error);
    }
    await this.refreshCounts();
  }

  /** Shows these articles read (or unread) at once, in every list kept, without asking. */
  patchRead(ids: readonly ArticleId[], unread: boolean): void {
    const wanted = new Set<string>(ids);
    const patch = <T extends ListItem>(rows: readonly T[]): readonly T[] =>
      rows.some((row) => wanted.has(row.id) && row.unread !== unread)
        ? rows.map((row) =>
            wanted.has(row.id) && row.unread !== unread ? { ...row, unread } : row,
          )
        : rows;
    this.items = patch(this.items);
    for (const [key, page] of this.#firstPages)
      this.#firstPages.set(key, { ...page, items: patch(page.items) });
    this.#ahead.patch((article) =>
      wanted.has(article.id) && article.unread !== unread ? { ...article, unread } : article,
    );
    if (this.article !== null && wanted.has(this.article.id))
      this.article = { ...this.article, unread };
    this.#host.requestUpdate();
  }

  /** The open article replaced by a newer copy of it (its full text fetched). */
  replaceArticle(article: Article): void {
    this.#ahead.forget(article.id);
    if (this.article?.id === article.id) this.article = article;
    this.#host.requestUpdate();
  }

  /**
   * The first unread row after the open (or active) one, loading further pages while none is
   * loaded; null when the view has no more.
   */
  async nextUnread(): Promise<ArticleId | null> {
    // From the open article on; with none open, from the active row itself.
    const from = this.openId ?? this.activeId;
    let at = this.items.findIndex((item) => item.id === from);
    if (this.openId === null && at >= 0) at -= 1;
    for (;;) {
      const found = this.items.slice(at + 1).find((item) => item.unread && item.id !== this.openId);
      if (found !== undefined) return found.id;
      if (this.nextCursor === null) return null;
      at = Math.max(at, this.items.length - 1);
      const before = this.items.length;
      await this.loadMore();
      if (this.items.length === before) return null;
    }
  }

  #patch(id: ArticleId, flags: { readonly bookmarked?: boolean; readonly unread?: boolean }): void {
    this.items = withFlags(this.items, id, flags);
    for (const [region, page] of this.#firstPages)
      this.#firstPages.set(region, { ...page, items: withFlags(page.items, id, flags) });
    this.#ahead.patch((article) => (article.id === id ? { ...article, ...flags } : article));
    if (this.article?.id === id) this.article = { ...this.article, ...flags };
    this.#host.requestUpdate();
  }

  async #fetch(view: ListView, cursor: string | null): Promise<FirstPage> {
    // Taken before asking: an article stored while the answer is on its way may not be in it.
    const listedAt = new Date().toISOString();
    if (view.kind === 'region') {
      const page = await this.#api.listArticles({
        region: view.region,
        ...(view.tab === undefined ? {} : { tab: view.tab }),
        cursor,
        limit: PAGE,
        ...(view.unreadOnly === true ? { unreadOnly: true } : {}),
      });
      return { ...page, listedAt };
    }
    const scope =
      view.scope === 'all'
        ? { region: 'all' as const }
        : view.tab === undefined
          ? { region: view.region }
          : { tab: view.tab };
    const page = await this.#api.search(view.query, { ...scope, cursor, limit: PAGE });
    return { ...page, listedAt };
  }

  #fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
  }
}

/** The key of a tab's first page: its region, and whether it shows unread only. */
/** A tab's first page is kept apart for its unread-only view. */
function pageKey(view: {
  readonly region: RegionId;
  readonly tab?: number;
  readonly unreadOnly?: boolean;
}): string {
  const key = view.tab === undefined ? view.region : readerTabKey(view.tab);
  return view.unreadOnly === true ? `${key}:unread` : key;
}
