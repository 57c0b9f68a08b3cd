import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScriptConverter } from '../../../../app/shared/script-convert.ts';
import { formatListTime } from '../../../../renderer/src/list/list-time.ts';
import {
  articleHeader,
  LABELS_HANT,
  metaTime,
} from '../../../../renderer/src/pane/article-meta.ts';

// Issue 18: one rule for times: the reader's clock in the list and in the pane, with the channel's
// clock (Beijing time) named beside it when it reads differently.

test('the pane’s time is the reader’s, with Beijing time named when it differs', () => {
  const iso = '2019-05-30T00:54:03Z';
  assert.equal(metaTime(iso, '北京時間', 'Asia/Shanghai'), '2019-05-30 08:54');
  // Same instant, same clock reading elsewhere in China's zone: nothing to add.
  assert.equal(metaTime(iso, '北京時間', 'Asia/Taipei'), '2019-05-30 08:54');
  assert.equal(metaTime(iso, '北京時間', 'Europe/Berlin'), '2019-05-30 02:54（北京時間 08:54）');
  // Another day on the reader's clock: the channel's date is named too.
  assert.equal(
    metaTime(iso, '北京時間', 'America/New_York'),
    '2019-05-29 20:54（北京時間 2019-05-30 08:54）',
  );
  assert.equal(metaTime('not a time', '北京時間', 'UTC'), null);
});

test('the pane and the list show the same clock time for the same article', () => {
  const iso = '2026-11-20T13:05:00Z';
  const now = Date.parse('2026-12-06T00:00:00Z');
  for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/Los_Angeles']) {
    const list = formatListTime(iso, now, 'zh-Hant', zone);
    const pane = articleHeader(
      {
        title: 't',
        publishedAt: iso,
        sourceName: null,
        editor: null,
        responsibleEditor: null,
        originalTitle: null,
        copyright: null,
        script: 'hant',
      },
      'original',
      (text) => text,
      zone,
    ).meta;
    const listClock = /\d{2}:\d{2}/.exec(list)?.[0];
    assert.ok(listClock !== undefined, list);
    assert.equal(pane.slice(11, 16), listClock, `${zone}: list ${list}, pane ${pane}`);
  }
});

test('the channel’s clock is named in the reader’s script', () => {
  const cn = createScriptConverter('cn');
  const header = articleHeader(
    {
      title: 't',
      publishedAt: '2019-05-30T00:54:03Z',
      sourceName: '吉林日報',
      editor: null,
      responsibleEditor: null,
      originalTitle: null,
      copyright: null,
      script: 'hant',
    },
    'cn',
    (text, script) => cn.convert(text, script),
    'Europe/London',
  );
  assert.equal(header.meta, '2019-05-30 01:54（北京时间 08:54） | 来源:吉林日报');
  assert.equal(LABELS_HANT.channelZone, '北京時間');
});
