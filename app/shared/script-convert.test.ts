import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import type { SourceScript } from './articles.ts';
import { SCRIPT_DICTIONARY } from './script-dictionary.ts';
import { createScriptConverter, langFor, warmConverters } from './script-convert.ts';
import * as v from 'valibot';
import { SCRIPT_MODES, SettingsPatchSchema, type ScriptMode } from './settings.ts';

const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
};

const SEED = readFileSync(
  new URL('../../test/fixtures/seed/cri-jilin-channel-article.txt', import.meta.url),
  'utf8',
);

const cn = createScriptConverter('cn');
const tw = createScriptConverter('tw');
const twp = createScriptConverter('twp');
const hk = createScriptConverter('hk');
const original = createScriptConverter('original');

/** Raw opencc-js, for what it does without the project dictionary. */
const raw = {
  tw: Converter({ from: 'cn', to: 'tw' }),
  twp: Converter({ from: 'cn', to: 'twp' }),
  hk: Converter({ from: 'cn', to: 'hk' }),
};

// ---- The project dictionary -----------------------------------------------------------------

for (const entry of SCRIPT_DICTIONARY) {
  const twpForm = entry.twp ?? entry.tw;

  test(`dictionary: ${entry.hans} → 繁體 ${entry.tw}`, () => {
    assert.equal(tw.convert(entry.hans, 'hans'), entry.tw);
  });
  test(`dictionary: ${entry.hans} → 香港 ${entry.hk}`, () => {
    assert.equal(hk.convert(entry.hans, 'hans'), entry.hk);
  });
  test(`dictionary: ${entry.hans} → 臺灣 ${twpForm}`, () => {
    assert.equal(twp.convert(entry.hans, 'hans'), twpForm);
  });
  test(`dictionary: ${entry.hans} in a sentence, unknown source`, () => {
    assert.equal(tw.convert(`他说${entry.hans}。`, 'unknown'), `他說${entry.tw}。`);
    assert.equal(hk.convert(`他说${entry.hans}。`, 'unknown'), `他説${entry.hk}。`);
  });
  test(`dictionary: Traditional ${entry.tw} / ${entry.hk} → 简体 ${entry.hans}`, () => {
    assert.equal(cn.convert(entry.tw, 'hant'), entry.hans);
    assert.equal(cn.convert(entry.hk, 'hant'), entry.hans);
    assert.equal(cn.convert(entry.tw, 'unknown'), entry.hans);
  });
  test(`dictionary: Traditional ${entry.tw} stays right in 繁體, 臺灣 and 香港`, () => {
    assert.equal(tw.convert(entry.tw, 'hant'), entry.tw);
    assert.equal(twp.convert(entry.tw, 'hant'), twpForm);
    assert.equal(hk.convert(entry.tw, 'hant'), entry.hk);
  });
  test(`dictionary: ${entry.hans} is needed (OpenCC gets it wrong, or it guards an entry)`, () => {
    const wrong =
      raw.tw(entry.hans) !== entry.tw ||
      raw.hk(entry.hans) !== entry.hk ||
      raw.twp(entry.hans) !== twpForm;
    const guard = SCRIPT_DICTIONARY.some((e) => e !== entry && entry.hans.includes(e.hans));
    assert.ok(wrong || guard, `${entry.hans}: OpenCC gets it right now; drop the entry`);
    assert.notEqual(entry.note, '');
  });
}

test('dictionary: no two entries claim the same phrase', () => {
  const seen = new Map<string, string>();
  for (const e of SCRIPT_DICTIONARY) {
    for (const [form, target] of [
      [e.hans, e.hans],
      [e.tw, e.hans],
      [e.hk, e.hans],
    ] as const) {
      const before = seen.get(form);
      assert.ok(before === undefined || before === target, `${form} is in two entries`);
      seen.set(form, target);
    }
  }
});

test('dictionary: the brief’s cases, spelled out', () => {
  for (const c of [tw, hk]) {
    assert.equal(c.convert('政府干预', 'hans'), '政府干預');
    assert.equal(c.convert('粉丝发布', 'hans'), '粉絲發布');
    assert.equal(c.convert('现金发放', 'hans'), '現金發放');
    assert.equal(c.convert('前头发生', 'hans'), '前頭發生');
    assert.equal(c.convert('一只只', 'hans'), '一隻隻');
    assert.equal(c.convert('余华', 'hans'), '余華');
    assert.equal(c.convert('余先生', 'hans'), '余先生');
  }
  // The guards: the longer phrase wins, and OpenCC's right answer stands.
  assert.equal(tw.convert('这一只只有三条腿', 'hans'), '這一隻只有三條腿');
  assert.equal(tw.convert('一只只小鸟', 'hans'), '一隻隻小鳥');
  assert.equal(tw.convert('其余先生', 'hans'), '其餘先生');
  assert.equal(tw.convert('余华的小说', 'hans'), '余華的小說');
});

// ---- Region names ---------------------------------------------------------------------------

const REGIONS: readonly (readonly [string, string])[] = [
  ['长春', '長春'],
  ['辽源', '遼源'],
  ['延边', '延邊'],
  ['松原', '松原'],
  ['长白山保护开发区', '長白山保護開發區'],
];
const SOURCES: readonly SourceScript[] = ['hans', 'hant', 'unknown'];

for (const [hans, hant] of REGIONS) {
  test(`region ${hans}/${hant}: right in every mode, from either script`, () => {
    for (const source of SOURCES) {
      for (const text of [hans, hant]) {
        if (source === 'hans' && text === hant && hans !== hant) continue; // not Simplified text
        if (source === 'hant' && text === hans && hans !== hant) continue; // not Traditional text
        assert.equal(cn.convert(text, source), hans, `cn ${source} ${text}`);
        for (const c of [tw, twp, hk]) assert.equal(c.convert(text, source), hant, c.mode);
        assert.equal(original.convert(text, source), text);
      }
    }
  });
  test(`region ${hans}: right inside sentences`, () => {
    for (const [s, t] of [
      [`吉林省${hans}市发布通知`, `吉林省${hant}市`],
      [`前往${hans}发展`, `前往${hant}發展`],
      [`${hans}头发生`, hant],
    ] as const) {
      assert.ok(tw.convert(s, 'hans').includes(t), `${s} → ${tw.convert(s, 'hans')}`);
      assert.ok(hk.convert(s, 'hans').includes(t), `${s} → ${hk.convert(s, 'hans')}`);
      assert.ok(twp.convert(s, 'hans').includes(t), `${s} → ${twp.convert(s, 'hans')}`);
      assert.ok(cn.convert(tw.convert(s, 'hans'), 'hant').includes(hans));
    }
  });
}

test('松 stays 鬆 where it means loose: region names are not dictionary entries', () => {
  assert.equal(tw.convert('轻松原来', 'hans'), '輕鬆原來');
  assert.equal(tw.convert('前往松原', 'hans'), '前往松原');
});

// ---- Modes ----------------------------------------------------------------------------------

test("'original' returns the exact input", () => {
  const inputs = [
    '',
    SEED,
    '政府干预 粉丝发布 长春',
    '\uE000\uF8FF\u{F0000} 😀 \uD800 lone surrogate',
    '  spaces\n\ttabs\r\n',
  ];
  for (const text of inputs) {
    for (const source of SOURCES) assert.equal(original.convert(text, source), text);
  }
  const withEntries = createScriptConverter('original', [{ from: '长春', to: 'X' }]);
  assert.equal(withEntries.convert('长春', 'hans'), '长春');
});

test('Simplified text in 简体 comes through unchanged', () => {
  const text = '吉林省长春市政府干预粉丝发布 0431';
  assert.equal(cn.convert(text, 'hans'), text);
});

test('a text that mixes scripts comes out whole in every mode, whatever its detected script', () => {
  for (const source of SOURCES) {
    assert.equal(cn.convert('长春市發展新闻', source), '长春市发展新闻');
    assert.equal(tw.convert('长春市發展新闻', source), '長春市發展新聞');
    assert.equal(hk.convert('长春市發展新闻', source), '長春市發展新聞');
    assert.equal(twp.convert('長春市网络新闻', source), '長春市網路新聞');
  }
});

test('Traditional source in 简体', () => {
  assert.equal(
    cn.convert('天津市黨政代表團來吉林考察對口合作', 'hant'),
    '天津市党政代表团来吉林考察对口合作',
  );
  assert.equal(cn.convert('李鴻忠在講話中説', 'hant'), '李鸿忠在讲话中说');
  assert.equal(cn.convert('餘下的長春', 'unknown'), '余下的长春');
});

test('Traditional source in 繁體 and 香港 is normalized to the variant', () => {
  assert.equal(tw.convert('衆人登上山峯', 'hant'), '眾人登上山峰');
  assert.equal(hk.convert('衆人登上山峯', 'hant'), '眾人登上山峯');
  assert.equal(hk.convert('李鴻忠在講話中說', 'hant'), '李鴻忠在講話中説');
});

test('臺灣 uses Taiwan phrases, 繁體 does not', () => {
  assert.equal(tw.convert('网络', 'hans'), '網絡');
  assert.equal(twp.convert('网络', 'hans'), '網路');
  assert.notEqual(twp.convert('网络', 'hans'), tw.convert('网络', 'hans'));
  assert.equal(twp.convert('網絡', 'hant'), '網路');
  assert.equal(twp.convert('发布', 'hans'), raw.twp('发布'));
});

// ---- User entries ---------------------------------------------------------------------------

test('user entries override OpenCC and the project dictionary', () => {
  const c = createScriptConverter('tw', [
    { from: '网络', to: '網路' },
    { from: '政府干预', to: '政府介入' },
  ]);
  assert.equal(c.convert('网络', 'hans'), '網路');
  assert.equal(c.convert('政府干预市场', 'hans'), '政府介入市場');
  assert.equal(c.convert('粉丝发布', 'hans'), '粉絲發布'); // the dictionary still applies
  // A shorter user phrase inside a dictionary phrase wins too.
  const inner = createScriptConverter('hk', [{ from: '干预', to: '干涉' }]);
  assert.equal(inner.convert('政府干预', 'hans'), '政府干涉');
  // The later of two equal phrases wins.
  const twice = createScriptConverter('tw', [
    { from: '长春', to: 'A' },
    { from: '长春', to: 'B' },
  ]);
  assert.equal(twice.convert('长春', 'hans'), 'B');
});

test('user entries: mode-scoped ones apply in their mode only; they apply in 简体 too', () => {
  const entries = [
    { from: '公交车', to: '巴士', mode: 'hk' },
    { from: '長春', to: '长春市', mode: 'cn' },
  ] as const;
  assert.equal(createScriptConverter('hk', entries).convert('公交车', 'hans'), '巴士');
  assert.equal(createScriptConverter('tw', entries).convert('公交车', 'hans'), '公交車');
  assert.equal(createScriptConverter('cn', entries).convert('長春', 'hant'), '长春市');
  assert.equal(
    createScriptConverter('cn', [{ from: '长春', to: 'X' }]).convert('长春', 'hans'),
    'X',
  );
  // An empty `from` matches nothing.
  assert.equal(
    createScriptConverter('tw', [{ from: '', to: 'X' }]).convert('长春', 'hans'),
    '長春',
  );
});

test('the reader’s dictionary from settings applies as saved (发布 → 發布 in 繁體 only)', () => {
  const { userDictionary = [] } = v.parse(SettingsPatchSchema, {
    userDictionary: [{ from: ' 发布 ', to: '發布', mode: 'tw' }],
  });
  assert.equal(tw.convert('政府发布通知', 'hans'), '政府發佈通知', 'OpenCC’s own choice');
  assert.equal(
    createScriptConverter('tw', userDictionary).convert('政府发布通知', 'hans'),
    '政府發布通知',
  );
  assert.equal(
    createScriptConverter('hk', userDictionary).convert('政府发布通知', 'hans'),
    hk.convert('政府发布通知', 'hans'),
    'a tw entry leaves 香港 alone',
  );
});

// ---- Placeholders ---------------------------------------------------------------------------

test('placeholders never leak; Private Use characters in the text are kept exactly', () => {
  const pua = '\uE000\uE001\uF8FF';
  for (const mode of SCRIPT_MODES) {
    const c = createScriptConverter(mode, [{ from: '网络', to: '\uE000网\uE001' }]);
    for (const source of SOURCES) {
      assert.equal(c.convert(pua, source), pua);
      assert.equal(c.convert(`a${pua}b`, source), `a${pua}b`);
    }
  }
  assert.equal(
    tw.convert(`\uE000政府干预\uE000长春\uF8FF余华`, 'hans'),
    `\uE000政府干預\uE000長春\uF8FF余華`,
  );
  assert.equal(
    cn.convert(`\uE000政府干預\uE005長春\u{F0000}`, 'hant'),
    `\uE000政府干预\uE005长春\u{F0000}`,
  );
  assert.equal(cn.convert(`\uE000政府干预`, 'hans'), `\uE000政府干预`);
  const user = createScriptConverter('tw', [{ from: '网络', to: '\uE000网\uE001' }]);
  assert.equal(user.convert('\uE001网络\uE000长春', 'hans'), '\uE001\uE000网\uE001\uE000長春');
  for (const c of [cn, tw, twp, hk]) {
    const out = c.convert('政府干预 粉丝发布 余华 一只只 前头发生 现金发放', 'hans');
    assert.doesNotMatch(out, /[\uE000-\uF8FF]/);
  }
});

// ---- Whole text -----------------------------------------------------------------------------

test('conversion keeps the surrounding text: seed article hant → 简体 → 繁體', () => {
  const simplified = cn.convert(SEED, 'hant');
  const back = tw.convert(simplified, 'hans');
  for (const [hans, hant] of REGIONS) {
    assert.ok(simplified.includes(hans), `简体 has ${hans}`);
    assert.ok(!simplified.includes(hant) || hans === hant, `简体 lost ${hant}`);
    assert.ok(back.includes(hant), `繁體 has ${hant}`);
  }
  assert.ok(simplified.includes('长春 江城 四平 辽源 通化 白城 白山 松原 延边 长白山保护开发区'));
  assert.ok(back.includes('長春 江城 四平 遼源 通化 白城 白山 松原 延邊 長白山保護開發區'));
  for (const kept of [
    '0431-81126178',
    'jilin@cri.cn',
    '2019-05-30 08:54:03\u00a0\u00a0|\u00a0\u00a0',
    '\n\n  ',
  ]) {
    assert.ok(simplified.includes(kept) && back.includes(kept), kept);
  }
  assert.equal(simplified.length, SEED.length);
  assert.equal(back.split('\n').length, SEED.split('\n').length);
  // A long paragraph through 香港 as well.
  const paragraph = SEED.split('\n').find((line) => line.length > 400) ?? '';
  assert.ok(paragraph.length > 400);
  const hkText = hk.convert(cn.convert(paragraph, 'hant'), 'hans');
  assert.equal(hkText.length, paragraph.length);
  assert.ok(hkText.includes('長春'));
});

test('without dictionary phrases, the output is exactly opencc-js’s own', () => {
  const simplified = Converter({ from: 't', to: 'cn' })(SEED);
  assert.equal(cn.convert(SEED, 'hant'), Converter({ from: 'tw', to: 'cn' })(SEED));
  assert.equal(tw.convert(simplified, 'hans'), raw.tw(simplified));
  assert.equal(twp.convert(simplified, 'hans'), raw.twp(simplified));
  assert.equal(hk.convert(simplified, 'hans'), raw.hk(simplified));
  // Traditional text goes through the same preset as Simplified (the mode's, whatever the script).
  assert.equal(tw.convert(SEED, 'hant'), raw.tw(SEED));
  assert.equal(twp.convert(SEED, 'hant'), raw.twp(SEED));
  assert.equal(hk.convert(SEED, 'hant'), raw.hk(SEED));
  assert.equal(cn.convert(simplified, 'hans'), simplified);
});

test('warmConverters builds ahead and changes no output', () => {
  warmConverters(SCRIPT_MODES);
  warmConverters([]);
  assert.equal(createScriptConverter('hk').convert('长春', 'hans'), '長春');
  assert.equal(createScriptConverter('cn').convert('', 'hant'), '');
});

// ---- lang -----------------------------------------------------------------------------------

test('langFor and ScriptConverter.lang', () => {
  const table: Record<ScriptMode, Record<SourceScript, string>> = {
    original: { hans: 'zh-Hans', hant: 'zh-Hant', unknown: 'zh' },
    cn: { hans: 'zh-Hans', hant: 'zh-Hans', unknown: 'zh-Hans' },
    tw: { hans: 'zh-Hant-TW', hant: 'zh-Hant-TW', unknown: 'zh-Hant-TW' },
    twp: { hans: 'zh-Hant-TW', hant: 'zh-Hant-TW', unknown: 'zh-Hant-TW' },
    hk: { hans: 'zh-Hant-HK', hant: 'zh-Hant-HK', unknown: 'zh-Hant-HK' },
  };
  for (const mode of SCRIPT_MODES) {
    for (const source of SOURCES) assert.equal(langFor(mode, source), table[mode][source]);
    const c = createScriptConverter(mode);
    assert.equal(c.mode, mode);
    assert.equal(c.lang, mode === 'original' ? '' : table[mode].hans);
  }
});
