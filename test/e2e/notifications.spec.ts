import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

// Issue 18: new articles announced (off by default). In browser mode the Web Notifications API
// speaks once the reader allowed it, after a sync that ended with the page in the background.
test.use({ permissions: ['notifications'] });

test('a sync that brings new articles while the page is in the background is announced', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  // Every notification the page shows, as shown (the browser's own Notification, observed).
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { shown: typeof shown }).shown = shown;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '' });
      }
    };
  });
  const shown = () =>
    page.evaluate(() => (window as unknown as { shown: { title: string; body: string }[] }).shown);
  const lib = await makeLibrary({
    articlesPerRegion: 3,
    latencyMs: 150,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const web = await startWeb(lib.dataDir, ['--sources', lib.sources]);
  try {
    await page.goto(web.url);
    await page.getByRole('button', { name: '設定', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '設定' });
    const toggle = dialog.getByRole('checkbox', { name: /背景同步帶來新文章時通知我/ });
    await expect(toggle).not.toBeChecked();
    await expect(
      dialog.getByRole('group', { name: '要通知的地區' }).getByRole('checkbox', { name: '長春' }),
    ).toBeDisabled();
    await toggle.check();
    await dialog.getByRole('checkbox', { name: '延邊' }).uncheck();
    await page.keyboard.press('Escape');

    // The reader starts a sync and turns to another tab. (Playwright tells every page it has the
    // focus unless told not to.)
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await page.getByRole('banner').getByRole('button', { name: '同步', exact: true }).click();
    const other = await context.newPage();
    await other.bringToFront();
    expect(await page.evaluate(() => document.hasFocus())).toBe(false);
    await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toBeVisible({
      timeout: 30_000,
    });
    await expect.poll(shown).toHaveLength(1);
    const [note] = await shown();
    expect(note?.title).toMatch(/^\d+ 篇新文章$/);
    expect(note?.body).toContain('長春');
    expect(note?.body, 'a place the reader left out').not.toContain('延邊');

    // With the page in front, a sync's new articles are in the list: no notification.
    await page.bringToFront();
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    expect(await page.evaluate(() => document.hasFocus())).toBe(true);
    await page.getByRole('button', { name: '來源', exact: true }).click();
    const sources = page.getByRole('dialog', { name: '新聞來源' });
    await sources
      .getByRole('textbox', { name: /訂閱網址/ })
      .fill(`${lib.site.origin}/feeds/rss2.xml`);
    await sources.getByRole('button', { name: '加入', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '同步完成：新增' })).toBeVisible({
      timeout: 20_000,
    });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await expect(dialog.getByRole('checkbox', { name: /背景同步/ })).toBeChecked();
    expect(await shown()).toHaveLength(1);
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
