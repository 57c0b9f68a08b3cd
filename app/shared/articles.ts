/** What the library holds, as the contract hands it out: plain, readonly, serialisable data. */
import * as v from 'valibot';
import { ReaderTabIdSchema } from './tabs.ts';
import { REGION_IDS, type RegionId } from './regions.ts';

/**
 * An article's id as the UI sees it: `a<n>` for an article in the library, `b<n>` for a bookmark
 * whose article is not (imported, or pruned). Opaque to the renderer.
 */
export type ArticleId = string & { readonly __brand: 'ArticleId' };
export const ArticleIdSchema = v.pipe(
  v.string(),
  v.regex(/^[ab][1-9]\d{0,15}$/, 'is not an article id'),
  v.transform((s) => s as ArticleId),
);

/** The script an article was published in, as detected at sync. */
export type SourceScript = 'hans' | 'hant' | 'unknown';

export interface ArticleSummary {
  readonly id: ArticleId;
  readonly title: string;
  /** ISO 8601, UTC. */
  readonly publishedAt: string;
  /** 來源, as the channel prints it. */
  readonly sourceName: string | null;
  /** One line of text: the summary, or for search hits the text around the match. */
  readonly snippet: string;
  /** Local URL of the first cached image, if any. */
  readonly thumbnail: string | null;
  readonly unread: boolean;
  readonly bookmarked: boolean;
  readonly script: SourceScript;
}

export interface Article extends ArticleSummary {
  readonly url: string;
  readonly author: string | null;
  /** 編輯 */
  readonly editor: string | null;
  /** 責編 */
  readonly responsibleEditor: string | null;
  /** 原題 */
  readonly originalTitle: string | null;
  readonly copyright: string | null;
  /** Sanitised HTML whose images point at the local cache. */
  readonly contentHtml: string;
  /** ISO 8601, UTC; null for a bookmark kept without its article. */
  readonly fetchedAt: string | null;
  /** True when the article itself is gone and this is the bookmark's copy. */
  readonly fromBookmark: boolean;
  /**
   * True when the feed gave only a summary: `contentHtml` is that summary, and the full text can
   * be fetched (NewsApi.fetchFullText). Absent otherwise.
   */
  readonly summaryOnly?: true;
}

export interface Highlight {
  /** Offset into the snippet, in UTF-16 code units. */
  readonly start: number;
  readonly length: number;
}

export interface SearchHit extends ArticleSummary {
  /** The matches in `snippet`. */
  readonly highlights: readonly Highlight[];
  /** The matches in `title`. */
  readonly titleHighlights: readonly Highlight[];
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** A page of search results. */
export interface SearchPage extends Page<SearchHit> {
  /**
   * Stored changes the search index had not applied when the search ran: 0 when the results are
   * complete. More while a rebuilt or replaced index fills, when the results may miss articles.
   */
  readonly unindexed: number;
}

export interface TabCount {
  readonly region: RegionId;
  readonly unread: number;
  readonly total: number;
}

export const MAX_PAGE = 200;
const CursorSchema = v.pipe(v.string(), v.regex(/^\d{1,17}(\.\d{1,17})?$/, 'is not a cursor'));
const LimitSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PAGE));

export const ListQuerySchema = v.pipe(
  v.strictObject({
    region: v.picklist(REGION_IDS),
    /** One of the reader's own tabs instead of a region (then `region` is 'all'). */
    tab: v.optional(ReaderTabIdSchema),
    cursor: v.optional(v.nullable(CursorSchema)),
    limit: v.optional(LimitSchema),
    /** Unread articles only (issue 18); the bookmarks tab lists every bookmark. */
    unreadOnly: v.optional(v.boolean()),
  }),
  v.check((q) => q.tab === undefined || q.region === 'all', 'names a tab with a region'),
);
export type ListQuery = v.InferOutput<typeof ListQuerySchema>;

export const SearchQuerySchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'is empty'),
  v.maxLength(200),
);
export const SearchOptionsSchema = v.pipe(
  v.strictObject({
    region: v.optional(v.picklist(REGION_IDS)),
    /** One of the reader's own tabs instead of a region (issue 18). */
    tab: v.optional(ReaderTabIdSchema),
    cursor: v.optional(v.nullable(CursorSchema)),
    limit: v.optional(LimitSchema),
  }),
  v.check((q) => q.tab === undefined || q.region === undefined, 'names a tab with a region'),
);
export type SearchOptions = v.InferOutput<typeof SearchOptionsSchema>;

export const MarkReadSchema = v.strictObject({
  ids: v.pipe(v.array(ArticleIdSchema), v.minLength(1), v.maxLength(1000)),
  read: v.boolean(),
});
export type MarkRead = v.InferOutput<typeof MarkReadSchema>;

// ---- Bookmark export file: its owner is bookmark-file.ts ----------------------------------------

export {
  BOOKMARK_FORMAT,
  BOOKMARK_FILE_MAX_BYTES,
  MAX_BOOKMARKS_PER_FILE,
  BookmarkFileSchema,
  BookmarkRecordSchema,
  type BookmarkFile,
  type BookmarkRecord,
} from './bookmark-file.ts';

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly total: number;
}
