/**
 * npm run bench:store -- --articles N [--batch 1000] [--repeat 200]
 *
 * Seeds N synthetic articles (real news sentences in both scripts, 10 regions, 40 sources) into a
 * library in a temporary folder through NewsService, and prints one JSON line per measure. Beside
 * each of ours, the same run measures the floor: raw better-sqlite3 into a bare table.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type { ArticleId } from '../app/shared/articles.ts';
import { REGION_IDS } from '../app/shared/regions.ts';
import { DATABASE_FILE } from '../app/core/data-dir.ts';
import { NewsService } from '../app/core/news-service.ts';
import { checkInBackground } from '../app/core/db/integrity.ts';
import { searchIndexFile } from '../app/core/db/search-index-file.ts';
import { corpus, rng } from '../test/support/corpus.ts';
import { round as roundTo, stats as summarize } from './bench-stats.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    repeat: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.articles);
const BATCH = Number(values.batch);
const REPEAT = Number(values.repeat);
const NOW = Date.UTC(2026, 10, 26);
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-'));
const random = rng(42);

const stats = (samples: readonly number[]) => summarize(samples, 3);
const round = (x: number): number => roundTo(x, 3);
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function sample(fn: (i: number) => unknown, times = REPEAT): Promise<number[]> {
  for (let i = 0; i < 5; i += 1) await fn(i); // warm-up
  const out: number[] = [];
  for (let i = 0; i < times; i += 1) out.push(await time(() => fn(i)));
  return out;
}

// ---- seed ---------------------------------------------------------------------------------------
// Published over the last 150 days, so nothing is pruned by the default 180-day retention.
const c = corpus({ newest: NOW, spanDays: 150, seed: 7 });
/** A library in `dataDir` with the corpus's sources configured. */
function openLibrary(dataDir: string): NewsService {
  const library = NewsService.open({ dataDir, appVersion: 'bench', now: () => NOW });
  for (const id of c.sourceIds)
    library.sources.save({ id, type: 'feed', url: `https://example.cn/${id}.xml` });
  return library;
}
const service = openLibrary(dir);

const raw = new BetterSqlite3(join(dir, 'raw.sqlite3'));
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = NORMAL');
raw.exec(`CREATE TABLE raw (id INTEGER PRIMARY KEY, published INTEGER NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL,
  summary TEXT NOT NULL, body TEXT NOT NULL); CREATE INDEX raw_published ON raw (published);`);
const rawInsert = raw.prepare(
  'INSERT INTO raw (published, url, title, summary, body) VALUES (?, ?, ?, ?, ?)',
);
const rawBatch = raw.transaction((rows: ReturnType<typeof c.article>[]) => {
  for (const a of rows)
    rawInsert.run(a.publishedAt, a.url, a.title, a.summary ?? '', a.contentHtml ?? '');
});

/**
 * Stores `n` articles from `make` in batches and returns the per-batch times of storeArticles and
 * the wall time until the search index has caught up (it is written on a worker thread, so a
 * batch returns before its index rows are in). The rows are made CHUNK at a time before the clock
 * starts, and the index is waited for at the end of each chunk: making rows never overlaps it.
 */
const CHUNK = Math.max(BATCH, Math.floor(50_000 / BATCH) * BATCH);
async function fill(
  library: NewsService,
  n: number,
  make: (i: number) => ReturnType<typeof c.article>,
  after?: (batches: ReturnType<typeof c.article>[][]) => Promise<void>,
): Promise<{ batches: number[]; wallMs: number; waitMs: number }> {
  const batches: number[] = [];
  let wallMs = 0;
  let waitMs = 0;
  for (let chunk = 0; chunk < n; chunk += CHUNK) {
    const rows: ReturnType<typeof c.article>[][] = [];
    for (let start = chunk; start < Math.min(n, chunk + CHUNK); start += BATCH)
      rows.push(Array.from({ length: Math.min(BATCH, n - start) }, (_, i) => make(start + i)));
    const t0 = performance.now();
    for (const batch of rows) batches.push(await time(() => library.storeArticles(batch)));
    const t1 = performance.now();
    if (!library.waitForSearchIndex()) throw new Error('the search index did not catch up');
    waitMs += performance.now() - t1;
    wallMs += performance.now() - t0;
    await after?.(rows);
  }
  return { batches, wallMs, waitMs };
}

const floor: number[] = [];
let chars = 0;
const filled = await fill(
  service,
  N,
  (i) => c.article(i),
  async (rows) => {
    for (const batch of rows) {
      for (const a of batch) chars += a.title.length + (a.summary ?? '').length + a.text.length;
      floor.push(await time(() => rawBatch(batch)));
    }
  },
);
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
emit({
  name: 'insert_batch',
  n: N,
  batch: BATCH,
  ...stats(filled.batches),
  // Until every article is searchable: the index's catch-up at the end of each chunk included.
  articles_per_s: Math.round(N / (filled.wallMs / 1000)),
  index_wait_ms: round(filled.waitMs),
  raw_median_ms: stats(floor).median_ms,
  raw_articles_per_s: Math.round(N / (sum(floor) / 1000)),
  avg_chars_per_article: Math.round(chars / N),
});

// ---- reopen (quick_check + prune) -----------------------------------------------------------------
service.close();
let reopened!: NewsService;
const openMs = await time(() => {
  reopened = NewsService.open({ dataDir: dir, appVersion: 'bench', now: () => NOW });
});
emit({ name: 'open_with_critical_check', n: N, median_ms: round(openMs), p95_ms: round(openMs) });
// The full quick_check that the desktop app and browser mode run on a worker thread after start.
const fullCheck = await time(async () => {
  const result = await checkInBackground(join(dir, DATABASE_FILE));
  if (result !== 'ok') throw new Error(`integrity check: ${result}`);
});
emit({
  name: 'full_quick_check_background',
  n: N,
  median_ms: round(fullCheck),
  p95_ms: round(fullCheck),
});
const s = reopened;

// ---- reads ----------------------------------------------------------------------------------------
const rawFirst = raw.prepare(
  'SELECT id, title, published FROM raw WHERE published < ? ORDER BY published DESC LIMIT 50',
);
const rawFloor = stats(await sample(() => rawFirst.all(Number.MAX_SAFE_INTEGER))).median_ms;
const tabs = REGION_IDS.filter((r) => r !== 'bookmarks');

const first = await sample((i) =>
  s.listArticles({ region: tabs[i % tabs.length] ?? 'all', limit: 50 }),
);
emit({ name: 'first_page', n: N, ...stats(first), raw_median_ms: rawFloor });

// Cursors from pages 2–40 of each tab, collected first, then timed.
const cursors: { region: (typeof tabs)[number]; cursor: string }[] = [];
for (const region of tabs) {
  let cursor: string | null = null;
  for (let page = 0; page < 40; page += 1) {
    const res = await s.listArticles({ region, limit: 50, cursor });
    if (res.nextCursor === null) break;
    cursor = res.nextCursor;
    cursors.push({ region, cursor });
  }
}
const rawCursor = raw
  .prepare('SELECT published FROM raw ORDER BY published DESC LIMIT 1 OFFSET 1000')
  .pluck()
  .get() as number;
const rawNext = stats(await sample(() => rawFirst.all(rawCursor))).median_ms;
const next = await sample((i) => {
  const c2 = cursors[Math.floor(random() * cursors.length)] ?? cursors[i % cursors.length];
  return c2 ? s.listArticles({ region: c2.region, limit: 50, cursor: c2.cursor }) : undefined;
});
emit({ name: 'next_page', n: N, ...stats(next), raw_median_ms: rawNext });

const counts = await sample(() => s.getTabCounts());
const rawCount = raw.prepare('SELECT count(*) FROM raw WHERE published > ?').pluck();
emit({
  name: 'unread_counts_all_tabs',
  n: N,
  tabs: 12,
  ...stats(counts),
  raw_median_ms: stats(await sample(() => rawCount.get(NOW - 86_400_000 * 7))).median_ms,
});

const long = [
  '長春市',
  '长春市',
  '吉林省',
  '對口合作',
  '对口合作',
  '東北振興',
  '东北振兴',
  '高品質發展',
  '延邊日報',
  '长白山天池',
];
const short = ['吉林', '長春', '长春', '延吉', '天津', '合作', '振興', '创新', '雪季', '松原'];
const single = ['雪', '津', '吉', '參', '参'];
const rawLike = raw.prepare(
  'SELECT id FROM raw WHERE title LIKE ? ORDER BY published DESC LIMIT 50',
);
const rawSearch = stats(
  await sample((i) => rawLike.all(`%${long[i % long.length]}%`), 20),
).median_ms;
for (const [name, queries] of [
  ['search_3plus_chars', long],
  ['search_2_chars', short],
  ['search_1_char', single],
] as const) {
  let hits = 0;
  const samples = await sample(async (i) => {
    const page = await s.search(queries[i % queries.length] ?? '吉林', { limit: 50 });
    hits += page.items.length;
  });
  emit({
    name,
    n: N,
    queries: queries.length,
    ...stats(samples),
    avg_hits: Math.round(hits / (REPEAT + 5)),
    raw_title_like_median_ms: rawSearch,
  });
}
const regionSearch = await sample((i) =>
  s.search(short[i % short.length] ?? '吉林', {
    region: tabs[1 + (i % 10)] ?? 'yanbian',
    limit: 50,
  }),
);
emit({ name: 'search_2_chars_in_region', n: N, ...stats(regionSearch) });

const ids = Array.from(
  { length: REPEAT + 5 },
  () => `a${1 + Math.floor(random() * N)}` as ArticleId,
);
const toggle = await sample(async (i) => {
  const id = ids[i] ?? ('a1' as ArticleId);
  await s.setBookmark(id, true);
  await s.setBookmark(id, false);
});
emit({ name: 'bookmark_toggle_on_off', n: N, ...stats(toggle) });

s.close();
raw.close();
const size = (f: string): number => {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
};
const dbFile = join(dir, DATABASE_FILE);
const indexFile = searchIndexFile(dbFile);
const bytes = size(dbFile) + size(`${dbFile}-wal`) + size(indexFile) + size(`${indexFile}-wal`);
emit({
  name: 'file_size',
  n: N,
  bytes,
  bytes_per_article: Math.round(bytes / N),
  index_bytes: size(indexFile) + size(`${indexFile}-wal`),
  raw_bytes: size(join(dir, 'raw.sqlite3')) + size(join(dir, 'raw.sqlite3-wal')),
});

// ---- insert in publication order ----------------------------------------------------------------
// How a library really fills: each sync adds what was just published. The same articles, with
// their publication times spread evenly over the same span in the order they are stored.
const ordered = openLibrary(join(dir, 'ordered'));
const span = 150 * 86_400_000;
const inOrder = await fill(ordered, N, (i) => ({
  ...c.article(i),
  publishedAt: NOW - span + Math.floor((i * span) / N),
}));
ordered.close();
emit({
  name: 'insert_batch_publication_order',
  n: N,
  batch: BATCH,
  ...stats(inOrder.batches),
  articles_per_s: Math.round(N / (inOrder.wallMs / 1000)),
  index_wait_ms: round(inOrder.waitMs),
});

if (values.keep) process.stderr.write(`kept ${dir}\n`);
else rmSync(dir, { recursive: true, force: true });
