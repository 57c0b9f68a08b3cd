import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from 'linkedom';
import { parseArticleBody, type HtmlParser } from '../../../../renderer/src/pane/article-body.ts';
import { convertTextNodes } from '../../../../renderer/src/script/convert-dom.ts';

/**
 * linkedom's DOMParser does not put a bare fragment into <body> the way a browser's does, so the
 * test parser wraps it in a document first (which is what a browser's parse amounts to).
 */
const parser: HtmlParser = {
  parseFromString(html, type) {
    return new DOMParser().parseFromString(
      `<!doctype html><html><head></head><body>${html}</body></html>`,
      type,
    ) as unknown as Document;
  },
};

function htmlOf(fragment: DocumentFragment): string {
  return Array.from(fragment.childNodes, (node) =>
    node.nodeType === 1 ? (node as Element).outerHTML : (node.textContent ?? ''),
  ).join('');
}

/** Text of a fragment (linkedom gives a DocumentFragment no textContent). */
function textOf(fragment: DocumentFragment): string {
  return Array.from(fragment.childNodes, (node) => node.textContent ?? '').join('');
}

test('drops script, iframe, object, embed (with their content) and on* attributes', () => {
  const fragment = parseArticleBody(
    '<p onclick="alert(1)" ONMOUSEOVER="x" class="lead">文<script>alert(1)</script></p>' +
      '<iframe src="https://example.com"></iframe><object data="x"></object><embed src="x">' +
      '<div><img src="/images/1" onerror="alert(1)"></div>',
    parser,
  );
  const html = htmlOf(fragment);
  assert.doesNotMatch(html, /script|iframe|object|embed|onclick|onmouseover|onerror|alert/i);
  assert.match(html, /<p class="lead">文<\/p>/);
});

test('drops javascript: URLs, however spelled', () => {
  const fragment = parseArticleBody(
    '<a href="javascript:alert(1)">a</a><a href=" JaVa\tScript:alert(1)">b</a>' +
      '<a href="https://example.cn/">c</a><img src="vbscript:x">',
    parser,
  );
  const links = Array.from(fragment.querySelectorAll('a'));
  assert.equal(links[0]!.hasAttribute('href'), false);
  assert.equal(links[1]!.hasAttribute('href'), false);
  assert.equal(links[2]!.getAttribute('href'), 'https://example.cn/');
  assert.equal(fragment.querySelector('img')!.hasAttribute('src'), false);
});

test('every link opens outside: target=_blank rel="noopener noreferrer", href kept', () => {
  const fragment = parseArticleBody(
    '<p><a href="http://www.cri.cn/a.html" target="_self" rel="opener">文</a><a name="x">錨</a></p>',
    parser,
  );
  const [link, anchor] = Array.from(fragment.querySelectorAll('a'));
  assert.equal(link!.getAttribute('href'), 'http://www.cri.cn/a.html');
  assert.equal(link!.getAttribute('target'), '_blank');
  assert.equal(link!.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(anchor!.hasAttribute('target'), false);
});

test('images keep src and alt, and load lazily', () => {
  const fragment = parseArticleBody(
    '<p><img src="/images/123" alt="長春" width="600" height="400"></p>',
    parser,
  );
  const image = fragment.querySelector('img')!;
  assert.equal(image.getAttribute('src'), '/images/123');
  assert.equal(image.getAttribute('alt'), '長春');
  assert.equal(image.getAttribute('width'), '600');
  assert.equal(image.getAttribute('loading'), 'lazy');
  assert.equal(image.getAttribute('decoding'), 'async');
});

test('an h1 in the body becomes an h2 with its attributes and content', () => {
  const fragment = parseArticleBody('<h1 class="t" id="x">標<b>題</b></h1><h2>小</h2>', parser);
  assert.equal(fragment.querySelectorAll('h1').length, 0);
  const [h2] = Array.from(fragment.querySelectorAll('h2'));
  assert.equal(h2!.getAttribute('class'), 't');
  assert.equal(h2!.getAttribute('id'), 'x');
  assert.equal(h2!.innerHTML, '標<b>題</b>');
});

test('text is left as published; the fragment is cloned and converted, not re-parsed', () => {
  const published = '<p>吉林日報5月29日訊<a href="https://example.cn/">長春</a></p><pre>長春</pre>';
  const fragment = parseArticleBody(published, parser);
  assert.equal(textOf(fragment), '吉林日報5月29日訊長春長春');
  const clone = fragment.cloneNode(true) as DocumentFragment;
  convertTextNodes(clone, (text) => text.replaceAll('長', '长').replaceAll('報', '报'));
  assert.equal(textOf(clone), '吉林日报5月29日訊长春長春');
  // The cached original is untouched by converting a clone.
  assert.equal(textOf(fragment), '吉林日報5月29日訊長春長春');
});

test('empty content gives an empty fragment', () => {
  assert.equal(parseArticleBody('', parser).childNodes.length, 0);
});
