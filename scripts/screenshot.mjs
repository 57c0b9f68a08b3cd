// Takes docs/screenshot.png: browser mode over a fresh library, in Debian's Chromium.
// Usage: npm run build && node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = await mkdtemp(join(tmpdir(), 'heitu-shot-'));
const child = spawn(process.execPath, [join(root, 'bin/heitu.cjs'), 'web', '--data-dir', dataDir], {
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
const browser = await chromium.launch({
  executablePath: process.env.HEITU_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 560 }, locale: 'zh-TW' });
await page.goto(url);
await page.getByRole('tab', { name: '長春', exact: true }).click();
await page.getByRole('tab', { name: '長春', exact: true }).focus();
await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });
await browser.close();
child.kill();
await rm(dataDir, { recursive: true, force: true });
console.log('wrote docs/screenshot.png');
