/**
 * NewsService's part for issue 18's sources and tabs: adding a feed that is fetched first, the
 * reader's own tabs, and marking a whole tab read. NewsService's methods call these, so the
 * service file stays a table of the contract.
 */
import * as v from 'valibot';
import type { ArticleSummary, Page } from '../shared/articles.ts';
import { NewsApiError } from '../shared/errors.ts';
import type { AddFeedResult, NewSource } from '../shared/sync.ts';
import {
  MAX_READER_TABS,
  TabNameSchema,
  type ReaderTab,
  type ReaderTabId,
} from '../shared/tabs.ts';
import type { MarkedRead } from '../shared/triage.ts';
import type { ArticlesRepo } from './db/articles-repo.ts';
import type { Database } from './db/database.ts';
import { articleIdOf } from './db/rows.ts';
import { storageError } from './db/storage-error.ts';
import { tabsRepo, type TabsRepo } from './db/tabs-repo.ts';
import { probeFeed } from './sync/feed-probe.ts';
import type { Fetcher } from './sync/fetch.ts';
import type { SourceCatalog } from './sync/source-catalog.ts';

export interface ReaderTabsOptions {
  readonly db: Database;
  readonly catalog: SourceCatalog;
  readonly articles: ArticlesRepo;
  /** For the one fetch that checks a feed before it is added. */
  readonly fetcher: () => Fetcher;
  readonly now: () => number;
  /** Tabs or sources changed (sourcesChanged). */
  readonly tabsChanged: () => void;
  /** Read state changed (libraryChanged). */
  readonly libraryChanged: () => void;
}

export class ReaderTabs {
  readonly #options: ReaderTabsOptions;
  readonly #tabs: TabsRepo;

  constructor(options: ReaderTabsOptions) {
    this.#options = options;
    this.#tabs = tabsRepo(options.db);
  }

  async addFeed(input: NewSource): Promise<AddFeedResult> {
    const { catalog } = this.#options;
    const url = new URL(input.url).href;
    const there = catalog.withUrl(url);
    if (there !== null) return { outcome: 'duplicate', source: there };
    const found = await probeFeed(this.#options.fetcher(), url);
    if (!found.ok) {
      return {
        outcome: 'failed',
        reason: found.reason,
        status: found.status,
        message: found.message,
      };
    }
    // Added while the fetch ran (another window): the same answer as before it.
    const raced = catalog.withUrl(url);
    if (raced !== null) return { outcome: 'duplicate', source: raced };
    const source = catalog.add(input, found.title);
    return { outcome: 'added', source, feedTitle: found.title, items: found.items };
  }

  list(): readonly ReaderTab[] {
    return this.#tabs.list();
  }

  add(raw: string): ReaderTab {
    const name = tabName(raw);
    const id = this.#write('add the tab', () => {
      if (this.#tabs.byName(name) !== null) throw taken(name);
      if (this.#tabs.list().length >= MAX_READER_TABS) {
        throw new NewsApiError(
          'CONFLICT',
          `You have ${MAX_READER_TABS} tabs of your own, the most there can be. Nothing was added.`,
        );
      }
      return this.#tabs.add(name);
    });
    return this.#get(id);
  }

  rename(id: number, raw: string): ReaderTab {
    const name = tabName(raw);
    this.#write('rename the tab', () => {
      const other = this.#tabs.byName(name);
      if (other !== null && other.id !== id) throw taken(name);
      if (!this.#tabs.rename(id, name)) throw noTab(id);
    });
    return this.#get(id);
  }

  move(id: number, position: number): readonly ReaderTab[] {
    this.#write('move the tab', () => {
      if (!this.#tabs.move(id, position)) throw noTab(id);
    });
    return this.#tabs.list();
  }

  remove(id: number): { readonly removed: boolean } {
    return { removed: this.#write('delete the tab', () => this.#tabs.remove(id)) };
  }

  articles(id: number, cursor: number | null, limit: number): Page<ArticleSummary> {
    if (this.#tabs.get(id) === null) throw noTab(id);
    return this.#tabs.articles(id, cursor, limit);
  }

  /** Marks one of the reader's tabs read (regions, 全部 and 收藏: the triage repo). */
  markAllRead(scope: { readonly tab: ReaderTabId }, heldAt: number): MarkedRead {
    if (this.#tabs.get(scope.tab) === null) throw noTab(scope.tab);
    const ids = this.#tabs.unreadIds(scope.tab, heldAt);
    let changed: number;
    try {
      changed = this.#options.articles.markRead(ids, true, this.#options.now());
    } catch (error) {
      throw storageError('mark the articles read', error);
    }
    if (changed > 0) this.#options.libraryChanged();
    return { changed, ids: ids.map(articleIdOf) };
  }

  #get(id: number): ReaderTab {
    const tab = this.#tabs.get(id);
    if (tab === null) throw noTab(id);
    return tab;
  }

  #write<T>(action: string, work: () => T): T {
    let result: T;
    try {
      result = this.#options.db.transaction(work)();
    } catch (error) {
      throw storageError(action, error);
    }
    this.#options.tabsChanged();
    return result;
  }
}

/** The transports validate every call; this keeps the rule for callers inside the app too. */
function tabName(raw: string): string {
  const result = v.safeParse(TabNameSchema, raw);
  if (!result.success)
    throw new NewsApiError('BAD_ARGUMENT', `The tab’s name ${result.issues[0].message}.`);
  return result.output;
}

const noTab = (id: number): NewsApiError => new NewsApiError('NOT_FOUND', `There is no tab ${id}.`);
const taken = (name: string): NewsApiError =>
  new NewsApiError('CONFLICT', `There is a tab called “${name}” already.`);
