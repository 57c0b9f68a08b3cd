/**
 * Libraries with bookmarks in them, and the ways the hardening tests damage their files: article
 * pages only, the header, the search index. Real files, damaged with plain writes.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ArticleId } from '../../app/shared/articles.ts';
import { DATABASE_FILE } from '../../app/core/data-dir.ts';
import { NewsService } from '../../app/core/news-service.ts';

export const NOW = Date.UTC(2026, 10, 26);

/** Runs `fn` with the app's log silenced (damage is logged as an error on purpose). */
export function quiet(): () => void {
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  return () => {
    if (prev === undefined) delete process.env.HEITU_LOG;
    else process.env.HEITU_LOG = prev;
  };
}

/**
 * A library in `dataDir` with 400 articles, 3 of them bookmarked, a setting, a source of the
 * reader's own and a disabled built-in one; its WAL folded into the file.
 */
export async function libraryWithBookmarks(dataDir: string): Promise<string> {
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
export function damageArticlePages(file: string): void {
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

/** Zeroes the first `bytes` bytes of a file (SQLite's 100-byte header by default). */
export function zeroHeader(file: string, bytes = 100): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(bytes), 0, bytes, 0);
  closeSync(fd);
}
