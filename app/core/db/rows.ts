/** Row shapes and their conversion to contract data, shared by the repositories. */
import type { Article, ArticleId, ArticleSummary, SourceScript } from '../../shared/articles.ts';
import { textToHtml } from '../sync/feed.ts';

export const SNIPPET_LENGTH = 120;

export interface SummaryRow {
  id: number;
  sort_key: number;
  published_at: number;
  read_at: number | null;
  script: SourceScript;
  thumbnail_image_id: number | null;
  title: string;
  source_name: string | null;
  summary: string;
  bookmarked: 0 | 1;
}

export interface ArticleRow extends SummaryRow, ArticleBodyRow {
  fetched_at: number;
}

export const SUMMARY_COLUMNS = `a.id, a.sort_key, a.published_at, a.read_at, a.script, a.thumbnail_image_id,
  a.title, a.source_name, a.summary,
  EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id) AS bookmarked`;

export const iso = (ms: number): string => new Date(ms).toISOString();

export const articleIdOf = (n: number): ArticleId => `a${n}` as ArticleId;
export const bookmarkIdOf = (n: number): ArticleId => `b${n}` as ArticleId;

export function parseArticleId(id: ArticleId): { kind: 'article' | 'bookmark'; n: number } {
  return { kind: id.startsWith('a') ? 'article' : 'bookmark', n: Number(id.slice(1)) };
}

export function oneLine(text: string, max = SNIPPET_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function toSummary(row: SummaryRow, snippet?: string): ArticleSummary {
  return {
    id: articleIdOf(row.id),
    title: row.title,
    publishedAt: iso(row.published_at),
    sourceName: row.source_name,
    snippet: snippet ?? oneLine(row.summary),
    thumbnail: row.thumbnail_image_id === null ? null : `/images/${row.thumbnail_image_id}`,
    unread: row.read_at === null,
    bookmarked: row.bookmarked === 1,
    script: row.script,
  };
}

/** The columns an article and a bookmark's copy of it share. */
export interface ArticleBodyRow {
  url: string;
  author: string | null;
  editor: string | null;
  responsible_editor: string | null;
  original_title: string | null;
  copyright: string | null;
  content_html: string;
}

export function articleBody(
  row: ArticleBodyRow,
): Pick<
  Article,
  'url' | 'author' | 'editor' | 'responsibleEditor' | 'originalTitle' | 'copyright' | 'contentHtml'
> {
  return {
    url: row.url,
    author: row.author,
    editor: row.editor,
    responsibleEditor: row.responsible_editor,
    originalTitle: row.original_title,
    copyright: row.copyright,
    contentHtml: row.content_html,
  };
}

/**
 * A summary-only feed item (no body) shows its summary, never a blank page; `fullText` is a body
 * fetched on demand (full-text-repo.ts), which takes the place of both.
 */
export function toArticle(row: ArticleRow, fullText: string | null = null): Article {
  const article = {
    ...toSummary(row),
    ...articleBody(row),
    fetchedAt: iso(row.fetched_at),
    fromBookmark: false,
  };
  if (fullText !== null) return { ...article, contentHtml: fullText };
  if (row.content_html.trim() !== '' || row.summary.trim() === '') return article;
  return { ...article, contentHtml: textToHtml(row.summary), summaryOnly: true };
}
