import { createScriptConverter } from '../../app/shared/script-convert.ts';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

test('settings: the reader’s own dictionary, theme and UI language apply at once and persist', async ({
  page,
}) => {
  const lib = await makeLibrary({
    articlesPerRegion: 2,
    synced: true,
    settings: ['script=tw', 'scriptChosen=true'],
  });
  const article = lib.site.portalArticles('changchun')[0]!;
  await lib.site.close();
  const web = await startWeb(lib.dataDir);
  try {
    await page.goto(web.url);
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox');
    const shown = createScriptConverter('tw').convert(article.title, article.script);
    await expect(list.getByRole('option', { name: shown })).toBeVisible();

    // A dictionary entry for 繁體: the first two characters of the title, as published.
    const from = article.title.slice(0, 2);
    const to = '［自訂］';
    await page.getByRole('button', { name: '設定', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '設定' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: '原詞' }).fill(from);
    await dialog.getByRole('textbox', { name: '改為' }).fill(to);
    await dialog.getByRole('combobox', { name: '適用於' }).selectOption({ label: '繁體' });
    await dialog.getByRole('button', { name: '加入詞條' }).click();
    await expect(dialog.getByRole('button', { name: `刪除「${from}」` })).toBeVisible();

    // Update checks are on until the reader turns them off.
    const updates = dialog.getByRole('checkbox', { name: '自動檢查更新（桌面版）' });
    await expect(updates).toBeChecked();
    await updates.uncheck();
    await dialog.getByRole('radio', { name: '深色' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await dialog.getByRole('combobox', { name: '介面語言' }).selectOption('en');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Sync', exact: true })).toBeVisible();

    const custom = createScriptConverter('tw', [{ from, to, mode: 'tw' }]).convert(
      article.title,
      article.script,
    );
    expect(custom.startsWith(to)).toBe(true);
    await expect(list.getByRole('option', { name: custom })).toBeVisible();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Sync', exact: true })).toBeVisible();
    await expect(page.getByRole('listbox').getByRole('option', { name: custom })).toBeVisible();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(
      page.getByRole('checkbox', { name: 'Check for updates automatically (desktop app)' }),
    ).not.toBeChecked();
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});

test('a narrow window shows the list or the article, with a way back', async ({ page }) => {
  const lib = await makeLibrary({
    articlesPerRegion: 2,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const article = lib.site.portalArticles('changchun')[0]!;
  await lib.site.close();
  const web = await startWeb(lib.dataDir);
  try {
    await page.setViewportSize({ width: 600, height: 800 });
    await page.goto(web.url);
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox', { name: '長春的文章' });
    await expect(list).toBeVisible();
    await expect(page.getByRole('separator')).toHaveCount(0);
    await list.getByRole('option', { name: article.title }).click();
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(
      article.title,
    );
    await expect(list).toBeHidden();
    // Focus follows: to the article's title, and back to the list.
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toBeFocused();
    await page.getByRole('button', { name: '返回列表' }).click();
    await expect(list).toBeVisible();
    await expect(list).toBeFocused();
    await expect(page.getByRole('article')).toHaveCount(0);
    // No horizontal scrolling at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      600,
    );
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});

test('a text size saved before opens every article at that size, under the strict CSP', async ({
  page,
}) => {
  const lib = await makeLibrary({
    articlesPerRegion: 2,
    synced: true,
    settings: ['script=original', 'scriptChosen=true', 'textScale=150'],
  });
  await lib.site.close();
  const web = await startWeb(lib.dataDir);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  try {
    await page.goto(web.url);
    const options = page.getByRole('listbox').getByRole('option');
    const bodySize = async (): Promise<number> =>
      page
        .getByRole('article')
        .locator('#body > .layer:visible p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    await options.nth(0).click();
    // Polled: the body's layers are made in idle time, and a paragraph read while it is replaced
    // has no size (NaN).
    let at150 = Number.NaN;
    await expect.poll(async () => (at150 = await bodySize())).toBeGreaterThan(0);
    // Another article, then 100 % from the settings: the body is two thirds of the size.
    const heading = page.getByRole('article').getByRole('heading', { level: 1 });
    const first = (await heading.textContent()) ?? '';
    await options.nth(1).click();
    await expect(heading).not.toHaveText(first);
    await expect.poll(bodySize).toBe(at150);
    await page.getByRole('button', { name: '設定', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '設定' });
    await dialog.getByRole('combobox', { name: '文字大小' }).selectOption('100');
    await page.keyboard.press('Escape');
    await expect.poll(bodySize).toBeCloseTo((at150 * 100) / 150, 1);
    expect(problems).toEqual([]);
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
