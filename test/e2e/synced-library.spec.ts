import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

test('after `heitu sync`, each tab lists its articles, newest first, offline', async ({ page }) => {
  // Synced by the real `heitu sync`; titles as published, whatever the browser's locale suggests.
  const lib = await makeLibrary({
    articlesPerRegion: 8,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const changchun = lib.site.portalArticles('changchun');
  // The site goes away: what the reader sees now comes from the library alone.
  await lib.site.close();
  const web = await startWeb(lib.dataDir);
  const url = web.url;
  try {
    await page.goto(url);
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox', { name: '長春的文章' });
    await expect(list.getByRole('option')).toHaveCount(changchun.length);
    for (const [i, article] of changchun.entries()) {
      await expect(list.getByRole('option').nth(i)).toHaveAccessibleName(article.title);
      await expect(list.getByRole('option').nth(i)).toContainText(article.sourceName);
    }
    await page.getByRole('tab', { name: /^收藏/ }).click();
    await expect(page.getByRole('tabpanel', { name: '收藏' })).toMatchAriaSnapshot(`
      - tabpanel "收藏":
        - paragraph: /還沒有收藏/
    `);
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
