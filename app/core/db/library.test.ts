/** A damaged library file is moved aside, a fresh one started, and its bookmarks recovered. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { NewsApiError } from '../../shared/errors.ts';
import { DATABASE_FILE } from '../data-dir.ts';
import { NewsService } from '../news-service.ts';
import {
  damageArticlePages,
  libraryWithBookmarks as fill,
  NOW,
  quiet,
} from '../../../test/support/damaged-library.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-damage-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const libraryWithBookmarks = (name: string): Promise<string> => fill(join(dir, name));
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
  assert.match(
    (await first.getStatus()).notices[0] ?? '',
    /damaged\. Run `heitu check`, or restart/,
  );
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
