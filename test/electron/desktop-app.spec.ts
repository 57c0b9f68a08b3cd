/**
 * The real desktop app, launched by Playwright's Electron driver: a temporary library folder and
 * the local fixture site; sync, open an article, switch script, bookmark; the window's security
 * settings; the main process answering while a sync runs. Needs the Electron binary, which
 * `npm ci` cannot fetch on the team's offline machines, so it runs in CI only
 * (`npm run test:electron`, playwright.electron.config.ts), never in `npm test`.
 */
import { expect, test, _electron as electron, type ElectronApplication } from '@playwright/test';
import { join } from 'node:path';
import type { WebPreferences } from 'electron';
import { makeLibrary, type Library } from '../e2e/library.ts';

const root = join(import.meta.dirname, '..', '..');

let lib: Library;
let app: ElectronApplication;

test.beforeEach(async () => {
  // Each answer of the site takes a moment, so the sync is still running when the test probes.
  lib = await makeLibrary({
    articlesPerRegion: 6,
    latencyMs: 60,
    settings: ['script=original', 'scriptChosen=true', 'uiLanguage=zh-Hant'],
  });
  app = await electron.launch({
    args: [root, '--sources', lib.sources],
    env: { ...process.env, HEITU_DATA_DIR: lib.dataDir, HEITU_LOG: 'warn' },
  });
});

test.afterEach(async () => {
  await app.close();
  await lib.dispose();
});

test('the desktop app syncs, reads, converts and bookmarks, with a locked-down window', async () => {
  const page = await app.firstWindow();
  await expect(page.getByRole('main').getByText('文庫還是空的')).toBeVisible();

  // The window's web preferences as Electron applied them.
  // (getLastWebPreferences is left out of Electron's type definitions, but is there at run time.)
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): WebPreferences;
    };
    const p = contents.getLastWebPreferences();
    return {
      contextIsolation: p.contextIsolation,
      sandbox: p.sandbox,
      nodeIntegration: p.nodeIntegration,
      nodeIntegrationInWorker: p.nodeIntegrationInWorker,
      nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
      webSecurity: p.webSecurity,
      allowRunningInsecureContent: p.allowRunningInsecureContent,
      webviewTag: p.webviewTag,
    };
  });
  expect(prefs).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  });
  expect(page.url()).toMatch(/^app:\/\/heitu\//);
  // The renderer sees the contract, and no Node.
  expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
    'undefined',
  );

  // Sync; while it runs, the main process and the library both answer.
  await page.getByRole('button', { name: '同步', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: '同步進度' });
  await expect(progress).toBeVisible();
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getName())).toBe('Heitu Reader');
  // window.heitu answers with a CallResult (app/shared/errors.ts).
  const during = await page.evaluate(async () => {
    type Result = { ok: true; value: { sync: { state: string } } } | { ok: false };
    const api = (window as unknown as { heitu: { getStatus(): Promise<Result> } }).heitu;
    const result = await api.getStatus();
    return result.ok ? result.value.sync.state : 'error';
  });
  expect(during).toBe('syncing');
  await expect(progress).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '同步完成' })).toBeVisible({
    timeout: 30_000,
  });

  // Open an article.
  const first = lib.site.portalArticles('changchun')[0]!;
  await page.getByRole('tab', { name: /^長春/ }).click();
  await page
    .getByRole('listbox', { name: '長春的文章' })
    .getByRole('option', { name: first.title })
    .click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(first.title);

  // Switch script: the document's language follows.
  await page.getByRole('radiogroup', { name: '文字' }).getByRole('radio', { name: '简体' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');

  // Bookmark it; it is in the bookmarks tab.
  const star = page.getByRole('button', { name: '收藏', exact: true });
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('tab', { name: /^收藏/ }).click();
  await expect(page.getByRole('listbox', { name: '收藏的文章' }).getByRole('option')).toHaveCount(
    1,
  );
});
