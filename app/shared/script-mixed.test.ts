/**
 * Issue 18: every mode converts every piece of a text that mixes scripts, whatever script the
 * text was detected as. Mixed strings are made from the channel's own article (the seed
 * fixture, Traditional) and its Simplified conversion: half of one sentence in one script, half
 * of another in the other. Each must come out exactly as opencc-js converts the whole string to
 * the mode. Strings holding a phrase of the project dictionary are left to its own tests
 * (script-convert.test.ts), since there the dictionary, not OpenCC, decides.
 */
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import type { SourceScript } from './articles.ts';
import { createScriptConverter } from './script-convert.ts';
import { SCRIPT_DICTIONARY } from './script-dictionary.ts';
import type { ScriptMode } from './settings.ts';

const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
};

const SEED = readFileSync(
  new URL('../../test/fixtures/seed/cri-jilin-channel-article.txt', import.meta.url),
  'utf8',
);

/** What opencc-js makes of the whole string, per mode. */
const WHOLE: Readonly<Record<Exclude<ScriptMode, 'original'>, (text: string) => string>> = {
  cn: Converter({ from: 'tw', to: 'cn' }),
  tw: Converter({ from: 'cn', to: 'tw' }),
  twp: Converter({ from: 'cn', to: 'twp' }),
  hk: Converter({ from: 'cn', to: 'hk' }),
};
const MODES = Object.keys(WHOLE) as (keyof typeof WHOLE)[];
const SOURCES: readonly SourceScript[] = ['hans', 'hant', 'unknown'];
const toHans = Converter({ from: 't', to: 'cn' });

/** The seed's sentences and lines (titles, the meta line) of 8 to 120 characters, Traditional. */
function sentences(): string[] {
  const pieces = SEED.split(/\n|(?<=[。!?;])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8 && s.length <= 120);
  return [...new Set(pieces)];
}

const DICTIONARY_KEYS = SCRIPT_DICTIONARY.flatMap((e) =>
  [e.hans, e.tw, e.twp, e.hk].filter((k): k is string => k !== undefined),
);

/** Halves of two sentences in different scripts, both ways round. */
function mixedStrings(): string[] {
  const hant = sentences();
  const out: string[] = [];
  for (let i = 0; i < hant.length * 3; i += 1) {
    const a = hant[i % hant.length] ?? '';
    const b = hant[(i * 7 + 3 + Math.floor(i / hant.length) * 5) % hant.length] ?? '';
    const half = (s: string, first: boolean): string =>
      first ? s.slice(0, Math.ceil(s.length / 2)) : s.slice(Math.ceil(s.length / 2));
    out.push(half(toHans(a), true) + half(b, false));
    out.push(half(a, true) + half(toHans(b), false));
    out.push(toHans(a) + b);
    out.push(a + toHans(b));
  }
  return [...new Set(out)].filter(
    (s) =>
      !DICTIONARY_KEYS.some((key) => s.includes(key)) &&
      // Both scripts in it: something to convert whichever the target.
      WHOLE.cn(s) !== s &&
      WHOLE.tw(s) !== s,
  );
}

const MIXED = mixedStrings();

test('the mixed strings: a few hundred, each holding both scripts (none a dictionary phrase)', () => {
  assert.ok(MIXED.length >= 300, `only ${MIXED.length} mixed strings`);
});

for (const mode of MODES) {
  test(`mode ${mode}: every mixed string comes out as opencc-js converts the whole of it`, () => {
    const converter = createScriptConverter(mode);
    for (const text of MIXED) {
      const expected = WHOLE[mode](text);
      for (const source of SOURCES) assert.equal(converter.convert(text, source), expected, text);
    }
  });
}

test('the issue’s cases: a mixed title, a Traditional text quoting a Simplified name', () => {
  const cases: readonly [string, Exclude<ScriptMode, 'original'>, string][] = [
    ['长春市發展新闻', 'cn', '长春市发展新闻'],
    ['长春市發展新闻', 'tw', '長春市發展新聞'],
    ['記者采访了张国清市长', 'cn', '记者采访了张国清市长'],
    ['記者采访了张国清市长', 'hk', '記者採訪了張國清市長'],
    ['編輯:田东艳 | 責編:刘徵宇', 'cn', '编辑:田东艳 | 责编:刘征宇'],
    ['15 分鐘前', 'cn', '15 分钟前'],
  ];
  for (const [text, mode, expected] of cases)
    for (const source of SOURCES)
      assert.equal(
        createScriptConverter(mode).convert(text, source),
        expected,
        `${text} → ${mode}`,
      );
});
