import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from 'linkedom';
import type { Article, ArticleId } from '../../../../app/shared/articles.ts';
import { createScriptConverter } from '../../../../app/shared/script-convert.ts';
import { SCRIPT_MODES, type ScriptMode } from '../../../../app/shared/settings.ts';
import { BodyLayers } from '../../../../renderer/src/script/body-layers.ts';
import type { Convert, Scripts } from '../../../../renderer/src/script/convert.ts';

// The browser globals BodyLayers uses, from linkedom (DOMParser wraps the body in a document, as
// a browser's parse amounts to) and timers (idle callbacks with time to spare).
class WrappingParser {
  parseFromString(html: string, type: 'text/html'): Document {
    return new DOMParser().parseFromString(
      `<!doctype html><html><head></head><body>${html}</body></html>`,
      type,
    ) as unknown as Document;
  }
}
Object.assign(globalThis, {
  DOMParser: WrappingParser,
  requestIdleCallback: (cb: IdleRequestCallback) =>
    setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 50 })),
  cancelIdleCallback: (handle: number) => clearTimeout(handle),
});

const article = {
  id: '1' as ArticleId,
  script: 'hans',
  contentHtml:
    '<p>长春发布冰雪旅游新线路。</p><pre>code 发布</pre><p><a href="https://example.cn/发布">发布会</a></p>',
} as Article;

const scripts: Scripts = new Map(
  SCRIPT_MODES.map((m): [ScriptMode, Convert] => [m, createScriptConverter(m).convert]),
);
const convertOf = (m: ScriptMode): Convert => scripts.get(m) ?? ((t) => t);
const idle = () => new Promise((resolve) => setTimeout(resolve, 5));

function container(): HTMLElement {
  const doc = new DOMParser().parseFromString(
    '<!doctype html><html><body><div id="body"></div></body></html>',
    'text/html',
  );
  return present(doc.getElementById('body') as HTMLElement | null);
}

/** `x`, which the test expects to be there. */
function present<T>(x: T | null | undefined): T {
  if (x === null || x === undefined) throw new Error('missing');
  return x;
}

/** The modes each layer shows (its m-… classes), in DOM order. */
function modesOf(body: HTMLElement): string[][] {
  return [...body.children].map((layer) =>
    [...layer.classList].filter((c) => c.startsWith('m-')).map((c) => c.slice(2)),
  );
}

test('before the other scripts are ready, the body is one layer in the mode in force', () => {
  const body = container();
  const layers = new BodyLayers();
  layers.show(body, article, 'tw', convertOf('tw'), null);
  assert.deepEqual(modesOf(body), [['tw']]);
  const shown = present(layers.visible);
  assert.equal(shown, body.firstElementChild);
  assert.equal(shown.lang, 'zh-Hant-TW');
  assert.match(shown.textContent, /長春/);
  // Text nodes only: code and URLs stay as published.
  assert.equal(present(shown.querySelector('pre')).textContent, 'code 发布');
  assert.equal(present(shown.querySelector('a')).getAttribute('href'), 'https://example.cn/发布');
});

test('in idle time every script gets a layer; a switch shows another without making any', async () => {
  const body = container();
  const layers = new BodyLayers();
  layers.show(body, article, 'cn', convertOf('cn'), scripts);
  // One script per idle callback, till every mode is in a layer.
  for (let i = 0; i < 20 && modesOf(body).flat().length < SCRIPT_MODES.length; i += 1) await idle();
  const modes = modesOf(body);
  // Every mode in exactly one layer; 原文 and 简体 of a Simplified article read the same (zh-Hans).
  assert.deepEqual(modes.flat().sort(), [...SCRIPT_MODES].sort());
  assert.ok(modes.some((m) => m.includes('original') && m.includes('cn')));
  const elements = [...body.children];
  for (const mode of SCRIPT_MODES) {
    layers.show(body, article, mode, convertOf(mode), scripts);
    assert.deepEqual([...body.children], elements, mode);
    assert.ok(present(layers.visible).classList.contains(`m-${mode}`), mode);
  }
  assert.equal(present(layers.visible).lang, 'zh-Hant-HK');
});

test('a mode whose text changes (a new dictionary entry) moves to a new layer; an emptied one goes', () => {
  const body = container();
  const layers = new BodyLayers();
  layers.show(body, article, 'tw', convertOf('tw'), null);
  const upper: Convert = (text, script) => convertOf('tw')(text, script).replace('長春', '长春市');
  layers.show(body, article, 'tw', upper, null);
  assert.deepEqual(modesOf(body), [['tw']]);
  assert.match(present(layers.visible).textContent, /长春市/);
});
