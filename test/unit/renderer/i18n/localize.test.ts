import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createScriptConverter,
  type ScriptConverter,
} from '../../../../app/shared/script-convert.ts';
import { catalogueFor } from '../../../../app/shared/locale.ts';
import { localizeTable, localizeWhenIdle } from '../../../../renderer/src/i18n/localize.ts';
import { MESSAGES } from '../../../../renderer/src/i18n/messages.ts';
import { SETTINGS_PANEL_MESSAGES } from '../../../../renderer/src/i18n/panel-messages.ts';

/** Counts the strings a converter converts. */
function counting(mode: 'cn' | 'hk'): { converter: ScriptConverter; calls: () => number } {
  const inner = createScriptConverter(mode);
  let calls = 0;
  const converter: ScriptConverter = {
    ...inner,
    convert: (text, from) => {
      calls += 1;
      return inner.convert(text, from);
    },
  };
  return { converter, calls: () => calls };
}

test('a table is converted once per converter and locale, a string when first read, then kept', () => {
  const { converter, calls } = counting('cn');
  const first = localizeTable(MESSAGES, 'zh-Hant', converter);
  assert.equal(calls(), 0, 'nothing converted before it is read');
  assert.equal(first.appName, '黑土阅读');
  assert.equal(calls(), 1, 'the one string read');
  assert.equal(localizeTable(MESSAGES, 'zh-Hant', converter), first);
  assert.equal(first.appName, '黑土阅读');
  assert.equal(calls(), 1, 'kept');
  assert.deepEqual(Object.keys(first), Object.keys(MESSAGES['zh-Hans']), 'every key, enumerable');
});

test('idle time converts every table to every script ahead, a little per idle callback', () => {
  const cn = counting('cn');
  const hk = counting('hk');
  const queue: ((deadline: IdleDeadline) => void)[] = [];
  // Idle callbacks with no time to spare: each still converts one table.
  const idle = (run: (deadline: IdleDeadline) => void) => queue.push(run);
  const oneJob = (): IdleDeadline => ({ didTimeout: false, timeRemaining: () => 0 });
  const tables = [
    MESSAGES,
    { 'zh-Hant': { ok: '確定' }, 'zh-Hans': { ok: '确定' }, en: { ok: 'OK' } },
  ];
  localizeWhenIdle(tables, 'zh-Hant', [cn.converter, hk.converter], idle);
  assert.equal(cn.calls() + hk.calls(), 0, 'nothing before idle time');
  let callbacks = 0;
  while (queue.length > 0) {
    queue.shift()?.(oneJob());
    callbacks += 1;
  }
  assert.equal(callbacks, 4, 'one table per callback: 2 tables × 2 scripts');
  // A switch now finds them converted: no more conversions.
  const before = cn.calls() + hk.calls();
  assert.equal(localizeTable(MESSAGES, 'zh-Hant', hk.converter).appName, '黑土閲讀');
  assert.equal(localizeTable(MESSAGES, 'zh-Hant', cn.converter).appName, '黑土阅读');
  assert.equal(cn.calls() + hk.calls(), before);
});

test('an English UI converts nothing ahead', () => {
  const cn = counting('cn');
  let scheduled = 0;
  localizeWhenIdle([MESSAGES], 'en', [cn.converter], () => (scheduled += 1));
  assert.equal(scheduled, 0);
});

test('every pairing of UI language and script takes the wording of the script’s own catalogue', () => {
  interface Words {
    readonly exportWord: string;
    readonly ui: string;
    readonly file: string;
  }
  const words: Readonly<Record<'zh-Hant' | 'zh-Hans' | 'en', Words>> = {
    'zh-Hant': { exportWord: '匯出收藏', ui: '介面語言', file: '匯入收藏（JSON 檔）' },
    'zh-Hans': { exportWord: '导出收藏', ui: '界面语言', file: '导入收藏（JSON 文件）' },
    en: { exportWord: 'Export', ui: 'Interface', file: 'JSON file' },
  };
  const table = {
    'zh-Hant': words['zh-Hant'],
    'zh-Hans': words['zh-Hans'],
    en: words.en,
  };
  const cases = [
    // [UI language, script, what the reader reads]
    ['zh-Hant', 'cn', words['zh-Hans']],
    ['zh-Hans', 'cn', words['zh-Hans']],
    ['zh-Hant', 'tw', words['zh-Hant']],
    ['zh-Hans', 'tw', { exportWord: '匯出收藏', ui: '介面語言', file: '匯入收藏（JSON 檔）' }],
    ['zh-Hant', 'hk', { exportWord: '匯出收藏', ui: '介面語言', file: '匯入收藏（JSON 檔）' }],
    ['zh-Hans', 'twp', { exportWord: '匯出收藏', ui: '介面語言', file: '匯入收藏（JSON 檔）' }],
  ] as const;
  for (const [locale, mode, expected] of cases) {
    assert.deepEqual(
      { ...localizeTable(table, locale, createScriptConverter(mode)) },
      expected,
      `${locale} UI in ${mode}`,
    );
  }
  // 原文: the UI language's own catalogue as written.
  assert.equal(catalogueFor('zh-Hant', 'original'), 'zh-Hant');
  assert.equal(catalogueFor('zh-Hans', 'original'), 'zh-Hans');
  // The app's own strings: a 繁體 UI read in 简体 says 界面, not 介面.
  const settings = localizeTable(SETTINGS_PANEL_MESSAGES, 'zh-Hant', createScriptConverter('cn'));
  assert.equal(settings.uiLanguage, '界面语言');
  assert.equal(settings.exportBookmarks, '导出收藏');
});
