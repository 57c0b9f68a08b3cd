/**
 * Long writes of the library's process in short transactions (issue 15): pruning and importing
 * bookmarks do what they did in one transaction, and let the thread answer between slices.
 * Real SQLite files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { BookmarkFile } from '../shared/bookmark-file.ts';
import type { NewArticle } from './db/articles-repo.ts';
import { articleIdOf } from './db/rows.ts';
import { NewsService } from './news-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-sliced-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;

function article(n: number, ageDays: number): NewArticle {
  return {
    url: `https://jl.example.cn/old/${n}.html`,
    title: `文章${n}`,
    summary: `摘要${n}`,
    text: `正文${n}`,
    contentHtml: `<p>正文${n}</p>`,
    publishedAt: NOW - ageDays * DAY - n * 1000,
    fetchedAt: NOW,
    script: 'hant',
    regions: ['changchun'],
  };
}

function open(name: string, hosted: boolean): NewsService {
  return NewsService.open({
    dataDir: join(dir, name),
    appVersion: 'test',
    now: () => NOW,
    ...(hosted ? { syncInWorker: true } : {}),
  });
}

test('the library process prunes in slices: the same articles as one prune, never a bookmarked one, calls answered between', async () => {
  const seed = open('prune', false);
  await seed.setSettings({ retentionDays: 30 });
  // 600 articles past the window, 50 within it.
  const { ids } = seed.storeArticles([
    ...Array.from({ length: 600 }, (_, n) => article(n, 90)),
    ...Array.from({ length: 50 }, (_, n) => article(1000 + n, 3)),
  ]);
  const kept = ids[7];
  assert.ok(kept !== undefined);
  await seed.setBookmark(articleIdOf(kept), true);
  seed.close();

  // Opened as the library's process opens it: nothing pruned before it answers.
  const service = open('prune', true);
  try {
    const before = await service.getTabCounts();
    assert.equal(before.find((t) => t.region === 'all')?.total, 650);
    let answered = 0;
    const reading = setInterval(() => {
      void service.getTabCounts().then(() => (answered += 1));
    }, 0);
    const removed = await service.pruneInSlices();
    clearInterval(reading);
    assert.equal(removed, 599);
    assert.ok(answered > 0, 'calls were answered while it pruned');
    const after = await service.getTabCounts();
    assert.equal(after.find((t) => t.region === 'all')?.total, 51);
    assert.equal((await service.getArticle(articleIdOf(kept))).bookmarked, true);
    // Done: a second prune finds nothing.
    assert.equal(await service.pruneInSlices(), 0);
  } finally {
    service.close();
  }
});

test('the library process imports bookmarks in slices, with the same result as one transaction', async () => {
  const file: BookmarkFile = {
    format: 'heitu-bookmarks',
    version: 1,
    exportedAt: '2026-11-20T01:00:00.000Z',
    bookmarks: Array.from({ length: 300 }, (_, n) => ({
      url: `https://example.com/${n % 250}.html`, // 50 repeated: updated, not added twice
      title: `长春：新进展${n}`,
      publishedAt: '2026-11-19T23:00:00.000Z',
      bookmarkedAt: '2026-11-20T00:30:00.000Z',
      sourceName: '中国吉林网',
      summary: '',
      author: null,
      editor: null,
      responsibleEditor: null,
      originalTitle: null,
      copyright: null,
      script: 'hans' as const,
      contentHtml: `<p onclick="x()">正文${n}</p><script>alert(1)</script>`,
    })),
  };
  const whole = open('import-whole', false);
  const sliced = open('import-sliced', true);
  try {
    const one = await whole.importBookmarks(file);
    const many = await sliced.importBookmarks(file);
    assert.deepEqual(many, one);
    assert.deepEqual(many, { added: 250, updated: 50, total: 300 });
    const a = await whole.exportBookmarks();
    const b = await sliced.exportBookmarks();
    assert.deepEqual(b.bookmarks, a.bookmarks);
    assert.equal(
      b.bookmarks.some((r) => /script|onclick/.test(r.contentHtml)),
      false,
    );
  } finally {
    whole.close();
    sliced.close();
  }
});
