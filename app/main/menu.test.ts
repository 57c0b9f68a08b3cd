import assert from 'node:assert/strict';
import { test } from 'node:test';
import { menuTemplate } from './menu.ts';

const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
  items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);

test('the menu carries the platform’s usual commands and shortcuts', () => {
  const linux = roles(menuTemplate('linux', false, 'Heitu Reader'));
  for (const role of [
    'fileMenu',
    'editMenu',
    'windowMenu',
    'zoomIn',
    'zoomOut',
    'resetZoom',
    'togglefullscreen',
  ]) {
    assert.ok(linux.includes(role), role);
  }
  const mac = roles(menuTemplate('darwin', false, 'Heitu Reader'));
  for (const role of ['about', 'hide', 'quit']) assert.ok(mac.includes(role), role);
});

test('developer tools are in development builds only', () => {
  assert.ok(!roles(menuTemplate('linux', false, 'Heitu Reader')).includes('toggleDevTools'));
  assert.ok(roles(menuTemplate('linux', true, 'Heitu Reader')).includes('toggleDevTools'));
});
