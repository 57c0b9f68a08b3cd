import { createScriptConverter } from '../../app/shared/script-convert.ts';
import { expect, focused, startWeb, test } from './fixtures.ts';
import { channelTime, makeLibrary } from './library.ts';

// The reader end to end, in browser mode over the local fixture site: sync from the UI, read
// offline, bookmark, find it in 收藏, search in the other script.

// A reader in Jilin: the pane's time reads as the channel prints it (elsewhere: times.spec.ts).
test.use({ timezoneId: 'Asia/Shanghai' });

test('sync from the UI, then read, bookmark and search with the network gone', async ({ page }) => {
  // Every answer from the site takes a moment, so the progress bar is on screen long enough to see.
  const lib = await makeLibrary({
    articlesPerRegion: 6,
    latencyMs: 40,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
  try {
    await page.goto(web.url);
    await expect(page.getByRole('main').getByText('文庫還是空的')).toBeVisible();
    await page.getByRole('button', { name: '同步', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: '同步進度' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('max', /^\d+$/);
    await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(progress).toBeHidden();

    // The site goes away: from here on, everything comes from the library.
    await lib.site.close();
    const changchun = lib.site.portalArticles('changchun');
    // An article with a picture (the fixture puts pictures in about half of them).
    const first = changchun.find((a) => a.images.length > 0)!;
    expect(first).toBeDefined();
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox', { name: '長春的文章' });
    await expect(list.getByRole('option')).toHaveCount(changchun.length);
    for (const [i, a] of changchun.entries())
      await expect(list.getByRole('option').nth(i)).toHaveAccessibleName(a.title);

    await list.getByRole('option', { name: first.title }).click();
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(first.title);
    const labels = first.script === 'hans' ? ['来源', '编辑', '责编'] : ['來源', '編輯', '責編'];
    await expect(article).toContainText(
      `${channelTime(first.publishedAt)} | ${labels[0]}:${first.sourceName} | ${labels[1]}:${first.editor} | ${labels[2]}:${first.responsibleEditor}`,
    );
    // Images come from the local cache: the site that served them is closed.
    const image = article.locator('img').first();
    await expect(image).toBeVisible();
    expect(
      await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    expect(await image.getAttribute('src')).toMatch(/^\/images\/\d+$/);
    // Opened means read: the option no longer says unread, and the tab count went down.
    await expect(list.getByRole('option', { name: first.title })).not.toHaveAccessibleDescription(
      /未讀/,
    );

    const star = page.getByRole('button', { name: '收藏', exact: true });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('tab', { name: /^收藏/ }).click();
    const bookmarks = page.getByRole('listbox', { name: '收藏的文章' });
    await expect(bookmarks.getByRole('option')).toHaveCount(1);
    await expect(bookmarks.getByRole('option')).toHaveAccessibleName(first.title);

    // Search typed in the other script finds it, with the match highlighted.
    const other = createScriptConverter(first.script === 'hans' ? 'tw' : 'cn');
    const words = other.convert(first.title.slice(0, 4), first.script);
    await page.getByRole('tab', { name: /^全部/ }).click();
    await page.getByRole('searchbox', { name: '搜尋文章' }).fill(words);
    const results = page.getByRole('listbox', { name: `「${words}」的搜尋結果` });
    await expect(results.getByRole('option', { name: first.title })).toBeVisible();
    await expect(results.locator('mark').first()).toBeVisible();
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});

test('the same walk with the keyboard alone', async ({ page }) => {
  const lib = await makeLibrary({
    articlesPerRegion: 3,
    // Slow enough answers that the sync `r` starts is on screen for a while (it runs off the
    // server's thread now, and a quick one could come and go between two looks).
    latencyMs: 120,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
  try {
    const changchun = lib.site.portalArticles('changchun');
    await page.goto(web.url);
    await expect(page.getByRole('tab', { name: /^全部/ })).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('2');
    await expect(page.getByRole('tab', { name: /^長春/ })).toHaveAttribute('aria-selected', 'true');
    const list = page.getByRole('listbox', { name: '長春的文章' });
    await expect(list.getByRole('option')).toHaveCount(changchun.length);
    expect(await focused(page)).toBe('listbox');

    // j and k move the active option without opening it; o opens it.
    await page.keyboard.press('j');
    await expect(list).toHaveAttribute('aria-activedescendant', /.+/);
    const second = await list.getAttribute('aria-activedescendant');
    await page.keyboard.press('k');
    await expect(list).not.toHaveAttribute('aria-activedescendant', second ?? '');
    await expect(page.getByRole('article')).toHaveCount(0);
    await page.keyboard.press('o');
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(changchun[0]!.title);
    expect(await focused(page)).not.toBe('body');

    // s bookmarks, m marks unread again.
    await page.keyboard.press('s');
    await expect(page.getByRole('button', { name: '收藏', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await page.keyboard.press('m');
    await expect(
      list.getByRole('option', { name: changchun[0]!.title }),
    ).toHaveAccessibleDescription(/未讀/);

    // Back through the list's toolbar (one tab stop) to the tabs, End to 收藏, Tab into its list.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('button');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('tab');
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: /^收藏/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('listbox');
    await expect(page.getByRole('listbox', { name: '收藏的文章' }).getByRole('option')).toHaveCount(
      1,
    );

    // / searches the tab, 收藏 here, where nothing matches; the scope widens it to everything.
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox')).toBeFocused();
    const query = changchun[1]!.title.slice(0, 3);
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main').getByText(`找不到「${query}」。`)).toBeVisible();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('select');
    await page.keyboard.press('ArrowDown');
    // The results are a listbox like any other.
    const results = page.getByRole('listbox', { name: `「${query}」的搜尋結果` });
    await expect(results.getByRole('option', { name: changchun[1]!.title })).toBeVisible();

    // ? shows every shortcut; Escape closes it and focus comes back.
    // (From the scope list, where letters pick an option, Tab on to the script switch.)
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('radio');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog');
    await expect(help).toBeVisible();
    for (const key of ['j', 'k', 'o', 's', 'm', 'r', '/', 't', '?'])
      await expect(
        help
          .locator('kbd')
          .filter({ hasText: new RegExp(`^${key.replace(/[/?]/g, '\\$&')}$`) })
          .first(),
      ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    expect(await focused(page)).not.toBe('body');

    // t cycles the script; r syncs, with the progress bar on screen.
    await page.keyboard.press('t');
    await expect(page.getByRole('radio', { name: '简体' })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('r');
    await expect(page.getByRole('progressbar')).toBeVisible();
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
