import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEWS_API_ARGS, NEWS_API_METHODS, ipcChannel, isNewsMethod } from './contract.ts';
import { NewsApiError, unwrapResult } from './errors.ts';
import { DEFAULT_SETTINGS, SettingsSchema, applySettingsPatch } from './settings.ts';
import { parseCall } from './validate.ts';
import * as v from 'valibot';

function rejects(method: unknown, args: unknown, code: string, pattern?: RegExp): void {
  assert.throws(
    () => parseCall(method, args),
    (error: unknown) => {
      assert.ok(error instanceof NewsApiError);
      assert.equal(error.code, code);
      if (pattern) assert.match(error.message, pattern);
      return true;
    },
  );
}

test('every listed method has a validator and an IPC channel, and nothing else does', () => {
  assert.deepEqual(Object.keys(NEWS_API_ARGS).sort(), [...NEWS_API_METHODS].sort());
  assert.equal(new Set(NEWS_API_METHODS.map(ipcChannel)).size, NEWS_API_METHODS.length);
  assert.equal(ipcChannel('getStatus'), 'news:getStatus');
  assert.equal(isNewsMethod('getStatus'), true);
  assert.equal(isNewsMethod('constructor'), false);
  assert.equal(isNewsMethod('__proto__'), false);
});

test('valid calls pass through with their arguments', () => {
  assert.deepEqual(parseCall('listRegions', []), []);
  assert.deepEqual(parseCall('setSettings', [{ theme: 'dark', textScale: 120 }]), [
    { theme: 'dark', textScale: 120 },
  ]);
});

test('bad calls are refused with a typed error that says what is wrong', () => {
  rejects('dropDatabase', [], 'UNKNOWN_METHOD', /dropDatabase/);
  rejects(42, [], 'UNKNOWN_METHOD');
  rejects('listRegions', ['extra'], 'BAD_ARGUMENT', /listRegions/);
  rejects('listRegions', {}, 'BAD_ARGUMENT');
  rejects('listRegions', null, 'BAD_ARGUMENT');
  rejects('setSettings', [], 'BAD_ARGUMENT');
  rejects('setSettings', [{ theme: 'purple' }], 'BAD_ARGUMENT', /theme/);
  rejects('setSettings', [{ textScale: 1e9 }], 'BAD_ARGUMENT', /textScale/);
  rejects('setSettings', [{ textScale: 1.5 }], 'BAD_ARGUMENT');
  rejects('setSettings', [{ lastRegion: 'beijing' }], 'BAD_ARGUMENT', /lastRegion/);
  rejects('setSettings', [{ isAdmin: true }], 'BAD_ARGUMENT');
  rejects(
    'setSettings',
    [{ __proto__: { theme: 'dark' }, retentionDays: 'forever' }],
    'BAD_ARGUMENT',
  );
});

test('the defaults are valid settings, and a patch changes only what it names', () => {
  assert.ok(v.safeParse(SettingsSchema, DEFAULT_SETTINGS).success);
  const next = applySettingsPatch(DEFAULT_SETTINGS, { theme: 'dark', script: undefined });
  assert.equal(next.theme, 'dark');
  assert.equal(next.script, DEFAULT_SETTINGS.script);
  assert.equal(DEFAULT_SETTINGS.theme, 'system', 'the base is not mutated');
});

test('results unwrap to values, typed errors, or a clear error for garbage', () => {
  assert.equal(unwrapResult({ ok: true, value: 3 }), 3);
  assert.throws(
    () => unwrapResult({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }),
    (e: unknown) => e instanceof NewsApiError && e.code === 'NOT_FOUND' && e.message === 'gone',
  );
  assert.throws(
    () => unwrapResult({ ok: false, error: { code: 'NOPE', message: 'x' } }),
    /does not understand/,
  );
  assert.throws(() => unwrapResult('<html>'), /does not understand/);
});
