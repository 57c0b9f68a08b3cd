import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSite } from '../support/fixture-site.ts';
import { expect, startWeb, test } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..');

test('the 文字 switch converts tabs, titles and UI text, sets lang, and survives a reload', async ({
  page,
}) => {
  const site = await startFixtureSite({ articlesPerRegion: 4 });
  const dataDir = await mkdtemp(join(tmpdir(), 'heitu-e2e-script-'));
  const sources = site.writeSourcesFile(dataDir, 'portal');
  const sync = spawn(
    process.execPath,
    [join(root, 'bin', 'heitu.cjs'), 'sync', '--sources', sources, '--data-dir', dataDir],
    {
      env: { ...process.env, HEITU_LOG: 'error' },
      stdio: 'ignore',
    },
  );
  expect(await new Promise((resolve) => sync.once('exit', resolve))).toBe(0);
  const published = site.portalArticles('changchun').map((a) => a.title);
  await site.close();
  const web = await startWeb(dataDir);
  try {
    await page.goto(web.url);
    const group = page.getByRole('radiogroup', { name: '文字' });
    await expect(group.getByRole('radio')).toHaveText(['原文', '简体', '繁體', '臺灣', '香港']);
    // A zh-TW system: 繁體 until the reader picks a script.
    await expect(group.getByRole('radio', { name: '繁體' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await page.getByRole('tab', { name: '長春', exact: true }).click();
    const items = page.getByRole('listitem');
    await expect(items.first()).toHaveAttribute('lang', 'zh-Hant-TW');

    await group.getByRole('radio', { name: '简体' }).click();
    await expect(page.getByRole('tab', { name: '长春', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByRole('tab', { name: '长白山保护开发区', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: '辽源', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('黑土阅读');
    await expect(page.getByText('关东黑土 · 吉林')).toBeVisible();
    await expect(page.getByRole('list', { name: '长春的文章' })).toBeVisible();
    for (const item of await items.all()) await expect(item).toHaveAttribute('lang', 'zh-Hans');
    await expect(items.first()).not.toContainText('進展');

    await group.getByRole('radio', { name: '香港' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
    await expect(page.getByRole('tab', { name: '長春', exact: true })).toBeVisible();

    // The choice persists.
    await page.reload();
    await expect(
      page.getByRole('radiogroup', { name: '文字' }).getByRole('radio', { name: '香港' }),
    ).toHaveAttribute('aria-checked', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');

    // `t` cycles: 香港 → 原文, which shows every title exactly as published.
    await page.getByRole('tab', { name: '長春', exact: true }).focus();
    await page.keyboard.press('t');
    await expect(page.getByRole('radio', { name: '原文' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('list', { name: '長春的文章' }).getByRole('listitem')).toHaveCount(
      published.length,
    );
    for (const [i, title] of published.entries()) {
      await expect(page.getByRole('listitem').nth(i).locator('.title')).toHaveText(title);
    }
  } finally {
    web.child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
});
