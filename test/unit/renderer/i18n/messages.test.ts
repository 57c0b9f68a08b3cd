import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScriptConverter } from '../../../../app/shared/script-convert.ts';
import { convertMessages, MESSAGES } from '../../../../renderer/src/i18n/messages.ts';
import { SYNC_MESSAGES } from '../../../../renderer/src/i18n/sync-messages.ts';

const toHans = createScriptConverter('cn');
const convert = (text: string): string => toHans.convert(text, 'hant');

test('message words change script; the reader’s own words passed in do not', () => {
  const table = {
    title: '設定',
    results: (query: string) => `「${query}」的搜尋結果`,
    remove: (from: string) => `刪除「${from}」`,
    hours: (n: number) => (n % 60 === 0 ? `每 ${n / 60} 小時` : `每 ${n} 分鐘`),
    limit: 500,
  };
  const out = convertMessages(table, convert);
  assert.equal(out.title, '设定');
  assert.equal(out.results('長春 發展'), '「長春 發展」的搜寻结果');
  assert.equal(out.remove('農安'), '删除「農安」');
  // Numbers still take part in the message's own logic.
  assert.equal(out.hours(120), '每 2 小时');
  assert.equal(out.hours(15), '每 15 分钟');
  assert.equal(out.limit, 500);
});

test('the app’s own table converts whole, with placeholders never leaking', () => {
  const out = convertMessages(MESSAGES['zh-Hant'], convert);
  assert.equal(out.appName, '黑土阅读');
  assert.equal(out.noResults('\uE000'), '找不到「\uE000」。');
  const sync = convertMessages(SYNC_MESSAGES['zh-Hant'], convert);
  assert.equal(sync.partial(3, 1), '部分来源同步失败：新增 3 篇，1 个来源失败');
  assert.equal(sync.done(3, 40), '同步完成：新增 3 篇，40 篇较旧的超出上限未取');
});
