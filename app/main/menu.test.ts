import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { test } from 'node:test';
import { MENU_LABELS, menuTemplate, type MenuActions } from './menu.ts';

const called: string[] = [];
const actions: MenuActions = {
  exportBookmarks: () => called.push('export'),
  importBookmarks: () => called.push('import'),
};
const template = (platform: NodeJS.Platform, isDev = false) =>
  menuTemplate(platform, isDev, 'Heitu Reader', actions);

const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
  items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);

test('the menu carries the platform’s usual commands and shortcuts', () => {
  const linux = roles(template('linux'));
  for (const role of [
    'quit',
    'editMenu',
    'windowMenu',
    'zoomIn',
    'zoomOut',
    'resetZoom',
    'togglefullscreen',
  ]) {
    assert.ok(linux.includes(role), role);
  }
  const mac = roles(template('darwin'));
  for (const role of ['about', 'hide', 'quit', 'close']) assert.ok(mac.includes(role), role);
});

test('developer tools are in development builds only', () => {
  assert.ok(!roles(template('linux')).includes('toggleDevTools'));
  assert.ok(roles(template('linux', true)).includes('toggleDevTools'));
});

test('File has Export bookmarks… and Import bookmarks…, which call the service’s actions', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    const file = template(platform).find((m) => m.label === 'File');
    assert.ok(file && Array.isArray(file.submenu), platform);
    const items: MenuItemConstructorOptions[] = file.submenu;
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2), ['Export bookmarks…', 'Import bookmarks…']);
    called.length = 0;
    for (const item of items.slice(0, 2)) (item.click as () => void)();
    assert.deepEqual(called, ['export', 'import']);
  }
});

test('our own menu labels follow the UI language; the platform roles stay', () => {
  const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [
      ...(i.label === undefined ? [] : [i.label]),
      ...(Array.isArray(i.submenu) ? labels(i.submenu) : []),
    ]);
  const zh = menuTemplate('linux', false, 'Heitu Reader', actions, MENU_LABELS['zh-Hant']);
  assert.deepEqual(labels(zh), ['檔案', '匯出收藏…', '匯入收藏…', '檢視']);
  const hans = menuTemplate('win32', false, 'Heitu Reader', actions, MENU_LABELS['zh-Hans']);
  assert.deepEqual(labels(hans), ['文件', '导出收藏…', '导入收藏…', '视图']);
  assert.deepEqual(labels(template('linux')), [
    'File',
    'Export bookmarks…',
    'Import bookmarks…',
    'View',
  ]);
  assert.deepEqual(roles(zh), roles(template('linux')));
});

test('Check for Updates… appears only where the app updates itself: the app menu on macOS, File elsewhere', () => {
  const withUpdates: MenuActions = { ...actions, checkForUpdates: () => called.push('updates') };
  const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
    items.flatMap((i) => [
      ...(i.label === label ? [i] : []),
      ...(Array.isArray(i.submenu) ? find(i.submenu, label) : []),
    ]);
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    assert.deepEqual(find(template(platform), 'Check for Updates…'), [], platform);
    const menu = menuTemplate(platform, false, 'Heitu Reader', withUpdates);
    const holder = menu.find((m) => find([m], 'Check for Updates…').length > 0);
    assert.equal(holder?.label, platform === 'darwin' ? 'Heitu Reader' : 'File', platform);
    called.length = 0;
    (find(menu, 'Check for Updates…')[0]!.click as () => void)();
    assert.deepEqual(called, ['updates']);
  }
  const zh = menuTemplate('win32', false, 'Heitu Reader', withUpdates, MENU_LABELS['zh-Hant']);
  assert.equal(find(zh, '檢查更新…').length, 1);
});
