import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseError } from './feed-errors.ts';
import { parseFeedText, type ParsedFeed, type ParsedItem } from './feed.ts';
import { decodeXml } from './feed-xml.ts';

const FEED_URL = 'https://jl.example.cn/rss.xml';

function itemAt(feed: ParsedFeed, index: number): ParsedItem {
  const item = feed.items[index];
  assert.ok(item !== undefined, `the feed has an item ${String(index)}`);
  return item;
}

test('namespaces are matched by URI, whatever prefix the feed gives them', () => {
  const feed = parseFeedText(
    `<rss version="2.0" xmlns:a10="http://www.w3.org/2005/Atom" xmlns:d="http://purl.org/dc/elements/1.1/"
         xmlns:c="http://purl.org/rss/1.0/modules/content/">
      <channel><title>吉林</title>
        <item>
          <title>長春</title>
          <a10:link rel="alternate" href="/a.html"/>
          <d:creator>任勝章</d:creator>
          <d:date>2019-05-30T08:54:03+08:00</d:date>
          <c:encoded>&lt;p&gt;正文&lt;/p&gt;</c:encoded>
        </item>
        <item><title>未聲明的前綴</title><link>/b.html</link><dc:creator>田東艷</dc:creator></item>
      </channel></rss>`,
    FEED_URL,
  );
  const first = itemAt(feed, 0);
  const second = itemAt(feed, 1);
  assert.equal(first.url, 'https://jl.example.cn/a.html');
  assert.equal(first.author, '任勝章');
  assert.equal(first.publishedAt, Date.UTC(2019, 4, 30, 0, 54, 3));
  assert.equal(first.contentHtml, '<p>正文</p>');
  // A prefix the feed never declared still reads as the usual one.
  assert.equal(second.author, '田東艷');
});

test('XML entities and character references are decoded, CDATA is taken as it is', () => {
  const feed = parseFeedText(
    `<rss version="2.0"><channel><title>A &amp; B &#x5409;&#26519; &apos;x&apos;</title>
      <item><title><![CDATA[1 &amp; 2]]></title><link>https://jl.example.cn/c.html?a=1&amp;b=2</link></item>
    </channel></rss>`,
    FEED_URL,
  );
  assert.equal(feed.title, "A & B 吉林 'x'");
  assert.equal(itemAt(feed, 0).url, 'https://jl.example.cn/c.html?a=1&b=2');
  // CDATA is literal, and the title is then read as HTML, where &amp; is an ampersand.
  assert.equal(itemAt(feed, 0).title, '1 & 2');
});

test('only XML references are decoded; anything else after & is kept as written', () => {
  assert.equal(decodeXml('a &lt;p&gt; &amp;amp; &quot;&apos;'), 'a <p> &amp; "\'');
  assert.equal(decodeXml('&#38;&#x26;&#X5409;&#21513;'), '&&吉吉');
  // Not XML's: HTML names, prototype keys, too many digits, no semicolon, a stray &.
  for (const kept of [
    '&nbsp;',
    '&toString;',
    '&__proto__;',
    '&#12345678;',
    '&#x1234567;',
    '&amp',
    'R&D',
  ])
    assert.equal(decodeXml(kept), kept);
  // Out of range or a surrogate: the replacement character, as for any bad reference.
  assert.equal(decodeXml('&#0;&#xD800;&#1114112;'), '\ufffd\ufffd\ufffd');
  // The first semicolon ends a reference; a failed one does not hide the next.
  assert.equal(decodeXml('&a &amp; &#x;&lt;'), '&a & &#x;<');
});

test('RSS authors in "address (name)" form give the name; an Atom 0.3 entry its issued date', () => {
  const rss = parseFeedText(
    `<rss version="2.0"><channel><title>t</title><item><link>/a</link>
      <author>editor@jl.example.cn (任勝章)</author></item></channel></rss>`,
    FEED_URL,
  );
  assert.equal(itemAt(rss, 0).author, '任勝章');
  const atom = parseFeedText(
    `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
      <entry><title>舊</title><link rel="alternate" type="text/html" href="/old.html"/>
        <issued>2019-05-30T08:54:03+08:00</issued>
        <content type="text/html" mode="escaped">&lt;p&gt;內容&lt;/p&gt;</content></entry></feed>`,
    FEED_URL,
  );
  assert.equal(itemAt(atom, 0).publishedAt, Date.UTC(2019, 4, 30, 0, 54, 3));
  assert.equal(itemAt(atom, 0).contentHtml, '<p>內容</p>');
});

test('a stray end tag or an unclosed element is malformed XML, not a silently mended feed', () => {
  for (const text of [
    '<rss version="2.0"><channel><title>t</title></foo><item><link>/a</link></item></channel></rss>',
    '<rss version="2.0"><channel><title>t</title><item><link>/a</link></item></channel>',
  ]) {
    assert.throws(
      () => parseFeedText(text, FEED_URL),
      (error: unknown) =>
        error instanceof ParseError && error.message.startsWith('The feed is not valid XML'),
      text,
    );
  }
});
