import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UI_TABLES } from '../../../../renderer/src/i18n/locale-controller.ts';

/** Every table of the UI's strings, as the app converts them (named by their first key). */
const TABLES = Object.fromEntries(
  UI_TABLES.map((table) => [Object.keys(table.en)[0] ?? '?', table] as const),
);
const LOCALES = ['zh-Hant', 'zh-Hans', 'en'] as const;

/** Every entry as text: strings as they are, functions called with sample arguments. */
function texts(table: object, stringsOnly = false): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') out.set(key, value);
    else if (stringsOnly) continue;
    else if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      const args = Array.from({ length: fn.length }, (_, i) => (i % 2 === 0 ? 'x.example' : 7));
      out.set(key, String(fn(...args)));
    }
  }
  return out;
}

test('every catalogue has every key in every UI language, none of them blank', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    const keys = LOCALES.map((locale) => [...texts(table[locale]).keys()].sort());
    assert.deepEqual(keys[1], keys[0], `${name}: zh-Hans has the keys of zh-Hant`);
    assert.deepEqual(keys[2], keys[0], `${name}: en has the keys of zh-Hant`);
    for (const locale of LOCALES) {
      // A function that says nothing for some counts (unreadSuffix for 0) is fine; a string is not.
      for (const [key, text] of texts(table[locale], true))
        assert.notEqual(text.trim(), '', `${name}.${locale}.${key} is blank`);
    }
  }
});

test('the English UI shows no Chinese words of its own, the Chinese UIs no English sentences', () => {
  // Chinese in the English catalogue only where it names the script modes, as their switch does.
  const allowed = /[原文简体繁體臺灣香港]/u;
  for (const [name, table] of Object.entries(TABLES)) {
    for (const [key, text] of texts(table.en)) {
      const han = text.match(/\p{Script=Han}/gu) ?? [];
      assert.ok(
        han.every((c) => allowed.test(c)),
        `${name}.en.${key} has Chinese words: ${text}`,
      );
    }
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      for (const [key, text] of texts(table[locale])) {
        assert.doesNotMatch(
          text.replace(/x\.example|HTTP|JSON|RSS|Atom|OPML|Feed|MB|http|https|`heitu [a-z]+`/g, ''),
          /[A-Za-z]{3,}/,
          `${name}.${locale}.${key} has English words: ${text}`,
        );
      }
    }
  }
});
