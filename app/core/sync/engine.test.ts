/** The real sync engine against the local fixture site (test/support/fixture-site.ts). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { startFixtureSite, type FixtureSite } from '../../../test/support/fixture-site.ts';
import { openDatabase } from '../db/database.ts';
import { closeSearchIndex } from '../db/search-index.ts';
import { NewsService } from '../news-service.ts';
import { createFetcher, type Fetcher } from './fetch.ts';
import { DEFAULT_MAX_ITEMS, loadSourcesFile, type Source } from './sources-file.ts';
import { SyncController } from './sync-controller.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-sync-'));
let site: FixtureSite;
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 30 });
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const fetcher = () =>
  createFetcher({
    userAgent: 'HeituReader-test',
    totalTimeoutMs: 1500,
    connectTimeoutMs: 1000,
    maxBytes: 2 * 1024 * 1024,
  });
const quiet = <T>(fn: () => Promise<T>): Promise<T> => {
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  return fn().finally(() => (process.env.HEITU_LOG = prev));
};

function open(name: string, sources: readonly Source[]): NewsService {
  return NewsService.open({
    dataDir: join(dir, name),
    appVersion: 'test',
    sources,
    fetcher: fetcher(),
  });
}

test('a full sync fills every tab from the portal and the feeds, with the channel’s fields', async () => {
  const sources = loadSourcesFile(site.writeSourcesFile(dir, 'all'));
  const service = open('full', sources);
  const progress: number[] = [];
  service.subscribe((e) => {
    if (e.type === 'syncProgress') progress.push(e.progress.done);
  });
  const summary = await quiet(() => service.sync());
  assert.deepEqual(summary.errors, []);
  assert.equal(summary.failed, 0);
  assert.equal(summary.done, sources.length);
  assert.ok(summary.inserted >= 10 * 30, `${summary.inserted} new`);
  assert.equal(progress.at(-1), sources.length);

  const counts = await service.getTabCounts();
  const changchun = counts.find((c) => c.region === 'changchun');
  assert.ok((changchun?.total ?? 0) >= 30, JSON.stringify(changchun));

  // The Changchun tab shows the channel's articles with 來源 / 編輯 / 責編.
  const truth = site.portalArticles('changchun');
  const page = await service.listArticles({ region: 'changchun', limit: 200 });
  const byTitle = new Map(page.items.map((a) => [a.title, a]));
  for (const expected of truth) {
    const summaryItem = byTitle.get(expected.title);
    assert.ok(summaryItem, `missing ${expected.title}`);
    const article = await service.getArticle(summaryItem.id);
    assert.equal(article.sourceName, expected.sourceName);
    assert.equal(article.editor, expected.editor);
    assert.equal(article.responsibleEditor, expected.responsibleEditor);
    assert.equal(Date.parse(article.publishedAt), expected.publishedAt);
    assert.equal(article.script, expected.script);
    assert.equal(article.originalTitle, expected.originalTitle);
    for (const paragraph of expected.paragraphs.slice(0, 2))
      assert.ok(article.contentHtml.includes(paragraph.slice(0, 10)));
  }

  // Images were cached with the article as Referer, and the stored HTML points at the cache.
  const withImage = page.items.find((a) => a.thumbnail !== null);
  assert.ok(withImage, 'some article has a cached thumbnail');
  const image = service.getImage(Number(withImage.thumbnail?.split('/').pop()));
  assert.ok(image !== null && image.bytes.byteLength > 0);
  assert.match(image.mime, /^image\//);
  const html = (await service.getArticle(withImage.id)).contentHtml;
  assert.match(html, /<img[^>]+src="\/images\/\d+"/);
  assert.doesNotMatch(html, /src="http/);

  // Feeds carry no region: the gazetteer tags them.
  const rss = site.feedArticles('rss2');
  const hits = await service.search(rss[0]?.title ?? '');
  assert.ok(hits.items.length > 0);

  // Big5 (HKSCS) and GB encodings came through intact.
  assert.ok((await service.search('堃')).items.length > 0, 'the Big5 feed kept 堃');
  const gbk = site.article(site.special.gbk);
  assert.ok(gbk);
  assert.equal((await service.search(gbk.title)).items[0]?.title, gbk.title);
  const lying = site.article(site.special.lyingCharset);
  assert.ok(lying);
  assert.equal((await service.search(lying.title)).items[0]?.title, lying.title);
  service.close();
});

test('a second sync asks with If-None-Match, stores nothing twice, and is quick', async () => {
  const sources = loadSourcesFile(site.writeSourcesFile(dir, 'portal'));
  const service = open('again', sources);
  const first = await quiet(() => service.sync());
  const total = (await service.getTabCounts()).find((c) => c.region === 'all')?.total;
  const second = await quiet(() => service.sync());
  assert.equal(second.inserted, 0);
  assert.equal(second.failed, 0);
  assert.equal((await service.getTabCounts()).find((c) => c.region === 'all')?.total, total);
  assert.ok(first.inserted > 0);
  assert.ok(site.lastHeaders('/jilin/changchun/index.html')?.['if-none-match'] !== undefined);
  service.close();
});

test('faulty sources fail alone, quickly, in words, and nothing else is lost', async () => {
  const good = loadSourcesFile(site.writeSourcesFile(dir, 'portal')).slice(0, 2);
  const faulty: Source[] = [
    'slow',
    'hang',
    '500',
    '429',
    '503-date',
    'loop',
    'to-file',
    'gzip-bomb',
    'huge',
    'malformed.xml',
    'not-feed.xml',
  ].map((name) => ({
    id: `faulty-${name.replace('.', '-')}`,
    type: 'feed',
    url: `${site.origin}/faulty/${name}`,
    enabled: true,
    fullText: false,
    maxPages: 1,
    maxItems: 200,
  }));
  const service = open('faulty', [...good, ...faulty]);
  const started = Date.now();
  const summary = await quiet(() => service.sync());
  assert.ok(Date.now() - started < 15_000, 'bounded time');
  assert.equal(summary.failed, faulty.length);
  assert.equal(summary.done, good.length + faulty.length);
  const sources = await service.listSources();
  for (const f of faulty) {
    const status = sources.find((s) => s.id === f.id);
    assert.ok(status?.lastError, `${f.id} has an error`);
    assert.ok(status.nextDueAt !== null);
  }
  const retry = sources.find((s) => s.id === 'faulty-429');
  assert.ok(
    retry?.nextDueAt && Date.parse(retry.nextDueAt) - Date.now() < 60_000,
    'Retry-After respected',
  );
  for (const g of good) assert.equal(sources.find((s) => s.id === g.id)?.lastError, null);
  assert.ok((await service.listArticles({ region: 'all' })).items.length > 0);
  service.close();
});

test('a feed with summaries only gets the full text from the article pages (readability)', async () => {
  const feeds = loadSourcesFile(site.writeSourcesFile(dir, 'feeds'));
  const summaryOnly = feeds.find((s) => s.id === 'feed-summary-only');
  assert.ok(summaryOnly);
  const service = open('fulltext', [{ ...summaryOnly, fullText: true }]);
  const summary = await quiet(() => service.sync());
  assert.equal(summary.failed, 0);
  const truth = site.feedArticles('summary-only');
  assert.ok(truth.length > 0);
  for (const expected of truth) {
    const hit = (await service.search(expected.title)).items[0];
    assert.ok(hit, `stored ${expected.title}`);
    const html = (await service.getArticle(hit.id)).contentHtml;
    const last = expected.paragraphs.at(-1) ?? '';
    assert.ok(
      html.includes(last.slice(0, 12)),
      'the last paragraph of the page, not just the summary',
    );
  }
  service.close();
});

test('a hostile article page is stored sanitised', async () => {
  // A one-article portal whose article is the fixture site's hostile page.
  const hostileHtml = await (await fetch(`${site.origin}/faulty/hostile.html`)).text();
  const path = '/20261120/0123456789abcdef0123456789abcdef.html';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.url === path ? hostileHtml : `<ul><li><a href="${path}">冰雪</a></li></ul>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const service = open('hostile', [
    {
      id: 'hostile',
      type: 'portal',
      profile: 'cri-jilin',
      region: 'changchun',
      url: `${origin}/list.html`,
      enabled: true,
      fullText: false,
      maxPages: 1,
      maxItems: 200,
    },
  ]);
  const summary = await quiet(() => service.sync());
  server.close();
  assert.equal(summary.inserted, 1);
  const [stored] = (await service.listArticles({ region: 'changchun' })).items;
  assert.ok(stored);
  assert.equal(stored.title, '長春冰雪新天地開園 遊客可體驗多項冰雪項目');
  const html = (await service.getArticle(stored.id)).contentHtml;
  assert.match(html, /冰雪新天地正式開園/);
  for (const bad of [
    '<script',
    'onerror',
    'onclick',
    'javascript:',
    'JaVaScRiPt',
    '<iframe',
    '<form',
    '<style',
    'style=',
    'data:',
    'evil.example',
  ]) {
    assert.ok(!html.toLowerCase().includes(bad.toLowerCase()), `${bad} survived`);
  }
  service.close();
});

// The page cache a sync writes with (sync-controller.ts): SQLite's own 2 MiB while it runs, the
// reader's size again once it ends.
test('a sync writes with a 2 MiB page cache and gives the reader its own back after', async () => {
  const db = openDatabase(join(dir, 'page-cache.sqlite3'));
  const cacheSize = (): unknown => db.pragma('cache_size', { simple: true });
  const readers = cacheSize();
  const during: unknown[] = [];
  const http = fetcher();
  // The real client, noting the library's cache size each time the engine asks for a page.
  const noting: Fetcher = {
    fetch(url, options) {
      during.push(cacheSize());
      return http.fetch(url, options);
    },
  };
  const controller = new SyncController({
    db,
    sources: [
      {
        id: 'feed-rss2',
        type: 'feed',
        url: `${site.origin}/feeds/rss2.xml`,
        enabled: true,
        fullText: false,
        maxPages: 1,
        maxItems: DEFAULT_MAX_ITEMS,
      },
    ],
    origin: 'file',
    fetcher: noting,
    now: Date.now,
    emit: () => undefined,
  });
  try {
    const summary = await controller.run();
    assert.equal(summary.failed, 0);
    assert.ok(summary.inserted > 0);
    assert.ok(during.length > 0);
    assert.deepEqual([...new Set(during)], [-2048]);
    assert.notEqual(readers, -2048);
    assert.equal(cacheSize(), readers);
  } finally {
    closeSearchIndex(db);
    db.close();
  }
});
