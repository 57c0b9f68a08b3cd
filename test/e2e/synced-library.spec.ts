import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSite } from '../support/fixture-site.ts';
import { expect, startWeb, test } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..');

test('after `heitu sync`, each tab lists its articles, newest first, offline', async ({ page }) => {
  const site = await startFixtureSite({ articlesPerRegion: 8 });
  const dataDir = await mkdtemp(join(tmpdir(), 'heitu-e2e-sync-'));
  const sources = site.writeSourcesFile(dataDir, 'portal');
  // Asynchronously: the fixture site answers from this very process.
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'heitu.cjs'), 'sync', '--sources', sources, '--data-dir', dataDir],
    {
      env: { ...process.env, HEITU_LOG: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, output).toBe(0);
  const changchun = site.portalArticles('changchun');
  // The site goes away: what the reader sees now comes from the library alone.
  await site.close();

  // Titles as published, whatever the browser's locale would suggest.
  const settings = spawn(
    process.execPath,
    [
      join(root, 'bin', 'heitu.cjs'),
      'settings',
      'set',
      'script=original',
      'scriptChosen=true',
      '--data-dir',
      dataDir,
    ],
    { stdio: 'ignore' },
  );
  expect(await new Promise((resolve) => settings.once('exit', resolve))).toBe(0);
  const web = await startWeb(dataDir);
  const url = web.url;
  try {
    await page.goto(url);
    await page.getByRole('tab', { name: /^長春/ }).click();
    const list = page.getByRole('listbox', { name: '長春的文章' });
    await expect(list.getByRole('option')).toHaveCount(changchun.length);
    for (const [i, article] of changchun.entries()) {
      await expect(list.getByRole('option').nth(i)).toHaveAccessibleName(article.title);
      await expect(list.getByRole('option').nth(i)).toContainText(article.sourceName);
    }
    await page.getByRole('tab', { name: /^收藏/ }).click();
    await expect(page.getByRole('tabpanel', { name: '收藏' })).toMatchAriaSnapshot(`
      - tabpanel "收藏":
        - paragraph: /還沒有收藏/
    `);
  } finally {
    web.child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
});
