/**
 * The rendered icons (scripts/make-icons.mjs) hold every size their platform needs, each image
 * really that size: the Linux png set, the Windows .ico, the macOS .icns.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { BADGE_LABELS, badgeFile } from '../../app/shared/badge.ts';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES } from '../../scripts/icon-sizes.mjs';

const build = join(import.meta.dirname, '..', '..', 'build');
const icns = createRequire(import.meta.url)('icns-lib') as {
  parse: (data: Buffer) => Record<string, Buffer>;
};
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), 'not a PNG');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Each image of an .ico: the size its directory entry states, and the size of its pixels. */
function icoImages(ico: Buffer): { listed: number; actual: [number, number] }[] {
  assert.equal(ico.readUInt16LE(0), 0, 'reserved field');
  assert.equal(ico.readUInt16LE(2), 1, 'an icon, not a cursor');
  const images = [];
  for (let i = 0; i < ico.readUInt16LE(4); i++) {
    const entry = 6 + 16 * i;
    const listed = ico.readUInt8(entry) || 256;
    const bytes = ico.readUInt32LE(entry + 8);
    const data = ico.subarray(ico.readUInt32LE(entry + 12));
    assert.ok(data.length >= bytes, `image ${i} runs past the end of the file`);
    // PNG-compressed, or a BITMAPINFOHEADER whose height counts the colour and mask halves.
    const actual: [number, number] = data.subarray(0, 8).equals(PNG_SIGNATURE)
      ? pngSize(data)
      : [data.readInt32LE(4), data.readInt32LE(8) / 2];
    images.push({ listed, actual });
  }
  return images;
}

test('the Linux icon set has a png of every size, named after it', () => {
  const files = readdirSync(join(build, 'icons')).sort();
  assert.deepEqual(files, LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
  for (const size of LINUX_SIZES) {
    assert.deepEqual(pngSize(readFileSync(join(build, 'icons', `${size}x${size}.png`))), [
      size,
      size,
    ]);
  }
  // What the hicolor theme and electron-builder need at the least.
  for (const needed of [16, 32, 48, 128, 256, 512]) assert.ok(LINUX_SIZES.includes(needed));
});

test('the Windows .ico holds 16, 24, 32, 48, 64, 128 and 256 pixel images', () => {
  const images = icoImages(readFileSync(join(build, 'icon.ico')));
  assert.deepEqual(
    images.map((i) => i.listed),
    [16, 24, 32, 48, 64, 128, 256],
  );
  for (const { listed, actual } of images) assert.deepEqual(actual, [listed, listed]);
  assert.deepEqual(ICO_SIZES, [16, 24, 32, 48, 64, 128, 256]);
});

test('the macOS .icns fills every slot from 16 to 1024 pixels, @2x included', () => {
  const slots = icns.parse(readFileSync(join(build, 'icon.icns')));
  const expected: Record<string, number> = {
    icp4: 16,
    icp5: 32,
    icp6: 64,
    ic07: 128,
    ic08: 256,
    ic09: 512,
    ic10: 1024,
    ic11: 32,
    ic12: 64,
    ic13: 256,
    ic14: 512,
  };
  assert.deepEqual(Object.keys(slots).sort(), Object.keys(expected).sort());
  for (const [type, size] of Object.entries(expected)) {
    assert.deepEqual(pngSize(slots[type]!), [size, size], type);
  }
  assert.deepEqual(ICNS_TYPES, expected);
});

test('the Windows unread overlay has an image of 16 and of 32 pixels for 1 to 9 and 9+', () => {
  const dir = join(build, 'badges');
  const expected = BADGE_LABELS.flatMap((label) => [badgeFile(label, 1), badgeFile(label, 2)]);
  assert.deepEqual(readdirSync(dir).sort(), [...expected].sort());
  for (const label of BADGE_LABELS) {
    for (const scale of [1, 2] as const) {
      const png = readFileSync(join(dir, badgeFile(label, scale)));
      assert.deepEqual(pngSize(png), [16 * scale, 16 * scale], badgeFile(label, scale));
    }
  }
  // Each number is its own picture (a copy of one file for all would pass the sizes above).
  const ones = new Set(
    BADGE_LABELS.map((l) => readFileSync(join(dir, badgeFile(l))).toString('base64')),
  );
  assert.equal(ones.size, BADGE_LABELS.length);
});

test('a truncated .ico is caught (the checks above can fail)', () => {
  const ico = readFileSync(join(build, 'icon.ico'));
  assert.throws(() => icoImages(ico.subarray(0, ico.length - 1000)), /past the end/);
});
