/**
 * An unpacked Linux build, made offline by electron-builder itself from electron-builder.yml with
 * a stand-in Electron executable (the real one cannot be downloaded here): app.asar holds exactly
 * the app's bundles and its production dependency, the native binary sits unpacked beside it, and
 * the afterPack hook has flipped the executable's fuses. Prints the size of each part.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { SHIPPED_FUSES, readFuseWire, writeStandInElectron } from '../support/stand-in-electron.ts';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage: (archive: string) => string[];
  statFile: (archive: string, file: string) => { size?: number; files?: unknown };
  extractFile: (archive: string, file: string) => Buffer;
};
const work = mkdtempSync(join(tmpdir(), 'heitu-builder-'));
const unpacked = join(work, 'out', 'linux-unpacked');
const archive = join(unpacked, 'resources', 'app.asar');
after(() => rmSync(work, { recursive: true, force: true }));

before(() => {
  const electronDist = join(work, 'electron');
  mkdirSync(electronDist);
  writeStandInElectron(join(electronDist, 'electron'));
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      // x64 whatever the machine (an arm64 runner would pick linux-arm64's binary).
      '--x64',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${join(work, 'out')}`,
      '--publish',
      'never',
    ],
    { cwd: root, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: 'true' } },
  );
  assert.equal(run.status, 0, `electron-builder failed:\n${run.stdout}\n${run.stderr}`);
});

/** Everything app.asar may hold: the bundles, their licence notes, and better-sqlite3's loader. */
const ALLOWED = [
  /^\/package\.json$/,
  /^\/dist\/main\/(main|entry|library|library-writer|search-worker|sync-worker)\.cjs(\.LEGAL\.txt)?$/,
  /^\/dist\/preload\/preload\.cjs(\.LEGAL\.txt)?$/,
  /^\/dist\/renderer\/(index\.html|styles\.css|icon\.svg|app\.js(\.LEGAL\.txt)?)$/,
  /^\/dist\/renderer\/chunks\/[\w-]+\.js(\.LEGAL\.txt)?$/,
  /^\/dist\/cli\/(cli|search-worker|library-worker|library-writer|sync-worker)\.mjs$/,
  /^\/node_modules\/better-sqlite3\/(package\.json|LICENSE|README\.md|lib\/[\w/-]+\.js)$/,
  // The native binary: listed in the archive, its bytes in app.asar.unpacked.
  /^\/node_modules\/better-sqlite3\/prebuilds\/linux-x64\.node$/,
];

test('app.asar holds exactly the app’s bundles and better-sqlite3: no sources, maps, tests or dev dependencies', () => {
  const entries = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/'));
  const files = entries.filter((f) => asar.statFile(archive, f.slice(1)).files === undefined);
  const stray = files.filter((f) => !ALLOWED.some((pattern) => pattern.test(f)));
  assert.deepEqual(stray, [], 'files app.asar should not hold');
  for (const needed of [
    '/package.json',
    '/dist/main/main.cjs',
    '/dist/main/entry.cjs',
    '/dist/main/search-worker.cjs',
    // The library's utility process, its writer and sync threads (app/main/library.ts).
    '/dist/main/library.cjs',
    '/dist/main/library-writer.cjs',
    '/dist/main/sync-worker.cjs',
    '/dist/preload/preload.cjs',
    '/dist/renderer/index.html',
    '/dist/renderer/app.js',
    '/dist/renderer/icon.svg',
    '/dist/cli/cli.mjs',
    '/dist/cli/search-worker.mjs',
    '/dist/cli/library-worker.mjs',
    '/dist/cli/library-writer.mjs',
    '/dist/cli/sync-worker.mjs',
    '/node_modules/better-sqlite3/lib/index.js',
    '/node_modules/better-sqlite3/prebuilds/linux-x64.node',
  ]) {
    assert.ok(files.includes(needed), `app.asar lacks ${needed}`);
  }
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as {
    main: string;
    dependencies: Record<string, string>;
  };
  assert.equal(manifest.main, 'dist/main/entry.cjs');
  assert.deepEqual(Object.keys(manifest.dependencies), ['better-sqlite3']);
});

test('the native binary of this platform and arch, and no other, is unpacked beside the archive', () => {
  const prebuilds = join(
    unpacked,
    'resources',
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'prebuilds',
  );
  assert.deepEqual(readdirSync(prebuilds), ['linux-x64.node']);
  assert.equal(
    statSync(join(prebuilds, 'linux-x64.node')).size,
    statSync(join(root, 'node_modules/better-sqlite3/prebuilds/linux-x64.node')).size,
    'the prebuilt binary as shipped by better-sqlite3, not rebuilt',
  );
});

test('the packed executable’s fuses are flipped by the afterPack hook', async () => {
  const wire = await readFuseWire(join(unpacked, 'heitu-reader'));
  for (const [i, [name, state]] of SHIPPED_FUSES.entries()) assert.equal(wire[i], state, name);
});

test('the heitu launcher ships in resources/bin, executable', () => {
  const launcher = join(unpacked, 'resources', 'bin', 'heitu');
  assert.ok(statSync(launcher).mode & 0o111);
});

test('sizes of the unpacked build, by part', (t) => {
  const sizeOf = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
  const inArchive = new Map<string, number>();
  for (const f of asar.listPackage(archive)) {
    const stat = asar.statFile(archive, f.slice(1));
    if (stat.size === undefined) continue;
    const part = f.split('/').slice(0, 3).join('/');
    inArchive.set(part, (inArchive.get(part) ?? 0) + stat.size);
  }
  const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;
  const unpackedDir = join(unpacked, 'resources', 'app.asar.unpacked');
  t.diagnostic(`app.asar ${mb(statSync(archive).size)}`);
  for (const [part, size] of [...inArchive].sort((a, b) => b[1] - a[1])) {
    t.diagnostic(`  ${part} ${mb(size)}`);
  }
  t.diagnostic(`app.asar.unpacked ${mb(sizeOf(unpackedDir))}`);
  t.diagnostic(`whole build (stand-in Electron) ${mb(sizeOf(unpacked))}`);
  assert.ok(existsSync(unpackedDir), relative(work, unpackedDir));
});
