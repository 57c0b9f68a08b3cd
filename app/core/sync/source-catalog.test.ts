/** Sources the reader manages, through NewsService, on real SQLite files (and the fixture site). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFixtureSite, type FixtureSite } from '../../../test/support/fixture-site.ts';
import type { ArticleId } from '../../shared/articles.ts';
import { NewsApiError, type ErrorCode } from '../../shared/errors.ts';
import { dispatch } from '../dispatch.ts';
import { NewsService } from '../news-service.ts';
import { createFetcher } from './fetch.ts';
import { DEFAULT_SOURCES, type Source } from './sources-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-sources-'));
let site: FixtureSite;
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 3 });
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (name: string, sources?: readonly Source[]): NewsService =>
  NewsService.open({
    dataDir: join(dir, name),
    appVersion: 'test',
    ...(sources === undefined ? {} : { sources }),
    fetcher: createFetcher({ userAgent: 'HeituReader-test', totalTimeoutMs: 3000 }),
  });

const code = (expected: ErrorCode, pattern?: RegExp) => (e: unknown) =>
  e instanceof NewsApiError &&
  e.code === expected &&
  (pattern === undefined || pattern.test(e.message));

const feed = (id: string, path: string, extra: Partial<Source> = {}): Source => ({
  id,
  type: 'feed',
  url: `${site.origin}${path}`,
  enabled: true,
  fullText: false,
  maxPages: 1,
  maxItems: 200,
  ...extra,
});

test('a feed the reader adds is listed after the configured ones; a duplicate URL is refused', async () => {
  const service = open('add');
  const added = await service.addSource({
    url: '  https://News.Example.cn/rss.xml  ',
    title: '  吉林新聞  ',
    region: 'yanbian',
  });
  assert.match(added.id, /^user:[0-9a-f]{10}$/);
  assert.deepEqual(
    { ...added, id: 'x' },
    {
      id: 'x',
      type: 'feed',
      origin: 'user',
      url: 'https://news.example.cn/rss.xml',
      title: '吉林新聞',
      name: '吉林新聞',
      feedTitle: null,
      region: 'yanbian',
      tab: null,
      fullText: false,
      enabled: true,
      lastSuccessAt: null,
      lastErrorAt: null,
      lastError: null,
      errorCount: 0,
      nextDueAt: null,
    },
  );
  const list = await service.listSources();
  assert.equal(list.length, DEFAULT_SOURCES.length + 1);
  assert.ok(list.slice(0, -1).every((s) => s.origin === 'builtin' && s.type === 'portal'));
  assert.equal(list.at(-1)?.id, added.id);

  // The same feed however it is spelt, and a configured source's URL, are refused.
  for (const url of ['https://news.example.cn/rss.xml#top', 'HTTPS://NEWS.EXAMPLE.CN/rss.xml']) {
    await assert.rejects(service.addSource({ url }), code('CONFLICT', /already a source/));
  }
  await assert.rejects(
    service.addSource({ url: DEFAULT_SOURCES[0]!.url }),
    code('CONFLICT', /already a source/),
  );
  // Through the contract's validators, as the UI and the server call it.
  for (const url of ['ftp://news.example.cn/rss', 'javascript:alert(1)', 'not a url']) {
    const res = await dispatch(service, 'addSource', [{ url }]);
    assert.equal(!res.ok && res.error.code, 'BAD_ARGUMENT', url);
  }
  const long = await dispatch(service, 'addSource', [
    { url: `https://x.example/${'a'.repeat(4096)}` },
  ]);
  assert.equal(!long.ok && long.error.code, 'BAD_ARGUMENT');
  const region = await dispatch(service, 'addSource', [
    { url: 'https://y.example/', region: 'all' },
  ]);
  assert.equal(!region.ok && region.error.code, 'BAD_ARGUMENT', 'a source belongs to a place');
  assert.equal((await service.listSources()).length, DEFAULT_SOURCES.length + 1);
  service.close();
});

test('disabling or renaming a built-in source persists across restarts; only the reader’s own can be re-regioned or removed', async () => {
  const first = open('enable');
  const builtin = DEFAULT_SOURCES[3]!;
  const disabled = await first.updateSource(builtin.id, { enabled: false });
  assert.equal(disabled.enabled, false);
  assert.equal(disabled.origin, 'builtin');
  assert.equal(disabled.name, '吉林頻道 · 遼源', 'a portal is named by its channel and region');
  await assert.rejects(
    first.updateSource(builtin.id, { region: 'changchun' }),
    code('CONFLICT', /built-in channel/),
  );
  const named = await first.updateSource(builtin.id, { title: '  遼源新聞 ' });
  assert.deepEqual([named.title, named.name, named.enabled], ['遼源新聞', '遼源新聞', false]);
  await assert.rejects(
    first.removeSource(builtin.id),
    code('CONFLICT', /disabled but not removed/),
  );
  await assert.rejects(first.updateSource('nope', { enabled: true }), code('NOT_FOUND'));
  const mine = await first.addSource({ url: 'https://mine.example/atom.xml' });
  const renamed = await first.updateSource(mine.id, {
    title: '我的',
    region: 'changchun',
    enabled: false,
  });
  assert.deepEqual([renamed.title, renamed.region, renamed.enabled], ['我的', 'changchun', false]);
  first.close();

  const second = open('enable');
  const after = await second.listSources();
  assert.equal(after.find((s) => s.id === builtin.id)?.enabled, false, 'still disabled');
  assert.equal(after.find((s) => s.id === builtin.id)?.name, '遼源新聞', 'still renamed');
  assert.ok(
    after.filter((s) => s.id !== builtin.id && s.origin === 'builtin').every((s) => s.enabled),
  );
  const kept = after.find((s) => s.id === mine.id);
  assert.deepEqual([kept?.title, kept?.region, kept?.enabled], ['我的', 'changchun', false]);
  // A sync rewrites the configured definitions, but not the reader's choice.
  await second.sync({ sourceIds: [builtin.id] });
  const synced = (await second.listSources()).find((s) => s.id === builtin.id);
  assert.deepEqual([synced?.enabled, synced?.name], [false, '遼源新聞']);
  assert.equal((await second.updateSource(builtin.id, { enabled: true })).enabled, true);
  // A blank name gives the source back its own.
  assert.equal((await second.updateSource(builtin.id, { title: ' ' })).name, '吉林頻道 · 遼源');
  second.close();

  // With a sources file, the sources are the file's, and the reader's feeds come with them.
  const withFile = open('enable', [feed('file-feed', '/feeds/rss2.xml', { enabled: false })]);
  const listed = await withFile.listSources();
  assert.deepEqual(
    listed.map((s) => [s.id, s.origin, s.enabled]),
    [
      ['file-feed', 'file', false],
      [mine.id, 'user', false],
    ],
  );
  assert.equal((await withFile.updateSource('file-feed', { enabled: true })).enabled, true);
  await assert.rejects(withFile.removeSource('file-feed'), code('CONFLICT', /sources file/));
  withFile.close();
});

test('removing the reader’s source keeps its articles and bookmarks', async () => {
  const service = open('remove');
  const mine = await service.addSource({ url: 'https://mine.example/feed.json' });
  const { ids } = service.storeArticles([
    {
      url: 'https://mine.example/1.html',
      title: '長春',
      sourceId: mine.id,
      script: 'hant',
      text: '長春今天下雪。',
      publishedAt: Date.now() - 1000,
      fetchedAt: Date.now(),
      regions: ['changchun'],
    },
  ]);
  const article = `a${ids[0] ?? 0}` as ArticleId;
  await service.setBookmark(article, true);
  assert.deepEqual(await service.removeSource(mine.id), { removed: true });
  assert.deepEqual(await service.removeSource(mine.id), { removed: false });
  assert.equal((await service.getArticle(article)).title, '長春');
  assert.equal((await service.listArticles({ region: 'bookmarks' })).items.length, 1);
  assert.ok(!(await service.listSources()).some((s) => s.id === mine.id));
  service.close();
});

test('OPML: every source out, the feeds back in, nested outlines too; duplicates skipped', async () => {
  const from = open('opml-from');
  await from.addSource({
    url: 'https://a.example/rss?x=1&y=2',
    title: '延邊 & <新聞>',
    region: 'yanbian',
  });
  await from.addSource({ url: 'https://b.example/atom.xml' });
  await from.updateSource(DEFAULT_SOURCES[0]!.id, { enabled: false });
  const opml = await from.exportOpml();
  from.close();
  assert.match(opml, /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<opml version="2\.0">/);
  assert.match(
    opml,
    /<outline [^>]*type="rss"[^>]*xmlUrl="https:\/\/a\.example\/rss\?x=1&amp;y=2"/,
  );
  assert.match(opml, /text="延邊 &amp; &lt;新聞&gt;"/);
  assert.match(opml, /category="\/yanbian"/);
  assert.match(
    opml,
    /<outline [^>]*type="link"[^>]*url="https:\/\/jl\.cri\.cn\/changchun\/index\.html"/,
  );

  const to = open('opml-to');
  // The portals are not feeds: only the two feeds come in.
  const imported = await to.importOpml(opml);
  assert.deepEqual(
    { ...imported, addedIds: imported.addedIds.length },
    { added: 2, skipped: 0, existing: 0, invalid: 0, total: 2, addedIds: 2, tabsAdded: 0 },
  );
  const mine = (await to.listSources()).filter((s) => s.origin === 'user');
  assert.deepEqual(
    mine.map((s) => [s.url, s.title, s.region, s.enabled]),
    [
      ['https://a.example/rss?x=1&y=2', '延邊 & <新聞>', 'yanbian', true],
      ['https://b.example/atom.xml', null, null, true],
    ],
  );
  assert.deepEqual(await to.importOpml(opml), {
    ...{ added: 0, skipped: 2, existing: 2, invalid: 0, total: 2, addedIds: [], tabsAdded: 0 },
  });

  const nested = `<?xml version="1.0"?>
    <opml version="1.0"><head><title>Mine</title></head><body>
      <outline text="Jilin">
        <outline text="One" type="rss" xmlUrl="https://c.example/1.xml"/>
        <outline text="Deeper"><outline title="Two" xmlUrl="http://c.example/2.xml"/></outline>
      </outline>
      <outline text="Again" xmlUrl="https://c.example/1.xml"/>
      <outline text="Not http" xmlUrl="file:///etc/passwd"/>
      <outline text="Old" xmlUrl="https://b.example/atom.xml"/>
      <outline text="A page" type="link" url="https://c.example/"/>
    </body></opml>`;
  const folders = await to.importOpml(nested);
  assert.deepEqual(
    { ...folders, addedIds: folders.addedIds.length },
    { added: 2, skipped: 3, existing: 2, invalid: 1, total: 5, addedIds: 2, tabsAdded: 2 },
  );
  const added = (await to.listSources()).filter((s) => s.origin === 'user').slice(2);
  assert.deepEqual(
    added.map((s) => s.title),
    ['One', 'Two'],
  );
  // Each feed goes to its innermost folder, made a tab of the reader's.
  const tabs = await to.listTabs();
  assert.deepEqual(
    tabs.map((t) => t.name),
    ['Jilin', 'Deeper'],
  );
  assert.deepEqual(
    added.map((s) => s.tab),
    tabs.map((t) => t.id),
  );
  // And they go out as folders again.
  const again = await to.exportOpml();
  assert.match(
    again,
    /<outline text="Jilin" title="Jilin">\s*<outline text="One"[^>]*xmlUrl="https:\/\/c\.example\/1\.xml"/,
  );
  to.close();
});

test('malformed OPML is a clear BAD_ARGUMENT and adds nothing', async () => {
  const service = open('opml-bad');
  const before = (await service.listSources()).length;
  for (const text of [
    '<opml><body><outline text="a" xmlUrl="https://a.example/"',
    'hello',
    '<rss><channel><title>t</title></channel></rss>',
  ]) {
    await assert.rejects(service.importOpml(text), code('BAD_ARGUMENT', /not an OPML file/));
  }
  const huge = await dispatch(service, 'importOpml', [' '.repeat(5 * 1024 * 1024 + 1)]);
  assert.equal(!huge.ok && huge.error.code, 'BAD_ARGUMENT');
  assert.match(!huge.ok ? huge.error.message : '', /5 MB/);
  assert.equal((await service.listSources()).length, before);
  service.close();
});

test('sync works through the configured sources and the reader’s, as enabled', async () => {
  const quiet = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  try {
    const service = open('sync', [
      feed('rss2', '/feeds/rss2.xml'),
      feed('atom', '/feeds/atom.xml'),
    ]);
    await service.updateSource('atom', { enabled: false });
    const json = await service.addSource({ url: `${site.origin}/feeds/feed.json` });
    const off = await service.addSource({ url: `${site.origin}/feeds/rdf.xml` });
    await service.updateSource(off.id, { enabled: false });

    const summary = await service.sync();
    assert.deepEqual(summary.errors, []);
    assert.equal(summary.total, 2);
    assert.equal(summary.inserted, 8 + 6);
    const synced = (await service.listSources()).filter((s) => s.lastSuccessAt !== null);
    assert.deepEqual(synced.map((s) => s.id).sort(), ['rss2', json.id].sort());

    // The UI syncs a new source on its own right after adding it.
    const rdf = await service.updateSource(off.id, { enabled: true });
    const one = await service.sync({ sourceIds: [rdf.id] });
    assert.deepEqual([one.total, one.inserted, one.failed], [1, 7, 0]);
    await assert.rejects(service.sync({ sourceIds: ['user:0000000000'] }), code('NOT_FOUND'));
    service.close();
  } finally {
    process.env.HEITU_LOG = quiet;
  }
});

test('every change the reader makes to the sources is announced (sourcesChanged), and only those', async () => {
  const service = open('events');
  const events: string[] = [];
  service.subscribe((e) => events.push(e.type));
  const added = await service.addSource({ url: 'https://news.example.cn/a.xml' });
  await service.updateSource(added.id, { enabled: false });
  await service.exportOpml();
  await service.listSources();
  await assert.rejects(service.addSource({ url: 'https://news.example.cn/a.xml' }));
  await service.importOpml(
    '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="b" type="rss" xmlUrl="https://news.example.cn/b.xml"/></body></opml>',
  );
  await service.removeSource(added.id);
  assert.deepEqual(
    events.filter((t) => t === 'sourcesChanged'),
    ['sourcesChanged', 'sourcesChanged', 'sourcesChanged', 'sourcesChanged'],
  );
  service.close();
});
