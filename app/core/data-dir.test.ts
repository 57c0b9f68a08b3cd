import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { defaultDataDir } from './data-dir.ts';

test('the data folder follows Electron’s userData rule on each platform', () => {
  assert.equal(defaultDataDir({}, 'linux', '/home/li'), '/home/li/.config/Heitu Reader');
  assert.equal(
    defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/li'),
    '/xdg/Heitu Reader',
  );
  assert.equal(
    defaultDataDir({}, 'darwin', '/Users/li'),
    '/Users/li/Library/Application Support/Heitu Reader',
  );
  assert.equal(
    defaultDataDir({ APPDATA: 'C:/Users/li/AppData/Roaming' }, 'win32', 'C:/Users/li'),
    join('C:/Users/li/AppData/Roaming', 'Heitu Reader'),
  );
});

test('HEITU_DATA_DIR wins everywhere; an empty one is ignored', () => {
  assert.equal(defaultDataDir({ HEITU_DATA_DIR: 'lib' }, 'linux', '/home/li'), resolve('lib'));
  assert.equal(
    defaultDataDir({ HEITU_DATA_DIR: '' }, 'linux', '/home/li'),
    '/home/li/.config/Heitu Reader',
  );
});
