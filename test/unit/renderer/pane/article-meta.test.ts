import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceScript } from '../../../../app/shared/articles.ts';
import { createScriptConverter } from '../../../../app/shared/script-convert.ts';
import {
  LABELS_HANS,
  LABELS_HANT,
  articleHeader,
  channelTime,
  formatMetaLine,
  formatOriginalTitle,
  metaLabels,
  type HeaderSource,
} from '../../../../renderer/src/pane/article-meta.ts';
import type { Convert } from '../../../../renderer/src/script/convert.ts';

// The assertions below are for a reader on the channel's clock (Beijing time), where the meta line
// reads as the channel prints it; readers elsewhere: article-time.test.ts.
process.env.TZ = 'Asia/Shanghai';

/** The seed article (test/fixtures/seed/cri-jilin-channel-article.txt), as the library holds it. */
const SEED: HeaderSource = {
  title: '天津市黨政代表團來吉林考察對口合作',
  publishedAt: '2019-05-30T00:54:03Z',
  sourceName: '吉林日報',
  editor: '田東艷',
  responsibleEditor: '劉徵宇',
  originalTitle: '天津市黨政代表團來吉考察對口合作',
  copyright: '國際在線版權與信息産品內容銷售的聲明',
  script: 'hant',
};

/** Records its calls; marks converted text so the test sees what went through it. */
function spyConverter(): { convert: Convert; calls: [string, SourceScript][] } {
  const calls: [string, SourceScript][] = [];
  return {
    calls,
    convert: (text, script) => {
      calls.push([text, script]);
      return `«${text}»`;
    },
  };
}

const cn = createScriptConverter('cn');
const tw = createScriptConverter('tw');
const toCn: Convert = (text, script) => cn.convert(text, script);
const toTw: Convert = (text, script) => tw.convert(text, script);

test('channelTime: YYYY-MM-DD HH:mm in Beijing time, whatever the zone of the ISO string', () => {
  assert.equal(channelTime('2019-05-30T00:54:03Z'), '2019-05-30 08:54');
  assert.equal(channelTime('2019-05-30T00:54:03.999Z'), '2019-05-30 08:54');
  assert.equal(channelTime('2019-05-30T08:54:03+08:00'), '2019-05-30 08:54');
  // Crosses midnight in Beijing; the hour is 00, never 24.
  assert.equal(channelTime('2019-05-29T16:05:00Z'), '2019-05-30 00:05');
  assert.equal(channelTime('2020-12-31T16:00:00Z'), '2021-01-01 00:00');
  assert.equal(channelTime('2019-05-30T15:59:00Z'), '2019-05-30 23:59');
});

test('channelTime: null for a time that does not parse', () => {
  assert.equal(channelTime(''), null);
  assert.equal(channelTime('yesterday'), null);
});

test('formatMetaLine: exactly as the channel prints it', () => {
  assert.equal(
    formatMetaLine(SEED, LABELS_HANT),
    '2019-05-30 08:54 | 來源:吉林日報 | 編輯:田東艷 | 責編:劉徵宇',
  );
});

test('formatMetaLine: absent, empty and blank parts are left out; values are trimmed', () => {
  const base = { publishedAt: SEED.publishedAt, sourceName: null, editor: null };
  assert.equal(
    formatMetaLine({ ...base, responsibleEditor: ' 劉徵宇 ' }, LABELS_HANT),
    '2019-05-30 08:54 | 責編:劉徵宇',
  );
  assert.equal(
    formatMetaLine({ ...base, sourceName: '', editor: '  ', responsibleEditor: null }, LABELS_HANT),
    '2019-05-30 08:54',
  );
  assert.equal(
    formatMetaLine(
      { ...base, publishedAt: 'bad', sourceName: '新華社', responsibleEditor: null },
      LABELS_HANS,
    ),
    '来源:新華社',
  );
  assert.equal(
    formatMetaLine({ ...base, publishedAt: 'bad', responsibleEditor: null }, LABELS_HANT),
    '',
  );
});

test('formatOriginalTitle', () => {
  assert.equal(formatOriginalTitle('天津 ', LABELS_HANT), '原題:天津');
  assert.equal(formatOriginalTitle('天津', LABELS_HANS), '原题:天津');
});

test("metaLabels: 原文 mode shows them in the article's own script, unconverted", () => {
  const spy = spyConverter();
  assert.deepEqual(metaLabels('original', 'hans', spy.convert), LABELS_HANS);
  assert.deepEqual(metaLabels('original', 'hant', spy.convert), LABELS_HANT);
  assert.deepEqual(metaLabels('original', 'unknown', spy.convert), LABELS_HANT);
  assert.deepEqual(spy.calls, []);
});

test("metaLabels: other modes convert the channel's Traditional labels, as hant", () => {
  const spy = spyConverter();
  const labels = metaLabels('cn', 'hans', spy.convert);
  assert.equal(labels.source, '«來源»');
  assert.ok(spy.calls.every(([, script]) => script === 'hant'));
  assert.deepEqual(metaLabels('cn', 'hans', toCn), LABELS_HANS);
  assert.deepEqual(metaLabels('cn', 'hant', toCn), LABELS_HANS);
  assert.deepEqual(metaLabels('tw', 'hans', toTw), LABELS_HANT);
});

test('articleHeader: 原文 mode is the article exactly as published', () => {
  const spy = spyConverter();
  assert.deepEqual(articleHeader(SEED, 'original', spy.convert), {
    title: SEED.title,
    meta: '2019-05-30 08:54 | 來源:吉林日報 | 編輯:田東艷 | 責編:劉徵宇',
    originalTitle: '原題:天津市黨政代表團來吉考察對口合作',
    copyright: SEED.copyright,
  });
  assert.deepEqual(spy.calls, []);
  const hans = articleHeader(
    { ...SEED, script: 'hans', sourceName: '吉林日报', editor: null },
    'original',
    spy.convert,
  );
  assert.equal(hans.meta, '2019-05-30 08:54 | 来源:吉林日报 | 责编:劉徵宇');
  assert.equal(hans.originalTitle, '原题:天津市黨政代表團來吉考察對口合作');
});

test('articleHeader: article text converts from its own script, labels from hant', () => {
  const spy = spyConverter();
  const header = articleHeader({ ...SEED, script: 'hans' }, 'tw', spy.convert);
  assert.equal(header.title, `«${SEED.title}»`);
  assert.equal(
    header.meta,
    '2019-05-30 08:54 | «來源»:«吉林日報» | «編輯»:«田東艷» | «責編»:«劉徵宇»',
  );
  assert.equal(header.originalTitle, '«原題»:«天津市黨政代表團來吉考察對口合作»');
  assert.equal(header.copyright, `«${SEED.copyright ?? ''}»`);
  const scriptOf = new Map(spy.calls);
  assert.equal(scriptOf.get(SEED.title), 'hans');
  assert.equal(scriptOf.get('吉林日報'), 'hans');
  assert.equal(scriptOf.get('來源'), 'hant');
  // The copyright notice is the channel's boilerplate: converted whichever script it is in.
  assert.equal(scriptOf.get(SEED.copyright ?? ''), 'unknown');
});

test('articleHeader: the seed article in 简体', () => {
  const header = articleHeader(SEED, 'cn', toCn);
  assert.equal(header.title, '天津市党政代表团来吉林考察对口合作');
  assert.equal(header.meta, '2019-05-30 08:54 | 来源:吉林日报 | 编辑:田东艳 | 责编:刘征宇');
  assert.equal(header.originalTitle, '原题:天津市党政代表团来吉考察对口合作');
  assert.equal(header.copyright, '国际在线版权与信息产品内容销售的声明');
});

test('articleHeader: null and blank optional fields are left out', () => {
  const header = articleHeader(
    {
      ...SEED,
      sourceName: null,
      editor: null,
      responsibleEditor: null,
      originalTitle: ' ',
      copyright: null,
    },
    'tw',
    toTw,
  );
  assert.equal(header.meta, '2019-05-30 08:54');
  assert.equal(header.originalTitle, null);
  assert.equal(header.copyright, null);
});
