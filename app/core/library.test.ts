/** The offline library through NewsService, on real SQLite files. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ArticleId, ArticleSummary } from '../shared/articles.ts';
import type { RegionId } from '../shared/regions.ts';
import BetterSqlite3 from 'better-sqlite3';
import { NewsApiError } from '../shared/errors.ts';
import { corpus } from '../../test/support/corpus.ts';
import type { NewArticle } from './db/articles-repo.ts';
import { DATABASE_FILE } from './data-dir.ts';
import { searchIndexFile } from './db/search-index-file.ts';
import { NewsService } from './news-service.ts';
import { fold } from './text/fold.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-library-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;

function article(n: number, over: Partial<NewArticle> = {}): NewArticle {
  return {
    url: `https://jl.example.cn/2026${String(n).padStart(4, '0')}/${n}.html`,
    title: `文章${n}`,
    summary: `摘要${n}`,
    text: `正文${n}`,
    publishedAt: NOW - n * 60_000,
    fetchedAt: NOW,
    script: 'hant',
    regions: ['changchun'],
    ...over,
  };
}

function open(name: string, now = NOW): NewsService {
  return NewsService.open({ dataDir: join(dir, name), appVersion: 'test', now: () => now });
}

async function walk(
  service: NewsService,
  region: Parameters<NewsService['listArticles']>[0]['region'],
  limit: number,
) {
  const seen: ArticleSummary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await service.listArticles({ region, cursor, limit });
    seen.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return seen;
}

test('tabs page newest first by keyset, with no gaps or repeats, also for equal times', async () => {
  const service = open('paging');
  const batch = Array.from({ length: 57 }, (_, i) =>
    article(i, {
      regions: i % 3 === 0 ? ['yanbian', 'changchun'] : ['changchun'],
      publishedAt: NOW - Math.floor(i / 4) * 1000,
    }),
  );
  assert.deepEqual(service.storeArticles(batch).inserted, 57);
  const all = await walk(service, 'all', 10);
  assert.equal(all.length, 57);
  assert.equal(new Set(all.map((a) => a.id)).size, 57);
  const times = all.map((a) => Date.parse(a.publishedAt));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
  );
  assert.equal((await walk(service, 'yanbian', 7)).length, 19);
  assert.equal((await walk(service, 'changchun', 50)).length, 57);
  assert.deepEqual((await service.listArticles({ region: 'siping' })).items, []);
  service.close();
});

test('a changed article is updated, not duplicated; an identical one is left alone', async () => {
  const service = open('dedupe');
  service.storeArticles([article(1)]);
  const again = service.storeArticles([
    article(1),
    article(1, { title: '文章1(更新)', publishedAt: NOW - 5 }),
  ]);
  assert.equal(again.inserted, 0);
  assert.equal(again.unchanged, 1);
  assert.equal(again.updated, 1);
  const page = await service.listArticles({ region: 'all' });
  assert.equal(page.items.length, 1);
  assert.equal(page.items[0]?.title, '文章1(更新)');
  assert.equal(
    (await service.search('更新')).items.length,
    1,
    'the search index follows the update',
  );
  service.close();
});

test('articles open with every field; unknown ids are NOT_FOUND', async () => {
  const service = open('get');
  const [id] = service.storeArticles([
    article(1, {
      sourceName: '吉林日報',
      editor: '田東艷',
      responsibleEditor: '劉徵宇',
      originalTitle: '原題',
      contentHtml: '<p>正文</p>',
    }),
  ]).ids;
  const a = await service.getArticle(`a${id}` as ArticleId);
  assert.equal(a.sourceName, '吉林日報');
  assert.equal(a.editor, '田東艷');
  assert.equal(a.responsibleEditor, '劉徵宇');
  assert.equal(a.originalTitle, '原題');
  assert.equal(a.contentHtml, '<p>正文</p>');
  assert.equal(a.fromBookmark, false);
  await assert.rejects(
    service.getArticle('a999' as ArticleId),
    (e: unknown) => e instanceof NewsApiError && e.code === 'NOT_FOUND',
  );
  service.close();
});

test('unread counts per tab follow reads, and survive a restart', async () => {
  const service = open('counts');
  const { ids } = service.storeArticles([
    article(1, { regions: ['yanbian'] }),
    article(2, { regions: ['yanbian', 'changbaishan'] }),
    article(3, { regions: ['jilin'] }),
  ]);
  const count = async (s: NewsService, region: string) =>
    (await s.getTabCounts()).find((c) => c.region === region);
  assert.deepEqual(await count(service, 'all'), { region: 'all', total: 3, unread: 3 });
  assert.deepEqual(await count(service, 'yanbian'), { region: 'yanbian', total: 2, unread: 2 });
  assert.equal(
    (await service.markRead({ ids: [`a${ids[1]}` as ArticleId], read: true })).changed,
    1,
  );
  assert.equal(
    (await service.markRead({ ids: [`a${ids[1]}` as ArticleId], read: true })).changed,
    0,
  );
  assert.deepEqual(await count(service, 'yanbian'), { region: 'yanbian', total: 2, unread: 1 });
  assert.deepEqual(await count(service, 'changbaishan'), {
    region: 'changbaishan',
    total: 1,
    unread: 0,
  });
  assert.equal((await service.getTabCounts()).length, 12);
  service.close();
  const reopened = open('counts');
  assert.deepEqual(await count(reopened, 'all'), { region: 'all', total: 3, unread: 2 });
  const first = (await reopened.listArticles({ region: 'yanbian' })).items;
  assert.deepEqual(
    first.map((a) => a.unread),
    [true, false],
  );
  reopened.close();
});

test('tab counts equal a recount through batches, region moves, reads and pruning', async () => {
  const service = open('recount');
  const recount = async (region: Exclude<RegionId, 'bookmarks'>) => {
    const items = await walk(service, region, 50);
    return { region, total: items.length, unread: items.filter((a) => a.unread).length };
  };
  const check = async (when: string) => {
    const counts = (await service.getTabCounts()).filter((c) => c.region !== 'bookmarks');
    for (const c of counts)
      assert.deepEqual(c, await recount(c.region as Exclude<RegionId, 'bookmarks'>), when);
  };
  const regions: RegionId[][] = [['yanbian'], ['yanbian', 'changbaishan'], ['jilin'], ['siping']];
  const { ids } = service.storeArticles(
    Array.from({ length: 40 }, (_, i) =>
      article(i + 1, { regions: regions[i % regions.length] ?? [] }),
    ),
  );
  await check('after the first batch');
  await service.markRead({ ids: ids.slice(0, 10).map((id) => `a${id}` as ArticleId), read: true });
  // A read article moves to other regions; an unread one too; one gets an older time.
  service.storeArticles([
    article(1, { regions: ['baishan', 'songyuan'], title: '移了' }),
    article(12, { regions: ['changchun'], title: '也移了' }),
    article(13, { publishedAt: NOW - 400 * DAY, title: '舊了' }),
  ]);
  await check('after updates that move regions');
  assert.equal(service.prune(), 1);
  await check('after pruning');
  service.close();
});

test('search finds either script with 1, 2 and 3+ characters, newest first, highlighted', async () => {
  const service = open('search');
  service.storeArticles([
    article(1, {
      title: '長春冰雪節開幕',
      text: '今年的長春冰雪新天地佔地一百五十萬平方米。',
      script: 'hant',
    }),
    article(2, {
      title: '长春地铁新线',
      text: '长春市民乘坐地铁更加方便。雪后路面湿滑。',
      script: 'hans',
    }),
    article(3, { title: '延邊', text: '延吉市的冷麵。', script: 'hant', regions: ['yanbian'] }),
  ]);
  const titles = async (q: string, region?: 'yanbian') =>
    (await service.search(q, region ? { region } : {})).items.map((h) => h.title);
  // 2 characters, both directions
  assert.deepEqual(await titles('長春'), ['長春冰雪節開幕', '长春地铁新线']);
  assert.deepEqual(await titles('长春'), ['長春冰雪節開幕', '长春地铁新线']);
  // 1 character
  assert.deepEqual(await titles('雪'), ['長春冰雪節開幕', '长春地铁新线']);
  // 麵 and 面 are one character in Simplified script, so 路面 matches too.
  assert.deepEqual(await titles('麵'), ['长春地铁新线', '延邊']);
  assert.deepEqual(await titles('冷麵'), ['延邊']);
  assert.deepEqual(await titles('面'), ['长春地铁新线', '延邊']);
  // 3+ characters: bigrams that both occur but not together do not match
  assert.deepEqual(await titles('長春市'), ['长春地铁新线']);
  assert.deepEqual(await titles('冰雪新天地'), ['長春冰雪節開幕']);
  // 坐地 and 地铁 are in the body, 铁新 in the title: every bigram is there, the phrase is not.
  assert.deepEqual(await titles('坐地铁新'), []);
  assert.deepEqual(await titles('坐地铁'), ['长春地铁新线']);
  assert.deepEqual(await titles('延吉市'), ['延邊']);
  assert.deepEqual(await titles('延吉', 'yanbian'), ['延邊']);
  assert.deepEqual(await titles('長春', 'yanbian'), []);

  const [hit] = (await service.search('长春市')).items;
  assert.ok(hit);
  const marked = hit.highlights.map((h) => hit.snippet.slice(h.start, h.start + h.length));
  assert.deepEqual(marked, ['长春市'], 'the highlight covers the match in the text as published');
  const [trad] = (await service.search('冰雪新天地')).items;
  assert.deepEqual(
    trad?.highlights.map((h) => trad.snippet.slice(h.start, h.start + h.length)),
    ['冰雪新天地'],
  );
  service.close();
});

test('search pages through every hit exactly newest first, whatever order they were stored in', async () => {
  const service = open('search-pages');
  // Published over 30 days and stored in random order: the index hands candidates back a day at
  // a time (search ids), and each day must still come out in publication order.
  const c = corpus({ newest: NOW, spanDays: 30 });
  for (const id of c.sourceIds)
    service.sources.save({ id, type: 'feed', url: `https://example.cn/${id}.xml` });
  // And one busy day, with more candidates than the index is read in at a time (256).
  const busyDay = NOW - 2 * DAY - ((NOW - 2 * DAY) % DAY);
  const stored = [
    ...Array.from({ length: 400 }, (_, i) => c.article(i)),
    ...Array.from({ length: 600 }, (_, i) => ({
      ...c.article(400 + i),
      publishedAt: busyDay + ((i * 7919) % 1440) * 60_000,
    })),
  ];
  const { ids } = service.storeArticles(stored);
  const expected = (query: string, region?: RegionId): string[] =>
    stored
      .map((a, i) => ({ a, id: `a${ids[i]}` }))
      .filter(({ a }) => fold(`${a.title}\n${a.summary}\n${a.text}`).includes(fold(query)))
      .filter(({ a }) => region === undefined || a.regions.includes(region))
      .sort((x, y) => y.a.publishedAt - x.a.publishedAt)
      .map(({ id }) => id);
  for (const [query, region] of [
    ['吉林', undefined],
    ['雪', undefined],
    ['長春市', undefined],
    ['长春', 'changchun'],
  ] as const) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await service.search(query, { cursor, limit: 7, ...(region ? { region } : {}) });
      seen.push(...page.items.map((h) => h.id));
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 1000);
    const want = expected(query, region);
    assert.ok(want.length > 14, `${query}: ${want.length} articles to find`);
    assert.deepEqual(seen, want, `${query} ${region ?? ''}`);
  }
  service.close();
});

test('retention prunes old articles, never a bookmarked one, whose bookmark still opens', async () => {
  const dataDir = 'retention';
  const service = open(dataDir);
  const { ids } = service.storeArticles([
    article(1, { publishedAt: NOW - 10 * DAY }),
    article(2, { publishedAt: NOW - 200 * DAY, title: '舊聞' }),
    article(3, { publishedAt: NOW - 300 * DAY, title: '收藏的舊聞', contentHtml: '<p>留著</p>' }),
  ]);
  await service.setBookmark(`a${ids[2]}` as ArticleId, true);
  service.close();

  const later = open(dataDir, NOW + DAY); // opening prunes: default retention is 180 days
  const left = (await later.listArticles({ region: 'all' })).items.map((a) => a.title);
  assert.deepEqual(left, ['文章1', '收藏的舊聞']);
  await later.setSettings({ retentionDays: 7 });
  assert.equal(later.prune(), 1);
  assert.deepEqual(
    (await later.listArticles({ region: 'all' })).items.map((a) => a.title),
    ['收藏的舊聞'],
  );
  assert.equal(
    (await later.search('舊聞')).items.length,
    1,
    'the pruned article left the search index',
  );
  const [mark] = (await later.listArticles({ region: 'bookmarks' })).items;
  assert.equal(mark?.title, '收藏的舊聞');
  later.close();
});

test('bookmarks export and import round-trip, and a bookmark outlives its article', async () => {
  const source = open('export-from');
  const { ids } = source.storeArticles([
    article(1, { title: '一', sourceName: '吉林日報', contentHtml: '<p>甲</p>' }),
    article(2, { title: '二', contentHtml: '<p>乙<script>alert(1)</script></p>' }),
  ]);
  for (const id of ids) await source.setBookmark(`a${id}` as ArticleId, true);
  const file = await source.exportBookmarks();
  assert.equal(file.format, 'heitu-bookmarks');
  assert.equal(file.bookmarks.length, 2);
  source.close();

  const target = open('export-to');
  const result = await target.importBookmarks(JSON.parse(JSON.stringify(file)) as typeof file);
  assert.deepEqual(result, { added: 2, updated: 0, total: 2 });
  assert.deepEqual((await target.importBookmarks(file)).updated, 2, 'importing twice adds nothing');
  const marks = (await target.listArticles({ region: 'bookmarks' })).items;
  assert.deepEqual(marks.map((m) => m.title).sort(), ['一', '二']);
  const one = marks.find((m) => m.title === '一');
  assert.ok(one !== undefined);
  assert.ok(one.id.startsWith('b'), 'no such article here: the bookmark is its own entry');
  const opened = await target.getArticle(one.id);
  assert.equal(opened.fromBookmark, true);
  assert.equal(opened.sourceName, '吉林日報');
  assert.equal(opened.contentHtml, '<p>甲</p>');
  const two = marks.find((m) => m.title === '二');
  assert.doesNotMatch((await target.getArticle(two!.id)).contentHtml, /script/);
  const essentials = (f: typeof file) =>
    f.bookmarks
      .map(({ url, title, publishedAt, bookmarkedAt, sourceName }) => ({
        url,
        title,
        publishedAt,
        bookmarkedAt,
        sourceName,
      }))
      .sort((a, b) => a.url.localeCompare(b.url));
  assert.deepEqual(essentials(await target.exportBookmarks()), essentials(file));
  await target.setBookmark(one.id, false);
  assert.equal((await target.listArticles({ region: 'bookmarks' })).items.length, 1);
  target.close();
});

test('bad ids and cursors are refused clearly', async () => {
  const service = open('bad');
  await assert.rejects(
    service.setBookmark('a12345' as ArticleId, true),
    (e: unknown) => e instanceof NewsApiError && e.code === 'NOT_FOUND',
  );
  await assert.rejects(service.listArticles({ region: 'all', cursor: '12.3' }), /bookmarks tab/);
  service.close();
  assert.ok(readdirSync(join(dir, 'bad')).includes('heitu.sqlite3'));
});

test('a search that waits for the index blocks nothing else the thread serves', async () => {
  const service = open('search-wait');
  service.storeArticles([article(1, { title: '長白山的天池' })]);
  assert.equal((await service.search('天池')).items.length, 1);
  // Another process holds the index file's write lock: what is stored now waits to be indexed.
  const holder = new BetterSqlite3(searchIndexFile(join(dir, 'search-wait', DATABASE_FILE)));
  holder.exec('BEGIN IMMEDIATE');
  service.storeArticles([article(2, { title: '延邊的蘋果梨' })]);
  let answered = false;
  const waiting = service.search('蘋果梨').finally(() => (answered = true));
  // Meanwhile the same thread answers other calls and runs its timers.
  assert.equal((await service.listArticles({ region: 'changchun' })).items.length, 2);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(answered, false, 'the search is still waiting for the index');
  holder.exec('ROLLBACK');
  holder.close();
  const page = await waiting;
  assert.deepEqual([page.items.map((hit) => hit.title), page.unindexed], [['延邊的蘋果梨'], 0]);
  service.close();
});
