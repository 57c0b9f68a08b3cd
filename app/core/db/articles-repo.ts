/**
 * Articles, their regions, read state and tab counts. This file's exports are its whole API;
 * all SQL about articles lives here.
 */
import type {
  Article,
  ArticleSummary,
  Page,
  SourceScript,
  TabCount,
} from '../../shared/articles.ts';
import { REGION_IDS, type RegionId } from '../../shared/regions.ts';
import type { Database } from './database.ts';
import { searchIndexOf } from './search-index.ts';
import {
  SORT_KEY_SLOTS as SLOTS,
  searchIdAllocator,
  type SearchIdAllocator,
} from './search-ids.ts';
import { SUMMARY_COLUMNS, toArticle, toSummary, type ArticleRow, type SummaryRow } from './rows.ts';

/** An article as the sync engine (or a test, or the benchmark) hands it over. */
export interface NewArticle {
  readonly url: string;
  readonly guid?: string | null;
  readonly contentHash?: string | null;
  readonly sourceId?: string | null;
  readonly title: string;
  readonly summary?: string;
  /** Already sanitised. */
  readonly contentHtml?: string;
  /** Plain text of the body, for search and snippets. */
  readonly text: string;
  readonly author?: string | null;
  readonly sourceName?: string | null;
  readonly editor?: string | null;
  readonly responsibleEditor?: string | null;
  readonly originalTitle?: string | null;
  readonly copyright?: string | null;
  /** Milliseconds since the epoch, UTC. */
  readonly publishedAt: number;
  readonly fetchedAt: number;
  /**
   * The source gives no date: `publishedAt` is when the item was first seen, and an item already
   * stored keeps its own, so that an undated item does not rise to the top at every sync.
   */
  readonly undated?: boolean;
  readonly script: SourceScript;
  /** Place regions (not `all` or `bookmarks`). */
  readonly regions: readonly RegionId[];
  readonly thumbnailImageId?: number | null;
}

export interface UpsertResult {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Library ids of the articles, in the order given. */
  readonly ids: readonly number[];
}

export const DEFAULT_PAGE = 50;

interface ExistingRow {
  id: number;
  sort_key: number;
  search_id: number | null;
  published_at: number;
  content_hash: string | null;
  title: string;
  summary: string;
  text: string;
}

export interface ArticlesRepo {
  upsert(batch: readonly NewArticle[]): UpsertResult;
  list(
    region: Exclude<RegionId, 'bookmarks'>,
    cursor: number | null,
    limit: number,
    unreadOnly?: boolean,
  ): Page<ArticleSummary>;
  /** The article; `fullText` is a body fetched on demand, shown instead of the synced one. */
  get(id: number, fullText?: string | null): Article | null;
  /** Summary rows for the given sort keys (search hits), keyed by sort key. */
  summariesBySortKey(keys: readonly number[]): Map<number, SummaryRow & { text: string }>;
  markRead(ids: readonly number[], read: boolean, now: number): number;
  tabCounts(): TabCount[];
  /**
   * Deletes articles published before `before` (ms) that no source lists any more, never a
   * bookmarked one, remembering their URLs as pruned at `now`. Returns how many. With `limit`,
   * only that many of the oldest, and the images they leave unused stay (see pruneImages).
   */
  prune(before: number, now?: number, limit?: number): number;
  /** Deletes cached images no article or bookmark uses (after a sliced prune). */
  pruneImages(): void;
  count(): number;
  hasUrl(url: string): boolean;
  exists(id: number): boolean;
}

export function articlesRepo(db: Database): ArticlesRepo {
  const byUrl = db.prepare<[string], ExistingRow>(
    'SELECT id, sort_key, search_id, published_at, content_hash, title, summary, text FROM articles WHERE url = ?',
  );
  const byGuid = db.prepare<[string | null, string], ExistingRow>(
    'SELECT id, sort_key, search_id, published_at, content_hash, title, summary, text FROM articles WHERE source_id IS ? AND guid = ?',
  );
  const byHash = db.prepare<[string], ExistingRow>(
    'SELECT id, sort_key, search_id, published_at, content_hash, title, summary, text FROM articles WHERE content_hash = ?',
  );
  const sortKeyTaken = db
    .prepare<[number], number>('SELECT 1 FROM articles WHERE sort_key = ?')
    .pluck();
  // Positional parameters (binding by name costs a lookup per parameter) in toRow's order; a
  // taken sort key inserts nothing, and the next slot is tried (see freeSortKey).
  const insertArticle = db.prepare<[InsertRow]>(`
    INSERT INTO articles (published_at, fetched_at, source_id, script, thumbnail_image_id, title,
      source_name, summary, url, guid, content_hash, author, editor, responsible_editor, original_title,
      copyright, content_html, text, search_id, sort_key)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (sort_key) DO NOTHING`);
  const updateArticle = db.prepare(`
    UPDATE articles SET sort_key = @sortKey, published_at = @publishedAt, updated_at = @fetchedAt,
      source_id = @sourceId, script = @script, thumbnail_image_id = @thumbnailImageId, title = @title,
      source_name = @sourceName, summary = @summary, url = @url, guid = @guid, content_hash = @contentHash,
      author = @author, editor = @editor, responsible_editor = @responsibleEditor,
      original_title = @originalTitle, copyright = @copyright, content_html = @contentHtml, text = @text,
      search_id = @searchId
    WHERE id = @id`);
  const insertRegion = db.prepare<[string, number, number, number]>(
    'INSERT OR IGNORE INTO article_regions (region, sort_key, article_id, unread) VALUES (?, ?, ?, ?)',
  );
  const deleteRegions = db.prepare<[number]>('DELETE FROM article_regions WHERE article_id = ?');
  // Rows added to articles and article_regions are counted per batch (migration 0050 replaced the
  // per-row insert triggers); deletes and read-state changes still count by trigger.
  const addCounts = db.prepare<[number, number, string]>(
    'UPDATE tab_counts SET total = total + ?, unread = unread + ? WHERE region = ?',
  );
  const isUnread = db
    .prepare<[number], number>('SELECT read_at IS NULL FROM articles WHERE id = ?')
    .pluck();
  // Changes to the search index are logged here and applied on another thread (search-index.ts).
  const index = searchIndexOf(db);

  const listAll = db.prepare<[number, number], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.sort_key < ? ORDER BY a.sort_key DESC LIMIT ?`,
  );
  const listRegion = db.prepare<[string, number, number], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM article_regions r JOIN articles a ON a.id = r.article_id
     WHERE r.region = ? AND r.sort_key < ? ORDER BY r.sort_key DESC LIMIT ?`,
  );
  // Unread only: partial indexes (migration 0082) hold just the unread rows, in list order.
  const listAllUnread = db.prepare<[number, number], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a INDEXED BY articles_unread
     WHERE a.read_at IS NULL AND a.sort_key < ? ORDER BY a.sort_key DESC LIMIT ?`,
  );
  const listRegionUnread = db.prepare<[string, number, number], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM article_regions r INDEXED BY article_regions_unread
     JOIN articles a ON a.id = r.article_id
     WHERE r.region = ? AND r.unread = 1 AND r.sort_key < ? ORDER BY r.sort_key DESC LIMIT ?`,
  );
  const getOne = db.prepare<[number], ArticleRow>(
    `SELECT ${SUMMARY_COLUMNS}, a.fetched_at, a.url, a.author, a.editor, a.responsible_editor,
       a.original_title, a.copyright, a.content_html
     FROM articles a WHERE a.id = ?`,
  );
  const bySortKey = db.prepare<[number], SummaryRow & { text: string }>(
    `SELECT ${SUMMARY_COLUMNS}, a.text FROM articles a WHERE a.sort_key = ?`,
  );
  const setRead = db.prepare<[{ readAt: number | null; id: number }]>(
    'UPDATE articles SET read_at = @readAt WHERE id = @id AND (read_at IS NULL) <> (@readAt IS NULL)',
  );
  const counts = db.prepare<[], { region: RegionId; total: number; unread: number }>(
    'SELECT region, total, unread FROM tab_counts',
  );
  const bookmarkCounts = db.prepare<[], { total: number; unread: number }>(
    `SELECT count(*) AS total, coalesce(sum(a.read_at IS NULL), 0) AS unread
     FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id`,
  );
  // Old, not bookmarked, and no longer listed by any source's latest fetch (migration 0070): an
  // article still in its feed is kept whatever its age, so a sync never stores it again as new.
  const PRUNABLE = `sort_key < ?
       AND NOT EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = articles.id)
       AND NOT EXISTS (SELECT 1 FROM source_items si WHERE si.article_id = articles.id)`;
  // The oldest first, at most `limit` of them (-1: no limit), so that a prune can be sliced.
  const OLDEST = `SELECT id FROM articles WHERE ${PRUNABLE} ORDER BY sort_key LIMIT ?`;
  const rememberPruned = db.prepare<[number, number, number]>(
    `INSERT OR REPLACE INTO pruned_urls (url, pruned_at) SELECT url, ? FROM articles WHERE id IN (${OLDEST})`,
  );
  const pruneOld = db.prepare<[number, number]>(`DELETE FROM articles WHERE id IN (${OLDEST})`);
  const pruneImages = db.prepare(
    `DELETE FROM images WHERE NOT EXISTS (SELECT 1 FROM article_images ai WHERE ai.image_id = images.id)
       AND NOT EXISTS (SELECT 1 FROM bookmark_images bi WHERE bi.image_id = images.id)
       AND NOT EXISTS (SELECT 1 FROM full_text_images fi WHERE fi.image_id = images.id)`,
  );
  const countAll = db.prepare<[], number>('SELECT count(*) FROM articles').pluck();
  const hasId = db.prepare<[number], number>('SELECT 1 FROM articles WHERE id = ?').pluck();

  function freeSortKey(publishedAt: number, url: string, own: number | null): number {
    const base = Math.floor(publishedAt) * SLOTS;
    let slot = hash(url) % SLOTS;
    for (let tries = 0; tries < SLOTS; tries += 1) {
      const key = base + slot;
      if (key === own || sortKeyTaken.get(key) === undefined) return key;
      slot = (slot + 1) % SLOTS;
    }
    throw new Error('more than 1024 articles published in the same millisecond');
  }

  /** Inserts a new article at the first free slot of its millisecond: [sort key, id]. */
  function insertNew(a: NewArticle, searchId: number): [number, number] {
    const row = toRow(a, searchId);
    const base = Math.floor(a.publishedAt) * SLOTS;
    let slot = hash(a.url) % SLOTS;
    for (let tries = 0; tries < SLOTS; tries += 1) {
      row[SORT_KEY] = base + slot;
      const result = insertArticle.run(row);
      if (result.changes === 1) return [base + slot, Number(result.lastInsertRowid)];
      slot = (slot + 1) % SLOTS;
    }
    throw new Error('more than 1024 articles published in the same millisecond');
  }

  function findExisting(a: NewArticle): ExistingRow | undefined {
    return (
      byUrl.get(a.url) ??
      (a.guid ? byGuid.get(a.sourceId ?? null, a.guid) : undefined) ??
      (a.contentHash ? byHash.get(a.contentHash) : undefined)
    );
  }

  const allocator = searchIdAllocator(db);

  const upsertAll = db.transaction((batch: readonly NewArticle[]): UpsertResult => {
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const ids: number[] = [];
    const searchIds: SearchIdAllocator = allocator();
    const added = new Counts();
    for (const given of batch) {
      const existing = findExisting(given);
      const a =
        existing !== undefined && given.undated === true
          ? { ...given, publishedAt: existing.published_at }
          : given;
      if (existing === undefined) {
        const searchId = searchIds.next(a.publishedAt);
        const [sortKey, id] = insertNew(a, searchId);
        for (const region of new Set(a.regions)) {
          if (insertRegion.run(region, sortKey, id, 1).changes === 1) added.add(region, 1);
        }
        index.add(searchId, a.title, a.summary ?? '', a.text);
        inserted += 1;
        ids.push(id);
        continue;
      }
      ids.push(existing.id);
      const same =
        existing.published_at === a.publishedAt &&
        existing.title === a.title &&
        existing.summary === (a.summary ?? '') &&
        existing.text === a.text &&
        (a.contentHash ?? null) === existing.content_hash;
      if (same) {
        unchanged += 1;
        continue;
      }
      const sortKey =
        existing.published_at === a.publishedAt
          ? existing.sort_key
          : freeSortKey(a.publishedAt, a.url, existing.sort_key);
      const searchId = searchIds.next(a.publishedAt);
      updateArticle.run({ ...toParams(a), sortKey, searchId, id: existing.id });
      const unread = isUnread.get(existing.id) ?? 1;
      deleteRegions.run(existing.id);
      for (const region of new Set(a.regions))
        if (insertRegion.run(region, sortKey, existing.id, unread).changes === 1)
          added.add(region, unread);
      if (existing.search_id !== null) index.remove(existing.search_id);
      index.add(searchId, a.title, a.summary ?? '', a.text);
      updated += 1;
    }
    added.add('all', inserted, inserted);
    for (const [region, [total, unread]] of added.byRegion) addCounts.run(total, unread, region);
    return { inserted, updated, unchanged, ids };
  });

  const markAll = db.transaction((ids: readonly number[], readAt: number | null) => {
    let changed = 0;
    for (const id of ids) changed += setRead.run({ readAt, id }).changes;
    return changed;
  });

  const pruneAll = db.transaction((before: number, now: number, limit: number) => {
    rememberPruned.run(now, before, limit);
    const removed = pruneOld.run(before, limit).changes;
    // A sliced prune (with a limit) drops the images left without an article once, at its end.
    if (removed > 0 && limit < 0) pruneImages.run();
    return removed;
  });

  return {
    upsert: (batch) => index.write(() => upsertAll(batch)),
    list(region, cursor, limit, unreadOnly = false) {
      const start = cursor ?? Number.MAX_SAFE_INTEGER;
      const rows = unreadOnly
        ? region === 'all'
          ? listAllUnread.all(start, limit + 1)
          : listRegionUnread.all(region, start, limit + 1)
        : region === 'all'
          ? listAll.all(start, limit + 1)
          : listRegion.all(region, start, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => toSummary(row)),
        nextCursor: rows.length > limit && last !== undefined ? String(last.sort_key) : null,
      };
    },
    get(id, fullText = null) {
      const row = getOne.get(id);
      return row === undefined ? null : toArticle(row, fullText);
    },
    summariesBySortKey(keys) {
      const out = new Map<number, SummaryRow & { text: string }>();
      for (const key of keys) {
        const row = bySortKey.get(key);
        if (row !== undefined) out.set(key, row);
      }
      return out;
    },
    markRead: (ids, read, now) => markAll(ids, read ? now : null),
    tabCounts() {
      const byRegion = new Map(counts.all().map((c) => [c.region, c]));
      const bookmarks = bookmarkCounts.get() ?? { total: 0, unread: 0 };
      return REGION_IDS.map((region) => {
        if (region === 'bookmarks')
          return { region, total: bookmarks.total, unread: bookmarks.unread };
        const c = byRegion.get(region);
        return { region, total: c?.total ?? 0, unread: c?.unread ?? 0 };
      });
    },
    // published_at < before, as a sort-key range (published ms × 1024 + slot).
    prune(before, now = before, limit = -1) {
      const removed = pruneAll(Math.ceil(before) * SLOTS, Math.floor(now), limit);
      // The deletes logged their removals from the index by trigger.
      if (removed > 0) index.catchUp();
      return removed;
    },
    pruneImages: () => void pruneImages.run(),
    count: () => countAll.get() ?? 0,
    hasUrl: (url) => byUrl.get(url) !== undefined,
    exists: (id) => hasId.get(id) !== undefined,
  };
}

type InsertRow = [
  ...[number, number, string | null, string, number | null, string, string | null, string, string],
  ...[string | null, string | null, string | null, string | null, string | null, string | null],
  ...[string | null, string, string, number, number],
];
const SORT_KEY = 19;

function toRow(a: NewArticle, searchId: number): InsertRow {
  return [
    Math.floor(a.publishedAt),
    Math.floor(a.fetchedAt),
    a.sourceId ?? null,
    a.script,
    a.thumbnailImageId ?? null,
    a.title,
    a.sourceName ?? null,
    a.summary ?? '',
    a.url,
    a.guid ?? null,
    a.contentHash ?? null,
    a.author ?? null,
    a.editor ?? null,
    a.responsibleEditor ?? null,
    a.originalTitle ?? null,
    a.copyright ?? null,
    a.contentHtml ?? '',
    a.text,
    searchId,
    0,
  ];
}

function toParams(a: NewArticle): Record<string, string | number | null> {
  return {
    publishedAt: Math.floor(a.publishedAt),
    fetchedAt: Math.floor(a.fetchedAt),
    sourceId: a.sourceId ?? null,
    script: a.script,
    thumbnailImageId: a.thumbnailImageId ?? null,
    title: a.title,
    sourceName: a.sourceName ?? null,
    summary: a.summary ?? '',
    url: a.url,
    guid: a.guid ?? null,
    contentHash: a.contentHash ?? null,
    author: a.author ?? null,
    editor: a.editor ?? null,
    responsibleEditor: a.responsibleEditor ?? null,
    originalTitle: a.originalTitle ?? null,
    copyright: a.copyright ?? null,
    contentHtml: a.contentHtml ?? '',
    text: a.text,
  };
}

/** Rows added per tab in one batch: [total, unread]. */
class Counts {
  readonly byRegion = new Map<string, [number, number]>();
  add(region: string, unread: number, total = 1): void {
    const c = this.byRegion.get(region) ?? [0, 0];
    c[0] += total;
    c[1] += unread;
    this.byRegion.set(region, c);
  }
}

/** FNV-1a, to spread sort-key slots; not for security. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
