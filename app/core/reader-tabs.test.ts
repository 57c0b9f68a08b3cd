/**
 * Issue 18's sources and tabs through NewsService, on real SQLite files and the fixture site:
 * adding a feed says what it found, sources have names, the full-text switch, the reader's own
 * tabs, marking a whole tab read.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFixtureSite, type FixtureSite } from '../../test/support/fixture-site.ts';
import { NewsApiError, type ErrorCode } from '../shared/errors.ts';
import { dispatch } from './dispatch.ts';
import { NewsService } from './news-service.ts';
import { createFetcher } from './sync/fetch.ts';
import { DEFAULT_SOURCES } from './sync/sources-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-tabs-'));
let site: FixtureSite;
before(async () => {
  process.env.HEITU_LOG = 'silent';
  site = await startFixtureSite({ articlesPerRegion: 3 });
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (name: string): NewsService =>
  NewsService.open({
    dataDir: join(dir, name),
    appVersion: 'test',
    sources: [],
    fetcher: createFetcher({ userAgent: 'HeituReader-test', totalTimeoutMs: 3000 }),
  });

const code = (expected: ErrorCode, pattern?: RegExp) => (e: unknown) =>
  e instanceof NewsApiError &&
  e.code === expected &&
  (pattern === undefined || pattern.test(e.message));

/** A port on 127.0.0.1 that nothing listens on: a host that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

test('adding a feed fetches it once and says what it found, or why it cannot be added', async () => {
  const service = open('add-feed');
  const url = `${site.origin}/feeds/rss2.xml`;
  const added = await service.addFeed({ url });
  assert.equal(added.outcome, 'added');
  assert.deepEqual([added.feedTitle, added.items], ['國際在線吉林頻道', 8]);
  assert.deepEqual(
    [added.source.name, added.source.feedTitle, added.source.title],
    ['國際在線吉林頻道', '國際在線吉林頻道', null],
  );

  const again = await service.addFeed({ url: `${url}#top` });
  assert.equal(again.outcome, 'duplicate');
  assert.equal(again.source.id, added.source.id);

  const failures = [
    [`${site.origin}/faulty/500`, 'http', 500],
    [`${site.origin}/faulty/not-feed.xml`, 'not-a-feed', null],
    [`${site.origin}/faulty/hostile.html`, 'not-a-feed', null],
    [`http://127.0.0.1:${await closedPort()}/feed.xml`, 'network', null],
  ] as const;
  for (const [bad, reason, status] of failures) {
    const result = await service.addFeed({ url: bad });
    assert.equal(result.outcome, 'failed', bad);
    assert.deepEqual([result.reason, result.status], [reason, status], bad);
    assert.ok(result.message.length > 0);
  }
  // Only the feed that was one is a source.
  assert.deepEqual(
    (await service.listSources()).map((s) => s.url),
    [url],
  );
  // Its first sync stores its articles and keeps its name.
  const summary = await service.sync({ sourceIds: [added.source.id] });
  assert.deepEqual([summary.inserted, summary.errors], [8, []]);
  assert.equal((await service.listSources())[0]?.name, '國際在線吉林頻道');
  const bad = await dispatch(service, 'addFeed', [{ url: 'ftp://x.example/feed' }]);
  assert.equal(!bad.ok && bad.error.code, 'BAD_ARGUMENT');
  service.close();
});

test('sources are named: portals by channel and region, feeds by their title (kept from their last sync), then host', async () => {
  const builtin = NewsService.open({ dataDir: join(dir, 'names-builtin'), appVersion: 'test' });
  const names = (await builtin.listSources()).map((s) => s.name);
  assert.equal(new Set(names).size, DEFAULT_SOURCES.length, 'no two alike');
  assert.deepEqual(names.slice(0, 2), ['吉林頻道 · 長春', '吉林頻道 · 江城']);
  builtin.close();

  const service = open('names');
  const mine = await service.addSource({ url: `${site.origin}/feeds/atom.xml` });
  assert.equal(mine.name, new URL(site.origin).host, 'named by its host before any fetch');
  const { errors } = await service.sync({ sourceIds: [mine.id] });
  assert.deepEqual(errors, []);
  const synced = await service.updateSource(mine.id, {});
  assert.equal(synced.name, synced.feedTitle);
  assert.notEqual(synced.feedTitle, null);
  const renamed = await service.updateSource(mine.id, { title: '我的 Atom' });
  assert.equal(renamed.name, '我的 Atom');
  assert.match(await service.exportOpml(), /text="我的 Atom"/);
  service.close();
});

test('the full-text switch is kept for any source and reaches the sync', async () => {
  const service = open('full-text');
  const mine = await service.addSource({ url: `${site.origin}/feeds/summary-only.xml` });
  assert.equal(mine.fullText, false);
  assert.equal((await service.updateSource(mine.id, { fullText: true })).fullText, true);
  await service.sync({ sourceIds: [mine.id] });
  const [first] = (await service.listArticles({ region: 'all' })).items;
  assert.ok(first !== undefined);
  // The summary-only feed's items carry 40 characters; the article pages far more.
  const article = await service.getArticle(first.id);
  assert.ok(article.contentHtml.length > 400, article.contentHtml);
  service.close();
  const reopened = open('full-text');
  assert.equal((await reopened.listSources())[0]?.fullText, true, 'kept across restarts');
  reopened.close();

  const builtin = NewsService.open({ dataDir: join(dir, 'full-text-builtin'), appVersion: 'test' });
  const id = DEFAULT_SOURCES[0]!.id;
  assert.equal((await builtin.updateSource(id, { fullText: true })).fullText, true);
  builtin.close();
});

test('the reader’s own tabs: add, rename, move, delete; a feed in one shows there; deleting loses nothing', async () => {
  const service = open('tabs');
  const local = await service.addTab('  本地  ');
  const tech = await service.addTab('科技');
  const misc = await service.addTab('其他');
  assert.deepEqual([local.name, local.position, tech.position, misc.position], ['本地', 0, 1, 2]);
  await assert.rejects(service.addTab('科技'), code('CONFLICT', /already/));
  await assert.rejects(service.renameTab(local.id, '科技'), code('CONFLICT', /already/));
  await assert.rejects(service.renameTab(999, 'x'), code('NOT_FOUND'));
  assert.equal((await service.renameTab(local.id, '吉林')).name, '吉林');
  const moved = await service.moveTab(misc.id, 0);
  assert.deepEqual(
    moved.map((t) => [t.name, t.position]),
    [
      ['其他', 0],
      ['吉林', 1],
      ['科技', 2],
    ],
  );
  for (const [method, args] of [
    ['addTab', ['']],
    ['addTab', ['x'.repeat(61)]],
    ['moveTab', [local.id, -1]],
    ['renameTab', [1.5, 'x']],
    ['markAllRead', [{ tab: 0 }]],
    ['listArticles', [{ region: 'changchun', tab: local.id }]],
  ] as const) {
    const res = await dispatch(service, method, [...args]);
    assert.equal(!res.ok && res.error.code, 'BAD_ARGUMENT', `${method} ${JSON.stringify(args)}`);
  }

  const feed = await service.addSource({ url: `${site.origin}/feeds/rss2.xml`, region: 'jilin' });
  // In a tab, a reader's feed leaves its region.
  const filed = await service.updateSource(feed.id, { tab: local.id });
  assert.deepEqual([filed.tab, filed.region], [local.id, null]);
  await assert.rejects(service.updateSource(feed.id, { tab: 999 }), code('NOT_FOUND'));
  await service.sync({ sourceIds: [feed.id] });
  const page = await service.listArticles({ region: 'all', tab: local.id, limit: 5 });
  assert.equal(page.items.length, 5);
  assert.notEqual(page.nextCursor, null);
  const rest = await service.listArticles({
    region: 'all',
    tab: local.id,
    cursor: page.nextCursor,
  });
  assert.equal(rest.items.length, 3);
  assert.equal((await service.listArticles({ region: 'all', tab: tech.id })).items.length, 0);
  const counted = (await service.listTabs()).find((t) => t.id === local.id);
  assert.deepEqual([counted?.unread, counted?.total], [8, 8]);

  const bookmarked = page.items[0]!.id;
  await service.setBookmark(bookmarked, true);
  assert.deepEqual(await service.removeTab(local.id), { removed: true });
  assert.deepEqual(await service.removeTab(local.id), { removed: false });
  assert.equal((await service.listSources())[0]?.tab, null, 'the feed belongs to no tab now');
  assert.equal((await service.listArticles({ region: 'all' })).items.length, 8, 'no article lost');
  assert.equal((await service.listArticles({ region: 'bookmarks' })).items.length, 1);
  assert.equal((await service.getArticle(bookmarked)).id, bookmarked);
  await assert.rejects(
    service.listArticles({ region: 'all', tab: local.id }),
    code('NOT_FOUND', /no tab/),
  );
  service.close();
  const reopened = open('tabs');
  assert.deepEqual(
    (await reopened.listTabs()).map((t) => t.name),
    ['其他', '科技'],
  );
  reopened.close();
});

test('markAllRead marks a region, one of the reader’s tabs, or everything, and names what it changed', async () => {
  const service = open('mark-all');
  const tab = await service.addTab('我的');
  const inTab = await service.addSource({ url: `${site.origin}/feeds/atom.xml` });
  await service.updateSource(inTab.id, { tab: tab.id });
  const regional = await service.addSource({
    url: `${site.origin}/feeds/feed.json`,
    region: 'yanbian',
  });
  await service.sync({ sourceIds: [inTab.id, regional.id] });
  const unread = async (): Promise<number> =>
    (await service.getTabCounts()).find((c) => c.region === 'all')?.unread ?? -1;
  assert.equal(await unread(), 14);

  const yanbian = (await service.getTabCounts()).find((c) => c.region === 'yanbian')?.unread;
  assert.ok(
    yanbian !== undefined && yanbian >= 6,
    'the JSON feed’s six, and any the gazetteer put there',
  );
  const region = await service.markAllRead({ region: 'yanbian' });
  assert.equal(region.changed, yanbian);
  assert.equal(await unread(), 14 - yanbian);
  const mine = await service.markAllRead({ tab: tab.id });
  assert.deepEqual([mine.changed, mine.ids.length], [14 - yanbian, 14 - yanbian]);
  assert.equal(await unread(), 0);
  assert.equal((await service.listTabs())[0]?.unread, 0);
  assert.equal((await service.markAllRead({ region: 'all' })).changed, 0);
  // The ids undo it.
  assert.equal((await service.markRead({ ids: [...region.ids], read: false })).changed, yanbian);
  assert.equal(await unread(), yanbian);
  assert.equal((await service.markAllRead({ region: 'all' })).changed, yanbian);
  await assert.rejects(service.markAllRead({ tab: 999 }), code('NOT_FOUND'));

  // A search from the reader's tab looks in it alone (the feed in 延邊 is left out).
  const everywhere = await service.search(QUERY);
  const here = await service.search(QUERY, { tab: tab.id });
  const tabIds = new Set(
    (await service.listArticles({ region: 'all', tab: tab.id })).items.map((a) => a.id),
  );
  assert.ok(here.items.length > 0, 'the tab has hits');
  assert.ok(here.items.length < everywhere.items.length, 'the other feed has hits too');
  for (const hit of here.items) assert.ok(tabIds.has(hit.id), `${hit.title} is in the tab`);
  const bad = await dispatch(service, 'search', [QUERY, { region: 'yanbian', tab: tab.id }]);
  assert.equal(!bad.ok && bad.error.code, 'BAD_ARGUMENT', 'a tab and a region at once');
  service.close();
});

/** A word in the items of both of the fixture's feeds used above (atom.xml and feed.json). */
const QUERY = '吉林';
