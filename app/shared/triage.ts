/**
 * The contract's triage and full-text parts (issue 18): a tab marked read with an undo, and the
 * full text of a summary-only article fetched on demand. Plain, readonly, serialisable data.
 */
import * as v from 'valibot';
import { ArticleIdSchema, type Article, type ArticleId } from './articles.ts';
import { REGION_IDS } from './regions.ts';
import { ReaderTabIdSchema } from './tabs.ts';

/**
 * What "mark all read" covers: a region tab (everything when left out), or one of the reader's;
 * with `listedAt` (ISO 8601, when the reader's list was fetched), only the articles the library
 * held then: what a sync brought in since stays unread, as the reader has not seen it.
 */
export const MarkAllReadSchema = v.pipe(
  v.strictObject({
    region: v.optional(v.picklist(REGION_IDS)),
    tab: v.optional(ReaderTabIdSchema),
    listedAt: v.optional(v.pipe(v.string(), v.isoTimestamp('is not an ISO 8601 time'))),
  }),
  v.check((scope) => scope.region === undefined || scope.tab === undefined, 'names two tabs'),
);
export type MarkAllRead = v.InferOutput<typeof MarkAllReadSchema>;

export interface MarkedRead {
  readonly changed: number;
  /** The articles that were unread and are read now: what an undo hands to markUnread. */
  readonly ids: readonly ArticleId[];
}

/**
 * Ids to mark unread again (the undo of markAllRead). A 1 MB request holds about 50,000; the
 * renderer sends a larger undo in batches.
 */
export const MAX_MARK_UNREAD = 50_000;
export const MarkUnreadSchema = v.pipe(
  v.array(ArticleIdSchema),
  v.minLength(1),
  v.maxLength(MAX_MARK_UNREAD),
);

/** Why a full text could not be fetched, for a message in the reader's language. */
export type FullTextFailure =
  /** No network, or the site did not answer. */
  | 'network'
  /** The site answered with an error status (detail: the status). */
  | 'http'
  /** The page was too large, too slow, or not a web page. */
  | 'unreadable'
  /** The page holds no article text that could be told from its navigation. */
  | 'no-article'
  /** The article's address is not http(s), or the article is a bookmark's copy. */
  | 'unavailable';

export type FullTextResult =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly reason: FullTextFailure; readonly detail: string };
