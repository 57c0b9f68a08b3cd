/**
 * "Read the full article" for a summary-only feed item (issue 18): the article's page fetched on
 * demand, its text told from the page's navigation by reader mode (extract.ts), and its images
 * fetched for the cache, with the same limits as a sync. The caller sanitises and stores it.
 */
import type { FullTextFailure } from '../../shared/triage.ts';
import type { NewImage } from '../db/images-repo.ts';
import { imageUrlsIn, sanitizeArticleHtml } from '../sanitize.ts';
import { decodeText } from './decode.ts';
import { LIMITS, fetchImages } from './engine.ts';
import { extractReadable } from './extract.ts';
import { FetchError, type Fetcher } from './fetch.ts';

export class FullTextError extends Error {
  readonly reason: FullTextFailure;

  constructor(reason: FullTextFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FullTextError';
    this.reason = reason;
  }
}

export interface FetchedFullText {
  /** Sanitised, links and image sources absolute (the caller maps cached images to the cache). */
  readonly contentHtml: string;
  readonly images: readonly NewImage[];
}

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/** The article at `url` in reader mode; throws FullTextError saying why it cannot. */
export async function fetchFullText(
  url: string,
  fetcher: Fetcher,
  now: () => number,
): Promise<FetchedFullText> {
  let page;
  try {
    page = await fetcher.fetch(url, { accept: 'text/html,application/xhtml+xml' });
  } catch (error) {
    throw failure(error);
  }
  if (page.status !== 'ok') throw new FullTextError('unreadable', `${url} answered 304`);
  if (page.contentType !== null && !HTML_TYPE.test(page.contentType))
    throw new FullTextError('unreadable', `${page.url} is ${page.contentType}, not a web page`);
  const readable = await extractReadable(
    decodeText(page.bytes, page.contentType, 'html').text,
    page.url,
  );
  if (readable === null)
    throw new FullTextError('no-article', `${page.url} holds no article text reader mode can find`);
  const contentHtml = sanitizeArticleHtml(readable.contentHtml, { baseUrl: page.url });
  const wanted = new Map(
    imageUrlsIn(contentHtml, page.url)
      .slice(0, LIMITS.imagesPerArticle)
      .map((image) => [image, page.url] as const),
  );
  return { contentHtml, images: await fetchImages(wanted, fetcher, now) };
}

function failure(error: unknown): FullTextError {
  if (!(error instanceof FetchError))
    return new FullTextError('network', (error as Error).message, { cause: error });
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return new FullTextError('network', error.message, { cause: error });
    case 'http':
      return new FullTextError('http', String(error.status ?? error.message), { cause: error });
    case 'scheme':
      return new FullTextError('unavailable', error.message, { cause: error });
    default:
      return new FullTextError('unreadable', error.message, { cause: error });
  }
}
