// Renders build/icon.svg, the app's one icon source, into every icon the installers need, with the
// same Chromium the tests use (each size rendered from the SVG, not scaled down from a bitmap):
//   build/icons/<n>x<n>.png   Linux (AppImage and .deb hicolor theme): 16 … 512
//   build/icon.ico            Windows (window, taskbar, installer): 16 … 256
//   build/icon.icns           macOS: 16 … 1024 (the @2x slots too)
// The files are committed; run `node scripts/make-icons.mjs` when the SVG changes.
// test/unit/icons.test.ts checks what each file holds.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import pngToIco from 'png-to-ico';
import { CHROMIUM_LAUNCH } from '../test/support/chromium.ts';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES } from './icon-sizes.mjs';

const icns = createRequire(import.meta.url)('icns-lib');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = join(root, 'build');
const svg = await readFile(join(build, 'icon.svg'), 'utf8');

const browser = await chromium.launch(CHROMIUM_LAUNCH);
const rendered = new Map();
try {
  const page = await browser.newPage();
  const sizes = new Set([...LINUX_SIZES, ...ICO_SIZES, ...Object.values(ICNS_TYPES)]);
  for (const size of [...sizes].sort((a, b) => a - b)) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    rendered.set(size, await page.locator('svg').screenshot({ omitBackground: true }));
  }
} finally {
  await browser.close();
}

const icons = join(build, 'icons');
await rm(icons, { recursive: true, force: true });
await mkdir(icons);
for (const size of LINUX_SIZES) {
  await writeFile(join(icons, `${size}x${size}.png`), rendered.get(size));
}
await writeFile(join(build, 'icon.ico'), await pngToIco(ICO_SIZES.map((s) => rendered.get(s))));
await writeFile(
  join(build, 'icon.icns'),
  icns.format(
    Object.fromEntries(
      Object.entries(ICNS_TYPES).map(([type, size]) => [type, rendered.get(size)]),
    ),
  ),
);
console.log('wrote build/icons/*.png, build/icon.ico, build/icon.icns');
