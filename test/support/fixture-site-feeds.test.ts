/** The fixture site's feeds: every format and encoding, and the pages their items link to. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { FEEDS, type FixtureSite } from './fixture-site.ts';
import { rawGet } from './raw-get.ts';
import { useTestSite } from './test-site.ts';

let site: FixtureSite;
useTestSite((started) => (site = started));

const url = (path: string): string => `${site.origin}${path}`;

test('every feed is well-formed enough to parse, with 5–10 items linking to the site', async () => {
  for (const feed of FEEDS) {
    const { res, body } = await rawGet(url(feed.path));
    assert.equal(res.statusCode, 200, feed.name);
    assert.ok(res.headers.etag !== undefined, feed.name);
    const items = site.feedArticles(feed.name);
    assert.ok(items.length >= 5 && items.length <= 10, feed.name);
    if (feed.name === 'json') {
      const json = JSON.parse(body.toString('utf8')) as { version: string; items: unknown[] };
      assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(json.items.length, items.length);
      continue;
    }
    const text =
      feed.name === 'big5'
        ? iconv.decode(body, 'big5hkscs')
        : feed.name === 'gb2312'
          ? new TextDecoder('gb18030').decode(body)
          : body.toString('utf8');
    assert.match(text, /^<\?xml version="1\.0" encoding="[a-z0-9-]+"\?>/, feed.name);
    const root = feed.name === 'atom' ? 'feed' : feed.name === 'rdf' ? 'rdf:RDF' : 'rss';
    assert.match(text, new RegExp(`<${root}[\\s>][\\s\\S]*</${root}>\\s*$`), feed.name);
    const itemTag = feed.name === 'atom' ? 'entry' : 'item';
    assert.equal(text.match(new RegExp(`<${itemTag}[\\s>]`, 'g'))?.length, items.length, feed.name);
    assert.equal(text.match(new RegExp(`</${itemTag}>`, 'g'))?.length, items.length, feed.name);
    for (const item of items) {
      assert.ok(text.includes(item.url), `${feed.name} links ${item.url}`);
      assert.ok(text.includes(item.title), `${feed.name} has ${item.title}`);
      assert.equal(item.region, null);
    }
  }
});

test('feed items link to pages the site serves; summary-only ones to plain pages', async () => {
  const templated = site.feedArticles('rss2')[0];
  assert.ok(templated !== undefined);
  assert.match(await (await fetch(templated.url)).text(), /id="abody"/);
  const summary = site.feedArticles('summary-only');
  for (const item of summary) {
    assert.equal(item.template, false);
    const html = await (await fetch(item.url)).text();
    assert.ok(html.includes('<article>'));
    assert.ok(!html.includes('id="abody"'));
    assert.ok(html.includes(item.paragraphs[0] ?? '?'));
  }
  const feedText = await (await fetch(url('/feeds/summary-only.xml'))).text();
  assert.ok(!feedText.includes('content:encoded>'));
});

test('the Big5 feed decodes with big5hkscs to text containing 堃', async () => {
  const { res, body } = await rawGet(url('/feeds/big5.xml'));
  assert.equal(res.headers['content-type'], 'application/rss+xml');
  const text = iconv.decode(body, 'big5hkscs');
  assert.ok(text.includes('堃'));
  assert.ok(text.startsWith('<?xml version="1.0" encoding="big5"?>'));
  assert.ok(site.feedArticles('big5').every((a) => a.script === 'hant'));
  assert.ok(text.includes(site.feedArticles('big5')[0]?.title ?? '?'));
});

test('the GB2312 feed is GBK bytes and the lying feed is UTF-8 bytes', async () => {
  const gb = await rawGet(url('/feeds/gb2312.xml'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gb.body));
  assert.ok(new TextDecoder('gb18030').decode(gb.body).includes('encoding="gb2312"'));
  const lying = await rawGet(url('/feeds/lying-charset.xml'));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(lying.body);
  assert.ok(text.startsWith('<?xml version="1.0" encoding="gb2312"?>'));
  assert.match(text, /[\u4e00-\u9fff]/u);
});

test('feed items name well-known places so a gazetteer can tag them', () => {
  const items = FEEDS.flatMap((f) => site.feedArticles(f.name));
  const regions = new Set(items.map((a) => a.namedRegion));
  assert.ok(regions.size >= 8, [...regions].join(','));
  const titles = site.feedArticles('rss2').map((a) => a.title);
  assert.ok(titles[0]?.startsWith('延吉:'), titles[0]);
  assert.ok(titles.some((t) => /^(長春|长春):/u.test(t)));
  assert.ok(titles.some((t) => t.startsWith('吉林市:')));
  assert.equal(site.feedArticles('rss2')[0]?.namedRegion, 'yanbian');
  for (const item of items) {
    assert.equal(item.region, null);
    assert.ok(item.paragraphs[1]?.startsWith(item.title.split(':')[0] ?? '?'), item.title);
  }
});
