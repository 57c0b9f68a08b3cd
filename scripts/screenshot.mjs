// Takes docs/screenshot.png: browser mode over a library synced from the local fixture site,
// in Debian's Chromium. Usage: npm run build && node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../test/support/chromium.ts';
import { startFixtureSite } from '../test/support/fixture-site.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const heitu = join(root, 'bin/heitu.cjs');
const dataDir = await mkdtemp(join(tmpdir(), 'heitu-shot-'));

const site = await startFixtureSite({ articlesPerRegion: 12 });
const sources = site.writeSourcesFile(dataDir, 'portal');
await new Promise((resolve) =>
  spawn(process.execPath, [heitu, 'sync', '--sources', sources, '--data-dir', dataDir], {
    stdio: 'ignore',
  }).once('exit', resolve),
);
await site.close();

const child = spawn(process.execPath, [heitu, 'web', '--no-sync', '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /Open (\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
});
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'zh-TW' });
await page.goto(url);
// The reader as a person uses it: a region tab, its list, an article with a picture open.
await page.getByRole('tab', { name: /^長春/ }).click();
const list = page.getByRole('listbox', { name: '長春的文章' });
await list.waitFor();
const withPicture = site.portalArticles('changchun').findIndex((a) => a.images.length > 0);
await list.getByRole('option').nth(Math.max(0, withPicture)).click();
await page.getByRole('article').getByRole('heading', { level: 1 }).waitFor();
await page.getByRole('article').locator('img').first().waitFor();
// eslint-disable-next-line no-undef -- runs in the page
await page.waitForFunction(() => document.fonts.status === 'loaded');
await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });
await browser.close();
child.kill();
await rm(dataDir, { recursive: true, force: true });
console.log('wrote docs/screenshot.png');
