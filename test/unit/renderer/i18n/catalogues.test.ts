import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIST_MESSAGES } from '../../../../renderer/src/i18n/list-messages.ts';
import { MESSAGES } from '../../../../renderer/src/i18n/messages.ts';
import { PANE_MESSAGES } from '../../../../renderer/src/i18n/pane-messages.ts';
import {
  HELP_OVERLAY_MESSAGES,
  SETTINGS_PANEL_MESSAGES,
  SOURCES_PANEL_MESSAGES,
} from '../../../../renderer/src/i18n/panel-messages.ts';
import { SYNC_MESSAGES } from '../../../../renderer/src/i18n/sync-messages.ts';
import { NOTIFY_MESSAGES } from '../../../../renderer/src/i18n/notify-messages.ts';

const TABLES = {
  MESSAGES,
  LIST_MESSAGES,
  PANE_MESSAGES,
  SETTINGS_PANEL_MESSAGES,
  SOURCES_PANEL_MESSAGES,
  HELP_OVERLAY_MESSAGES,
  SYNC_MESSAGES,
  NOTIFY_MESSAGES,
};
const LOCALES = ['zh-Hant', 'zh-Hans', 'en'] as const;

/** Every entry as text: strings as they are, functions called with sample arguments. */
function texts(table: object): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') out.set(key, value);
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
      for (const [key, text] of texts(table[locale])) {
        // A function that says nothing for some counts (unreadSuffix for 0) is fine; a string is not.
        if (typeof (table[locale] as Record<string, unknown>)[key] === 'string')
          assert.notEqual(text.trim(), '', `${name}.${locale}.${key} is blank`);
      }
    }
  }
});

test('the English UI shows no Chinese words of its own, the Chinese UIs no English sentences', () => {
  // Chinese in the English catalogue only where it names the script modes, as their switch does.
  const allowed = /[原文简体繁體臺灣香港]/u;
  for (const [name, table] of Object.entries(TABLES)) {
    for (const [key, text] of texts(table.en)) {
      const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
      assert.ok(
        han.every((c) => allowed.test(c)),
        `${name}.en.${key} has Chinese words: ${text}`,
      );
    }
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      for (const [key, text] of texts(table[locale])) {
        assert.doesNotMatch(
          text.replace(/x\.example|HTTP|JSON|RSS|Atom|OPML|Feed|MB|http|https/g, ''),
          /[A-Za-z]{3,}/,
          `${name}.${locale}.${key} has English words: ${text}`,
        );
      }
    }
  }
});
