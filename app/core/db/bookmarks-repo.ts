/**
 * Bookmarks: their own table holding a copy of what the reader needs, so that no pruning of
 * articles can lose one. This file's exports are its whole API.
 */
import {
  BOOKMARK_FORMAT,
  type Article,
  type ArticleSummary,
  type BookmarkFile,
  type BookmarkRecord,
  type ImportResult,
  type Page,
  type SourceScript,
} from '../../shared/articles.ts';
import { sanitizeArticleHtml } from '../sanitize.ts';
import type { Database } from './database.ts';
import {
  articleBody,
  articleIdOf,
  bookmarkIdOf,
  iso,
  oneLine,
  type ArticleBodyRow,
} from './rows.ts';

interface BookmarkRow extends ArticleBodyRow {
  id: number;
  article_id: number | null;
  live: 0 | 1;
  bookmarked_at: number;
  published_at: number;
  script: SourceScript;
  title: string;
  source_name: string | null;
  summary: string;
  read_at: number | null;
  thumbnail_image_id: number | null;
}

/**
 * The export-file fields of a bookmarks row, times passed through `time`: `iso` for our own rows,
 * a tolerant version for rows salvaged from a damaged file (which are then validated).
 */
export function recordFields(
  row: Record<string, unknown>,
  time: (ms: unknown) => unknown,
): Record<keyof BookmarkRecord, unknown> {
  return {
    url: row.url,
    title: row.title,
    publishedAt: time(row.published_at),
    bookmarkedAt: time(row.bookmarked_at),
    sourceName: row.source_name,
    summary: row.summary ?? '',
    author: row.author,
    editor: row.editor,
    responsibleEditor: row.responsible_editor,
    originalTitle: row.original_title,
    copyright: row.copyright,
    script: row.script,
    contentHtml: row.content_html ?? '',
  };
}

const COLUMNS = `b.id, b.article_id, a.id IS NOT NULL AS live, b.bookmarked_at, b.published_at, b.script, b.url,
  b.title, b.source_name, b.summary, b.author, b.editor, b.responsible_editor, b.original_title, b.copyright,
  b.content_html, a.read_at, a.thumbnail_image_id`;

export interface BookmarksRepo {
  /** Bookmarks the library article `articleId`; returns false if there is no such article. */
  add(articleId: number, now: number): boolean;
  removeForArticle(articleId: number): void;
  remove(bookmarkId: number): boolean;
  exists(bookmarkId: number): boolean;
  /** Newest bookmark first; the cursor is `bookmarkedAt.id` of the last item. */
  list(cursor: string | null, limit: number): Page<ArticleSummary>;
  /** The bookmark's own copy, for a bookmark whose article is gone (or by article id). */
  copy(by: { bookmarkId: number } | { articleId: number }): Article | null;
  exportFile(now: number): BookmarkFile;
  importFile(file: BookmarkFile): ImportResult;
}

export function bookmarksRepo(db: Database): BookmarksRepo {
  const addFromArticle = db.prepare<[{ articleId: number; now: number }]>(`
    INSERT INTO bookmarks (article_id, bookmarked_at, published_at, script, url, title, source_name, summary,
      author, editor, responsible_editor, original_title, copyright, content_html)
    SELECT id, @now, published_at, script, url, title, source_name, summary, author, editor, responsible_editor,
      original_title, copyright, content_html FROM articles WHERE id = @articleId
    ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id, title = excluded.title,
      summary = excluded.summary, content_html = excluded.content_html`);
  const copyImages = db.prepare<[number]>(`
    INSERT OR IGNORE INTO bookmark_images (bookmark_id, image_id)
    SELECT b.id, ai.image_id FROM bookmarks b JOIN article_images ai ON ai.article_id = b.article_id
    WHERE b.article_id = ?`);
  const deleteForArticle = db.prepare<[number]>('DELETE FROM bookmarks WHERE article_id = ?');
  const deleteOne = db.prepare<[number]>('DELETE FROM bookmarks WHERE id = ?');
  const existsOne = db.prepare<[number], number>('SELECT 1 FROM bookmarks WHERE id = ?').pluck();
  const firstPage = db.prepare<[number], BookmarkRow>(
    `SELECT ${COLUMNS} FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id
     ORDER BY b.bookmarked_at DESC, b.id DESC LIMIT ?`,
  );
  const nextPage = db.prepare<[number, number, number], BookmarkRow>(
    `SELECT ${COLUMNS} FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id
     WHERE (b.bookmarked_at, b.id) < (?, ?) ORDER BY b.bookmarked_at DESC, b.id DESC LIMIT ?`,
  );
  const byId = db.prepare<[number], BookmarkRow>(
    `SELECT ${COLUMNS} FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id WHERE b.id = ?`,
  );
  const byArticle = db.prepare<[number], BookmarkRow>(
    `SELECT ${COLUMNS} FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id WHERE b.article_id = ?`,
  );
  const all = db.prepare<[], BookmarkRow>(
    `SELECT ${COLUMNS} FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id
     ORDER BY b.bookmarked_at DESC, b.id DESC`,
  );
  const articleByUrl = db
    .prepare<[string], number>('SELECT id FROM articles WHERE url = ?')
    .pluck();
  const bookmarkByUrl = db
    .prepare<[string], number>('SELECT id FROM bookmarks WHERE url = ?')
    .pluck();
  const insertImported = db.prepare(`
    INSERT INTO bookmarks (article_id, bookmarked_at, published_at, script, url, title, source_name, summary,
      author, editor, responsible_editor, original_title, copyright, content_html)
    VALUES (@articleId, @bookmarkedAt, @publishedAt, @script, @url, @title, @sourceName, @summary,
      @author, @editor, @responsibleEditor, @originalTitle, @copyright, @contentHtml)`);
  const updateImported = db.prepare(`
    UPDATE bookmarks SET bookmarked_at = min(bookmarked_at, @bookmarkedAt),
      article_id = coalesce(article_id, @articleId),
      content_html = CASE WHEN content_html = '' THEN @contentHtml ELSE content_html END
    WHERE id = @id`);

  const add = db.transaction((articleId: number, now: number): boolean => {
    if (addFromArticle.run({ articleId, now }).changes === 0) return false;
    copyImages.run(articleId);
    return true;
  });

  const importAll = db.transaction((records: readonly BookmarkRecord[]): ImportResult => {
    let added = 0;
    let updated = 0;
    for (const r of records) {
      const params = {
        articleId: articleByUrl.get(r.url) ?? null,
        bookmarkedAt: Date.parse(r.bookmarkedAt),
        publishedAt: Date.parse(r.publishedAt),
        script: r.script,
        url: r.url,
        title: r.title,
        sourceName: r.sourceName,
        summary: r.summary,
        author: r.author,
        editor: r.editor,
        responsibleEditor: r.responsibleEditor,
        originalTitle: r.originalTitle,
        copyright: r.copyright,
        // An import file is untrusted input: its HTML goes through the same allowlist as a sync.
        contentHtml: r.contentHtml === '' ? '' : sanitizeArticleHtml(r.contentHtml),
      };
      const existing = bookmarkByUrl.get(r.url);
      if (existing === undefined) {
        insertImported.run(params);
        added += 1;
      } else {
        updateImported.run({ ...params, id: existing });
        updated += 1;
      }
    }
    return { added, updated, total: records.length };
  });

  return {
    add: (articleId, now) => add(articleId, now),
    removeForArticle: (articleId) => void deleteForArticle.run(articleId),
    remove: (bookmarkId) => deleteOne.run(bookmarkId).changes > 0,
    exists: (bookmarkId) => existsOne.get(bookmarkId) !== undefined,
    list(cursor, limit) {
      let rows: BookmarkRow[];
      if (cursor === null) rows = firstPage.all(limit + 1);
      else {
        const [at, id] = cursor.split('.').map(Number);
        rows = nextPage.all(at ?? 0, id ?? Number.MAX_SAFE_INTEGER, limit + 1);
      }
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toSummary),
        nextCursor:
          rows.length > limit && last !== undefined ? `${last.bookmarked_at}.${last.id}` : null,
      };
    },
    copy(by) {
      const row = 'bookmarkId' in by ? byId.get(by.bookmarkId) : byArticle.get(by.articleId);
      if (row === undefined) return null;
      return { ...toSummary(row), ...articleBody(row), fetchedAt: null, fromBookmark: true };
    },
    exportFile(now) {
      return {
        format: BOOKMARK_FORMAT,
        version: 1,
        exportedAt: iso(now),
        // Our own rows satisfy the schema's types by construction (the table mirrors it).
        bookmarks: all
          .all()
          .map(
            (row) =>
              recordFields(row as unknown as Record<string, unknown>, (ms) =>
                iso(ms as number),
              ) as BookmarkRecord,
          ),
      };
    },
    importFile: (file) => importAll(file.bookmarks),
  };
}

function toSummary(row: BookmarkRow): ArticleSummary {
  const live = row.live === 1 && row.article_id !== null;
  return {
    id: live && row.article_id !== null ? articleIdOf(row.article_id) : bookmarkIdOf(row.id),
    title: row.title,
    publishedAt: iso(row.published_at),
    sourceName: row.source_name,
    snippet: oneLine(row.summary),
    thumbnail: row.thumbnail_image_id === null ? null : `/images/${row.thumbnail_image_id}`,
    unread: live && row.read_at === null,
    bookmarked: true,
    script: row.script,
  };
}
