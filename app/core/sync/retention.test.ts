/**
 * Retention against the real engine, real library files and the fixture site: an article still in
 * its source is kept whatever its age, one that left it is pruned once past the window, and
 * nothing known is counted as new again; feeds that hold nothing sync as empty (docs/technotes/0006-sync.md, "Retention").
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFixtureSite, type FixtureSite } from '../../../test/support/fixture-site.ts';
import { NewsService } from '../news-service.ts';
import { createFetcher } from './fetch.ts';
import { DEFAULT_MAX_ITEMS, type Source } from './sources-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-retention-'));
let site: FixtureSite;
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 0 });
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

function open(name: string, sources: readonly Source[], now = NOW): NewsService {
  return NewsService.open({
    dataDir: join(dir, name),
    appVersion: 'test',
    sources,
    now: () => now,
    fetcher: createFetcher({ userAgent: 'HeituReader-test', totalTimeoutMs: 3000 }),
  });
}

const feedSource = (id: string, path: string, extra: Partial<Source> = {}): Source => ({
  id,
  type: 'feed',
  url: `${site.origin}${path}`,
  enabled: true,
  fullText: false,
  maxPages: 1,
  maxItems: DEFAULT_MAX_ITEMS,
  ...extra,
});

/** An RSS 2.0 feed of items numbered `n`, item n published n days before `newest`. */
function putFeed(path: string, numbers: readonly number[], newest = NOW - 400 * DAY): void {
  const items = numbers.map(
    (n) => `<item><title>舊聞第${n}篇</title><link>${site.origin}/old/${n}.html</link>
      <guid>old-${n}</guid><pubDate>${new Date(newest - n * DAY).toUTCString()}</pubDate>
      <description>長春的舊聞，第${n}篇。</description></item>`,
  );
  site.put(
    path,
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>舊聞</title>
      <link>${site.origin}/</link>${items.join('')}</channel></rss>`,
    'application/rss+xml; charset=utf-8',
  );
}

async function titles(service: NewsService): Promise<string[]> {
  const page = await service.listArticles({ region: 'all', limit: 200 });
  return page.items.map((a) => a.title).sort();
}

const quiet = <T>(fn: () => Promise<T>): Promise<T> => {
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  return fn().finally(() => (process.env.HEITU_LOG = prev));
};

test('old articles still in the feed survive a restart, and the next sync finds 0 new', async () => {
  putFeed('/retention/kept.xml', [1, 2, 3, 4, 5]);
  const sources = [feedSource('kept', '/retention/kept.xml')];
  const first = open('kept', sources);
  const synced = await quiet(() => first.sync());
  assert.equal(synced.inserted, 5);
  const before = await titles(first);
  first.close();

  // Opening prunes (180 days by default); every article is 400 days old or more.
  const second = open('kept', sources, NOW + DAY);
  assert.deepEqual(await titles(second), before);
  assert.equal(second.prune(), 0);
  // The feed changed nothing, but a new body defeats the conditional GET: it is read again.
  putFeed('/retention/kept.xml', [5, 4, 3, 2, 1]);
  const again = await quiet(() => second.sync());
  assert.equal(again.failed, 0);
  assert.equal(again.inserted, 0);
  second.close();
  const third = open('kept', sources, NOW + 2 * DAY);
  assert.deepEqual(await titles(third), before);
  third.close();
});

test('the channel’s own article of 2019-05-30 stays after a restart', async () => {
  const page = readFileSync(
    new URL('../../../test/fixtures/parsers/cri-jilin-article.html', import.meta.url),
  );
  const articlePath = '/20190530/9a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.html';
  site.put(articlePath, page, 'text/html; charset=utf-8');
  site.put(
    '/seed/index.html',
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>長春</title></head><body>
      <ul><li><a href="${articlePath}">天津市黨政代表團來吉林考察對口合作</a></li></ul></body></html>`,
    'text/html; charset=utf-8',
  );
  const sources: Source[] = [
    {
      id: 'seed',
      type: 'portal',
      profile: 'cri-jilin',
      region: 'changchun',
      url: `${site.origin}/seed/index.html`,
      enabled: true,
      fullText: false,
      maxPages: 1,
      maxItems: DEFAULT_MAX_ITEMS,
    },
  ];
  const first = open('seed', sources);
  assert.equal((await quiet(() => first.sync())).inserted, 1);
  first.close();
  const later = open('seed', sources, NOW + 30 * DAY);
  assert.deepEqual(await titles(later), ['天津市黨政代表團來吉林考察對口合作']);
  assert.equal((await quiet(() => later.sync())).inserted, 0);
  later.close();
  const again = open('seed', sources, NOW + 60 * DAY);
  assert.deepEqual(await titles(again), ['天津市黨政代表團來吉林考察對口合作']);
  again.close();
});

test('items removed from the feed are pruned past the window, never bookmarked ones, and never come back as new', async () => {
  const path = '/retention/removed.xml';
  // Items 1–4 are 10 to 13 days old: inside a 180-day window, outside a 7-day one.
  const newest = NOW - 9 * DAY;
  putFeed(path, [1, 2, 3, 4], newest);
  const sources = [feedSource('removed', path)];
  const service = open('removed', sources);
  assert.equal((await quiet(() => service.sync())).inserted, 4);
  const marked = (await service.listArticles({ region: 'all' })).items.find(
    (a) => a.title === '舊聞第3篇',
  );
  assert.ok(marked);
  await service.setBookmark(marked.id, true);

  putFeed(path, [1], newest);
  assert.equal((await quiet(() => service.sync())).inserted, 0);
  // Inside the window: nothing goes.
  assert.equal(service.prune(), 0);
  await service.setSettings({ retentionDays: 7 });
  assert.equal(service.prune(), 2);
  assert.deepEqual(await titles(service), ['舊聞第1篇', '舊聞第3篇']);
  service.close();

  // The pruned items reappear in the feed: they are not stored, or counted, as new again.
  const later = open('removed', sources, NOW + DAY);
  putFeed(path, [1, 2, 3, 4, 5], newest);
  const summary = await quiet(() => later.sync());
  assert.equal(summary.inserted, 1);
  assert.deepEqual(await titles(later), ['舊聞第1篇', '舊聞第3篇', '舊聞第5篇']);
  later.close();
});

test('with retention set to never, nothing is pruned', async () => {
  const path = '/retention/never.xml';
  putFeed(path, [1, 2, 3]);
  const sources = [feedSource('never', path)];
  const service = open('never', sources);
  await service.setSettings({ retentionDays: 0 });
  assert.equal((await quiet(() => service.sync())).inserted, 3);
  putFeed(path, []);
  assert.equal((await quiet(() => service.sync())).failed, 0);
  assert.equal(service.prune(), 0);
  service.close();
  const later = open('never', sources, NOW + 1000 * DAY);
  assert.equal((await titles(later)).length, 3);
  await later.setSettings({ retentionDays: 30 });
  assert.equal(later.prune(), 3);
  later.close();
});

test('a feed longer than its cap keeps the newest items and the summary says how many were left out', async () => {
  const path = '/retention/capped.xml';
  // Written oldest first: the cap keeps the newest by date, not the first in the file.
  putFeed(path, [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], NOW);
  const sources = [feedSource('capped', path, { maxItems: 5 })];
  const service = open('capped', sources);
  const summary = await quiet(() => service.sync());
  assert.equal(summary.inserted, 5);
  assert.equal(summary.leftOut, 7);
  assert.deepEqual(summary.capped, [{ sourceId: 'capped', leftOut: 7 }]);
  assert.deepEqual(
    await titles(service),
    [1, 2, 3, 4, 5].map((n) => `舊聞第${n}篇`),
  );
  service.close();
});

test('an empty feed, with no title and no items, syncs as 0 new and no error', async () => {
  site.put(
    '/retention/bare.xml',
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
    'application/atom+xml',
  );
  const service = open('bare', [feedSource('bare', '/retention/bare.xml')]);
  const summary = await quiet(() => service.sync());
  assert.deepEqual(summary.errors, []);
  assert.equal(summary.inserted, 0);
  const [status] = await service.listSources();
  assert.ok(status);
  assert.equal(status.lastError, null);
  assert.notEqual(status.lastSuccessAt, null);
  service.close();
});
