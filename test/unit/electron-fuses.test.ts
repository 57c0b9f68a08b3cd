/**
 * build/after-pack.mjs flips Electron's fuses in the packed executable of each platform (a stand-in
 * carrying the real fuse wire; the unpacked Linux build in unpacked-build.test.ts checks the same
 * through electron-builder itself).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import afterPack, { packedExecutable } from '../../build/after-pack.mjs';
import {
  ELECTRON_DEFAULT_WIRE,
  SHIPPED_FUSES,
  readFuseWire,
  writeStandInElectron,
} from '../support/stand-in-electron.ts';

const work = mkdtempSync(join(tmpdir(), 'heitu-fuses-'));
after(() => rmSync(work, { recursive: true, force: true }));

function context(platform: string, appOutDir: string) {
  return {
    appOutDir,
    electronPlatformName: platform,
    packager: { appInfo: { productFilename: 'Heitu Reader' }, executableName: 'heitu-reader' },
  };
}

for (const [platform, layout] of [
  ['linux', 'heitu-reader'],
  ['win32', 'Heitu Reader.exe'],
  // On macOS the wire is in the framework inside the bundle.
  [
    'darwin-x64',
    'Heitu Reader.app/Contents/Frameworks/Electron Framework.framework/Electron Framework',
  ],
] as const) {
  test(`the afterPack hook flips every fuse of a ${platform} build`, async () => {
    const out = join(work, platform);
    const file = join(out, layout);
    mkdirSync(join(file, '..'), { recursive: true });
    writeStandInElectron(file);
    // resetAdHocDarwinSignature needs macOS's codesign, so the darwin case runs as if for mas.
    const ctx = context(platform === 'darwin-x64' ? 'mas' : platform, out);
    const packed = packedExecutable(ctx);
    assert.ok(file.startsWith(packed));
    assert.equal(await readFuseWire(packed), ELECTRON_DEFAULT_WIRE);
    await afterPack(ctx);
    const wire = await readFuseWire(packed);
    for (const [i, [name, state]] of SHIPPED_FUSES.entries()) assert.equal(wire[i], state, name);
  });
}

test('a binary without a fuse wire fails the build instead of shipping unfused', async () => {
  const out = join(work, 'no-wire');
  mkdirSync(out);
  writeFileSync(join(out, 'heitu-reader'), '#!/bin/sh\n');
  await assert.rejects(afterPack(context('linux', out)), /sentinel/);
});
