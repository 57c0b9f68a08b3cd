/**
 * The installer configuration, checked offline: electron-builder's own schema, and an unpacked
 * Linux build made with a stand-in Electron executable (the real one cannot be downloaded here),
 * whose app.asar must hold exactly what the desktop app needs at run time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { load } from 'js-yaml';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, debug: unknown) => Promise<void>;
};
const { listPackage } = require('@electron/asar') as { listPackage: (archive: string) => string[] };
const debugLogger = { add: () => undefined, isEnabled: false };
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const work = mkdtempSync(join(tmpdir(), 'heitu-builder-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('electron-builder.yml matches electron-builder’s schema', async () => {
  await validateConfiguration(config, debugLogger);
});

test('the schema check rejects a misspelt option (so passing means something)', async () => {
  const broken = { ...config, linux: { ...(config.linux as object), tagret: ['AppImage'] } };
  await assert.rejects(validateConfiguration(broken, debugLogger), /configuration\.linux/);
});

test('the configuration names installers for Linux, Windows and macOS', () => {
  const targets = (key: string): unknown => (config[key] as { target: unknown }).target;
  assert.deepEqual(targets('linux'), ['AppImage', 'deb']);
  assert.deepEqual(targets('win'), ['nsis']);
  assert.deepEqual(targets('mac'), ['dmg', 'zip']);
  assert.ok(existsSync(join(root, 'build', 'icon.png')));
  assert.ok(existsSync(join(root, 'build', 'entitlements.mac.plist')));
});

test('an unpacked Linux build holds the bundles and better-sqlite3, and nothing else', () => {
  const electronDist = join(work, 'electron');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho stand-in for Electron\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  const out = join(work, 'out');
  const cli = require.resolve('electron-builder/cli.js');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
    ],
    { cwd: root, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: 'true' } },
  );
  assert.equal(run.status, 0, `electron-builder failed:\n${run.stdout}\n${run.stderr}`);

  const unpacked = join(out, 'linux-unpacked');
  assert.ok(existsSync(join(unpacked, 'heitu-reader')), 'the executable is named heitu-reader');
  const files = new Set(
    listPackage(join(unpacked, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/')),
  );
  for (const needed of [
    '/package.json',
    '/dist/main/main.cjs',
    // The search index's worker thread, started from beside main.cjs (search-index.ts).
    '/dist/main/search-worker.cjs',
    '/dist/preload/preload.cjs',
    '/dist/renderer/index.html',
    '/dist/renderer/app.js',
    '/node_modules/better-sqlite3/lib/index.js',
  ]) {
    assert.ok(files.has(needed), `app.asar lacks ${needed}`);
  }
  const unexpected = [...files].filter(
    (f) =>
      f.endsWith('.map') ||
      f.startsWith('/app/') ||
      f.startsWith('/renderer/') ||
      f.includes('/better-sqlite3/deps/') ||
      (f.startsWith('/node_modules/') && !f.startsWith('/node_modules/better-sqlite3')),
  );
  assert.deepEqual(unexpected, [], 'sources, maps and bundled-in packages stay out of app.asar');
  // Native binaries must sit outside the archive to be loadable.
  assert.ok(
    existsSync(
      join(
        unpacked,
        'resources',
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'prebuilds',
        'linux-x64.node',
      ),
    ),
  );
});
