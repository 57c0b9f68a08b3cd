import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, imageUrlsIn, localizeImages, sanitizeArticleHtml } from './sanitize.ts';

const HOSTILE = `
  <p onclick="steal()">長春<b>冰雪</b><script>alert(1)</script></p>
  <style>body{display:none}</style>
  <a href="javascript:alert(1)">bad</a> <a href="/20261120/a.html" onmouseover="x()">good</a>
  <iframe src="https://evil.example/"></iframe><form action="/x"><input name="p"></form>
  <img src="x.jpg" onerror="steal()"> <img src="data:image/png;base64,AAAA"> <img src="javascript:x">
  <svg><script>alert(1)</script></svg><object data="x.swf"></object>
  <p style="position:fixed">樣式</p>`;

test('hostile HTML keeps its text and loses everything active', () => {
  const clean = sanitizeArticleHtml(HOSTILE, { baseUrl: 'https://jl.example.cn/list/' });
  for (const bad of [
    '<script',
    'onclick',
    'onerror',
    'onmouseover',
    'javascript:',
    '<iframe',
    '<form',
    '<input',
    '<style',
    'style=',
    '<svg',
    '<object',
    'data:image',
  ]) {
    assert.ok(!clean.includes(bad), `${bad} survived: ${clean}`);
  }
  assert.match(clean, /長春<b>冰雪<\/b>/);
  assert.match(
    clean,
    /<a href="https:\/\/jl\.example\.cn\/20261120\/a\.html" rel="noopener noreferrer" target="_blank">good<\/a>/,
  );
  assert.match(clean, /<img src="https:\/\/jl\.example\.cn\/list\/x\.jpg" \/>/);
  assert.match(clean, /<p>樣式<\/p>/);
});

test('cached images point at the local copy; images not cached are left out', () => {
  const html = '<p><img src="/a.jpg" alt="甲"><img src="https://cdn.example.cn/b.jpg"></p>';
  const clean = sanitizeArticleHtml(html, {
    baseUrl: 'https://jl.example.cn/x.html',
    imageSrc: (url) => (url === 'https://jl.example.cn/a.jpg' ? '/images/7' : null),
  });
  assert.equal(clean, '<p><img alt="甲" src="/images/7" /></p>');
  assert.deepEqual(imageUrlsIn(html, 'https://jl.example.cn/x.html'), [
    'https://jl.example.cn/a.jpg',
    'https://cdn.example.cn/b.jpg',
  ]);
});

test('plain text keeps paragraphs and decodes entities', () => {
  assert.equal(
    htmlToText('<p>長春&amp;吉林</p><p>第二段&lt;b&gt;</p><script>x</script>'),
    '長春&吉林\n第二段<b>',
  );
});

test('images of a cleaned body are pointed at their local copies without a second clean-up', () => {
  const clean = sanitizeArticleHtml(
    '<p>長春 &amp; 吉林<img src="/a.jpg?x=1&amp;y=2" alt="甲 &quot;乙&quot;"><img src="https://cdn.example.cn/b.jpg"></p><p><a href="/c">c</a></p>',
    { baseUrl: 'https://jl.example.cn/x.html' },
  );
  const local = (url: string): string | null =>
    url === 'https://jl.example.cn/a.jpg?x=1&y=2' ? '/images/7' : null;
  // The same as cleaning the raw body with imageSrc, as the sync writer did before.
  assert.equal(localizeImages(clean, local), sanitizeArticleHtml(clean, { imageSrc: local }));
  assert.equal(
    localizeImages(clean, local),
    '<p>長春 &amp; 吉林<img alt="甲 &quot;乙&quot;" src="/images/7" /></p><p><a href="https://jl.example.cn/c" rel="noopener noreferrer" target="_blank">c</a></p>',
  );
});
