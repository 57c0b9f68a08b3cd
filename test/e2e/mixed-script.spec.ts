import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startWeb, test } from './fixtures.ts';
import { runHeitu } from './library.ts';

/**
 * Issue 18: text that mixes scripts comes out whole in the chosen script, whatever script the
 * article was detected as. The article (a bookmark, imported with the real CLI) is detected as
 * Traditional but its title and body quote Simplified, and its meta line names its editors in
 * both scripts; its list time is relative ("15 分鐘前", a UI string in the UI's Traditional).
 */
const ARTICLE = {
  url: 'https://example.cn/mixed.html',
  title: '长春市發展新闻',
  sourceName: '吉林日報',
  editor: '田东艳',
  responsibleEditor: '劉徵宇',
  script: 'hant',
  contentHtml: '<p>記者采访了张国清市长。</p>',
} as const;

const EXPECTED = {
  原文: {
    title: ARTICLE.title,
    meta: /來源:吉林日報 \| 編輯:田东艳 \| 責編:劉徵宇$/,
    body: '記者采访了张国清市长。',
    time: '15 分鐘前',
  },
  简体: {
    title: '长春市发展新闻',
    meta: /来源:吉林日报 \| 编辑:田东艳 \| 责编:刘征宇$/,
    body: '记者采访了张国清市长。',
    time: '15 分钟前',
  },
  繁體: {
    title: '長春市發展新聞',
    meta: /來源:吉林日報 \| 編輯:田東豔 \| 責編:劉徵宇$/,
    body: '記者採訪了張國清市長。',
    time: '15 分鐘前',
  },
} as const;

test('a mixed-script title, body, meta line and list time come out whole in 简体 and in 繁體', async ({
  page,
}) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'heitu-e2e-mixed-'));
  const now = Date.now();
  const file = join(dataDir, 'bookmarks.json');
  await writeFile(
    file,
    JSON.stringify({
      format: 'heitu-bookmarks',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      bookmarks: [
        {
          ...ARTICLE,
          publishedAt: new Date(now - 15 * 60_000 - 20_000).toISOString(),
          bookmarkedAt: new Date(now).toISOString(),
        },
      ],
    }),
  );
  await runHeitu(['import', 'bookmarks', file, '--data-dir', dataDir]);
  const web = await startWeb(dataDir);
  try {
    await page.goto(web.url);
    await page.getByRole('tab', { name: /^收藏/ }).click();
    const list = page.getByRole('listbox');
    await list.getByRole('option').first().click();
    const article = page.getByRole('article');
    const group = page.getByRole('radiogroup');
    // 原文 shows the text as published; each script shows all of it converted.
    for (const mode of ['原文', '简体', '繁體'] as const) {
      await group.getByRole('radio', { name: mode, exact: true }).click();
      const want = EXPECTED[mode];
      await expect(article.getByRole('heading', { level: 1 })).toHaveText(want.title);
      await expect(list.getByRole('option', { name: want.title })).toBeVisible();
      await expect(article.getByText(want.meta)).toBeVisible();
      await expect(article.locator('#body > .layer:visible p')).toHaveText(want.body);
      await expect(list.getByRole('option').first()).toHaveAccessibleDescription(
        new RegExp(`^${want.time}`),
      );
    }
  } finally {
    web.child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
});
