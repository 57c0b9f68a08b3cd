import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

// The first run with the network down (issue 18): the fixture site is gone before the first sync.

async function noAxeViolation(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('a first sync with every source down says so, offers a retry, and never says it finished', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const lib = await makeLibrary({ settings: ['script=original', 'scriptChosen=true'] });
  await lib.site.close();
  const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
  try {
    await page.goto(web.url);
    const main = page.getByRole('main');
    // Nothing synced yet: how to start, and no article pane asking to pick from nothing.
    await expect(main.getByText('文庫還是空的')).toBeVisible();
    await expect(main.getByText(/按「同步」下載吉林頻道的新聞/)).toBeVisible();
    await expect(page.getByText('選擇一篇文章')).toHaveCount(0);
    await expect(main.getByRole('button', { name: '加入訂閱' })).toBeVisible();
    await main.getByRole('button', { name: '立即同步' }).click();

    // Every source fails: the header and the list say what happened and what to do.
    const status = page.getByRole('banner').getByRole('status');
    await expect(status).toHaveText('同步失敗：連不上任何來源，可能沒有網路連線', {
      timeout: 20_000,
    });
    await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toHaveCount(0);
    await expect(main.getByRole('alert')).toHaveText('沒有網路連線，還無法取得文章');
    await expect(main.getByText(/連上網路後按「重試」/)).toBeVisible();
    await expect(page.getByText('選擇一篇文章')).toHaveCount(0);
    await expect(page.getByRole('banner').getByRole('button', { name: '重試' })).toBeVisible();
    await noAxeViolation(page);

    // Each source's problem is in the UI's language, the engine's English kept as a tooltip.
    await main.getByRole('button', { name: '加入訂閱' }).click();
    const dialog = page.getByRole('dialog', { name: '新聞來源' });
    const host = new URL(lib.site.origin).host;
    await expect(dialog.getByText(`${host} 拒絕連線`).first()).toBeVisible();
    await expect(dialog.getByText(/refused the connection/)).toHaveCount(0);
    await page.keyboard.press('Escape');

    // Retry from the list: still down, still said plainly.
    await main.getByRole('button', { name: '再試一次' }).click();
    await expect(status).toHaveText('同步失敗：連不上任何來源，可能沒有網路連線', {
      timeout: 20_000,
    });
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
