import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { detectScript } from './script-detect.ts';

type ConverterFn = (text: string) => string;
const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => ConverterFn;
};
const toSimplified = Converter({ from: 'tw', to: 'cn' });

const seed = readFileSync(
  new URL('../../../test/fixtures/seed/cri-jilin-channel-article.txt', import.meta.url),
  'utf8',
);

test('the seed article, as the channel publishes it, is Traditional', () => {
  assert.equal(detectScript(seed), 'hant');
  assert.equal(detectScript('天津市黨政代表團來吉林考察對口合作'), 'hant');
});

test('the same article converted to Simplified is Simplified', () => {
  assert.equal(detectScript(toSimplified(seed)), 'hans');
  assert.equal(detectScript('天津市党政代表团来吉林考察对口合作'), 'hans');
});

test('short text, or text whose characters both scripts share, cannot be told', () => {
  for (const text of ['四平 通化', '吉林', '白山松原', '四平市白城市', '長春', '长春', '']) {
    assert.equal(detectScript(text), 'unknown', text);
  }
});

test('text without Chinese characters is unknown', () => {
  assert.equal(detectScript('Jilin province news, 2019-05-30 08:54:03'), 'unknown');
  assert.equal(detectScript('0431-81126178 jilin@cri.cn'), 'unknown');
});

test('mixed text goes to the script most of it is in', () => {
  // A Traditional report quoting a Simplified slogan.
  const traditional = '長春市舉辦冰雪節開幕式,現場觀眾熱情高漲,主辦方打出標語「冰雪欢乐」。';
  assert.equal(detectScript(traditional), 'hant');
  const simplified = '长春市举办冰雪节开幕式,现场观众热情高涨,主办方打出标语「冰雪歡樂」。';
  assert.equal(detectScript(simplified), 'hans');
});

test('text split evenly between the scripts is unknown', () => {
  assert.equal(detectScript('長春 长春 遼源 辽源'), 'unknown');
});

test('only the start of a long text is read', () => {
  // A long Traditional article whose tail (past the first few thousand characters) is Simplified.
  const head = '長春市舉辦冰雪節。'.repeat(600);
  const tail = '长春市举办冰雪节。'.repeat(2000);
  assert.ok(head.length > 4000);
  assert.equal(detectScript(head + tail), 'hant');
});
