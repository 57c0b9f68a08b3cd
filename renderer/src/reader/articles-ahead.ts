/**
 * Articles fetched before the reader opens them: the rows after the open one (reading on) and the
 * rows on screen (a click anywhere), so that opening one shows it in the frame of the click, as a
 * reader that keeps its library in memory does. A bounded cache, oldest dropped first; ReaderState
 * keeps its flags in step with the list's and empties it when the library may have changed.
 */
import type { Article, ArticleId } from '../../../app/shared/articles.ts';
import type { NewsApi } from '../../../app/shared/contract.ts';

/** The rows after the open one fetched ahead. */
export const ARTICLES_AFTER = 3;
/** Rows on screen whose articles are fetched ahead (a tall window shows fifty). */
const SHOWN_AHEAD = 16;
const CAPACITY = ARTICLES_AFTER + SHOWN_AHEAD + 5;
/**
 * How long the rows in view must stay before their articles are fetched: rows scrolled past are
 * not fetched, and fetching never competes with the next pages a scroll asks for.
 */
const SETTLE_MS = 250;

export class ArticlesAhead {
  readonly #api: Pick<NewsApi, 'getArticle'>;
  /** Oldest first. */
  readonly #kept = new Map<ArticleId, Article>();
  /** Counts fetchShown's calls: an older one stops. */
  #shownRun = 0;
  /** The rows fetchShown was last given, fetched again by `renew`. */
  #lastShown: { ids: readonly ArticleId[]; idle: () => Promise<void> } | null = null;

  constructor(api: Pick<NewsApi, 'getArticle'>) {
    this.#api = api;
  }

  /** The article if kept, which is then no longer kept (it is about to be shown). */
  take(id: ArticleId): Article | undefined {
    const article = this.#kept.get(id);
    this.#kept.delete(id);
    return article;
  }

  has(id: ArticleId): boolean {
    return this.#kept.has(id);
  }

  forget(id: ArticleId): void {
    this.#kept.delete(id);
  }

  /**
   * Drops every article kept (a sync may have changed one) and fetches those of the rows last
   * shown again, as they are now.
   */
  renew(open: ArticleId | null): void {
    this.#kept.clear();
    const shown = this.#lastShown;
    if (shown !== null) void this.fetchShown(shown.ids, open, shown.idle);
  }

  /** The kept articles take their read and bookmark flags from `rows` (fresh from the library). */
  takeFlags(rows: readonly { id: ArticleId; unread: boolean; bookmarked: boolean }[]): void {
    const byId = new Map(rows.map((row) => [row.id, row]));
    this.patch((article) => {
      const row = byId.get(article.id);
      return row === undefined ||
        (row.unread === article.unread && row.bookmarked === article.bookmarked)
        ? article
        : { ...article, unread: row.unread, bookmarked: row.bookmarked };
    });
  }

  /** Changes the kept copy of each article `change` gives a new copy of. */
  patch(change: (article: Article) => Article): void {
    for (const [id, article] of this.#kept) {
      const changed = change(article);
      if (changed !== article) this.#kept.set(id, changed);
    }
  }

  /** Fetches and keeps each of `ids` not kept yet; false once one fails. */
  async fetch(ids: readonly ArticleId[]): Promise<boolean> {
    for (const id of ids) {
      if (this.#kept.has(id)) continue;
      try {
        this.#keep(await this.#api.getArticle(id));
      } catch {
        return false; // fetched when opened instead, where a failure is shown
      }
    }
    return true;
  }

  /**
   * Fetches the articles of the rows on screen (the first SHOWN_AHEAD of `ids`, but `open`) once
   * they have stayed in view for SETTLE_MS, each when `idle` says. A later call (the list
   * scrolled on) ends an earlier one.
   */
  async fetchShown(
    ids: readonly ArticleId[],
    open: ArticleId | null,
    idle: () => Promise<void>,
  ): Promise<void> {
    const run = ++this.#shownRun;
    this.#lastShown = { ids, idle };
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (run !== this.#shownRun) return;
    for (const id of ids.slice(0, SHOWN_AHEAD)) {
      if (this.#kept.has(id) || id === open) continue;
      await idle();
      if (run !== this.#shownRun) return;
      if (!(await this.fetch([id]))) return;
    }
  }

  #keep(article: Article): void {
    this.#kept.delete(article.id);
    this.#kept.set(article.id, article);
    for (const old of this.#kept.keys()) {
      if (this.#kept.size <= CAPACITY) break;
      this.#kept.delete(old);
    }
  }
}
