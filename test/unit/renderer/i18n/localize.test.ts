import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createScriptConverter,
  type ScriptConverter,
} from '../../../../app/shared/script-convert.ts';
import { localizeTable, localizeWhenIdle } from '../../../../renderer/src/i18n/localize.ts';
import { MESSAGES } from '../../../../renderer/src/i18n/messages.ts';

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

test('a table is converted once per converter and locale, then kept', () => {
  const { converter, calls } = counting('cn');
  const first = localizeTable(MESSAGES, 'zh-Hant', converter);
  const after = calls();
  assert.ok(after > 0);
  assert.equal(localizeTable(MESSAGES, 'zh-Hant', converter), first);
  assert.equal(calls(), after);
  assert.equal(first.appName, '黑土阅读');
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
