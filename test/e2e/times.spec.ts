import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

// Issue 18: a reader outside China sees one time for an article, in the list and in the pane, on
// their own clock, with the channel's Beijing time named beside it in the pane.
test.use({ timezoneId: 'Europe/Berlin' });

test('the list and the pane agree on an article’s time, on the reader’s clock', async ({
  page,
}) => {
  const lib = await makeLibrary({
    articlesPerRegion: 3,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const web = await startWeb(lib.dataDir);
  try {
    await page.goto(web.url);
    const first = lib.site.portalArticles('changchun')[0]!;
    await page.getByRole('tab', { name: /^長春/ }).click();
    const row = page.getByRole('listbox').getByRole('option', { name: first.title });
    await row.click();
    const meta = page.getByRole('article').locator('.meta');
    // In 原文 the channel's labels are in the article's own script.
    await expect(meta).toContainText(/北京[時时][間间]/);
    const berlin = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    }).format(first.publishedAt);
    const beijing = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
    }).format(first.publishedAt);
    expect(berlin).not.toBe(beijing);
    // The list row's description carries its time; the pane opens with the same clock time.
    await expect(row).toHaveAccessibleDescription(new RegExp(berlin));
    await expect(meta).toHaveText(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${berlin}（北京[時时][間间] .*${beijing}）`),
    );
  } finally {
    web.child.kill('SIGTERM');
    await lib.dispose();
  }
});
