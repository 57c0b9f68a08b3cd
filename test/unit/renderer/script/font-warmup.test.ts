import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import {
  FACES,
  FontWarmup,
  textByFont,
  WARMUP_ID,
} from '../../../../renderer/src/script/font-warmup.ts';

function documentOf(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

/** The font an element would compute, read here from a data attribute (no layout in linkedom). */
const fontOf = (el: Element): string => el.getAttribute('data-font') ?? 'normal 400 16px';

test('text is gathered by font, from nested elements, leaving out script layers', () => {
  const doc = documentOf(`
    <header><h1 data-font="normal 700 18px">黑土閱讀</h1><button>同步</button></header>
    <div><span>來源</span>
      <div class="layer" lang="zh-Hans"><span data-font="normal 700 18px">长春</span></div>
    </div>
    <p>  </p>`);
  const texts = textByFont(doc.body, fontOf);
  assert.deepEqual(
    [...texts],
    [
      ['normal 700 18px', '黑土閱讀'],
      ['normal 400 16px', '同步來源'],
    ],
  );
});

test('each font gets a hidden line per face, in its script; only new characters are added', () => {
  const doc = documentOf('');
  const warmup = new FontWarmup(doc);
  // Stand-in converters: 閱讀 and 網 in Simplified for the cn face, unchanged for the others.
  const warm = (texts: ReadonlyMap<string, string>): number =>
    FACES.reduce(
      (added, face) =>
        added +
        warmup.warm(texts, face, (text) =>
          face.mode === 'cn' ? text.replace('閱讀', '阅读').replace('網', '网') : text,
        ),
      0,
    );
  const added = warm(new Map([['normal 700 18px', '黑土閱讀 黑土']]));
  assert.equal(added, FACES.length);
  const box = doc.getElementById(WARMUP_ID);
  assert.ok(box !== null);
  assert.equal(box.getAttribute('aria-hidden'), 'true');
  const lines = [...box.children].map((line) => [
    line.getAttribute('lang'),
    line.textContent,
    (line as HTMLElement).style.font,
  ]);
  assert.deepEqual(lines, [
    ['zh-Hans', '黑土阅读', 'normal 700 18px var(--heitu-font-hans)'],
    ['zh-Hant-TW', '黑土閱讀', 'normal 700 18px var(--heitu-font-hant)'],
    ['zh-Hant-HK', '黑土閱讀', 'normal 700 18px var(--heitu-font-hk)'],
  ]);

  // The same text again adds nothing; a new character adds a line per face with it alone.
  assert.equal(warm(new Map([['normal 700 18px', '黑土閱讀']])), 0);
  assert.equal(warm(new Map([['normal 700 18px', '閱讀網']])), FACES.length);
  assert.deepEqual(
    [...box.children].slice(FACES.length).map((line) => line.textContent),
    ['网', '網', '網'],
  );
  assert.equal(doc.querySelectorAll(`#${WARMUP_ID}`).length, 1);
});
