import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  APP_START_URL,
  isAppUrl,
  isOpenableExternally,
  isPermissionGranted,
  isTrustedSender,
} from './policy.ts';

test('only our own app://heitu origin counts as the app', () => {
  assert.equal(isAppUrl(APP_START_URL), true);
  assert.equal(isAppUrl('app://heitu/deep/path?x=1'), true);
  for (const other of [
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://heitu/',
    'http://127.0.0.1/',
    'javascript:alert(1)',
    'app:heitu',
    '',
    null,
    undefined,
  ]) {
    assert.equal(isAppUrl(other), false, String(other));
  }
});

test('links open in the system browser only for http(s) without credentials', () => {
  assert.equal(isOpenableExternally('https://news.cri.cn/20190530/abc.html'), true);
  assert.equal(isOpenableExternally('http://jl.cri.cn/'), true);
  for (const hostile of [
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@example.com/',
    'app://heitu/index.html',
    'not a url',
  ]) {
    assert.equal(isOpenableExternally(hostile), false, hostile);
  }
});

test('IPC is answered only for our window’s top frame at app://heitu', () => {
  const contents = {};
  const mainFrame = { url: 'app://heitu/index.html' };
  const own = { contents, mainFrame };
  assert.equal(isTrustedSender({ sender: contents, senderFrame: mainFrame }, own), true);
  // another window, an iframe, a navigated-away frame, a destroyed frame, no window at all
  assert.equal(isTrustedSender({ sender: {}, senderFrame: mainFrame }, own), false);
  assert.equal(
    isTrustedSender({ sender: contents, senderFrame: { url: 'app://heitu/index.html' } }, own),
    false,
  );
  const navigated = { url: 'https://evil.example/' };
  assert.equal(
    isTrustedSender(
      { sender: contents, senderFrame: navigated },
      { contents, mainFrame: navigated },
    ),
    false,
  );
  assert.equal(isTrustedSender({ sender: contents, senderFrame: null }, own), false);
  assert.equal(isTrustedSender({ sender: contents, senderFrame: mainFrame }, null), false);
});

test('the window may write to the clipboard and nothing else, and only from our own page', () => {
  assert.equal(isPermissionGranted('clipboard-sanitized-write', APP_START_URL), true);
  assert.equal(isPermissionGranted('clipboard-sanitized-write', 'https://jl.example/'), false);
  assert.equal(isPermissionGranted('clipboard-sanitized-write', undefined), false);
  for (const other of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal'])
    assert.equal(isPermissionGranted(other, APP_START_URL), false, other);
});
