import type { Locator, Page } from '@playwright/test';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

// Issue 18: the UI in its own language (tabs, file pickers, a refused bookmark file) and a header
// that keeps one row from 1024 px whatever the language and however long the sync line.

/** The tops and bottoms of the header's parts all overlap: they sit on one row. */
async function expectOneRow(header: Locator): Promise<void> {
  const boxes = await header.evaluate((el) =>
    [...el.children]
      .map((child) => child.getBoundingClientRect())
      .filter((box) => box.width > 0)
      .map((box) => ({ top: box.top, bottom: box.bottom })),
  );
  expect(boxes.length).toBeGreaterThan(4);
  const lowestTop = Math.max(...boxes.map((b) => b.top));
  const highestBottom = Math.min(...boxes.map((b) => b.bottom));
  expect(lowestTop, JSON.stringify(boxes)).toBeLessThan(highestBottom);
}

async function failFirstSync(page: Page, syncButton: string, failed: RegExp): Promise<Locator> {
  await page.getByRole('banner').getByRole('button', { name: syncButton, exact: true }).click();
  const status = page.getByRole('banner').getByRole('status');
  await expect(status).toHaveText(failed, { timeout: 20_000 });
  return status;
}

for (const [language, syncButton, failed] of [
  ['en', 'Sync', /^Sync failed: no source could be reached/],
  ['zh-Hant', '同步', /^同步失敗：連不上任何來源/],
] as const) {
  test(`the header keeps one row at 1024 px in ${language}, the long sync line cut but whole in its tooltip`, async ({
    page,
  }) => {
    const lib = await makeLibrary({
      settings: ['script=original', 'scriptChosen=true', `uiLanguage=${language}`],
    });
    await lib.site.close();
    const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
    try {
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.goto(web.url);
      const header = page.getByRole('banner');
      await expectOneRow(header);
      const status = await failFirstSync(page, syncButton, failed);
      await expectOneRow(header);
      const full = (await status.textContent()) ?? '';
      await expect(status).toHaveAttribute('title', full);
      // Nothing of the header is pushed out of the window.
      const right = await header.evaluate((el) =>
        Math.max(...[...el.children].map((c) => c.getBoundingClientRect().right)),
      );
      expect(right).toBeLessThanOrEqual(1024);
    } finally {
      web.child.kill('SIGTERM');
      await lib.dispose();
    }
  });
}

test('the English UI names its own tabs in English; place names keep the channel’s, glossed', async ({
  page,
}) => {
  const lib = await makeLibrary({
    articlesPerRegion: 2,
    synced: true,
    settings: ['script=original', 'scriptChosen=true', 'uiLanguage=en'],
  });
  const web = await startWeb(lib.dataDir);
  try {
    await page.goto(web.url);
    const tabs = page.getByRole('tablist');
    await expect(tabs.getByRole('tab', { name: /^All\b/ })).toBeVisible();
    await expect(tabs.getByRole('tab', { name: /^Bookmarks\b/ })).toBeAttached();
    await expect(tabs.getByRole('tab', { name: /^(全部|收藏)/ })).toHaveCount(0);
    await expect(tabs.getByRole('tab', { name: /^長春/ })).toHaveAttribute('title', 'Changchun');
    await page.getByRole('button', { name: 'Shortcuts', exact: true }).click();
    await expect(page.getByRole('dialog').getByText('1 is All')).toBeVisible();
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});

test('file pickers are buttons in the UI language, and a wrong bookmark file is refused in its words', async ({
  page,
}) => {
  const lib = await makeLibrary({ settings: ['script=original', 'scriptChosen=true'] });
  const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
  try {
    await page.goto(web.url);
    await page.getByRole('button', { name: '設定', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '設定' });
    // The browser's own "Choose File" is never shown: the input is hidden behind our button.
    await expect(dialog.locator('input[type=file]')).toBeHidden();
    const pick = async (name: string, content: unknown): Promise<void> => {
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name }).click();
      await (
        await chooser
      ).setFiles({
        name: 'bookmarks.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(content)),
      });
    };
    await pick('匯入收藏（JSON 檔）', { format: 'something-else' });
    const alert = dialog.getByRole('alert').filter({ hasText: /./ });
    await expect(alert).toHaveText('這個檔案不是黑土閱讀匯出的收藏檔，沒有匯入任何收藏。');
    await pick('匯入收藏（JSON 檔）', {
      format: 'heitu-bookmarks',
      version: 1,
      exportedAt: '2026-12-06T00:00:00.000Z',
      bookmarks: [
        {
          url: 'ftp://x',
          title: 't',
          publishedAt: '2026-12-06T00:00:00.000Z',
          bookmarkedAt: '2026-12-06T00:00:00.000Z',
        },
      ],
    });
    await expect(alert).toHaveText('第 1 則收藏的網址不正確，整個檔案都沒有匯入。');
    await expect(dialog.getByText(/Invalid|format:/)).toHaveCount(0);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '來源', exact: true }).click();
    const sources = page.getByRole('dialog', { name: '新聞來源' });
    await expect(sources.locator('input[type=file]')).toBeHidden();
    const chooser = page.waitForEvent('filechooser');
    await sources.getByRole('button', { name: '匯入 OPML 檔' }).click();
    expect((await chooser).isMultiple()).toBe(false);
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});

test('at 800×600 the article gets the larger share of the window', async ({ page }) => {
  const lib = await makeLibrary({
    articlesPerRegion: 2,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const web = await startWeb(lib.dataDir);
  try {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(web.url);
    await page.getByRole('listbox').getByRole('option').first().click();
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toBeVisible();
    const list = await page.getByRole('listbox').boundingBox();
    const pane = await page.getByRole('region', { name: '文章' }).boundingBox();
    expect(list).not.toBeNull();
    expect(pane).not.toBeNull();
    expect(pane!.width).toBeGreaterThan(list!.width);
    expect(pane!.width).toBeGreaterThanOrEqual(400);
    expect(list!.width).toBeGreaterThanOrEqual(240);
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
