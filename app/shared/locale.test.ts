import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveLocale } from './locale.ts';

test('the UI language follows the setting, or the first preferred language we have', () => {
  assert.equal(resolveLocale('en', ['zh-TW']), 'en');
  assert.equal(resolveLocale('zh-Hans', ['en-US']), 'zh-Hans');
  assert.equal(resolveLocale('system', ['zh-TW', 'en']), 'zh-Hant');
  assert.equal(resolveLocale('system', ['zh-HK']), 'zh-Hant');
  assert.equal(resolveLocale('system', ['zh-Hant-MO']), 'zh-Hant');
  assert.equal(resolveLocale('system', ['zh-CN']), 'zh-Hans');
  assert.equal(resolveLocale('system', ['zh']), 'zh-Hans');
  assert.equal(resolveLocale('system', ['fr-FR', 'en-GB', 'zh-TW']), 'en');
  assert.equal(resolveLocale('system', ['fr-FR', 'de']), 'en');
  assert.equal(resolveLocale('system', []), 'en');
});
