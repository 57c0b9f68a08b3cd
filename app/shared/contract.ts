/**
 * The one contract between the reader's UI and everything behind it. Every transport (the message
 * port to the library's process, browser-mode HTTP, the CLI) is generated from NEWS_API_METHODS
 * and NEWS_API_ARGS, so a
 * method added here is added everywhere, and the compiler refuses a list that drifts from the
 * interface.
 */
import * as v from 'valibot';
import type { CallResult } from './errors.ts';
import {
  ArticleIdSchema,
  BookmarkFileSchema,
  ListQuerySchema,
  MarkReadSchema,
  SearchOptionsSchema,
  SearchQuerySchema,
  type Article,
  type ArticleId,
  type ArticleSummary,
  type BookmarkFile,
  type ImportResult,
  type ListQuery,
  type MarkRead,
  type Page,
  type SearchPage,
  type SearchOptions,
  type TabCount,
} from './articles.ts';
import type { Region } from './regions.ts';
import {
  NewSourceSchema,
  OpmlTextSchema,
  SourceIdSchema,
  SourcePatchSchema,
  SyncRequestSchema,
  type AddFeedResult,
  type NewSource,
  type OpmlImportResult,
  type SourcePatch,
  type SourceStatus,
  type SyncProgress,
  type SyncRequest,
  type SyncSummary,
} from './sync.ts';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from './settings.ts';
import {
  MarkAllReadSchema,
  MarkUnreadSchema,
  type FullTextResult,
  type MarkAllRead,
  type MarkedRead,
} from './triage.ts';
import {
  ReaderTabIdSchema,
  TabNameSchema,
  TabPositionSchema,
  type ReaderTab,
  type ReaderTabId,
} from './tabs.ts';

export interface SyncStatus {
  readonly state: 'idle' | 'syncing';
  /** ISO 8601, UTC; null before the first sync. */
  readonly lastSyncedAt: string | null;
  /** While syncing: sources done of total. */
  readonly progress: SyncProgress | null;
  /** The last sync found no network. */
  readonly offline: boolean;
  /** How the last sync since the library started went; null before one finished. */
  readonly lastRun: SyncRun | null;
}

/** A finished sync in counts: enough to say what happened (issue 18: never "done" on failure). */
export interface SyncRun {
  /** ISO 8601, UTC: when it finished. */
  readonly at: string;
  /** Sources tried, and of those the ones that failed. */
  readonly done: number;
  readonly failed: number;
  readonly inserted: number;
  readonly offline: boolean;
  readonly cancelled: boolean;
}

export interface Status {
  readonly appVersion: string;
  readonly dataDir: string;
  readonly schemaVersion: number;
  /** ISO 8601, UTC. */
  readonly startedAt: string;
  readonly sync: SyncStatus;
  /** Things the reader should be told once, in plain words (e.g. a recovered database). */
  readonly notices: readonly string[];
}

export interface NewsApi {
  /** The channel's tabs in display order: 全部, the ten regions, 收藏. */
  listRegions(): Promise<readonly Region[]>;
  getSettings(): Promise<Settings>;
  /** Applies a partial change and returns the settings as now saved. */
  setSettings(patch: SettingsPatch): Promise<Settings>;
  getStatus(): Promise<Status>;
  /** One page of a tab, newest first (bookmarks: newest bookmark first); keyset-paged. */
  listArticles(query: ListQuery): Promise<Page<ArticleSummary>>;
  /** The article, or a bookmark's copy of it when the article is gone. */
  getArticle(id: ArticleId): Promise<Article>;
  /** Unread and total counts for every tab, in tab order. */
  getTabCounts(): Promise<readonly TabCount[]>;
  markRead(request: MarkRead): Promise<{ readonly changed: number }>;
  setBookmark(
    id: ArticleId,
    on: boolean,
  ): Promise<{ readonly id: ArticleId; readonly bookmarked: boolean }>;
  /** Every bookmark as the documented JSON file (docs/bookmarks-format.md). */
  exportBookmarks(): Promise<BookmarkFile>;
  importBookmarks(file: BookmarkFile): Promise<ImportResult>;
  /** Cross-script full-text search, newest first, with highlighted snippets. */
  search(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** Syncs every enabled source (or the given ones); joins a sync already running. */
  sync(request?: SyncRequest): Promise<SyncSummary>;
  /** Stops a running sync; sources already stored stay stored. */
  cancelSync(): Promise<{ readonly cancelled: boolean }>;
  /** Every source: the configured ones (built-in or file), then the reader's, oldest first. */
  listSources(): Promise<readonly SourceStatus[]>;
  /**
   * Adds a feed (RSS, Atom, JSON Feed) as the reader's own source, enabled. Does not fetch: sync
   * it with `sync({ sourceIds: [id] })`. CONFLICT when a source has the URL already.
   */
  addSource(input: NewSource): Promise<SourceStatus>;
  /**
   * Enables or disables any source (kept across restarts); renames or re-regions the reader's
   * own (CONFLICT for a configured one, whose title and region come from its configuration).
   */
  updateSource(id: string, patch: SourcePatch): Promise<SourceStatus>;
  /** Removes one of the reader's sources; its articles stay. CONFLICT for a configured one. */
  removeSource(id: string): Promise<{ readonly removed: boolean }>;
  /** Every source as OPML 2.0: feeds as type="rss" outlines, portals as type="link". */
  exportOpml(): Promise<string>;
  /**
   * Adds every feed (outline with an http(s) xmlUrl, nested ones too) not already a source, all or
   * nothing. BAD_ARGUMENT for text that is not OPML.
   */
  importOpml(text: string): Promise<OpmlImportResult>;

  // ---- Sources with names, and the reader's own tabs (issue 18, wt-18a) ----

  /**
   * Fetches the address once and adds it as the reader's feed when it is one (enabled), saying
   * what it found; a duplicate or an address that is not a feed is an outcome, not an error, so
   * the UI can say why in its own language. Sync it afterwards to store its articles.
   */
  addFeed(input: NewSource): Promise<AddFeedResult>;
  /** The reader's own tabs in their order, with unread and total counts. */
  listTabs(): Promise<readonly ReaderTab[]>;
  /** Adds a tab after the others. CONFLICT for a name taken or past MAX_READER_TABS. */
  addTab(name: string): Promise<ReaderTab>;
  renameTab(id: ReaderTabId, name: string): Promise<ReaderTab>;
  /** Moves a tab to a 0-based place; returns every tab in the new order. */
  moveTab(id: ReaderTabId, position: number): Promise<readonly ReaderTab[]>;
  /** Deletes a tab; its sources belong to no tab after it. No article or bookmark is deleted. */
  removeTab(id: ReaderTabId): Promise<{ readonly removed: boolean }>;

  // ---- Triage and full text (issue 18, wt-18c) ----
  /**
   * Marks every unread article of a tab read: everything (by default), a region, 收藏, or one of
   * the reader's own tabs; returns the ids it changed, which markUnread takes back (the undo).
   */
  markAllRead(scope: MarkAllRead): Promise<MarkedRead>;
  /** Marks these articles unread (markAllRead's undo); bookmark copies are ignored. */
  markUnread(ids: readonly ArticleId[]): Promise<{ readonly changed: number }>;
  /**
   * Fetches the article's page, extracts its text (reader mode), sanitises it, caches its images
   * and keeps it, so it reads offline afterwards; `ok: false` says why it could not.
   */
  fetchFullText(id: ArticleId): Promise<FullTextResult>;
}

export type NewsMethod = keyof NewsApi;

export const NEWS_API_METHODS = [
  'listRegions',
  'getSettings',
  'setSettings',
  'getStatus',
  'listArticles',
  'getArticle',
  'getTabCounts',
  'markRead',
  'setBookmark',
  'exportBookmarks',
  'importBookmarks',
  'search',
  'sync',
  'cancelSync',
  'listSources',
  'addSource',
  'updateSource',
  'removeSource',
  'exportOpml',
  'importOpml',
  'addFeed',
  'listTabs',
  'addTab',
  'renameTab',
  'moveTab',
  'removeTab',
  // triage and full text (wt-18c)
  'markAllRead',
  'markUnread',
  'fetchFullText',
] as const satisfies readonly NewsMethod[];

// Compile-time proof that the list names every method of the interface, and nothing else.
type Listed = (typeof NEWS_API_METHODS)[number];
type AssertNever<T extends never> = T;
export type _EveryMethodListed = AssertNever<Exclude<NewsMethod, Listed>>;

/** Validators for each method's argument list (a tuple; extra arguments are refused). */
export const NEWS_API_ARGS: {
  readonly [K in NewsMethod]: v.GenericSchema<unknown, Parameters<NewsApi[K]>>;
} = {
  listRegions: v.strictTuple([]),
  getSettings: v.strictTuple([]),
  setSettings: v.strictTuple([SettingsPatchSchema]),
  getStatus: v.strictTuple([]),
  listArticles: v.strictTuple([ListQuerySchema]),
  getArticle: v.strictTuple([ArticleIdSchema]),
  getTabCounts: v.strictTuple([]),
  markRead: v.strictTuple([MarkReadSchema]),
  setBookmark: v.strictTuple([ArticleIdSchema, v.boolean()]),
  exportBookmarks: v.strictTuple([]),
  importBookmarks: v.strictTuple([BookmarkFileSchema]),
  search: v.strictTuple([SearchQuerySchema, v.optional(SearchOptionsSchema)]),
  sync: v.strictTuple([SyncRequestSchema]),
  cancelSync: v.strictTuple([]),
  listSources: v.strictTuple([]),
  addSource: v.strictTuple([NewSourceSchema]),
  updateSource: v.strictTuple([SourceIdSchema, SourcePatchSchema]),
  removeSource: v.strictTuple([SourceIdSchema]),
  exportOpml: v.strictTuple([]),
  importOpml: v.strictTuple([OpmlTextSchema]),
  addFeed: v.strictTuple([NewSourceSchema]),
  listTabs: v.strictTuple([]),
  addTab: v.strictTuple([TabNameSchema]),
  renameTab: v.strictTuple([ReaderTabIdSchema, TabNameSchema]),
  moveTab: v.strictTuple([ReaderTabIdSchema, TabPositionSchema]),
  removeTab: v.strictTuple([ReaderTabIdSchema]),
  // triage and full text (wt-18c)
  markAllRead: v.strictTuple([MarkAllReadSchema]),
  markUnread: v.strictTuple([MarkUnreadSchema]),
  fetchFullText: v.strictTuple([ArticleIdSchema]),
};

/**
 * Where the library answers each method (app/core/host/library-router.ts,
 * docs/technotes/0009-library-process.md):
 * - `read`: on a read-only connection of its own, never queued behind the library's writes.
 * - `write`: by the library's writer, in the order sent; a `read` from the same caller sent after
 *   it waits for its answer, so it sees what it changed. Reads of what only the writer holds (the
 *   sync's state in getStatus, the configured sources joined with the stored ones) are here too.
 * - `long`: by the writer, but a caller's later reads do not wait for it (a sync, a bookmark
 *   import in slices, a page fetched first): they are answered meanwhile, as they were between
 *   its transactions.
 * The compiler refuses a method left out, so a new one is classified where it is declared.
 */
export type CallAccess = 'read' | 'write' | 'long';

export const NEWS_API_ACCESS = {
  listRegions: 'read',
  getSettings: 'read',
  setSettings: 'write',
  getStatus: 'write',
  listArticles: 'read',
  getArticle: 'read',
  getTabCounts: 'read',
  markRead: 'write',
  setBookmark: 'write',
  exportBookmarks: 'read',
  importBookmarks: 'long',
  search: 'read',
  sync: 'long',
  cancelSync: 'write',
  listSources: 'write',
  addSource: 'write',
  updateSource: 'write',
  removeSource: 'write',
  exportOpml: 'write',
  importOpml: 'write',
  addFeed: 'long',
  listTabs: 'read',
  addTab: 'write',
  renameTab: 'write',
  moveTab: 'write',
  removeTab: 'write',
  markAllRead: 'write',
  markUnread: 'write',
  fetchFullText: 'long',
} as const satisfies Readonly<Record<NewsMethod, CallAccess>>;

/** The methods a read-only connection answers. */
export type ReadMethod = {
  [K in NewsMethod]: (typeof NEWS_API_ACCESS)[K] extends 'read' ? K : never;
}[NewsMethod];

export function isReadMethod(name: unknown): name is ReadMethod {
  return isNewsMethod(name) && NEWS_API_ACCESS[name] === 'read';
}

export function isNewsMethod(name: unknown): name is NewsMethod {
  return typeof name === 'string' && (NEWS_API_METHODS as readonly string[]).includes(name);
}

/** Events pushed from the app to every open window. */
export type NewsEvent =
  | { readonly type: 'settingsChanged'; readonly settings: Settings }
  | { readonly type: 'statusChanged'; readonly status: Status }
  /** Articles, read state or bookmarks changed: refresh what is visible. */
  | { readonly type: 'libraryChanged' }
  /** The reader added, changed or removed sources (in this window or another). */
  | { readonly type: 'sourcesChanged' }
  | { readonly type: 'syncProgress'; readonly progress: SyncProgress }
  | { readonly type: 'syncFinished'; readonly summary: SyncSummary }
  /** The desktop app downloaded a new version, installed on restart (app/main/updater.ts). */
  | { readonly type: 'updateReady'; readonly version: string };

export type NewsListener = (event: NewsEvent) => void;

/** What the renderer works with: the contract plus a way to hear events. */
export interface NewsClient extends NewsApi {
  subscribe(listener: NewsListener): () => void;
}

/**
 * What a transport exposes before results are unwrapped: every method resolves to a CallResult,
 * because typed errors do not survive Electron's context bridge as Error objects.
 */
export type RemoteNewsApi = {
  readonly [K in NewsMethod]: (
    ...args: Parameters<NewsApi[K]>
  ) => Promise<CallResult<Awaited<ReturnType<NewsApi[K]>>>>;
} & {
  subscribe(listener: NewsListener): () => void;
};
