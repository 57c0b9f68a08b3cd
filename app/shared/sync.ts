/** Sync as the contract shows it. */
import * as v from 'valibot';
import { PLACE_REGION_IDS, type RegionId } from './regions.ts';
import { ReaderTabIdSchema, type ReaderTabId } from './tabs.ts';

/**
 * Where a source comes from: the built-in channel, the sources file (`--sources FILE`), or the
 * reader (addSource, importOpml). Only the reader's own can be removed or renamed; any can be
 * disabled.
 */
export type SourceOrigin = 'builtin' | 'file' | 'user';

export interface SourceStatus {
  readonly id: string;
  readonly type: 'portal' | 'feed';
  readonly origin: SourceOrigin;
  readonly url: string;
  /** The name given to it: the reader's (any source), the configuration's, or null. */
  readonly title: string | null;
  /**
   * What the reader sees it called: its title, else (portals) the channel and region
   * ("吉林頻道 · 長春"), else (feeds) the feed's own title from its last successful parse, else
   * its host, else its URL. Never empty.
   */
  readonly name: string;
  /** The feed's own title as last parsed; null before a successful fetch. */
  readonly feedTitle: string | null;
  readonly region: RegionId | null;
  /** The reader's own tab it belongs to, if any. */
  readonly tab: ReaderTabId | null;
  /** Fetch each article's page for its full text (for feeds that carry only a summary). */
  readonly fullText: boolean;
  /** Whether sync fetches it: the reader's choice, or the configuration's until they make one. */
  readonly enabled: boolean;
  /** ISO 8601 times, or null. */
  readonly lastSuccessAt: string | null;
  readonly lastErrorAt: string | null;
  /** The last error in words a reader understands; null after a success. */
  readonly lastError: string | null;
  /** Failures in a row (0 after a success): the UI can flag a source that keeps failing. */
  readonly errorCount: number;
  readonly nextDueAt: string | null;
}

export interface SyncProgress {
  readonly done: number;
  readonly total: number;
  /** New articles stored so far in this sync. */
  readonly inserted: number;
  readonly failed: number;
}

export interface SyncSummary extends SyncProgress {
  readonly updated: number;
  /** Items past their source's cap (`maxItems`) that were not read: the oldest of each feed. */
  readonly leftOut: number;
  /** The sources that listed more than their cap, with how many each left out. */
  readonly capped: readonly { readonly sourceId: string; readonly leftOut: number }[];
  /** True when every failure looked like a missing network. */
  readonly offline: boolean;
  readonly cancelled: boolean;
  readonly errors: readonly { readonly sourceId: string; readonly message: string }[];
}

export const SyncRequestSchema = v.optional(
  v.strictObject({
    sourceIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(1000))),
  }),
);
export type SyncRequest = v.InferOutput<typeof SyncRequestSchema>;

// ---- Managing sources -------------------------------------------------------------------------

/** Longest source URL accepted. */
export const MAX_SOURCE_URL = 4096;
/** Largest OPML text importOpml takes, in characters. */
export const MAX_OPML_CHARS = 5 * 1024 * 1024;

export const SourceIdSchema = v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(64));

/** An http(s) feed URL, surrounding spaces removed. */
export const FeedUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(MAX_SOURCE_URL),
  v.url('is not a URL'),
  v.check((u) => /^https?:\/\//i.test(u), 'is not an http(s) URL'),
);

/** A title as the reader typed it; blank means none. */
const TitleSchema = v.pipe(
  v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  v.transform((t) => (t === '' ? null : t)),
);
const SourceRegionSchema = v.nullable(v.picklist(PLACE_REGION_IDS));

export const NewSourceSchema = v.strictObject({
  url: FeedUrlSchema,
  title: v.optional(TitleSchema),
  /** Every article of the source goes to this place; without one the gazetteer tags them. */
  region: v.optional(SourceRegionSchema),
});
export type NewSource = v.InferOutput<typeof NewSourceSchema>;

export const SourcePatchSchema = v.strictObject({
  enabled: v.optional(v.boolean()),
  /** Any source's name; null (or blank) gives it back its own. */
  title: v.optional(TitleSchema),
  /** The reader's own feeds only; setting a region takes the feed out of its tab. */
  region: v.optional(SourceRegionSchema),
  fullText: v.optional(v.boolean()),
  /** One of the reader's tabs, or null for none; a feed put in a tab leaves its region. */
  tab: v.optional(v.nullable(ReaderTabIdSchema)),
});
export type SourcePatch = v.InferOutput<typeof SourcePatchSchema>;

export const OpmlTextSchema = v.pipe(
  v.string(),
  v.minLength(1, 'is empty'),
  v.maxLength(MAX_OPML_CHARS, 'is larger than 5 MB'),
);

export interface OpmlImportResult {
  /** Feeds added as the reader's sources. */
  readonly added: number;
  /** Feeds already present (or repeated in the file), or with a URL that is not http(s). */
  readonly skipped: number;
  /** Of the skipped: feeds already sources (or repeated in the file). */
  readonly existing: number;
  /** Of the skipped: outlines whose xmlUrl is not an http(s) URL. */
  readonly invalid: number;
  /** Outlines with an xmlUrl in the file. */
  readonly total: number;
  /** The sources added, to sync them at once. */
  readonly addedIds: readonly string[];
  /** The reader's tabs made for the file's folders. */
  readonly tabsAdded: number;
}

/** Why a feed could not be added, for the UI to say in its own language. */
export type AddFeedFailure =
  /** The address answered with an HTTP error (`status`). */
  | 'http'
  /** The address answered, but not with a feed (RSS, Atom, JSON Feed). */
  | 'not-a-feed'
  /** No network, or the host could not be reached. */
  | 'network'
  | 'timeout'
  | 'too-large'
  /** Redirected too often, or to something that is not http(s). */
  | 'redirect';

/** What adding a feed found (addFeed): it fetches the address once before adding it. */
export type AddFeedResult =
  | {
      readonly outcome: 'added';
      readonly source: SourceStatus;
      /** The feed's own title (its host when it has none). */
      readonly feedTitle: string;
      /** Items the feed lists now. */
      readonly items: number;
    }
  /** A source has that address already: `source` is the one there. */
  | { readonly outcome: 'duplicate'; readonly source: SourceStatus }
  | {
      readonly outcome: 'failed';
      readonly reason: AddFeedFailure;
      /** The HTTP status for `http`. */
      readonly status: number | null;
      /** In English, for logs and the CLI. */
      readonly message: string;
    };
