// Renders build/icon.svg, the app's one icon source, into every icon the installers need, with the
// same Chromium the tests use (each size rendered from the SVG, not scaled down from a bitmap):
//   build/icons/<n>x<n>.png   Linux (AppImage and .deb hicolor theme): 16 … 512
//   build/icon.ico            Windows (window, taskbar, installer): 16 … 256
//   build/icon.icns           macOS: 16 … 1024 (the @2x slots too)
//   build/badges/badge-*.png  Windows: the taskbar's unread overlay, 1 … 9 and 9+, 16 px and @2x
//                             (app/shared/badge.ts names them; app/main/announce.ts shows them)
// The files are committed; run `node scripts/make-icons.mjs` when the SVG changes.
// test/unit/icons.test.ts checks what each file holds.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import pngToIco from 'png-to-ico';
import { BADGE_LABELS, badgeFile } from '../app/shared/badge.ts';
import { CHROMIUM_LAUNCH } from '../test/support/chromium.ts';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES } from './icon-sizes.mjs';

const icns = createRequire(import.meta.url)('icns-lib');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = join(root, 'build');
const svg = await readFile(join(build, 'icon.svg'), 'utf8');

const browser = await chromium.launch(CHROMIUM_LAUNCH);
const rendered = new Map();
/** Badge images by file name. */
const badges = new Map();
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
  // A red disc with the number in white, as Windows apps draw their overlays; two glyphs ("9+")
  // are set narrower so that they stay legible at 16 px.
  for (const scale of [1, 2]) {
    const size = 16 * scale;
    await page.setViewportSize({ width: size, height: size });
    for (const label of BADGE_LABELS) {
      const font = (label.length > 1 ? 9.5 : 11.5) * scale;
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}
        div{width:${size}px;height:${size}px;border-radius:50%;background:#c62828;color:#fff;
        display:grid;place-items:center;font:700 ${font}px/1 "DejaVu Sans",sans-serif;
        letter-spacing:${label.length > 1 ? -0.06 * font : 0}px}</style><div>${label}</div>`,
      );
      badges.set(
        badgeFile(label, scale),
        await page.locator('div').screenshot({ omitBackground: true }),
      );
    }
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
const badgeDir = join(build, 'badges');
await rm(badgeDir, { recursive: true, force: true });
await mkdir(badgeDir);
for (const [file, png] of badges) await writeFile(join(badgeDir, file), png);
console.log('wrote build/icons/*.png, build/icon.ico, build/icon.icns, build/badges/*.png');
