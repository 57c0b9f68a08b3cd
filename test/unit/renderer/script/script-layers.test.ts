import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleId, ArticleSummary } from '../../../../app/shared/articles.ts';
import { createScriptConverter } from '../../../../app/shared/script-convert.ts';
import { SCRIPT_MODES, type ScriptMode } from '../../../../app/shared/settings.ts';
import {
  layerClasses,
  RowTexts,
  RowVariants,
  stripClasses,
  rowVariants,
} from '../../../../renderer/src/script/script-layers.ts';
import type { Convert, Scripts } from '../../../../renderer/src/script/convert.ts';

const hans: ArticleSummary = {
  id: '7' as ArticleId,
  title: '长春发布冰雪旅游新线路',
  publishedAt: '2026-11-20T01:00:00.000Z',
  sourceName: '吉林日报',
  snippet: '长春市发布了冬季冰雪旅游线路。',
  thumbnail: null,
  unread: true,
  bookmarked: false,
  script: 'hans',
};
const hant: ArticleSummary = {
  ...hans,
  id: '8' as ArticleId,
  title: '延邊發布新規',
  script: 'hant',
};

const scripts: Scripts = new Map(
  SCRIPT_MODES.map((m): [ScriptMode, Convert] => [m, createScriptConverter(m).convert]),
);
/** Element `i`, which the test expects to be there. */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}
const convertOf = (m: ScriptMode): Convert => scripts.get(m) ?? ((t) => t);

test('a row not prepared yet renders the mode in force alone', () => {
  const texts = new RowTexts();
  const { variants, shown } = rowVariants(hans, 'tw', convertOf('tw'), {
    scripts: null,
    textOf: texts.get,
  });
  assert.equal(variants.length, 1);
  assert.equal(shown, 0);
  assert.deepEqual(at(variants, 0).modes, ['tw']);
  assert.equal(at(variants, 0).lang, 'zh-Hant-TW');
  assert.equal(at(variants, 0).text.title, convertOf('tw')(hans.title, 'hans'));
  assert.notEqual(at(variants, 0).text.title, hans.title);
});

test('a prepared row has every mode once; modes that read the same with the same lang share a layer', () => {
  const texts = new RowTexts();
  const { variants, shown } = rowVariants(hans, 'hk', convertOf('hk'), {
    scripts,
    textOf: texts.get,
  });
  const modes = variants.flatMap((v) => v.modes);
  assert.deepEqual([...modes].sort(), [...SCRIPT_MODES].sort());
  // 原文 of a Simplified article reads as 简体 does, both zh-Hans: one layer.
  assert.deepEqual(at(variants, 0).modes, ['original', 'cn']);
  assert.equal(layerClasses(at(variants, 0).modes), 'layer m-original m-cn');
  assert.equal(at(variants, 0).text.title, hans.title);
  assert.ok(at(variants, shown).modes.includes('hk'));
  assert.equal(at(variants, shown).lang, 'zh-Hant-HK');
  // Layer keys are unique (they key the DOM).
  assert.equal(new Set(variants.map((v) => v.key)).size, variants.length);
});

test('prepared layers keep their keys from switch to switch; an unprepared row has one key', () => {
  const texts = new RowTexts();
  const keys = (mode: ScriptMode) =>
    rowVariants(hans, mode, convertOf(mode), { scripts, textOf: texts.get }).variants.map(
      (v) => v.key,
    );
  assert.deepEqual(keys('cn'), keys('hk'));
  const solo = (mode: ScriptMode) =>
    rowVariants(hans, mode, convertOf(mode), { scripts: null, textOf: texts.get }).variants.map(
      (v) => v.key,
    );
  // A switch changes the one layer's text in place rather than making a new one.
  assert.deepEqual(solo('cn'), solo('hk'));
  assert.equal(solo('cn').length, 1);
});

test('the same text in another lang is a layer of its own (glyph shapes differ)', () => {
  const texts = new RowTexts();
  const { variants } = rowVariants(hant, 'original', (t) => t, { scripts, textOf: texts.get });
  const original = at(
    variants.filter((v) => v.modes.includes('original')),
    0,
  );
  const tw = at(
    variants.filter((v) => v.modes.includes('tw')),
    0,
  );
  assert.equal(original.lang, 'zh-Hant');
  assert.equal(tw.lang, 'zh-Hant-TW');
  assert.equal(original.text.title, tw.text.title);
  assert.notEqual(original, tw);
});

test('row texts are converted once per converter and item', () => {
  const texts = new RowTexts();
  let calls = 0;
  const counting: Convert = (t) => {
    calls += 1;
    return t;
  };
  const first = texts.get(hans, counting);
  const callsAfterFirst = calls;
  assert.equal(texts.get(hans, counting), first);
  assert.equal(calls, callsAfterFirst);
  assert.ok(callsAfterFirst > 0);
});

test('a prepared row keeps one set of variants across switches (Lit skips its layers); only the shown one changes', () => {
  const rows = new RowVariants();
  const cn = rows.get(hans, 'cn', convertOf('cn'), scripts);
  const hk = rows.get(hans, 'hk', convertOf('hk'), scripts);
  assert.equal(hk.variants, cn.variants);
  assert.deepEqual(at(cn.variants, cn.shown).modes, ['original', 'cn']);
  assert.ok(at(hk.variants, hk.shown).modes.includes('hk'));
  assert.notEqual(hk.shown, cn.shown);
  // Other converters (a reader's dictionary entry changed): made again.
  const again = rows.get(hans, 'hk', convertOf('hk'), new Map(scripts));
  assert.notEqual(again.variants, hk.variants);
  assert.deepEqual(
    again.variants.map((v) => v.key),
    hk.variants.map((v) => v.key),
  );
  // A row not prepared has the mode in force alone, made for each switch.
  const solo = rows.get(hant, 'tw', convertOf('tw'), null);
  assert.equal(solo.variants.length, 1);
  assert.deepEqual(at(solo.variants, 0).modes, ['tw']);
});

test("a strip's classes move the layer of each mode into view; the first layer needs none", () => {
  const rows = new RowVariants();
  const { variants } = rows.get(hans, 'cn', convertOf('cn'), scripts);
  const classes = stripClasses(variants).split(' ');
  assert.equal(classes[0], 'strip');
  for (const mode of SCRIPT_MODES) {
    const k = variants.findIndex((v) => v.modes.includes(mode));
    const moves = classes.filter((c) => c.startsWith(`at-${mode}-`));
    // Layer 0 is in view without a transform; any other layer by exactly one class.
    assert.deepEqual(moves, k === 0 ? [] : [`at-${mode}-${k}`], mode);
  }
  assert.equal(stripClasses(rows.get(hans, 'tw', convertOf('tw'), null).variants), 'strip');
});
