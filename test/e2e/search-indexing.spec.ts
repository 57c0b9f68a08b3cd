import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

test('while the search index cannot take new articles, search says its results may be incomplete; then it finds them', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // Synced from the portal; the feeds come with the sync below.
  const lib = await makeLibrary({
    articlesPerRegion: 3,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const sourcesDir = mkdtempSync(join(tmpdir(), 'heitu-e2e-sources-'));
  const web = await startWeb(lib.dataDir, ['--sources', lib.site.writeSourcesFile(sourcesDir)]);
  // Another process's hold on the index file's write lock (another Heitu, `heitu sync`).
  const holder = new BetterSqlite3(join(lib.dataDir, 'heitu.sqlite3.search'));
  try {
    const fresh = lib.site.feedArticles('rss2')[0]!;
    await page.goto(web.url);
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    holder.exec('BEGIN IMMEDIATE');
    await page.getByRole('button', { name: '同步', exact: true }).click();
    await expect(page.getByText(/^同步完成：新增 [1-9]\d* 篇/)).toBeVisible({ timeout: 20_000 });

    // The feed's article is stored, not yet searchable: the search waits (5 s), then says so.
    const box = page.getByRole('searchbox', { name: '搜尋文章' });
    await box.fill(fresh.title);
    await box.press('Enter');
    const note = page.getByRole('status').filter({ hasText: '搜尋索引仍在建立中' });
    await expect(note).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('main').getByText(`找不到「${fresh.title}」。`)).toBeVisible();

    // Once the lock is free, the index takes them by itself: the same search finds the article.
    holder.exec('ROLLBACK');
    const results = page.getByRole('listbox', { name: `「${fresh.title}」的搜尋結果` });
    await expect(async () => {
      await box.press('Enter');
      await expect(results.getByRole('option', { name: fresh.title })).toBeVisible({
        timeout: 1000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(note).toHaveCount(0);
  } finally {
    holder.close();
    web.child.kill('SIGTERM');
    await lib.dispose();
    rmSync(sourcesDir, { recursive: true, force: true });
  }
});
