import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileFeed } from '../support/hostile-feed.ts';
import { startFeedServer } from '../support/hostile-servers.ts';
import { expect, startWeb, test } from './fixtures.ts';
import { runHeitu } from './library.ts';

// Hostile content through the whole path: a feed → `heitu sync` → the library → the reading pane
// in Chromium over browser mode. Nothing runs (a trap global stays unset), nothing breaks the CSP
// (every violation is recorded), and every link left is http(s).

test('hostile feeds are read inert: nothing runs, nothing violates the CSP, links stay http(s)', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const feeds = await startFeedServer({ '/hostile.xml': hostileFeed() });
  const dir = await mkdtemp(join(tmpdir(), 'heitu-hostile-'));
  const sources = join(dir, 'sources.json');
  await writeFile(
    sources,
    JSON.stringify({
      sources: [
        { id: 'hostile', type: 'feed', url: `${feeds.origin}/hostile.xml`, region: 'changchun' },
      ],
    }),
  );
  const dataDir = join(dir, 'data');
  await runHeitu(['sync', '--sources', sources, '--data-dir', dataDir]);
  await runHeitu([
    'settings',
    'set',
    'script=original',
    'scriptChosen=true',
    '--data-dir',
    dataDir,
  ]);
  const web = await startWeb(dataDir);
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(web.url);
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox', { name: '長春的文章' });
    // 8 hostile items and the deep one; the item whose link is javascript: is not stored.
    await expect(list.getByRole('option')).toHaveCount(9);
    const article = page.getByRole('article');
    for (let i = 0; i < 9; i += 1) {
      const option = list.getByRole('option').nth(i);
      await option.click();
      await expect(article.getByRole('heading', { level: 1 })).toHaveText(
        (await option.getAttribute('aria-label')) ?? /長春市/,
      );
      await expect(article).toContainText('長春市');
      const hrefs = await article
        .locator('[href], [src], [action], [formaction], [srcdoc]')
        .evaluateAll((nodes) =>
          nodes.flatMap((n) =>
            ['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href']
              .map((a) => n.getAttribute(a))
              .filter((v): v is string => v !== null),
          ),
        );
      for (const href of hrefs) expect(href).toMatch(/^(https?:|\/images\/|blob:)/);
      expect(
        await article
          .locator('script, iframe, object, embed, form, base, meta, svg, math, style')
          .count(),
      ).toBe(0);
    }
    // The pane stays responsive after the 10,000-deep body: another article opens.
    await list.getByRole('option').first().click();
    await expect(article).toContainText('長春市');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([]);
    expect(dialogs).toEqual([]);
  } finally {
    web.child.kill('SIGTERM');
    await feeds.close();
    await rm(dir, { recursive: true, force: true });
  }
});
