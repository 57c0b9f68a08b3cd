/**
 * The sync engine: for each source, fetch → decode → parse → clean → cache images → store, one
 * transaction per source. Sources run a few at a time; the fetcher enforces per-host and global
 * limits. A failing source records its error and backs off; the others carry on.
 */
import type { RegionId } from '../../shared/regions.ts';
import type { NewImage } from '../db/images-repo.ts';
import { syncBudget, type BudgetLimits, type SyncBudget } from './budget.ts';
import type { SourceState } from '../db/sources-repo.ts';
import type { FetchedArticle, SourceResult } from '../db/sync-writer.ts';
import { createLogger } from '../log.ts';
import { htmlToText, imageUrlsIn, sanitizeArticleHtml } from '../sanitize.ts';
import { detectScript } from '../text/script-detect.ts';
import { decodeText, type TextKind } from './decode.ts';
import { extractReadable } from './extract.ts';
import { parseFeedText, type ParsedItem } from './feed.ts';
import { FetchError, type Fetcher } from './fetch.ts';
import { canonicalUrl, contentHash } from './normalize.ts';
import { parseArticlePage, parseListPage } from './portal.ts';
import { PROFILES } from './profiles.ts';
import { tagRegions } from './region-tagger.ts';
import type { Source } from './sources-file.ts';

const log = createLogger('sync');

export const LIMITS = {
  sourcesAtOnce: 3,
  /** The default of a source's `maxItems`: the newest this many items of a fetch are read. */
  articlesPerSource: 200,
  imagesPerArticle: 12,
  imageBytes: 5 * 1024 * 1024,
  /** Minutes between successful syncs of a source, unless the scheduler is asked sooner. */
  intervalMinutes: 30,
} as const;

const IMAGE_TYPES: readonly [string, (b: Buffer) => boolean][] = [
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  [
    'image/png',
    (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
];

/** The library's answers come at once in its own thread, by message from a sync worker. */
type Awaitable<T> = T | Promise<T>;

export interface SyncEnvironment {
  readonly fetcher: Fetcher;
  readonly now: () => number;
  /** Source state as stored (ETag, Last-Modified, error count). */
  readonly state: (id: string) => Awaitable<SourceState | null>;
  /** URLs already in the library, so portal article pages are fetched once. */
  readonly known: (url: string) => Awaitable<boolean>;
  /** Of these URLs, the ones retention pruned: they are not stored (nor counted as new) again. */
  readonly forgotten: (urls: readonly string[]) => Awaitable<readonly string[]>;
  /** Stores one source's result (in short transactions); returns counts. */
  readonly write: (result: SourceResult) => Awaitable<{ inserted: number; updated: number }>;
  readonly recordError: (
    id: string,
    message: string,
    at: number,
    nextDueAt: number,
  ) => Awaitable<void>;
  readonly signal?: AbortSignal;
  /** Time budgets (budget.ts): each source's fetches run under its own signal from it. */
  readonly budget?: SyncBudget;
}

export interface SourceOutcome {
  readonly id: string;
  readonly ok: boolean;
  readonly notModified: boolean;
  readonly inserted: number;
  readonly updated: number;
  /** Items past the source's `maxItems` that this fetch did not read (the oldest ones). */
  readonly leftOut: number;
  /** In words for the reader. */
  readonly error: string | null;
  /** True when the failure looks like no network at all. */
  readonly offline: boolean;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly inserted: number;
  readonly failed: number;
  readonly last: SourceOutcome | null;
}

export async function syncSources(
  sources: readonly Source[],
  env: SyncEnvironment,
  onProgress: (progress: Progress) => void = () => undefined,
): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = [];
  let inserted = 0;
  let failed = 0;
  const queue = sources.filter((s) => s.enabled);
  const total = queue.length;
  onProgress({ done: 0, total, inserted, failed, last: null });
  const worker = async (): Promise<void> => {
    for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
      if (env.signal?.aborted === true) return;
      const outcome = await syncOne(source, env);
      outcomes.push(outcome);
      inserted += outcome.inserted;
      if (!outcome.ok) failed += 1;
      onProgress({
        done: outcomes.length,
        total: outcomes.length + queue.length,
        inserted,
        failed,
        last: outcome,
      });
    }
  };
  await Promise.all(Array.from({ length: LIMITS.sourcesAtOnce }, worker));
  return outcomes;
}

/**
 * syncSources within time budgets (budget.ts): each source's own, and the whole sync's; sources a
 * spent sync never reached are failures the summary names, not silence. `env.signal` cancels.
 */
export async function syncSourcesWithin(
  sources: readonly Source[],
  env: Omit<SyncEnvironment, 'budget'>,
  limits: BudgetLimits | undefined,
  onProgress: (progress: Progress) => void = () => undefined,
): Promise<SourceOutcome[]> {
  const cancel = env.signal ?? new AbortController().signal;
  const budget = syncBudget(cancel, limits);
  const outcomes = await syncSources(
    sources,
    { ...env, signal: budget.signal, budget },
    onProgress,
  ).finally(() => {
    budget.dispose();
  });
  if (budget.spent && !cancel.aborted) {
    const reason = (budget.signal.reason as Error).message;
    for (const s of sources)
      if (s.enabled && !outcomes.some((o) => o.id === s.id))
        outcomes.push(notReached(s.id, `Not synced: ${reason}.`));
  }
  return outcomes;
}

function notReached(id: string, error: string): SourceOutcome {
  return {
    id,
    ok: false,
    notModified: false,
    inserted: 0,
    updated: 0,
    leftOut: 0,
    error,
    offline: false,
  };
}

async function syncOne(source: Source, syncEnv: SyncEnvironment): Promise<SourceOutcome> {
  const budget = syncEnv.budget?.forSource();
  const env = budget === undefined ? syncEnv : { ...syncEnv, signal: budget.signal };
  const state = await env.state(source.id);
  const started = env.now();
  try {
    const fetched =
      source.type === 'feed'
        ? await readFeed(source, state, env, started)
        : await readPortal(source, state, env, started);
    // A 304 stores nothing new but still records the success, keeping the validators it has.
    const notModified = fetched === 'not-modified';
    const prepared = notModified ? [] : fetched.articles;
    const forgotten = new Set(
      prepared.length === 0 ? [] : await env.forgotten(prepared.map((a) => a.url)),
    );
    const articles = prepared.filter((a) => !forgotten.has(a.url));
    const images = await cacheImages(articles, env);
    const counts = await env.write({
      sourceId: source.id,
      articles,
      images,
      listed: notModified ? null : fetched.listed,
      etag: notModified ? (state?.etag ?? null) : fetched.etag,
      lastModified: notModified ? (state?.lastModified ?? null) : fetched.lastModified,
      at: started,
      nextDueAt: started + LIMITS.intervalMinutes * 60_000,
      ...(notModified || fetched.feedTitle === undefined ? {} : { feedTitle: fetched.feedTitle }),
    });
    // Images cut off by the budget: the articles are stored, and the source is not "synced".
    const overrun = env.budget?.overrun(env.signal, true) ?? null;
    return {
      id: source.id,
      ok: overrun === null,
      notModified,
      inserted: counts.inserted,
      updated: counts.updated,
      leftOut: notModified ? 0 : fetched.leftOut,
      error: overrun,
      offline: false,
    };
  } catch (error) {
    const message = env.budget?.overrun(env.signal, false) ?? describe(error, source);
    const offline = error instanceof FetchError && error.kind === 'network';
    const retryAfter = error instanceof FetchError ? error.retryAfterMs : null;
    const nextDueAt = started + (retryAfter ?? backoff((state?.errorCount ?? 0) + 1));
    log.warn(`${source.id}: ${message}`);
    try {
      await env.recordError(source.id, message, started, nextDueAt);
    } catch (recordFailure) {
      // The library itself refuses writes (disk full?): the outcome still carries the reason.
      log.error(`${source.id}: could not record the error`, recordFailure);
    }
    return {
      id: source.id,
      ok: false,
      notModified: false,
      inserted: 0,
      updated: 0,
      leftOut: 0,
      error: message,
      offline,
    };
  } finally {
    budget?.release();
  }
}

interface Fetched {
  /**
   * The items read, made ready to store. Each is prepared as soon as it is parsed, so that the
   * parsed item (its raw body) is garbage at once rather than kept with all of the source's.
   */
  readonly articles: readonly FetchedArticle[];
  /** Canonical URLs of every item listed, read or not (see SourceResult.listed). */
  readonly listed: readonly string[];
  readonly leftOut: number;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** A feed's own title (its host when it has none). */
  readonly feedTitle?: string;
}

async function fetchText(
  url: string,
  kind: TextKind,
  env: SyncEnvironment,
  conditional?: SourceState | null,
) {
  const result = await env.fetcher.fetch(url, {
    etag: conditional?.etag ?? null,
    lastModified: conditional?.lastModified ?? null,
    ...(env.signal ? { signal: env.signal } : {}),
  });
  if (result.status === 'not-modified') return 'not-modified' as const;
  const decoded = decodeText(result.bytes, result.contentType, kind);
  return {
    text: decoded.text,
    url: result.url,
    etag: result.etag,
    lastModified: result.lastModified,
  };
}

async function readFeed(
  source: Source,
  state: SourceState | null,
  env: SyncEnvironment,
  now: number,
): Promise<Fetched | 'not-modified'> {
  const kind: TextKind = /\.json($|\?)/i.test(source.url) ? 'json' : 'xml';
  const page = await fetchText(source.url, kind, env, state);
  if (page === 'not-modified') return page;
  const feed = parseFeedText(page.text, page.url);
  let items = newest(feed.items, source.maxItems);
  const leftOut = feed.items.length - items.length;
  if (source.fullText) {
    items = await Promise.all(
      items.map(async (item) => {
        if (item.contentHtml !== null && item.contentHtml.length > 400) return item;
        try {
          const full = await fetchText(item.url, 'html', env);
          if (full === 'not-modified') return item;
          const readable = await extractReadable(full.text, full.url);
          return readable === null ? item : { ...item, contentHtml: readable.contentHtml };
        } catch (error) {
          log.info(`${source.id}: kept the summary of ${item.url}: ${describe(error, source)}`);
          return item;
        }
      }),
    );
  }
  return {
    articles: prepareAll(items, source, now),
    listed: canonicalUrls(feed.items.map((i) => i.url)),
    leftOut,
    etag: page.etag,
    lastModified: page.lastModified,
    feedTitle: feed.title,
  };
}

async function readPortal(
  source: Source,
  state: SourceState | null,
  env: SyncEnvironment,
  now: number,
): Promise<Fetched | 'not-modified'> {
  const profile = PROFILES[source.profile ?? ''];
  if (profile === undefined)
    throw new Error(`there is no site profile called "${source.profile ?? ''}"`);
  const first = await fetchText(source.url, 'html', env, state);
  if (first === 'not-modified') return first;
  const urls: string[] = [];
  let page: { text: string; url: string } | null = first;
  for (let n = 1; page !== null && n <= source.maxPages; n += 1) {
    const list = parseListPage(page.text, page.url, profile);
    for (const u of list.articleUrls) if (!urls.includes(u)) urls.push(u);
    if (list.nextPageUrl === null || n === source.maxPages || urls.length >= source.maxItems) break;
    const next = await fetchText(list.nextPageUrl, 'html', env);
    page = next === 'not-modified' ? null : next;
  }
  const listed = canonicalUrls(urls);
  const forgotten = new Set(listed.length === 0 ? [] : await env.forgotten(listed));
  const unknown: string[] = [];
  for (const u of listed) if (!forgotten.has(u) && !(await env.known(u))) unknown.push(u);
  // List pages run newest first: the first ones past the cap are the newest.
  const fresh = unknown.slice(0, source.maxItems);
  const articles = await Promise.all(
    fresh.map(async (url) => {
      let item: ParsedItem | null;
      try {
        const article = await fetchText(url, 'html', env);
        item =
          article === 'not-modified'
            ? null
            : await parseArticlePage(article.text, article.url, profile);
      } catch (error) {
        if (env.signal?.aborted === true) throw error;
        log.info(`${source.id}: skipped ${url}: ${describe(error, source)}`);
        return null;
      }
      return item === null ? null : prepare(item, source, now);
    }),
  );
  return {
    articles: articles.filter((a): a is FetchedArticle => a !== null),
    listed,
    leftOut: unknown.length - fresh.length,
    etag: first.etag,
    lastModified: first.lastModified,
  };
}

/**
 * The newest `cap` items, in feed order; an undated item counts as new (it is stored as published
 * now), and feeds that date nothing keep their first items.
 */
function newest(items: readonly ParsedItem[], cap: number): readonly ParsedItem[] {
  if (items.length <= cap) return items;
  const time = (i: ParsedItem): number => i.publishedAt ?? Number.POSITIVE_INFINITY;
  const kept = new Set(
    items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => time(b.item) - time(a.item) || a.index - b.index)
      .slice(0, cap)
      .map((e) => e.item),
  );
  return items.filter((i) => kept.has(i));
}

function canonicalUrls(urls: readonly string[]): string[] {
  return [...new Set(urls.map((u) => canonicalUrl(u)).filter((u): u is string => u !== null))];
}

function prepareAll(items: readonly ParsedItem[], source: Source, now: number): FetchedArticle[] {
  return items
    .map((item) => prepare(item, source, now))
    .filter((a): a is FetchedArticle => a !== null);
}

/** Normalises one parsed item into what the library stores; null if it has no usable URL. */
function prepare(item: ParsedItem, source: Source, now: number): FetchedArticle | null {
  const url = canonicalUrl(item.url);
  if (url === null) return null;
  const html = sanitizeArticleHtml(item.contentHtml ?? '', { baseUrl: item.url });
  const text = html === '' ? item.summary : htmlToText(html);
  const title = item.title.trim() || text.slice(0, 40);
  const regions: RegionId[] =
    source.region !== undefined ? [source.region] : tagRegions({ title, text });
  return {
    url,
    guid: item.guid,
    contentHash: contentHash(title, text),
    sourceId: source.id,
    title,
    summary: item.summary.trim() === '' ? text.slice(0, 200) : item.summary,
    contentHtml: html,
    text,
    author: item.author,
    sourceName: item.sourceName,
    editor: item.editor,
    responsibleEditor: item.responsibleEditor,
    originalTitle: item.originalTitle,
    copyright: item.copyright,
    publishedAt: Math.min(item.publishedAt ?? now, now),
    fetchedAt: now,
    undated: item.publishedAt === null,
    script: detectScript(`${title}\n${text}`),
    regions,
    imageUrls: imageUrlsIn(html, item.url).slice(0, LIMITS.imagesPerArticle),
  };
}

/** Downloads the images of new articles, with the article as Referer; images only, size-capped. */
function cacheImages(
  articles: readonly FetchedArticle[],
  env: SyncEnvironment,
): Promise<NewImage[]> {
  const wanted = new Map<string, string>();
  for (const a of articles) for (const u of a.imageUrls) if (!wanted.has(u)) wanted.set(u, a.url);
  return fetchImages(wanted, env.fetcher, env.now, env.signal);
}

/**
 * Downloads images (URL → the page to send as Referer): images only, size-capped; one that fails
 * is left out. Also for a full text fetched on demand (full-text.ts).
 */
export async function fetchImages(
  wanted: ReadonlyMap<string, string>,
  fetcher: Fetcher,
  now: () => number,
  signal?: AbortSignal,
): Promise<NewImage[]> {
  const images = await Promise.all(
    [...wanted].map(async ([url, referer]): Promise<NewImage | null> => {
      try {
        const result = await fetcher.fetch(url, {
          referer,
          accept: 'image/*',
          ...(signal ? { signal } : {}),
        });
        if (result.status !== 'ok' || result.bytes.byteLength > LIMITS.imageBytes) return null;
        const type = IMAGE_TYPES.find(([, looksLike]) => looksLike(result.bytes));
        if (type === undefined) return null;
        return { url, mime: type[0], bytes: result.bytes, fetchedAt: now() };
      } catch {
        return null;
      }
    }),
  );
  return images.filter((i): i is NewImage => i !== null);
}

/** Exponential backoff with jitter: 5 min, 10, 20 … up to 6 h. */
export function backoff(failures: number, random: () => number = Math.random): number {
  const base = Math.min(6 * 3_600_000, 5 * 60_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

function describe(error: unknown, source: Source): string {
  if (error instanceof FetchError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not read ${source.title ?? source.id}: ${message}`;
}
