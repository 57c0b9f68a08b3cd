/**
 * The installer configuration, checked offline against electron-builder's own schema, and for
 * every target and option a reader's installer depends on (docs/technotes/0010). The unpacked
 * build made from it is checked in unpacked-build.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, debug: unknown) => Promise<void>;
};
const debugLogger = { add: () => undefined, isEnabled: false };

type Config = Record<string, unknown>;
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Config;
const section = (key: string): Config => config[key] as Config;
/** A platform's targets with their arches, e.g. { AppImage: ['x64'] }. */
const targets = (key: string): Record<string, unknown> =>
  Object.fromEntries(
    (section(key).target as { target: string; arch: string[] }[]).map((t) => [t.target, t.arch]),
  );

test('electron-builder.yml matches electron-builder’s schema', async () => {
  await validateConfiguration(config, debugLogger);
});

test('the schema check rejects a misspelt option (so passing means something)', async () => {
  const broken = { ...config, linux: { ...section('linux'), tagret: ['AppImage'] } };
  await assert.rejects(validateConfiguration(broken, debugLogger), /configuration\.linux/);
});

test('installers for Linux, Windows and macOS, named with product, version, os and arch', () => {
  assert.deepEqual(targets('linux'), { AppImage: ['x64'], deb: ['x64'] });
  assert.deepEqual(targets('win'), { nsis: ['x64'] });
  assert.deepEqual(targets('mac'), { dmg: ['x64', 'arm64'], zip: ['x64', 'arm64'] });
  const name = config.artifactName as string;
  for (const macro of ['${version}', '${os}', '${arch}', '${ext}']) assert.ok(name.includes(macro));
  assert.match(name, /^Heitu-Reader-/);
  assert.doesNotMatch(name, /\s/, 'GitHub renames assets with spaces, breaking update metadata');
  // A draft until release.yml has all three platforms' files in it, then published.
  assert.deepEqual(config.publish, [{ provider: 'github', releaseType: 'draft' }]);
  assert.match((packageJson.repository as { url: string }).url, /github\.com\/.+\/.+\.git$/);
});

test('Linux: a desktop entry in Chinese and English, News, maintainer, homepage, heitu on the PATH', () => {
  const linux = section('linux');
  assert.equal(linux.category, 'News');
  assert.equal(linux.executableName, 'heitu-reader');
  assert.match(linux.maintainer as string, /<.+@.+>/);
  assert.match(packageJson.homepage as string, /^https:\/\//);
  const entry = (linux.desktop as { entry: Record<string, string> }).entry;
  assert.equal(entry.Name, 'Heitu Reader');
  assert.equal(entry['Name[zh_CN]'], '黑土阅读');
  assert.equal(entry['Name[zh_TW]'], '黑土閱讀');
  assert.match(entry.Categories!, /^News;/);
  // The launcher is shipped, and the .deb's scripts link it into /usr/bin and remove it again.
  assert.deepEqual(linux.extraResources, [{ from: 'build/linux/heitu', to: 'bin/heitu' }]);
  const deb = section('deb');
  const install = readFileSync(join(root, deb.afterInstall as string), 'utf8');
  const remove = readFileSync(join(root, deb.afterRemove as string), 'utf8');
  assert.match(
    install,
    /ln -sf '\/opt\/\$\{sanitizedProductName\}\/resources\/bin\/heitu' '\/usr\/bin\/heitu'/,
  );
  assert.match(remove, /rm -f \/usr\/bin\/heitu/);
  // electron-builder's own steps (the app's link, chrome-sandbox, AppArmor) are kept.
  assert.match(install, /chrome-sandbox/);
  assert.match(install, /apparmor/);
  for (const script of ['build/linux/heitu', deb.afterInstall, deb.afterRemove] as string[]) {
    const syntax = spawnSync('bash', ['-n', join(root, script)], { encoding: 'utf8' });
    assert.equal(syntax.status, 0, `${script}: ${syntax.stderr}`);
  }
  assert.ok(statSync(join(root, 'build/linux/heitu')).mode & 0o111, 'the launcher is executable');
});

test('Windows: a per-user NSIS installer with folder choice and shortcuts that keeps the library', () => {
  const nsis = section('nsis');
  assert.equal(nsis.oneClick, false);
  assert.equal(nsis.perMachine, false);
  assert.equal(nsis.allowElevation, false);
  assert.equal(nsis.allowToChangeInstallationDirectory, true);
  assert.equal(nsis.createDesktopShortcut, 'always');
  assert.equal(nsis.createStartMenuShortcut, true);
  assert.equal(nsis.deleteAppDataOnUninstall, false);
  const include = readFileSync(join(root, nsis.include as string), 'utf8');
  // It asks (default: No), never while updating or uninstalling silently, and deletes only the
  // library folder the app uses (app/core/data-dir.ts).
  assert.match(include, /!macro customUnInstall/);
  assert.match(include, /MB_YESNO\|MB_ICONQUESTION\|MB_DEFBUTTON2/);
  assert.match(include, /\$\{ifNot\} \$\{isUpdated\}/);
  assert.match(include, /\/SD IDNO/);
  assert.match(include, /RMDir \/r "\$APPDATA\\Heitu Reader"/);
  assert.equal(section('win').icon, 'build/icon.ico');
  // The unread overlay's images, where app/main/announce.ts looks for them (resources/badges).
  assert.deepEqual(section('win').extraResources, [{ from: 'build/badges', to: 'badges' }]);
});

test('macOS: dmg and zip, hardened runtime and entitlements', () => {
  const mac = section('mac');
  assert.equal(mac.hardenedRuntime, true);
  assert.equal(mac.entitlements, 'build/entitlements.mac.plist');
  assert.equal(mac.entitlementsInherit, 'build/entitlements.mac.plist');
  assert.equal(mac.icon, 'build/icon.icns');
  const plist = readFileSync(join(root, 'build/entitlements.mac.plist'), 'utf8');
  assert.match(plist, /com\.apple\.security\.cs\.allow-jit/);
  assert.match(plist, /com\.apple\.security\.network\.client/);
});

test('better-sqlite3: its prebuilt binary per platform and arch, nothing rebuilt', () => {
  assert.equal(config.npmRebuild, false);
  assert.equal(config.buildDependenciesFromSource, false);
  assert.deepEqual(config.asarUnpack, ['node_modules/better-sqlite3/**/*.node']);
  const platforms = { linux: 'linux', win: 'win32', mac: 'darwin' };
  for (const [key, platform] of Object.entries(platforms)) {
    assert.deepEqual(
      section(key).files,
      ['package.json', `!node_modules/better-sqlite3/prebuilds/!(${platform}-\${arch}).node`],
      key,
    );
  }
  // Its install script (npm's implicit node-gyp rebuild) is denied: the prebuilds are used as
  // shipped (docs/technotes/0010).
  assert.equal((packageJson.allowScripts as Record<string, boolean>)['better-sqlite3'], false);
  assert.equal(config.afterPack, './build/after-pack.mjs');
  for (const icon of ['build/icon.svg', 'build/icon.ico', 'build/icon.icns', 'build/icons']) {
    assert.ok(existsSync(join(root, icon)), icon);
  }
});
