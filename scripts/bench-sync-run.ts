/**
 * npm run bench:sync -- [--articles-per-region 200] [--page-size 20] [--repeat 9] [--no-compare]
 *   [--parse-only]
 *
 * Run through scripts/bench-sync.ts, which bundles this file as the app is bundled and runs the
 * bundle (the measured process loads no TypeScript).
 *
 * Syncs the local fixture site (test/support/fixture-site.ts: 10 region lists with paging, article
 * pages in UTF-8 and GBK, images, and every feed) into a fresh library in a temporary folder
 * through NewsService, then syncs it again, then times feed parsing against rss-parser. Prints one
 * JSON line per measure on stdout; failed sources go to stderr.
 *
 * The fixture site runs in a child process, so the CPU figures (process.cpuUsage of this process)
 * are the app's own: fetching, decoding, extraction, SQLite. The site's CPU is reported apart as
 * `site_cpu_ms`, and `requests` counts what the site served.
 *
 * Lines: sync_fresh (the app's default fetcher: 2 requests at once per host, 6 in all; the site is
 * one host, so that limit is what users get against one portal), sync_again (nothing new:
 * conditional GETs and known article URLs), sync_fresh_per_host_6 (a second fresh library with 6
 * per host, for comparison; --no-compare skips it) and feed_parse (the site's feeds plus a written corpus of 60 feeds of 40 items, test/support/feed-corpus.ts, against rss-parser).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { NewsService, USER_AGENT } from '../app/core/news-service.ts';
import { decodeText } from '../app/core/sync/decode.ts';
import { LIMITS } from '../app/core/sync/engine.ts';
import { parseFeedText } from '../app/core/sync/feed.ts';
import { createFetcher, type Fetcher } from '../app/core/sync/fetch.ts';
import { loadSourcesFile, type Source } from '../app/core/sync/sources-file.ts';
import { round, stats } from './bench-stats.ts';

const { values } = parseArgs({
  options: {
    'articles-per-region': { type: 'string', default: '200' },
    'page-size': { type: 'string', default: '20' },
    repeat: { type: 'string', default: '9' },
    seed: { type: 'string', default: '1' },
    'no-compare': { type: 'boolean', default: false },
    /** Only the feed_parse line: for trying a parser change without the minute-long syncs. */
    'parse-only': { type: 'boolean', default: false },
  },
});
const ARTICLES_PER_REGION = Number(values['articles-per-region']);
const PAGE_SIZE = Number(values['page-size']);
const REPEAT = Number(values.repeat);
const SEED = Number(values.seed);
for (const [name, value] of [
  ['--articles-per-region', ARTICLES_PER_REGION],
  ['--page-size', PAGE_SIZE],
  ['--repeat', REPEAT],
  ['--seed', SEED],
] as const) {
  if (!Number.isInteger(value) || value < (name === '--articles-per-region' ? 0 : 1)) {
    process.stderr.write(`bench:sync: ${name} must be a positive whole number\n`);
    process.exit(2);
  }
}
if (ARTICLES_PER_REGION > LIMITS.articlesPerSource) {
  process.stderr.write(
    `bench:sync: the engine reads at most ${LIMITS.articlesPerSource} articles per source, so ` +
      `only ${LIMITS.articlesPerSource} of each region's ${ARTICLES_PER_REGION} will be synced\n`,
  );
}
/** Enough list pages to reach every article; the sources file allows up to 50. */
const MAX_PAGES = Math.min(50, Math.max(1, Math.ceil(ARTICLES_PER_REGION / PAGE_SIZE)));
/** The XML feeds, in the site's encodings (UTF-8, Big5, GBK); not JSON or the special cases. */
const PARSE_FEEDS = new Set(['rss2', 'rss091', 'rdf', 'atom', 'big5', 'gb2312']);
/** The written corpus (test/support/feed-corpus.ts) the parse is timed on, besides the site's. */
const CORPUS_FEEDS = 60;
const CORPUS_ITEMS = 40;

const MB = 1024 * 1024;
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

// ---- The fixture site, in a child process -------------------------------------------------------

/**
 * Runs in the child: starts the site, writes its sources file, prints one JSON line, then answers
 * each `stats` line on stdin with the child's CPU time and the number of requests served so far.
 * It closes the site and exits when stdin ends (the parent is done or gone).
 */
const CHILD = `
const [modulePath, articlesPerRegion, pageSize, seed, dir, parseFeeds, corpusFeeds, corpusItems] =
  process.argv.slice(1);
const { startFixtureSite, FEEDS } = await import(modulePath);
const { benchCorpus } = await import(new URL('./feed-corpus.ts', modulePath).href);
const { writeFileSync } = await import('node:fs');
const { join } = await import('node:path');
const site = await startFixtureSite({
  articlesPerRegion: Number(articlesPerRegion), pageSize: Number(pageSize), seed: Number(seed),
});
const sourcesFile = site.writeSourcesFile(dir, 'all');
const wanted = new Set(parseFeeds.split(','));
const feedPaths = FEEDS.filter((f) => wanted.has(f.name)).map((f) => f.path);
const corpus = benchCorpus(Number(corpusFeeds), Number(corpusItems)).map((f, i) => {
  const file = join(dir, 'corpus-' + i);
  writeFileSync(file, f.bytes);
  return { url: f.url, file, contentType: f.contentType };
});
const reply = (line) => process.stdout.write(JSON.stringify(line) + '\\n');
reply({ origin: site.origin, sourcesFile, feedPaths, corpus });
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let newline;
  while ((newline = buffered.indexOf('\\n')) !== -1) {
    buffered = buffered.slice(newline + 1);
    const cpu = process.cpuUsage();
    let requests = 0;
    for (const n of site.hits.values()) requests += n;
    reply({ cpuMs: (cpu.user + cpu.system) / 1000, requests });
  }
});
process.stdin.on('end', () => { void site.close().then(() => process.exit(0)); });
`;

interface SiteStats {
  readonly cpuMs: number;
  readonly requests: number;
}

/** A feed of the written corpus, in a file the site's process wrote. */
interface CorpusFile {
  readonly url: string;
  readonly file: string;
  readonly contentType: string;
}

interface ChildSite {
  readonly origin: string;
  readonly sourcesFile: string;
  /** The site's feeds that feed_parse times (paths on `origin`). */
  readonly feedPaths: readonly string[];
  readonly corpus: readonly CorpusFile[];
  stats(): Promise<SiteStats>;
  close(): Promise<void>;
}

async function startChildSite(dir: string): Promise<ChildSite> {
  // scripts/ from source, dist/bench/ bundled: the site runs from source in its own process.
  const modulePath = pathToFileURL(
    [join(import.meta.dirname, '..'), join(import.meta.dirname, '..', '..')]
      .map((root) => join(root, 'test', 'support', 'fixture-site.ts'))
      .find((file) => existsSync(file)) ?? 'test/support/fixture-site.ts',
  ).href;
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      CHILD,
      '--',
      modulePath,
      String(ARTICLES_PER_REGION),
      String(PAGE_SIZE),
      String(SEED),
      dir,
      [...PARSE_FEEDS].join(','),
      String(CORPUS_FEEDS),
      String(CORPUS_ITEMS),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const line = await Promise.race([lines.next(), exited.then(() => null)]);
    if (line === null || line.done === true) throw new Error('The fixture site process ended.');
    return JSON.parse(line.value) as unknown;
  };
  const hello = (await next()) as Pick<
    ChildSite,
    'origin' | 'sourcesFile' | 'feedPaths' | 'corpus'
  >;
  return {
    ...hello,
    async stats() {
      child.stdin.write('stats\n');
      return (await next()) as SiteStats;
    },
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---- Measuring ------------------------------------------------------------------------------------

interface Measured<T> {
  readonly result: T;
  readonly startRssMb: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The kernel's part of cpuMs: system calls (on loopback, delivering each request too). */
  readonly systemMs: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  /** Buffers outside the JS heap (response bodies, images): the part of RSS the heap misses. */
  readonly peakExternalMb: number;
}

/** Wall time, this process's CPU time, and peak RSS and heap sampled every 20 ms. */
async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  let peakRss = 0;
  let peakHeap = 0;
  let peakExternal = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakExternal = Math.max(peakExternal, m.external);
  };
  sample();
  const startRss = peakRss;
  const timer = setInterval(sample, 20);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const result = await fn();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    sample();
    return {
      result,
      startRssMb: startRss / MB,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      systemMs: cpu.system / 1000,
      peakRssMb: peakRss / MB,
      peakHeapMb: peakHeap / MB,
      peakExternalMb: peakExternal / MB,
    };
  } finally {
    clearInterval(timer);
  }
}

async function syncOnce(
  name: string,
  service: NewsService,
  site: ChildSite,
  perHost: number,
  fresh: boolean,
): Promise<void> {
  const before = await site.stats();
  const m = await measure(() => service.sync());
  const after = await site.stats();
  const summary = m.result;
  const articles = summary.inserted;
  emit({
    name,
    articles,
    updated: summary.updated,
    sources: summary.total,
    failed: summary.failed,
    per_host: perHost,
    requests: after.requests - before.requests,
    wall_ms: round(m.wallMs),
    articles_per_s: fresh && articles > 0 ? round(articles / (m.wallMs / 1000)) : null,
    cpu_ms: round(m.cpuMs),
    cpu_system_ms: round(m.systemMs),
    cpu_ms_per_article: fresh && articles > 0 ? round(m.cpuMs / articles, 3) : null,
    site_cpu_ms: round(after.cpuMs - before.cpuMs),
    start_rss_mb: round(m.startRssMb),
    peak_rss_mb: round(m.peakRssMb),
    peak_heap_mb: round(m.peakHeapMb),
    peak_external_mb: round(m.peakExternalMb),
    note:
      'cpu_ms is this process only (the app: fetch, decode, extract, SQLite); the fixture site ' +
      'runs in a child process and its CPU is site_cpu_ms. RSS seldom shrinks, so a later ' +
      "line's peak includes what earlier ones left (see start_rss_mb)",
  });
  if (summary.failed > 0 || summary.errors.length > 0 || summary.cancelled || summary.offline) {
    process.stderr.write(
      `bench:sync: ${name}: ${summary.failed} of ${summary.total} sources failed` +
        `${summary.offline ? ' (offline)' : ''}${summary.cancelled ? ' (cancelled)' : ''}\n`,
    );
    for (const e of summary.errors) process.stderr.write(`  ${e.sourceId}: ${e.message}\n`);
  }
}

function openLibrary(dataDir: string, sources: readonly Source[], fetcher: Fetcher): NewsService {
  return NewsService.open({ dataDir, appVersion: 'bench', sources, fetcher });
}

// ---- Feed parsing ---------------------------------------------------------------------------------

interface FeedBytes {
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
}

async function feedParse(site: ChildSite): Promise<void> {
  const feeds: FeedBytes[] = [];
  for (const path of site.feedPaths) {
    const url = `${site.origin}${path}`;
    const response = await fetch(url, { headers: { 'User-Agent': USER_AGENT } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    feeds.push({
      url,
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType: response.headers.get('content-type'),
    });
  }
  // The written corpus: every format (JSON Feed too) in UTF-8, GBK and Big5.
  for (const f of site.corpus)
    feeds.push({ url: f.url, bytes: readFileSync(f.file), contentType: f.contentType });
  const kindOf = (f: FeedBytes): 'json' | 'xml' => (f.url.endsWith('.json') ? 'json' : 'xml');
  // rss-parser cannot decode Big5 or GBK, so it is handed the text our decodeText produced; it
  // reads no JSON Feed, so those are ours alone (the ratio compares items per second).
  const texts = feeds
    .filter((f) => kindOf(f) === 'xml')
    .map((f) => decodeText(f.bytes, f.contentType, 'xml').text);
  // Loaded here, not at the top: the app never loads it, so the syncs' RSS must not include it.
  const { default: Parser } = await import('rss-parser');
  const parser = new Parser();

  const ours = (): number => {
    let items = 0;
    for (const f of feeds) {
      const decoded = decodeText(f.bytes, f.contentType, kindOf(f));
      items += parseFeedText(decoded.text, f.url).items.length;
    }
    return items;
  };
  const theirs = async (): Promise<number> => {
    let items = 0;
    for (const text of texts) items += (await parser.parseString(text)).items.length;
    return items;
  };

  const warmUp = Math.min(2, REPEAT);
  for (let i = 0; i < warmUp; i += 1) {
    ours();
    await theirs();
  }
  // The two take turns, one round each, and each side's median round counts: on a shared machine
  // the load moves within seconds, and timing all of one side and then all of the other measured
  // the load as much as the parsers.
  const ourRounds: number[] = [];
  const theirRounds: number[] = [];
  let ourItems = 0;
  let theirItems = 0;
  for (let i = 0; i < REPEAT; i += 1) {
    let t0 = performance.now();
    ourItems = ours();
    ourRounds.push(performance.now() - t0);
    t0 = performance.now();
    theirItems = await theirs();
    theirRounds.push(performance.now() - t0);
  }
  const ourMs = stats(ourRounds, 3).median_ms;
  const theirMs = stats(theirRounds, 3).median_ms;

  const itemsPerS = ourItems / (ourMs / 1000);
  const theirsPerS = theirItems / (theirMs / 1000);
  emit({
    name: 'feed_parse',
    items_per_s: round(itemsPerS),
    rss_parser_items_per_s: round(theirsPerS),
    ratio: round(itemsPerS / theirsPerS, 3),
    feeds: feeds.length,
    xml_feeds: texts.length,
    items: ourItems,
    rss_parser_items: theirItems,
    bytes: feeds.reduce((n, f) => n + f.bytes.byteLength, 0),
    repeat: REPEAT,
    ours_median_round_ms: round(ourMs, 2),
    rss_parser_median_round_ms: round(theirMs, 2),
    note:
      'ours = decodeText + parseFeedText on the bytes; rss-parser = parseString on the text our ' +
      'decodeText produced (it cannot decode Big5/GBK itself), so its time leaves out decoding; ' +
      'the two alternate round by round and the median round of each is compared',
  });
}

// ---- Run --------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-sync-'));
let site: ChildSite | null = null;
let service: NewsService | null = null;
let exitCode = 0;
try {
  site = await startChildSite(dir);
  const sources = loadSourcesFile(site.sourcesFile).map((s) =>
    s.type === 'portal' ? { ...s, maxPages: MAX_PAGES } : s,
  );

  if (!values['parse-only']) {
    service = openLibrary(join(dir, 'library'), sources, createFetcher({ userAgent: USER_AGENT }));
    await syncOnce('sync_fresh', service, site, 2, true);
    await syncOnce('sync_again', service, site, 2, false);
    service.close();
    service = null;
  }

  if (!values['no-compare'] && !values['parse-only']) {
    service = openLibrary(
      join(dir, 'library-per-host-6'),
      sources,
      createFetcher({ userAgent: USER_AGENT, perHost: 6 }),
    );
    await syncOnce('sync_fresh_per_host_6', service, site, 6, true);
    service.close();
    service = null;
  }

  await feedParse(site);
} catch (error) {
  process.stderr.write(
    `bench:sync: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  exitCode = 1;
} finally {
  service?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = exitCode;
