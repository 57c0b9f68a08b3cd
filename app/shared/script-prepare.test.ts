// Its own file, so its own process: the dictionaries here are built by prepareConverters alone.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { createScriptConverter, prepareConverters } from './script-convert.ts';

const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
};
const seed = readFileSync(
  new URL('../../test/fixtures/seed/cri-jilin-channel-article.txt', import.meta.url),
  'utf8',
);

test('prepareConverters builds the dictionaries in slices, pausing between them', async () => {
  let pauses = 0;
  await prepareConverters(['cn', 'tw', 'twp', 'hk'], () => {
    pauses += 1;
    return Promise.resolve();
  });
  // Tens of thousands of dictionary entries at 2,000 a slice, plus one pause per trie.
  assert.ok(pauses > 30, `only ${pauses} pauses`);

  // Built once: a second call finds everything ready and does not pause at all.
  let again = 0;
  await prepareConverters(['tw', 'hk'], () => {
    again += 1;
    return Promise.resolve();
  });
  assert.equal(again, 0);
});

test('converters made from sliced dictionaries convert exactly as opencc-js does', async () => {
  await prepareConverters(['cn', 'tw', 'twp', 'hk'], () => Promise.resolve(), 500);
  const traditional = Converter({ from: 'cn', to: 'tw' })(seed);
  const cases: [string, string, 'hans' | 'hant', string][] = [
    ['tw', 'cn', 'hans', seed],
    ['twp', 'cn', 'hans', seed],
    ['hk', 'cn', 'hans', seed],
    ['cn', 'tw', 'hant', traditional],
  ];
  for (const [mode, from, script, text] of cases) {
    const ours = createScriptConverter(mode as 'tw' | 'twp' | 'hk' | 'cn').convert(text, script);
    const raw = Converter({ from, to: mode })(text);
    // The project dictionary changes only its own phrases; none of them is in the seed page.
    assert.equal(ours, raw, `${from} → ${mode}`);
  }
  assert.equal(createScriptConverter('tw').convert('政府干预', 'hans'), '政府干預');
});

test('lazily built tries match opencc-js on astral characters, description sequences and phrases across the seam', async () => {
  await prepareConverters(['cn', 'tw', 'twp', 'hk'], () => Promise.resolve());
  const texts = [
    '𠮷野家的𠮷字和「⿰氵主」⿱艹化在长春發展',
    '一发千钧之际，万里长城，三只手，一干二净',
    '長春市發展新聞：記者采访了张国清市长',
    '',
    'abc 123 ¥€ 😀',
  ];
  const presets = { cn: ['tw', 'cn'], tw: ['cn', 'tw'], twp: ['cn', 'twp'], hk: ['cn', 'hk'] };
  for (const [mode, [from, to]] of Object.entries(presets) as [
    'cn' | 'tw' | 'twp' | 'hk',
    string[],
  ][]) {
    const raw = Converter({ from: from ?? '', to: to ?? '' });
    for (const text of texts)
      assert.equal(
        createScriptConverter(mode).convert(text, 'unknown'),
        raw(text),
        `${mode}: ${text}`,
      );
  }
});
