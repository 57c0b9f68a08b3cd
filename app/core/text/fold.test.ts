import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold } from './fold.ts';
import { indexTokenBytes, indexTokens, parseQuery, searchTokens } from './search-tokens.ts';

test('Simplified, Traditional, Taiwan and Hong Kong forms fold to the same text', () => {
  const pairs: [string, string][] = [
    ['長春市政府發布', '长春市政府发布'],
    ['遼源', '辽源'],
    ['延邊朝鮮族自治州', '延边朝鲜族自治州'],
    ['長白山保護開發區', '长白山保护开发区'],
    ['頭髮', '头发'],
    ['餘華', '余华'],
    ['臺灣', '台湾'],
    ['裏面', '里面'],
    ['着', '著'],
    ['馀', '余'],
    ['ＪＩＬＩＮ２０２６', 'jilin2026'],
    // Latin letters with diacritics fold to lower case like ASCII ones.
    ['ÜRÜMQI CAFÉ Łódź', 'ürümqi café łódź'],
  ];
  for (const [a, b] of pairs) assert.equal(fold(a), fold(b), `${a} / ${b}`);
});

test('folding keeps the length, so offsets in folded text are offsets in the original', () => {
  for (const text of [
    '長春市,G20峰會。雪',
    '𠀀 surrogate pairs stay as they are 😀',
    'İstanbul',
    '',
  ]) {
    assert.equal(fold(text).length, text.length);
  }
});

test('index tokens: every CJK character and bigram once, words whole with their first letter', () => {
  assert.equal(indexTokens('長春市,G20峰會。雪'), '长 春 长春 市 春市 g g20 峰 会 峰会 雪');
  assert.equal(
    indexTokens('長春市長春', 'ＪＩＬＩＮ jilin'),
    '长 春 长春 市 春市 市长 j jilin jilin',
  );
  assert.equal(indexTokens(''), '');
  // Written as UTF-8 bytes for SQLite: 1-, 2- and 3-byte characters.
  assert.equal(indexTokens('Café 長春'), 'c café 长 春 长春');
  assert.deepEqual(indexTokenBytes('Café 長春'), Buffer.from('c café 长 春 长春', 'utf8'));
});

test('a summary that starts the body adds no tokens and is not tokenized twice', () => {
  assert.equal(searchTokens('標題', '長春市', '長春市民'), indexTokens('標題', '長春市民'));
  assert.equal(searchTokens('標題', '吉林', '長春'), indexTokens('標題', '吉林', '長春'));
  // A word cut short would be a token of its own.
  assert.equal(searchTokens('t', 'jil', 'jilin'), indexTokens('t', 'jil', 'jilin'));
});

test('queries become FTS5 expressions that say when the index needs a check', () => {
  assert.deepEqual(parseQuery('長春'), { match: '"长春"', runs: ['长春'], needsCheck: false });
  assert.deepEqual(parseQuery('雪'), { match: '"雪"', runs: ['雪'], needsCheck: false });
  assert.equal(parseQuery('g').match, '"g"');
  assert.equal(parseQuery('jil').match, '"jil"*');
  assert.equal(parseQuery('長春市').match, '"长春" AND "春市"');
  assert.equal(parseQuery('長春市').needsCheck, true);
  // FTS5 syntax in a query is just text.
  assert.equal(parseQuery('"長春" OR NEAR(').match, '"长春" AND "or" AND "near"*');
  assert.equal(parseQuery('!!! ,,,').match, '');
});
