import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { absoluteUrl, extractReadable } from './extract.ts';

const PAGE_URL = 'https://jl.cri.cn/jc/20191205/rime.html';
const page = readFileSync(
  new URL('../../../test/fixtures/parsers/news-page-with-ads.html', import.meta.url),
  'utf8',
);

test('a page with navigation, ads and one article: only the article is kept', async () => {
  const readable = await extractReadable(page, PAGE_URL);
  assert.ok(readable !== null);
  assert.equal(readable.title, '吉林市霧凇冰雪節開幕');
  assert.match(readable.text, /吉林市第二十四屆中國·吉林國際霧凇冰雪節今天在松花江畔開幕。/);
  assert.match(readable.text, /讓更多遊客感受北國冰雪風光。/);
  for (const noise of [
    '長白山保護開發區',
    '廣告',
    '滑雪套票',
    '熱門推薦',
    '查干湖冬捕開始',
    '網站地圖',
  ]) {
    assert.ok(!readable.text.includes(noise), `"${noise}" is not part of the article`);
    assert.ok(!readable.contentHtml.includes(noise), `"${noise}" is not in the article's HTML`);
  }
  assert.doesNotMatch(readable.contentHtml, /<script|<style|ads\.example\.com/);
  // Paragraphs stay paragraphs.
  assert.ok(readable.text.split('\n').length >= 3);
});

test('links and images of the article resolve against the page address', async () => {
  const readable = await extractReadable(page, PAGE_URL);
  assert.ok(readable !== null);
  assert.match(
    readable.contentHtml,
    /<img src="https:\/\/jl\.cri\.cn\/jc\/20191205\/photos\/rime\.jpg"/,
  );
  assert.match(readable.contentHtml, /<a href="https:\/\/jl\.cri\.cn\/jc\/rime-guide\.html"/);
});

test('a <base href> on the page is honoured', async () => {
  const withBase = page.replace('<head>', '<head><base href="https://img.jl.cri.cn/2019/">');
  const readable = await extractReadable(withBase, PAGE_URL);
  assert.ok(readable !== null);
  assert.match(
    readable.contentHtml,
    /<img src="https:\/\/img\.jl\.cri\.cn\/2019\/photos\/rime\.jpg"/,
  );
});

test('pages without an article give null: empty, all navigation, one line', async () => {
  assert.equal(await extractReadable('<html><body></body></html>', PAGE_URL), null);
  assert.equal(
    await extractReadable(
      '<html><body><ul><li><a href="/cc/">長春</a></li><li><a href="/jc/">江城</a></li><li><a href="/yb/">延邊</a></li></ul></body></html>',
      PAGE_URL,
    ),
    null,
  );
  assert.equal(await extractReadable('頁面不存在', PAGE_URL), null);
});

test('absoluteUrl gives what the URL parser gives, for links it keeps as they are and for the rest', () => {
  const viaParser = (raw: string, base: string): string | null => {
    const trimmed = raw.trim();
    if (trimmed === '' || /^(javascript|mailto|tel|data):/i.test(trimmed)) return null;
    try {
      const url = new URL(trimmed, base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  };
  const hosts = [
    'news.example.cn',
    'a-b.example',
    'EXAMPLE.cn',
    'example.CN',
    'xn--fiqs8s.cn',
    'a.xn--fiqs8s',
    '127.0.0.1',
    '0x7f.1',
    'a.0x1f',
    'example.123',
    '2130706433',
    'user@example.cn',
    'example.cn:80',
    'example.cn:8080',
    'example.cn.',
    '-a.example',
    'a..b',
    '',
  ];
  const paths = [
    '/',
    '/a/b.html',
    '/a/./b',
    '/a/../b',
    '/.',
    '/..',
    '/...',
    '/%2e/',
    '/a b',
    "/it's",
    '/a^b',
    '/{x}',
    '/a|b',
    '/中文',
    '/a\\b',
    '//x',
    "/a?b=1&c='2'",
    '/a?q=%zz',
    '/a#frag',
    "/a#it's",
    '/a?x#y?z',
    '/a?b c',
    '/a:b@c',
    '/~x/_y-z',
    '',
  ];
  const prefixes = ['http://', 'https://', 'HTTP://', 'ftp://', 'http:/', 'http:\\\\'];
  const bases = ['https://base.example/news/', 'http://base.example/'];
  let checked = 0;
  for (const prefix of prefixes)
    for (const host of hosts)
      for (const path of paths)
        for (const raw of [`${prefix}${host}${path}`, ` ${prefix}${host}${path}\n`]) {
          const base = bases[checked % 2] ?? '';
          assert.equal(absoluteUrl(raw, base), viaParser(raw, base), raw);
          checked += 1;
        }
  for (const raw of ['a/b.html', '/a/b', '../x', '?q=1', '#top', '//cdn.example/x.png', 'data:x'])
    assert.equal(
      absoluteUrl(raw, 'https://base.example/news/'),
      viaParser(raw, 'https://base.example/news/'),
      raw,
    );
  assert.equal(
    absoluteUrl('https://news.example.cn/a/b.html?x=1#y', 'http://b/'),
    'https://news.example.cn/a/b.html?x=1#y',
  );
});
