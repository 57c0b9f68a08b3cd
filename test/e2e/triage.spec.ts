import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createScriptConverter } from '../../app/shared/script-convert.ts';
import type { FixtureArticle } from '../support/fixture-site.ts';
import { expect, focused, startWeb, test } from './fixtures.ts';
import { makeLibrary, runHeitu, type Library } from './library.ts';

// Triage, search and summary-only articles (issue 18) in browser mode over a library synced from
// the local fixture site.

/**
 * A library from the fixture site (`prepare` runs on it first), opened in browser mode at the
 * page's URL for `walk`; everything is closed afterwards.
 */
async function reading(
  page: Page,
  options: Parameters<typeof makeLibrary>[0],
  walk: (lib: Library) => Promise<void>,
  prepare: (lib: Library) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  test.setTimeout(120_000);
  const lib = await makeLibrary(options);
  try {
    await prepare(lib);
    const web = await startWeb(lib.dataDir);
    try {
      await page.goto(web.url);
      await walk(lib);
    } finally {
      web.child.kill('SIGTERM');
    }
  } finally {
    await lib.dispose();
  }
}

test('mark a tab read, undo it with the notice or Ctrl+Z, and show a tab unread only', async ({
  page,
}) => {
  const options6 = {
    articlesPerRegion: 6,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  };
  await reading(page, options6, async (lib) => {
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox', { name: '長春的文章' });
    const options = list.getByRole('option');
    await expect(options).toHaveCount(6);
    const unread = list.getByRole('option', { description: /未讀/ });
    // One read before: an undo must leave it read.
    await options.nth(1).click();
    await expect(unread).toHaveCount(5);
    const readTitle = lib.site.portalArticles('changchun')[1]?.title ?? '?';

    await page.getByRole('button', { name: '本分頁全部標為已讀' }).click();
    const notice = page.getByRole('status').filter({ hasText: '已將 5 篇標為已讀。' });
    await expect(notice).toBeVisible();
    await expect(unread).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /^長春/ })).not.toHaveAccessibleName(/未讀/);

    await page.keyboard.press('Control+z');
    await expect(
      page.getByRole('status').filter({ hasText: '已將 5 篇恢復為未讀。' }),
    ).toBeVisible();
    await expect(unread).toHaveCount(5);
    await expect(list.getByRole('option', { name: readTitle })).not.toHaveAccessibleDescription(
      /未讀/,
    );

    // Shift+A marks it read again; the notice's Undo button undoes it too.
    await page.locator('body').press('Shift+A');
    await expect(unread).toHaveCount(0);
    await page.getByRole('button', { name: '復原' }).click();
    await expect(unread).toHaveCount(5);

    // Unread only: the read one leaves the list; the choice is kept for this tab alone.
    const toggle = page.getByRole('button', { name: '只看未讀' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(options).toHaveCount(5);
    // Reading one there keeps it in place (marked read) until the view is left.
    await options.first().click();
    await expect(unread).toHaveCount(4);
    await expect(options).toHaveCount(5);
    await page.reload();
    await expect(page.getByRole('tab', { name: /^長春/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: '只看未讀' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(options).toHaveCount(4);
    await page.getByRole('tab', { name: /^江城/ }).click();
    await expect(page.getByRole('button', { name: '只看未讀' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(page.getByRole('listbox', { name: '江城的文章' }).getByRole('option')).toHaveCount(
      6,
    );
  });
});

test('Space, n, v and c work on the open article, and [ ] reach every tab', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 500 });
  const options4 = {
    articlesPerRegion: 4,
    synced: true,
    settings: ['script=original', 'scriptChosen=true'],
  };
  await reading(page, options4, async (lib) => {
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox', { name: '長春的文章' });
    const titles = lib.site.portalArticles('changchun').map((a) => a.title);
    const heading = page.getByRole('article').getByRole('heading', { level: 1 });

    // The fourth article's address is tampered with on its way from the library (real articles
    // never have such an address), from the start: the reader fetches articles ahead.
    await page.route('**/api/getArticle', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { value?: { title: string; url: string } };
      const { value } = body;
      if (value !== undefined && value.title === titles[3]) value.url = 'file:///etc/passwd';
      await route.fulfill({ response, json: body });
    });

    // n opens the first unread, and then the next.
    await page.locator('body').press('n');
    await expect(heading).toHaveText(titles[0] ?? '');
    await page.locator('body').press('n');
    await expect(heading).toHaveText(titles[1] ?? '');
    // Space pages down the article, and at its end opens the next unread.
    const pane = page.locator('heitu-reading-pane');
    expect(await pane.evaluate((p) => p.scrollHeight > p.clientHeight + 10)).toBe(true);
    await page.locator('body').press('Space');
    await expect.poll(() => pane.evaluate((p) => p.scrollTop)).toBeGreaterThan(0);
    for (let i = 0; i < 40 && (await heading.textContent()) === titles[1]; i += 1)
      await page.locator('body').press('Space');
    await expect(heading).toHaveText(titles[2] ?? '');

    // v opens the original through window.open (the desktop app's external-open path).
    const url = lib.site.portalArticles('changchun')[2]?.url ?? '';
    const popup = context.waitForEvent('page');
    await page.locator('body').press('v');
    expect((await popup).url()).toBe(url);
    await (await popup).close();

    // c copies the link and says so.
    await page.locator('body').press('c');
    await expect(page.getByRole('status').filter({ hasText: '已複製連結。' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // An address that is not http(s) (a library answer tampered with on the way, see above) is
    // refused.
    await list.getByRole('option').nth(3).click();
    await expect(heading).toHaveText(titles[3] ?? '');
    let opened = 0;
    context.on('page', () => (opened += 1));
    await page.locator('body').press('v');
    await expect(
      page.getByRole('status').filter({ hasText: '這篇文章沒有可以在瀏覽器中開啟的網址。' }),
    ).toBeVisible();
    expect(opened).toBe(0);
    await page.unroute('**/api/getArticle');

    // ] and [ step through every tab, 收藏 (past the tenth) included, wrapping round.
    await page.getByRole('tab', { name: /^長白山/ }).click();
    await page.locator('body').press(']');
    await expect(page.getByRole('tab', { name: /^收藏/ })).toHaveAttribute('aria-selected', 'true');
    await page.locator('body').press(']');
    await expect(page.getByRole('tab', { name: /^全部/ })).toHaveAttribute('aria-selected', 'true');
    await page.locator('body').press('[');
    await expect(page.getByRole('tab', { name: /^收藏/ })).toHaveAttribute('aria-selected', 'true');

    // The help lists the new keys in the UI's language.
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: '鍵盤快速鍵' });
    await expect(help).toContainText('下一篇未讀文章');
    await expect(help).toContainText('複製文章連結');
    await expect(help).toContainText('在搜尋框中：移到搜尋結果');
  });
});

test('search says how many it found and marks the match in either script; ↓ moves into the results', async ({
  page,
}) => {
  let count = 0;
  let hans: FixtureArticle | undefined;
  const options = {
    articlesPerRegion: 6,
    synced: true,
    settings: ['script=cn', 'scriptChosen=true'],
  };
  // A place name published in Simplified script, typed in Traditional.
  const placeOf = (a: FixtureArticle): string => a.title.split(':')[0] ?? '';
  const typed = (a: FixtureArticle): string =>
    createScriptConverter('tw').convert(placeOf(a), 'hans');
  const prepare = async (lib: Library): Promise<void> => {
    hans = lib.site.portalArticles('changchun').find((a) => a.script === 'hans');
    if (hans === undefined) throw new Error('the fixture has no article in Simplified script');
    expect(typed(hans)).not.toBe(placeOf(hans));
    const truth = JSON.parse(
      await runHeitu([
        'search',
        typed(hans),
        '--limit',
        '200',
        '--json',
        '--data-dir',
        lib.dataDir,
      ]),
    ) as { items: unknown[] };
    count = truth.items.length;
  };
  await reading(
    page,
    options,
    async () => {
      if (hans === undefined) return;
      const [place, query] = [placeOf(hans), typed(hans)];
      const box = page.getByRole('searchbox');
      await box.fill(query);
      await box.press('ArrowDown');
      const results = page.getByRole('listbox', { name: new RegExp(query) });
      const option = results.getByRole('option', { name: hans.title });
      await expect(option).toBeVisible();
      expect(await focused(page)).toBe('listbox');
      expect(count).toBeGreaterThan(0);
      await expect(
        page.getByRole('status').filter({ hasText: new RegExp(`^${count} 篇$`) }),
      ).toBeVisible();
      // The marks of the layer shown (简体), in the title and the snippet: the converted match.
      const marks = await option.evaluate((el) => {
        const root = el.getRootNode() as ShadowRoot;
        const ids = [el.getAttribute('aria-labelledby'), el.getAttribute('aria-describedby')]
          .join(' ')
          .split(' ');
        return ids.flatMap((id) =>
          [...(root.getElementById(id)?.querySelectorAll('mark') ?? [])].map(
            (m) => `${id.slice(0, 1)}:${m.textContent}`,
          ),
        );
      });
      expect(marks).toContain(`t:${place}`);
      for (const mark of marks) expect(mark.slice(2)).toBe(place);
    },
    prepare,
  );
});

test('a summary-only article shows its summary and fetches its full text on demand', async ({
  page,
}) => {
  const options = { articlesPerRegion: 0, settings: ['script=original', 'scriptChosen=true'] };
  const prepare = async (lib: Library): Promise<void> => {
    const missing = `${lib.site.origin}/missing/story.html`;
    lib.site.put(
      '/broken.xml',
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>摘要</title>
      <link>${lib.site.origin}/</link><item><title>長春失聯的文章</title><link>${missing}</link>
      <description>長春的摘要。</description></item></channel></rss>`,
      'application/rss+xml',
    );
    const sources = join(lib.dataDir, 'feeds.json');
    await writeFile(
      sources,
      JSON.stringify({
        sources: [
          { id: 'summaries', type: 'feed', url: `${lib.site.origin}/feeds/summary-only.xml` },
          { id: 'broken', type: 'feed', url: `${lib.site.origin}/broken.xml` },
        ],
      }),
    );
    await runHeitu(['sync', '--sources', sources, '--data-dir', lib.dataDir]);
  };
  await reading(
    page,
    options,
    async (lib) => {
      const first = lib.site.feedArticles('summary-only')[0]!;
      const list = page.getByRole('listbox', { name: /全部/ });
      await list.getByRole('option', { name: first.title }).click();
      const article = page.getByRole('article');
      await expect(article.getByRole('heading', { level: 1 })).toHaveText(first.title);
      await expect(article).toContainText('這個來源只提供摘要。');
      const body = article.locator('#body');
      await expect(body).not.toBeEmpty();
      const last = first.paragraphs.at(-1) ?? '';
      await expect(body).not.toContainText(last);

      await article.getByRole('button', { name: '讀取全文' }).click();
      await expect(body).toContainText(last);
      await expect(article.getByRole('button', { name: '讀取全文' })).toBeHidden();

      // Kept: with the site gone, the full text is still there after a reload.
      await lib.site.close();
      await page.reload();
      await page
        .getByRole('listbox', { name: /全部/ })
        .getByRole('option', { name: first.title })
        .click();
      await expect(page.getByRole('article').locator('#body')).toContainText(last);

      // A fetch that fails says why, in the UI's language, and keeps the summary.
      await page
        .getByRole('listbox', { name: /全部/ })
        .getByRole('option', { name: '長春失聯的文章' })
        .click();
      await page.getByRole('article').getByRole('button', { name: '讀取全文' }).click();
      await expect(
        page.getByRole('alert').filter({ hasText: '無法連線到文章所在的網站' }),
      ).toBeVisible();
      await expect(page.getByRole('article').locator('#body')).toContainText('長春的摘要。');
    },
    prepare,
  );
});
