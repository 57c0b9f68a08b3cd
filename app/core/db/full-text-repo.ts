/**
 * Full texts fetched on demand (migration 0082): stored beside the article, never in its row, so
 * that a sync which sees the article's summary again leaves the full text alone. This file's
 * exports are its whole API.
 */
import type { Database } from './database.ts';

export interface StoredFullText {
  readonly contentHtml: string;
  readonly text: string;
  readonly fetchedAt: number;
  /** Cached images the text shows, kept from pruning while the text is kept. */
  readonly imageIds: readonly number[];
}

export interface FullTextRepo {
  /** Keeps (or replaces) the full text of an article. */
  save(articleId: number, fullText: StoredFullText): void;
  /** The stored full text's HTML, or null. */
  html(articleId: number): string | null;
  /** What the search index needs to index the article again (null: not indexed, or gone). */
  indexEntry(articleId: number): { searchId: number; title: string; summary: string } | null;
}

export function fullTextRepo(db: Database): FullTextRepo {
  // The old row goes first, and its image links with it (ON DELETE CASCADE).
  const remove = db.prepare<[number]>('DELETE FROM article_full_text WHERE article_id = ?');
  const put = db.prepare<[number, string, string, number]>(
    `INSERT INTO article_full_text (article_id, content_html, text, fetched_at)
     VALUES (?, ?, ?, ?)`,
  );
  const linkImage = db.prepare<[number, number]>(
    'INSERT OR IGNORE INTO full_text_images (article_id, image_id) VALUES (?, ?)',
  );
  const getHtml = db
    .prepare<[number], string>('SELECT content_html FROM article_full_text WHERE article_id = ?')
    .pluck();
  const save = db.transaction((articleId: number, f: StoredFullText) => {
    remove.run(articleId);
    put.run(articleId, f.contentHtml, f.text, Math.floor(f.fetchedAt));
    for (const imageId of f.imageIds) linkImage.run(articleId, imageId);
  });
  const entry = db.prepare<
    [number],
    { searchId: number | null; title: string; summary: string | null }
  >('SELECT search_id AS searchId, title, summary FROM articles WHERE id = ?');
  return {
    save: (articleId, fullText) => {
      save(articleId, fullText);
    },
    html: (articleId) => getHtml.get(articleId) ?? null,
    indexEntry: (articleId) => {
      const row = entry.get(articleId);
      if (row?.searchId == null) return null;
      return { searchId: row.searchId, title: row.title, summary: row.summary ?? '' };
    },
  };
}
