/**
 * Triage and full text on real library files: a tab marked read and undone exactly, and the full
 * text of a summary-only feed item fetched from the fixture site over HTTP on 127.0.0.1, kept for
 * reading offline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFixtureSite, type FixtureSite } from '../../test/support/fixture-site.ts';
import type { ArticleId } from '../shared/articles.ts';
import { parseCall } from '../shared/validate.ts';
import type { NewArticle } from './db/articles-repo.ts';
import { NewsService } from './news-service.ts';
import { createFetcher } from './sync/fetch.ts';
import { DEFAULT_MAX_ITEMS, type Source } from './sync/sources-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-triage-'));
let site: FixtureSite;
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 0 });
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 11, 1);

function open(name: string, sources: readonly Source[] = []): NewsService {
  return NewsService.open({
    dataDir: join(dir, name),
    appVersion: 'test',
    sources,
    now: () => NOW,
    fetcher: createFetcher({ userAgent: 'HeituReader-test', totalTimeoutMs: 3000 }),
  });
}

function article(n: number, regions: NewArticle['regions']): NewArticle {
  return {
    url: `https://example.org/${n}.html`,
    title: `第${n}篇`,
    text: `長春新聞第${n}篇`,
    publishedAt: NOW - n * 60_000,
    fetchedAt: NOW,
    script: 'hant',
    regions,
  };
}

const unreadOf = async (service: NewsService, region: string): Promise<number> =>
  (await service.getTabCounts()).find((c) => c.region === region)?.unread ?? -1;

test('markAllRead marks exactly the unread articles of a tab, and markUnread undoes exactly that', async () => {
  const service = open('triage');
  const stored = service.storeArticles([
    article(1, ['changchun']),
    article(2, ['changchun', 'jilin']),
    article(3, ['changchun']),
    article(4, ['jilin']),
  ]);
  const id = (n: number) => `a${stored.ids[n - 1] ?? 0}` as ArticleId;
  // Already read before: the undo must leave it read.
  await service.markRead({ ids: [id(3)], read: true });
  await service.setBookmark(id(4), true);
  const events: string[] = [];
  service.subscribe((e) => events.push(e.type));

  const marked = await service.markAllRead({ region: 'changchun' });
  assert.deepEqual(marked.ids, [id(1), id(2)], 'the unread ones of 長春, newest first');
  assert.equal(await unreadOf(service, 'changchun'), 0);
  assert.equal(await unreadOf(service, 'jilin'), 1, 'article 2 is read in 吉林 too; 4 is not');
  assert.equal(await unreadOf(service, 'all'), 1);
  assert.deepEqual(events, ['libraryChanged']);
  assert.deepEqual((await service.markAllRead({ region: 'changchun' })).ids, [], 'nothing left');

  const unreadOnly = async (region: 'all' | 'changchun' | 'jilin'): Promise<string[]> =>
    (await service.listArticles({ region, unreadOnly: true })).items.map((a) => a.id);
  assert.deepEqual(await unreadOnly('changchun'), []);
  assert.deepEqual(await unreadOnly('all'), [id(4)]);

  assert.deepEqual(await service.markUnread(marked.ids), { changed: 2 });
  assert.deepEqual(await unreadOnly('changchun'), [id(1), id(2)]);
  assert.deepEqual(await unreadOnly('jilin'), [id(2), id(4)]);
  const paged = await service.listArticles({ region: 'all', unreadOnly: true, limit: 2 });
  assert.deepEqual(
    paged.items.map((a) => a.id),
    [id(1), id(2)],
  );
  const rest = await service.listArticles({
    region: 'all',
    unreadOnly: true,
    limit: 2,
    cursor: paged.nextCursor,
  });
  assert.deepEqual(
    rest.items.map((a) => a.id),
    [id(4)],
  );
  assert.equal(await unreadOf(service, 'changchun'), 2);
  assert.equal(await unreadOf(service, 'jilin'), 2);
  assert.equal((await service.getArticle(id(3))).unread, false, 'read before: still read');

  // 收藏 marks the bookmarked ones; no region marks everything.
  assert.deepEqual((await service.markAllRead({ region: 'bookmarks' })).ids, [id(4)]);
  assert.deepEqual((await service.markAllRead({})).ids, [id(1), id(2)]);
  assert.equal(await unreadOf(service, 'all'), 0);
  service.close();

  // Kept in the file.
  const again = open('triage');
  assert.equal(await unreadOf(again, 'all'), 0);
  again.close();
});

test('marking a tab read leaves unread what a sync stored after the reader listed it', async () => {
  const service = open('listed');
  const listedAt = NOW + 1000;
  const seen = service.storeArticles([article(1, ['changchun']), article(2, ['changchun'])]);
  // Stored while the reader was looking at the list (a sync running in the background).
  const later = (n: number): NewArticle => ({
    ...article(n, ['changchun']),
    fetchedAt: NOW + 5000,
  });
  const arrived = service.storeArticles([later(3), later(4)]);
  await service.setBookmark(`a${arrived.ids[0] ?? 0}` as ArticleId, true);
  const ids = (stored: { ids: readonly number[] }) => stored.ids.map((n) => `a${n}` as ArticleId);
  const at = new Date(listedAt).toISOString();

  assert.deepEqual((await service.markAllRead({ region: 'bookmarks', listedAt: at })).ids, []);
  const marked = await service.markAllRead({ region: 'changchun', listedAt: at });
  assert.deepEqual(marked.ids, ids(seen), 'only the two the list was fetched from');
  assert.equal(await unreadOf(service, 'changchun'), 2, 'the two stored after stay unread');
  assert.deepEqual((await service.markAllRead({ listedAt: at })).ids, [], 'nothing else was held');
  // Without listedAt (the CLI's `read --all`): everything.
  assert.deepEqual((await service.markAllRead({})).ids.toSorted(), ids(arrived).toSorted());
  service.close();
});

test('the triage calls are validated at the boundary', () => {
  assert.deepEqual(parseCall('markAllRead', [{}]), [{}]);
  assert.throws(() => parseCall('markAllRead', [{ listedAt: 'yesterday' }]), /ISO 8601/);
  assert.deepEqual(parseCall('markAllRead', [{ listedAt: '2026-12-01T00:00:00.000Z' }]), [
    { listedAt: '2026-12-01T00:00:00.000Z' },
  ]);
  assert.throws(() => parseCall('markAllRead', [{ region: 'nowhere' }]), /argument 1, region/);
  assert.throws(() => parseCall('markAllRead', [{ region: 'all', extra: 1 }]), /BAD|Bad/);
  assert.throws(() => parseCall('markUnread', [[]]), /argument 1/);
  assert.throws(() => parseCall('markUnread', [['x1']]), /not an article id/);
  assert.throws(() => parseCall('fetchFullText', ['a1', 'a2']), /Bad arguments/);
  assert.deepEqual(parseCall('fetchFullText', ['a7']), ['a7']);
});

const summaryOnly = (): Source => ({
  id: 'summary-only',
  type: 'feed',
  url: `${site.origin}/feeds/summary-only.xml`,
  enabled: true,
  fullText: false,
  maxPages: 1,
  maxItems: DEFAULT_MAX_ITEMS,
});

test('a summary-only item shows its summary; its full text is fetched on demand and kept offline', async () => {
  const service = open('full-text', [summaryOnly()]);
  await service.sync();
  const page = await service.listArticles({ region: 'all' });
  const first = page.items[0];
  assert.ok(first !== undefined);
  const before = await service.getArticle(first.id);
  assert.equal(before.summaryOnly, true);
  assert.match(before.contentHtml, /^<p>.+<\/p>$/s, 'the summary, never a blank body');
  const truth = site.article(new URL(before.url).pathname);
  assert.ok(truth !== undefined);
  // Words of the page that the summary does not have: found once the full text is fetched.
  const last = truth.paragraphs.at(-1) ?? '';
  const shown = `${before.title}${before.contentHtml}`;
  const words = [...Array(Math.max(0, last.length - 5)).keys()]
    .map((i) => last.slice(i, i + 6))
    .find((w) => /^\p{Script=Han}{6}$/u.test(w) && !shown.includes(w));
  assert.ok(words !== undefined, 'the last paragraph has words the summary lacks');
  const found = async (s: NewsService): Promise<boolean> =>
    (await s.search(words)).items.some((hit) => hit.id === first.id);
  assert.equal(await found(service), false, 'not found by its summary');

  const result = await service.fetchFullText(first.id);
  assert.ok(result.ok, JSON.stringify(result));
  const full = result.article;
  assert.equal(full.summaryOnly, undefined);
  assert.ok(full.contentHtml.includes(truth.paragraphs.at(-1) ?? '?'), 'the last paragraph is in');
  assert.doesNotMatch(full.contentHtml, /<script|onerror|javascript:/i);
  const images = [...full.contentHtml.matchAll(/<img[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(truth.images.length > 0, 'the page has pictures');
  assert.equal(images.length, truth.images.length);
  for (const src of images) assert.match(src ?? '', /^\/images\/\d+$/, 'served from the cache');
  assert.equal(await found(service), true, 'found by its full text');
  // A sync that sees the summary again leaves the full text alone.
  await service.sync();
  assert.equal((await service.getArticle(first.id)).contentHtml, full.contentHtml);
  assert.equal(await found(service), true, 'still found after the sync');
  service.close();

  // Offline afterwards: the site is not asked again, the text and its images are in the file.
  const hits = [...site.hits.values()].reduce((a, b) => a + b, 0);
  const again = open('full-text', [summaryOnly()]);
  const kept = await again.getArticle(first.id);
  assert.equal(kept.contentHtml, full.contentHtml);
  assert.equal(await found(again), true, 'found by its full text after a restart');
  const imageId = Number(/\/images\/(\d+)/.exec(kept.contentHtml)?.[1] ?? '0');
  assert.ok(again.getImage(imageId) !== null);
  assert.equal(again.prune(), 0);
  assert.equal(
    [...site.hits.values()].reduce((a, b) => a + b, 0),
    hits,
  );
  again.close();
});

test('a full text that cannot be fetched says why, and keeps the summary', async () => {
  const closed = await startFixtureSite({ articlesPerRegion: 0 });
  const gone = `${closed.origin}/gone.html`;
  await closed.close();
  const links = [`${site.origin}/missing/1.html`, `${site.origin}/nav.html`, gone];
  const items = links.map(
    (link, n) => `<item><title>摘要第${n}篇</title><link>${link}</link><guid>s-${n}</guid>
      <pubDate>${new Date(NOW - (n + 1) * 60_000).toUTCString()}</pubDate>
      <description>長春的摘要，第${n}篇。</description></item>`,
  );
  site.put(
    '/summaries.xml',
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>摘要</title>
      <link>${site.origin}/</link>${items.join('')}</channel></rss>`,
    'application/rss+xml',
  );
  site.put(
    '/nav.html',
    '<html><body><nav><a href="/">首頁</a> <a href="/a">一</a></nav></body></html>',
    'text/html',
  );
  const service = open('full-text-fails', [
    { ...summaryOnly(), id: 'summaries', url: `${site.origin}/summaries.xml` },
  ]);
  await service.sync();
  const ids = new Map<string, ArticleId>();
  for (const item of (await service.listArticles({ region: 'all' })).items)
    ids.set((await service.getArticle(item.id)).url, item.id);
  const reasons = [];
  for (const link of links) {
    const id = ids.get(link);
    assert.ok(id !== undefined, link);
    const result = await service.fetchFullText(id);
    reasons.push(result.ok ? 'ok' : result.reason);
    const still = await service.getArticle(id);
    assert.equal(still.summaryOnly, true, 'the summary stays');
    assert.match(still.contentHtml, /長春的摘要/);
  }
  assert.deepEqual(reasons, ['http', 'no-article', 'network']);
  await assert.rejects(service.fetchFullText('a999999' as ArticleId), { code: 'NOT_FOUND' });
  service.close();
});
