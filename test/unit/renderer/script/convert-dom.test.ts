import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { convertTextNodes } from '../../../../renderer/src/script/convert-dom.ts';

/** A body holding `html`, in a linkedom document. */
function bodyOf(html: string): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return document.body;
}

/** Stand-in converter: a few Simplified→Traditional characters, everything else unchanged. */
const MAP: Readonly<Record<string, string>> = {
  来: '來',
  源: '源',
  编: '編',
  辑: '輯',
  这: '這',
  里: '裡',
};
const toHant = (text: string): string => text.replace(/./gu, (c) => MAP[c] ?? c);

test('converts text, leaves link href (and every other attribute) as published', () => {
  const body = bodyOf(
    '<p title="来源" class="来">来源:<a href="https://example.cn/来源?q=编辑" title="编辑">编辑</a></p>' +
      '<img src="/images/12" alt="这里">',
  );
  convertTextNodes(body, toHant);
  const p = body.querySelector('p')!;
  const a = body.querySelector('a')!;
  const img = body.querySelector('img')!;
  assert.equal(p.textContent, '來源:編輯');
  assert.equal(a.textContent, '編輯');
  assert.equal(a.getAttribute('href'), 'https://example.cn/来源?q=编辑');
  assert.equal(a.getAttribute('title'), '编辑');
  assert.equal(p.getAttribute('title'), '来源');
  assert.equal(p.getAttribute('class'), '来');
  assert.equal(img.getAttribute('alt'), '这里');
  assert.equal(img.getAttribute('src'), '/images/12');
});

test('leaves code, pre, kbd, samp, script, style, textarea and translate="no" alone', () => {
  const body = bodyOf(
    '<p>这<code>这</code><kbd>这</kbd><samp>这</samp></p>' +
      '<pre>这<b>这</b></pre>' +
      '<textarea>这</textarea>' +
      '<div translate="no">这<span>这</span></div>' +
      '<div translate=" NO ">这</div>' +
      '<div translate="yes">这</div>',
  );
  convertTextNodes(body, toHant);
  assert.equal(body.querySelector('p')!.textContent, '這这这这');
  assert.equal(body.querySelector('pre')!.textContent, '这这');
  assert.equal(body.querySelector('textarea')!.textContent, '这');
  const divs = body.querySelectorAll('div');
  assert.equal(divs[0]!.textContent, '这这');
  assert.equal(divs[1]!.textContent, '这');
  assert.equal(divs[2]!.textContent, '這');
});

test('leaves script and style text alone', () => {
  const { document } = parseHTML(
    '<!doctype html><html><head></head><body><div><p>这</p></div></body></html>',
  );
  const div = document.querySelector('div')!;
  const script = document.createElement('script');
  script.textContent = 'var 这 = 1;';
  const style = document.createElement('style');
  style.textContent = '.这 {}';
  div.append(script, style);
  convertTextNodes(div, toHant);
  assert.equal(script.textContent, 'var 这 = 1;');
  assert.equal(style.textContent, '.这 {}');
  assert.equal(div.querySelector('p')!.textContent, '這');
});

test('converts nested inline markup, in document order, each text node once', () => {
  const body = bodyOf(
    '<p>这<b>里<i>来<u>源</u></i>编</b>辑</p><p><span><span>这</span></span></p>',
  );
  const seen: string[] = [];
  convertTextNodes(body, (text) => {
    seen.push(text);
    return toHant(text);
  });
  assert.deepEqual(seen, ['这', '里', '来', '源', '编', '辑', '这']);
  assert.equal(
    body.innerHTML,
    '<p>這<b>裡<i>來<u>源</u></i>編</b>輯</p><p><span><span>這</span></span></p>',
  );
});

test('stays within root: siblings of root are not converted', () => {
  const body = bodyOf('<p>这</p><div id="root">这<p>这</p></div><p>这</p>');
  convertTextNodes(body.querySelector('#root')!, toHant);
  assert.equal(body.innerHTML, '<p>这</p><div id="root">這<p>這</p></div><p>这</p>');
});

test('empty elements, empty and whitespace-only text nodes are fine and not passed on', () => {
  const body = bodyOf('<p></p><p> \n\t </p><div><br><img src="/images/1"></div>');
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  body.append(document.createTextNode(''));
  const calls: string[] = [];
  convertTextNodes(body, (text) => {
    calls.push(text);
    return text;
  });
  assert.deepEqual(calls, []);
  assert.equal(body.querySelectorAll('p')[1]!.textContent, ' \n\t ');
});

test('a root with no children, a text node root, a fragment root, a verbatim root', () => {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const empty = document.createElement('div');
  convertTextNodes(empty, toHant);
  assert.equal(empty.childNodes.length, 0);

  const text = document.createTextNode('这里');
  convertTextNodes(text, toHant);
  assert.equal(text.data, '這裡');

  const fragment = document.createDocumentFragment();
  const p = document.createElement('p');
  p.textContent = '来源';
  fragment.append(p, document.createTextNode('编辑'));
  convertTextNodes(fragment, toHant);
  assert.equal(p.textContent, '來源');
  assert.equal(fragment.lastChild!.textContent, '編輯');

  const code = document.createElement('code');
  code.textContent = '这';
  convertTextNodes(code, toHant);
  assert.equal(code.textContent, '这');
});

test('text is written only when the conversion changed it', () => {
  const body = bodyOf('<p>abc</p>');
  const node = body.querySelector('p')!.firstChild as Text;
  let writes = 0;
  let proto: object | null = Object.getPrototypeOf(node) as object | null;
  let original: PropertyDescriptor | undefined;
  while (proto !== null && original === undefined) {
    original = Object.getOwnPropertyDescriptor(proto, 'data');
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  Object.defineProperty(node, 'data', {
    get: () => original?.get?.call(node) as string,
    set: (value: string) => {
      writes += 1;
      original?.set?.call(node, value);
    },
  });
  convertTextNodes(body, (text) => text);
  assert.equal(writes, 0);
  convertTextNodes(body, (text) => text.toUpperCase());
  assert.equal(writes, 1);
  assert.equal(node.data, 'ABC');
});

test('deeply nested markup does not overflow the stack', () => {
  const depth = 20_000;
  const body = bodyOf(`${'<span>'.repeat(depth)}这${'</span>'.repeat(depth)}`);
  convertTextNodes(body, toHant);
  assert.equal(body.textContent, '這');
});
