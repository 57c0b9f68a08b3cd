/** A damaged library file is moved aside, a fresh one started, and its bookmarks recovered. */
import assert from 'node:assert/strict';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import type { ArticleId } from '../../shared/articles.ts';
import { NewsApiError } from '../../shared/errors.ts';
import { DATABASE_FILE } from '../data-dir.ts';
import { NewsService } from '../news-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-damage-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 10, 26);
const quiet = () => {
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  return () => (process.env.HEITU_LOG = prev);
};

async function libraryWithBookmarks(name: string): Promise<string> {
  const dataDir = join(dir, name);
  const service = NewsService.open({ dataDir, appVersion: 'test', now: () => NOW });
  const batch = Array.from({ length: 400 }, (_, i) => ({
    url: `https://jl.example.cn/${i}.html`,
    title: `第${i}篇`,
    text: `DAMAGE-ME ${'長白山的雪'.repeat(200)} ${i}`,
    publishedAt: NOW - i * 1000,
    fetchedAt: NOW,
    script: 'hant' as const,
    regions: ['baishan' as const],
  }));
  const { ids } = service.storeArticles(batch);
  for (const id of ids.slice(0, 3)) await service.setBookmark(`a${id}` as ArticleId, true);
  await service.setSettings({ theme: 'dark' });
  await service.addSource({
    url: 'https://mine.example/feed.xml',
    title: '我的',
    region: 'baishan',
  });
  await service.updateSource('cri-jilin-siping', { enabled: false });
  service.close();
  // Fold the WAL into the main file, as a clean shutdown of another program would.
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return dataDir;
}

/** Overwrites the b-tree page headers of pages that hold article text, leaving bookmarks alone. */
function damageArticlePages(file: string): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const marker = Buffer.from('DAMAGE-ME');
  const pages = new Set<number>();
  for (let at = bytes.indexOf(marker); at !== -1; at = bytes.indexOf(marker, at + 1))
    pages.add(Math.floor(at / pageSize));
  assert.ok(pages.size > 5, 'the articles span many pages');
  const fd = openSync(file, 'r+');
  for (const page of [...pages].slice(1, 6))
    writeSync(fd, Buffer.alloc(16, 0xa5), 0, 16, page * pageSize);
  closeSync(fd);
}

test('damage found by the background check is repaired at the next start, bookmarks kept', async () => {
  const dataDir = await libraryWithBookmarks('damaged');
  damageArticlePages(join(dataDir, DATABASE_FILE));
  const restore = quiet();
  // Start-up checks bookmarks, settings and the schema only: the app opens at once…
  const first = NewsService.open({
    dataDir,
    appVersion: 'test',
    now: () => NOW,
    check: 'background',
  });
  assert.deepEqual((await first.getStatus()).notices, []);
  // …and the full check on its worker thread finds the damaged article pages.
  assert.notEqual(await first.integrityChecked, 'ok');
  assert.match((await first.getStatus()).notices[0] ?? '', /damaged\. Restart/);
  assert.ok(existsSync(join(dataDir, `${DATABASE_FILE}.needs-repair`)));
  first.close();

  const service = NewsService.open({ dataDir, appVersion: 'test', now: () => NOW });
  restore();
  const status = await service.getStatus();
  assert.equal(status.notices.length, 1);
  assert.match(status.notices[0] ?? '', /damaged.*3 bookmarks were recovered/s);
  assert.ok(readdirSync(dataDir).some((f) => f.startsWith(`${DATABASE_FILE}.damaged-`)));
  assert.ok(!existsSync(join(dataDir, `${DATABASE_FILE}.needs-repair`)));
  const marks = (await service.listArticles({ region: 'bookmarks' })).items;
  assert.deepEqual(marks.map((m) => m.title).sort(), ['第0篇', '第1篇', '第2篇']);
  const copy = await service.getArticle(marks[0]!.id);
  assert.equal(copy.fromBookmark, true);
  assert.equal((await service.getSettings()).theme, 'dark');
  const sources = await service.listSources();
  assert.deepEqual(
    sources.filter((s) => s.origin === 'user').map((s) => [s.url, s.title, s.region, s.enabled]),
    [['https://mine.example/feed.xml', '我的', 'baishan', true]],
    'the reader’s own source came back',
  );
  assert.equal(sources.find((s) => s.id === 'cri-jilin-siping')?.enabled, false);
  assert.equal((await service.listArticles({ region: 'all' })).items.length, 0);
  service.close();
  // The next start finds a healthy library and says nothing.
  const next = NewsService.open({
    dataDir,
    appVersion: 'test',
    now: () => NOW,
    check: 'background',
  });
  assert.equal(await next.integrityChecked, 'ok');
  assert.deepEqual((await next.getStatus()).notices, []);
  next.close();
});

test('a full check at open finds the same damage at once', async () => {
  const dataDir = await libraryWithBookmarks('damaged-full');
  damageArticlePages(join(dataDir, DATABASE_FILE));
  const restore = quiet();
  const service = NewsService.open({ dataDir, appVersion: 'test', now: () => NOW, check: 'full' });
  restore();
  assert.match((await service.getStatus()).notices[0] ?? '', /3 bookmarks were recovered/);
  service.close();
});

test('a file that is not a database at all is set aside too, and nothing is lost silently', async () => {
  const dataDir = join(dir, 'garbage');
  rmSync(dataDir, { recursive: true, force: true });
  NewsService.open({ dataDir, appVersion: 'test' }).close();
  writeFileSync(join(dataDir, DATABASE_FILE), 'this is not SQLite '.repeat(500));
  const restore = quiet();
  const service = NewsService.open({ dataDir, appVersion: 'test' });
  restore();
  assert.match((await service.getStatus()).notices[0] ?? '', /No bookmarks could be recovered/);
  const aside = readdirSync(dataDir).find((f) => f.startsWith(`${DATABASE_FILE}.damaged-`));
  assert.ok(aside !== undefined && existsSync(join(dataDir, aside)));
  assert.match(readFileSync(join(dataDir, aside), 'utf8'), /^this is not SQLite/);
  service.close();
});

test('a library from a newer version is refused, not treated as damage', async () => {
  const dataDir = await libraryWithBookmarks('newer');
  const file = join(dataDir, DATABASE_FILE);
  const db = new BetterSqlite3(file);
  db.pragma('user_version = 9990');
  db.close();
  const before = readFileSync(file);
  assert.throws(
    () => NewsService.open({ dataDir, appVersion: 'test' }),
    (e: unknown) => e instanceof NewsApiError && e.code === 'DATABASE_TOO_NEW',
  );
  assert.deepEqual(readFileSync(file), before);
  assert.deepEqual(
    readdirSync(dataDir).filter((f) => f.includes('damaged')),
    [],
  );
});
