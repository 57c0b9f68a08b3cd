import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absolutizeHtml } from './body-links.ts';

test('a body nested 10,000 deep is read, not a stack overflow: past 256 levels only its text stays', () => {
  const deep = `${'<div>'.repeat(10_000)}deep text <a href="/x">link</a> end${'</div>'.repeat(10_000)}`;
  const body = absolutizeHtml(
    `<p>a <b>bold</b> <img src="/i.png"></p>${deep}`,
    'https://ex.cn/f.xml',
  );
  assert.deepEqual(body.images, ['https://ex.cn/i.png']);
  assert.ok(body.html.includes('deep text link end'), 'the deep text is kept, in order');
  assert.ok(body.html.split('<div>').length - 1 <= 256, 'the nesting is cut at 256 levels');
  assert.match(body.text, /^a bold \n[\s\S]*deep text link end/);
});

test('links and images of an ordinary body are made absolute', () => {
  const body = absolutizeHtml('<p>a <a href="/y">y</a><img src="i.png"></p>', 'https://ex.cn/n/');
  assert.equal(
    body.html,
    '<p>a <a href="https://ex.cn/y">y</a><img src="https://ex.cn/n/i.png"></p>',
  );
  assert.deepEqual(body.images, ['https://ex.cn/n/i.png']);
});
