import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { noticeFor, statusForError, updateSupport, type InstallFacts } from './update-policy.ts';

const installed = (facts: Partial<InstallFacts>): InstallFacts => ({
  isPackaged: true,
  platform: 'linux',
  appImage: undefined,
  resourcesPath: '/nonexistent',
  ...facts,
});

test('only an installed AppImage, NSIS or macOS app updates itself', (t) => {
  const resources = mkdtempSync(join(tmpdir(), 'heitu-resources-'));
  t.after(() => rmSync(resources, { recursive: true, force: true }));
  assert.equal(updateSupport(installed({ isPackaged: false })), 'development');
  assert.equal(updateSupport(installed({ isPackaged: false, platform: 'win32' })), 'development');
  assert.equal(updateSupport(installed({ platform: 'win32' })), 'self');
  assert.equal(updateSupport(installed({ platform: 'darwin' })), 'self');
  assert.equal(updateSupport(installed({ appImage: '/home/r/Heitu.AppImage' })), 'self');
  assert.equal(updateSupport(installed({ resourcesPath: resources })), 'unsupported');
  // electron-builder writes resources/package-type into a .deb.
  writeFileSync(join(resources, 'package-type'), 'deb\n');
  assert.equal(updateSupport(installed({ resourcesPath: resources })), 'package-manager');
  assert.equal(updateSupport(installed({ platform: 'freebsd' })), 'unsupported');
});

test('no network or no server is "unreachable"; anything else "failed"', () => {
  const coded = (code: string, message: string) => Object.assign(new Error(message), { code });
  for (const error of [
    coded('ENOTFOUND', 'getaddrinfo ENOTFOUND updates.invalid'),
    coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
    new Error('net::ERR_INTERNET_DISCONNECTED'),
    new Error('net::ERR_NAME_NOT_RESOLVED'),
  ]) {
    assert.equal(statusForError(error).kind, 'unreachable', error.message);
  }
  for (const error of [
    coded('ERR_UPDATER_INVALID_VERSION', 'App version is not a valid semver version: "x"'),
    new Error('sha512 checksum mismatch, expected a, got b'),
    'a thrown string',
  ]) {
    assert.equal(statusForError(error).kind, 'failed');
  }
  const long = statusForError(new Error(`${'x'.repeat(400)}\nstack`));
  assert.equal((long as { message: string }).message.length, 300);
});

test('a background check shows only a ready update; a check the reader asked for shows its result', () => {
  const ready = { kind: 'ready', version: '0.2.0' } as const;
  assert.equal(noticeFor(ready, false), 'restart-to-update');
  assert.equal(noticeFor(ready, true), 'restart-to-update');
  for (const status of [
    { kind: 'up-to-date', latest: '0.1.0' },
    { kind: 'unreachable', message: 'ENOTFOUND' },
    { kind: 'failed', message: 'bad' },
    { kind: 'off' },
  ] as const) {
    assert.equal(noticeFor(status, false), 'none', status.kind);
    assert.equal(noticeFor(status, true), 'result-dialog', status.kind);
  }
});
