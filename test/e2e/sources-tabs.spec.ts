import type { Locator, Page } from '@playwright/test';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary, type Library } from './library.ts';

// Each drives the sources dialog through many steps against a live library and site.
test.describe.configure({ timeout: 90_000 });

/**
 * A library over the fixture site (portal sources, not synced) served by `heitu web`, with the
 * sources dialog open for `body`; everything is stopped and removed after it.
 */
async function inSourcesDialog(
  page: Page,
  body: (lib: Library, dialog: Locator) => Promise<void>,
): Promise<void> {
  const lib = await makeLibrary({
    articlesPerRegion: 2,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
  try {
    await page.goto(web.url);
    await page.getByRole('button', { name: '來源', exact: true }).click();
    await body(lib, page.getByRole('dialog', { name: '新聞來源' }));
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
}

test('adding a feed says what it found, a duplicate, an address answering 500; a source is renamed and switched to full text', async ({
  page,
}) => {
  await inSourcesDialog(page, async (lib, dialog) => {
    // Portal sources are told apart by channel and region.
    await expect(
      dialog.getByRole('heading', { name: '吉林頻道 · 長春', exact: true }),
    ).toBeVisible();
    await expect(
      dialog.getByRole('heading', { name: '吉林頻道 · 延邊', exact: true }),
    ).toBeVisible();

    const url = dialog.getByRole('textbox', { name: /訂閱網址/ });
    const add = dialog.getByRole('button', { name: '加入', exact: true });
    await url.fill(`${lib.site.origin}/feeds/rss2.xml`);
    await add.click();
    await expect(dialog.getByRole('status').first()).toHaveText(
      '已加入「國際在線吉林頻道」：目前有 8 篇，正在同步…',
    );
    await expect(
      dialog.getByRole('heading', { name: '國際在線吉林頻道', exact: true }),
    ).toBeVisible();

    await url.fill(`${lib.site.origin}/feeds/rss2.xml`);
    await add.click();
    await expect(dialog.getByRole('alert').first()).toHaveText(
      '這個訂閱已經在來源裡了：「國際在線吉林頻道」。',
    );
    await url.fill(`${lib.site.origin}/faulty/500`);
    await add.click();
    await expect(dialog.getByRole('alert').first()).toHaveText(
      '無法加入：網站回應錯誤（HTTP 500）。',
    );
    await url.fill(`${lib.site.origin}/faulty/hostile.html`);
    await add.click();
    await expect(dialog.getByRole('alert').first()).toHaveText(/這個網址不是訂閱/);
    await expect(dialog.getByRole('heading', { level: 4 })).toHaveCount(11);

    // Renaming a portal source.
    await dialog.getByRole('button', { name: '改名 吉林頻道 · 長春' }).click();
    const name = dialog.getByRole('textbox', { name: /名稱（留空則用來源自己的）/ });
    await expect(name).toBeFocused();
    await name.fill('長春新聞');
    await dialog.getByRole('button', { name: '儲存', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: '長春新聞', exact: true })).toBeVisible();
    await expect(dialog.getByRole('heading', { name: '吉林頻道 · 長春' })).toHaveCount(0);

    // The full-text switch of the feed, kept across a reload.
    const fullText = dialog.getByRole('switch', { name: '抓取全文 國際在線吉林頻道' });
    await expect(fullText).not.toBeChecked();
    await fullText.check();
    await expect(fullText).toBeChecked();
    await page.reload();
    await page.getByRole('button', { name: '來源', exact: true }).click();
    await expect(
      page
        .getByRole('dialog', { name: '新聞來源' })
        .getByRole('switch', { name: '抓取全文 國際在線吉林頻道' }),
    ).toBeChecked();
    await expect(page.getByRole('heading', { name: '長春新聞', exact: true })).toBeVisible();
  });
});

test('the reader’s own tabs: made, renamed, reordered, a feed put in one shows its articles there, deleted without losing any', async ({
  page,
}) => {
  await inSourcesDialog(page, async (lib, dialog) => {
    const newTab = dialog.getByRole('textbox', { name: '新分頁名稱' });
    for (const name of ['本地', '其他']) {
      await newTab.fill(name);
      await dialog.getByRole('button', { name: '新增分頁', exact: true }).click();
      await expect(dialog.getByRole('textbox', { name: `分頁名稱：${name}` })).toBeVisible();
    }
    const renamed = dialog.getByRole('textbox', { name: '分頁名稱：本地' });
    await renamed.fill('吉林本地');
    await renamed.press('Enter');
    await expect(dialog.getByRole('textbox', { name: '分頁名稱：吉林本地' })).toBeVisible();
    await dialog.getByRole('button', { name: '左移: 其他' }).click();
    await expect(dialog.locator('heitu-tabs-editor li input').first()).toHaveValue('其他');

    await dialog
      .getByRole('textbox', { name: /訂閱網址/ })
      .fill(`${lib.site.origin}/feeds/atom.xml`);
    await dialog.getByRole('button', { name: '加入', exact: true }).click();
    await expect(dialog.getByRole('status').first()).toHaveText(/目前有 8 篇/);
    const feed = lib.site.feedArticles('atom');
    const feedName = await dialog.getByRole('heading', { level: 4 }).last().textContent();
    await dialog.getByRole('combobox', { name: /分頁/ }).last().selectOption({ label: '吉林本地' });
    await page.keyboard.press('Escape');

    // The tabs follow the regions, before 收藏, in the reader's order.
    const tablist = page.getByRole('tablist');
    const names = await tablist.getByRole('tab').allTextContents();
    expect(names.slice(-3).map((n) => n.replace(/\d+.*$/, '').trim())).toEqual([
      '其他',
      '吉林本地',
      '收藏',
    ]);
    const mine = tablist.getByRole('tab', { name: /^吉林本地/ });
    await expect(mine).toHaveText(/8/, { timeout: 20_000 });
    await mine.click();
    const list = page.getByRole('listbox', { name: '吉林本地的文章' });
    await expect(list.getByRole('option')).toHaveCount(8);
    await expect(list.getByRole('option', { name: feed[0]!.title, exact: true })).toBeVisible();
    expect(feedName).not.toBe('');

    // Deleting the tab: back to 全部, every article still there.
    await page.getByRole('button', { name: '來源', exact: true }).click();
    await dialog.getByRole('button', { name: '刪除分頁: 吉林本地' }).click();
    await expect(
      dialog.getByRole('status').filter({ hasText: '已刪除分頁「吉林本地」' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tablist.getByRole('tab', { name: /^吉林本地/ })).toHaveCount(0);
    await expect(tablist.getByRole('tab', { name: /^全部/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(
      page
        .getByRole('listbox', { name: '全部的文章' })
        .getByRole('option', { name: feed[0]!.title, exact: true }),
    ).toBeVisible();
  });
});

test('at 800×600 the tabs scroll: a button shows what does not fit, and 收藏 is reached by keyboard', async ({
  page,
  web,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(web.url);
  const tablist = page.getByRole('tablist');
  const bookmarks = tablist.getByRole('tab', { name: /^收藏/ });
  await expect(tablist.getByRole('tab').first()).toBeVisible();
  const strip = await tablist.boundingBox();
  const outside = async (): Promise<boolean> => {
    const box = await bookmarks.boundingBox();
    return box === null || strip === null || box.x + box.width > strip.x + strip.width + 1;
  };
  expect(await outside(), '收藏 starts out of sight').toBe(true);
  const after = page.locator('heitu-region-tabs [data-scroll="after"]');
  await expect(after).toBeVisible();
  await expect(page.locator('heitu-region-tabs [data-scroll="before"]')).toHaveCount(0);

  // The mouse: the button scrolls toward the end.
  await after.click();
  await expect(page.locator('heitu-region-tabs [data-scroll="before"]')).toBeVisible();

  // The keyboard: End selects 收藏, which is scrolled into view.
  await tablist.getByRole('tab', { name: /^全部/ }).click();
  await expect(page.locator('heitu-region-tabs [data-scroll="before"]')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(bookmarks).toBeFocused();
  await expect(bookmarks).toHaveAttribute('aria-selected', 'true');
  await expect.poll(outside).toBe(false);
  await expect(page.locator('heitu-region-tabs [data-scroll="after"]')).toHaveCount(0);
});
