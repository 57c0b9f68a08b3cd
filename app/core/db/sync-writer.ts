/**
 * Writes one source's sync result. Without `budgetMs` (the CLI, where nothing else waits) in ONE
 * transaction: a crash leaves each source as it was or whole. With it (the library's own process,
 * whose thread answers the window too) in short transactions of about `budgetMs` each, letting
 * the thread go between them so that the reader's queued calls are answered: images first, then
 * the articles in slices sized by how long the last one took, then the source's sync state, last;
 * every slice in its turn with the other long work (slices.ts, `inTurn`).
 * A crash mid-source then leaves the articles stored so far (known from then on) and the source's
 * validators as they were, so the next sync fetches it whole again and stores what is missing.
 */
import { localizeImages } from '../sanitize.ts';
import { searchIndexOf } from './search-index.ts';
import { articlesRepo, type NewArticle, type UpsertResult } from './articles-repo.ts';
import type { Database } from './database.ts';
import { imagesRepo, type NewImage } from './images-repo.ts';
import { retentionRepo } from './retention-repo.ts';
import { inSlices, inTurn } from './slices.ts';
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
  /** A feed's own title as this fetch parsed it: it names the source (issue 18). */
  readonly feedTitle?: string;
}

export type SyncWriter = (result: SourceResult) => Promise<UpsertResult>;

export interface SyncWriterOptions {
  /**
   * How long one transaction may hold the thread, roughly: for the library's own process, whose
   * thread answers the reader. Without it a source is written in ONE transaction (the CLI, where
   * nothing else waits): a crash leaves each source as it was or whole.
   */
  readonly budgetMs?: number;
}

export function syncWriter(db: Database, options: SyncWriterOptions = {}): SyncWriter {
  const budget = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const articles = articlesRepo(db);
  const images = imagesRepo(db);
  const sources = sourcesRepo(db);
  const retention = retentionRepo(db);
  const index = searchIndexOf(db);

  const storeImages = db.transaction((batch: readonly NewImage[]) => {
    for (const image of batch) images.store(image);
  });

  const storeArticles = db.transaction((batch: readonly FetchedArticle[]): UpsertResult => {
    const cachedOf = (a: FetchedArticle): number[] =>
      a.imageUrls.map((u) => images.idForUrl(u)).filter((id): id is number => id !== null);
    const local = (url: string): string | null => {
      const id = images.idForUrl(url);
      // An image that could not be cached is left out: the reader is offline-first and its CSP
      // loads images from the app only.
      return id === null ? null : `/images/${id}`;
    };
    const prepared: NewArticle[] = batch.map((a) => ({
      ...a,
      // The engine cleaned the body (engine.ts, prepare): only its images change here.
      contentHtml: localizeImages(a.contentHtml ?? '', local),
      thumbnailImageId: cachedOf(a)[0] ?? null,
    }));
    const outcome = articles.upsert(prepared);
    batch.forEach((a, i) => {
      const articleId = outcome.ids[i];
      if (articleId !== undefined) images.link(articleId, cachedOf(a));
    });
    return outcome;
  });

  const finish = db.transaction((result: SourceResult, ids: readonly number[]) => {
    if (result.listed !== null) retention.recordListed(result.sourceId, ids, result.listed);
    sources.recordSuccess(result.sourceId, {
      etag: result.etag,
      lastModified: result.lastModified,
      at: result.at,
      nextDueAt: result.nextDueAt,
    });
    if (result.feedTitle !== undefined) sources.recordFeedTitle(result.sourceId, result.feedTitle);
  });

  /** Slices sized to the budget; each one's changes go to the indexer once it has committed. */
  const sliced = <T, R>(items: readonly T[], first: number, write: (slice: readonly T[]) => R) =>
    inSlices(items, first, budget, (slice) => index.write(() => write(slice)));

  const whole = db.transaction((result: SourceResult): UpsertResult => {
    storeImages(result.images);
    const outcome = storeArticles(result.articles);
    finish(result, outcome.ids);
    return outcome;
  });
  if (budget === Number.POSITIVE_INFINITY) {
    return (result) => Promise.resolve(index.write(() => whole(result)));
  }

  return async (result) => {
    await sliced(result.images, 4, storeImages);
    const outcomes = await sliced(result.articles, 16, storeArticles);
    const ids = outcomes.flatMap((o) => o.ids);
    await inTurn(() => finish(result, ids));
    return {
      inserted: outcomes.reduce((n, o) => n + o.inserted, 0),
      updated: outcomes.reduce((n, o) => n + o.updated, 0),
      unchanged: outcomes.reduce((n, o) => n + o.unchanged, 0),
      ids,
    };
  };
}
