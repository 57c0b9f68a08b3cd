/**
 * Writes one source's sync result in ONE transaction: its images, its articles (pointing at the
 * cached images) and its sync state. A crash mid-sync leaves each source as it was or whole.
 */
import { sanitizeArticleHtml } from '../sanitize.ts';
import { searchIndexOf } from './search-index.ts';
import { articlesRepo, type NewArticle, type UpsertResult } from './articles-repo.ts';
import type { Database } from './database.ts';
import { imagesRepo, type NewImage } from './images-repo.ts';
import { retentionRepo } from './retention-repo.ts';
import { sourcesRepo } from './sources-repo.ts';

export interface FetchedArticle extends Omit<NewArticle, 'thumbnailImageId'> {
  /** Absolute URLs of the body's images, in order (already downloaded ones are in `images`). */
  readonly imageUrls: readonly string[];
}

export interface SourceResult {
  readonly sourceId: string;
  readonly articles: readonly FetchedArticle[];
  readonly images: readonly NewImage[];
  /**
   * Canonical URLs of every item the fetch listed, stored or already known (retention keeps
   * these whatever their age); null when the source was not modified, keeping what it listed.
   */
  readonly listed: readonly string[] | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly at: number;
  readonly nextDueAt: number;
}

export type SyncWriter = (result: SourceResult) => UpsertResult;

export function syncWriter(db: Database): SyncWriter {
  const articles = articlesRepo(db);
  const images = imagesRepo(db);
  const sources = sourcesRepo(db);
  const retention = retentionRepo(db);
  const index = searchIndexOf(db);
  const write = db.transaction((result: SourceResult): UpsertResult => {
    const ids = new Map<string, number>();
    for (const image of result.images) ids.set(image.url, images.store(image));
    const local = (url: string): string | null => {
      const id = ids.get(url) ?? images.idForUrl(url);
      // An image that could not be cached is left out: the reader is offline-first and its CSP
      // loads images from the app only.
      return id === null ? null : `/images/${id}`;
    };
    const prepared: NewArticle[] = result.articles.map((a) => {
      const cached = a.imageUrls
        .map((u) => ids.get(u) ?? images.idForUrl(u))
        .filter((id): id is number => typeof id === 'number');
      return {
        ...a,
        contentHtml: sanitizeArticleHtml(a.contentHtml ?? '', { imageSrc: local }),
        thumbnailImageId: cached[0] ?? null,
      };
    });
    const outcome = articles.upsert(prepared);
    prepared.forEach((a, i) => {
      const articleId = outcome.ids[i];
      if (articleId === undefined) return;
      const cached = (result.articles[i]?.imageUrls ?? [])
        .map((u) => ids.get(u) ?? images.idForUrl(u))
        .filter((id): id is number => typeof id === 'number');
      images.link(articleId, cached);
    });
    if (result.listed !== null) retention.recordListed(result.sourceId, outcome.ids, result.listed);
    sources.recordSuccess(result.sourceId, {
      etag: result.etag,
      lastModified: result.lastModified,
      at: result.at,
      nextDueAt: result.nextDueAt,
    });
    return outcome;
  });
  // The articles' changes to the search index go to its indexer once they are committed.
  return (result) => index.write(() => write(result));
}
