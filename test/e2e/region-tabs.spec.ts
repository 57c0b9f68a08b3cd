import { expect, test } from './fixtures.ts';

const TRADITIONAL = [
  '全部',
  '長春',
  '江城',
  '四平',
  '遼源',
  '通化',
  '白城',
  '白山',
  '松原',
  '延邊',
  '長白山保護開發區',
  '收藏',
];
const SIMPLIFIED = [
  '全部',
  '长春',
  '江城',
  '四平',
  '辽源',
  '通化',
  '白城',
  '白山',
  '松原',
  '延边',
  '长白山保护开发区',
  '收藏',
];

test('shows the twelve region tabs by name, in the channel’s order', async ({ page, web }) => {
  await page.goto(web.url);
  const tablist = page.getByRole('tablist', { name: '地區' });
  await expect(tablist).toBeVisible();
  const tabs = tablist.getByRole('tab');
  await expect(tabs).toHaveCount(12);
  for (const [i, name] of TRADITIONAL.entries()) {
    await expect(tabs.nth(i)).toHaveAccessibleName(name);
    await expect(page.getByRole('tab', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('tab', { name: '全部', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
  // The token left the address bar once the cookie was set.
  expect(new URL(page.url()).search).toBe('');
});

test('arrow keys, Home and End move between tabs and show each tab’s panel', async ({
  page,
  web,
}) => {
  await page.goto(web.url);
  const all = page.getByRole('tab', { name: '全部', exact: true });
  await all.focus();
  await page.keyboard.press('ArrowRight');
  const changchun = page.getByRole('tab', { name: '長春', exact: true });
  await expect(changchun).toBeFocused();
  await expect(changchun).toHaveAttribute('aria-selected', 'true');
  await expect(all).toHaveAttribute('aria-selected', 'false');
  // What a screen reader finds in the panel (its content is slotted, so read the accessibility tree).
  await expect(page.getByRole('tabpanel', { name: '長春' })).toMatchAriaSnapshot(`
    - tabpanel "長春":
      - paragraph: 文庫還是空的
      - paragraph: /按「同步」下載吉林頻道的新聞/
      - button "立即同步"
      - button "加入訂閱"
  `);

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft'); // wraps from 全部 to the last tab
  const bookmarks = page.getByRole('tab', { name: '收藏', exact: true });
  await expect(bookmarks).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: '收藏' })).toMatchAriaSnapshot(`
    - tabpanel "收藏":
      - paragraph: /還沒有收藏/
  `);

  await page.keyboard.press('Home');
  await expect(all).toBeFocused();
  await page.keyboard.press('End');
  await expect(bookmarks).toBeFocused();

  // Only the selected tab is in the Tab order.
  await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
});

test('the selected tab survives a reload', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('tab', { name: '延邊', exact: true }).click();
  await expect(page.getByRole('tab', { name: '延邊', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect
    .poll(
      async () =>
        (await page.request
          .post(`${web.origin}/api/getSettings`, { data: [] })
          .then((r) => r.json())) as unknown,
    )
    .toMatchObject({ ok: true, value: { lastRegion: 'yanbian' } });
  await page.reload();
  await expect(page.getByRole('tab', { name: '延邊', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test.describe('with a Simplified Chinese system locale', () => {
  test.use({ locale: 'zh-CN' });
  test('labels the tabs in Simplified script', async ({ page, web }) => {
    await page.goto(web.url);
    const tabs = page.getByRole('tablist', { name: '地区' }).getByRole('tab');
    await expect(tabs).toHaveCount(12);
    for (const [i, name] of SIMPLIFIED.entries())
      await expect(tabs.nth(i)).toHaveAccessibleName(name);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(
      page.getByRole('radiogroup', { name: '文字' }).getByRole('radio', { name: '简体' }),
    ).toHaveAttribute('aria-checked', 'true');
  });
});

test('without the launch token the page is refused', async ({ page, web }) => {
  const response = await page.goto(web.origin);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.locator('body')).toContainText('heitu web');
});

test('the page runs under the strict CSP and logs no errors', async ({ page, web }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const response = await page.goto(web.url);
  const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await expect(page.getByRole('tab')).toHaveCount(12);
  // An inline script injected at run time is blocked by the policy.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  // The only violation reported is that script's (Chromium logs it twice): the app itself sets
  // no inline style or script.
  const injected = (p: string): boolean =>
    p.includes('Content Security Policy') && p.includes('inline script');
  expect(problems.some(injected)).toBe(true);
  expect(problems.filter((p) => !injected(p))).toEqual([]);
});
