import { AxeBuilder } from '@axe-core/playwright';
import { expect, startWeb, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';

// axe-core over the whole reader (tabs, list, an open article, the dialogs), in both themes.
for (const theme of ['light', 'dark'] as const) {
  test(`axe-core finds no violation in the ${theme} theme`, async ({ page }) => {
    // Four full axe scans of 4–5 s each on a 2-core machine, after a sync: past the default 30 s
    // (a clean-clone CI run took 34 s).
    test.setTimeout(90_000);
    const lib = await makeLibrary({
      articlesPerRegion: 2,
      synced: true,
      settings: ['script=original', 'scriptChosen=true', `theme=${theme}`],
    });
    const web = await startWeb(lib.dataDir);
    try {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(web.url);
      await page.getByRole('tab', { name: /^長春/ }).click();
      await page.getByRole('listbox').getByRole('option').first().click();
      await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const scan = async (): Promise<void> => {
        const result = await new AxeBuilder({ page }).analyze();
        expect(
          result.violations.map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([]);
        expect(result.passes.length).toBeGreaterThan(10);
      };
      await scan();
      // The dialogs, each open in turn.
      for (const name of ['設定', '來源', '快捷鍵']) {
        await page.getByRole('button', { name, exact: true }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await scan();
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toBeHidden();
      }
    } finally {
      web.child.kill('SIGTERM');
      await lib.dispose();
    }
  });
}
