// Renders renderer/icon.svg to build/icon.png (512×512, what electron-builder derives every
// platform's icon from) with the same Chromium the tests use. Run by hand when the icon changes.
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../test/support/chromium.ts';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = await readFile(join(root, 'renderer', 'icon.svg'), 'utf8');
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg}`);
await page
  .locator('svg')
  .screenshot({ path: join(root, 'build', 'icon.png'), omitBackground: true });
await browser.close();
console.log('wrote build/icon.png');
