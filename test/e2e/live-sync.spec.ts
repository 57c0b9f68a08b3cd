import { FIXTURE_REGIONS } from '../support/fixture-site.ts';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

test('a feed added in the sources panel syncs, and its articles take their place without moving the reader’s row', async ({
  page,
}) => {
  const lib = await makeLibrary({
    articlesPerRegion: 12,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
  try {
    await page.goto(web.url);
    const list = page.getByRole('listbox', { name: '全部的文章' });
    await expect(list.getByRole('option').first()).toBeVisible();
    // The reader is 30 rows down the list.
    await list.evaluate((el) => (el.scrollTop = 30 * 84));
    const anchor = list.locator('[role=option][aria-posinset="31"]');
    await expect(anchor).toBeVisible();
    const name = await anchor.evaluate((el) => {
      const id = el.getAttribute('aria-labelledby') ?? '';
      return (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent.trim() ?? '';
    });
    expect(name).not.toBe('');
    const before = (await anchor.boundingBox())?.y ?? -1;

    // The rss2 feed, added and synced from the panel.
    const feed = lib.site.feedArticles('rss2');
    const portal = FIXTURE_REGIONS.flatMap((region) => lib.site.portalArticles(region));
    const anchored = portal.find((a) => a.title === name);
    expect(anchored, `the row at the top of the view, ${name}, is a portal article`).toBeDefined();
    const newer = feed.filter((a) => a.publishedAt > anchored!.publishedAt).length;
    expect(newer).toBeGreaterThan(0);

    await page.getByRole('button', { name: '來源', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '新聞來源' });
    await dialog
      .getByRole('textbox', { name: /訂閱網址/ })
      .fill(`${lib.site.origin}/feeds/rss2.xml`);
    await dialog.getByRole('button', { name: '加入', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toBeVisible({
      timeout: 20_000,
    });
    await page.keyboard.press('Escape');

    // The same article, at the same height on screen, with the newer feed articles above it.
    const same = list.getByRole('option', { name, exact: true });
    await expect(same).toHaveAttribute('aria-posinset', String(31 + newer));
    expect(Math.abs(((await same.boundingBox())?.y ?? 0) - before)).toBeLessThanOrEqual(1);
    await list.evaluate((el) => (el.scrollTop = 0));
    await expect(list.getByRole('option', { name: feed[0]!.title, exact: true })).toBeVisible();
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
