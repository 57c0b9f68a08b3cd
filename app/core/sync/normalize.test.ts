import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalUrl, contentHash } from './normalize.ts';

test('canonical URLs drop tracking, fragments and credentials and resolve relative links', () => {
  assert.equal(
    canonicalUrl(
      '/20190530/abc.html?utm_source=wx&spm=1.2&id=7#top',
      'http://JL.cri.cn/list/index.html',
    ),
    'http://jl.cri.cn/20190530/abc.html?id=7',
  );
  assert.equal(canonicalUrl('https://a.cn/x?b=2&a=1&from=timeline'), 'https://a.cn/x?a=1&b=2');
  assert.equal(canonicalUrl('https://user:pw@a.cn/x'), 'https://a.cn/x');
  // No query left, or none to begin with: no bare `?` either.
  assert.equal(canonicalUrl('https://a.cn/x?'), 'https://a.cn/x');
  assert.equal(canonicalUrl('https://a.cn/x?utm_source=rss#top'), 'https://a.cn/x');
  for (const bad of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,x',
    'mailto:a@b.cn',
  ]) {
    assert.equal(canonicalUrl(bad, 'https://a.cn/'), null, bad);
  }
});

test('the content hash ignores white space, not words', () => {
  assert.equal(contentHash('長春', '冰雪 新天地\n開園'), contentHash('長春', '冰雪新天地開園'));
  assert.notEqual(contentHash('長春', '冰雪新天地開園'), contentHash('長春', '冰雪新天地閉園'));
});
