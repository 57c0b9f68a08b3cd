import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentTypeOf, resolveStaticPath } from './static-files.ts';

const root = '/srv/renderer';

test('maps app paths into the renderer folder', () => {
  assert.equal(resolveStaticPath(root, '/'), '/srv/renderer/index.html');
  assert.equal(resolveStaticPath(root, '/app.js'), '/srv/renderer/app.js');
  assert.equal(resolveStaticPath(root, '/icons/a%20b.svg'), '/srv/renderer/icons/a b.svg');
  assert.equal(contentTypeOf('/x/app.js'), 'text/javascript; charset=utf-8');
});

test('refuses anything that would leave the folder or is not a shipped type', () => {
  for (const hostile of [
    '/../package.json',
    '/..%2Fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd.html',
    '/a/../../etc.js',
    '/..\\app.js',
    '/app.js%00.png',
    '/%E0%A4%A',
    '/secret.sqlite3',
    '/run.sh',
  ]) {
    assert.equal(resolveStaticPath(root, hostile), null, hostile);
  }
});
