/** The fixture site's portal: region lists, article pages in their encodings, 304s and images. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURE_REGIONS, TINY_JPEG, TINY_PNG, type FixtureSite } from './fixture-site.ts';
import { rawGet } from './raw-get.ts';
import { useTestSite } from './test-site.ts';

const ARTICLE_LINK = /href="([^"]*\/\d{8}\/[0-9a-f]{32}\.html)"/g;

let site: FixtureSite;
useTestSite((started) => (site = started));

const url = (path: string): string => `${site.origin}${path}`;

/** An article page's text, decoded as its ground truth says it is encoded. */
async function pageText(path: string): Promise<string> {
  const truth = site.article(path);
  const { res, body } = await rawGet(url(path));
  assert.equal(res.statusCode, 200);
  const gb = truth?.encoding === 'gbk' || truth?.encoding === 'gb18030';
  assert.equal(
    res.headers['content-type'],
    gb ? 'text/html' : truth?.encoding === 'utf-8' ? 'text/html; charset=utf-8' : 'text/html',
  );
  return new TextDecoder(gb ? 'gb18030' : 'utf-8', { fatal: true }).decode(body);
}

test('following next links from a region list finds exactly articlesPerRegion articles, newest first', async () => {
  for (const region of ['changchun', 'yanbian'] as const) {
    let pageUrl: string | null = url(`/jilin/${region}/index.html`);
    const found: string[] = [];
    let pages = 0;
    while (pageUrl !== null) {
      const res: Response = await fetch(pageUrl);
      assert.equal(res.status, 200);
      const html = await res.text();
      pages += 1;
      for (const match of html.matchAll(ARTICLE_LINK)) {
        const absolute = new URL(match[1] ?? '', pageUrl).href;
        if (!found.includes(absolute)) found.push(absolute);
      }
      const next = /<a class="next" href="([^"]+)">下一頁<\/a>/.exec(html);
      pageUrl = next === null ? null : new URL(next[1] ?? '', pageUrl).href;
    }
    assert.equal(pages, 3);
    assert.equal(found.length, site.articlesPerRegion);
    const truth = site.portalArticles(region);
    assert.deepEqual(
      found,
      truth.map((a) => a.url),
    );
    for (let i = 1; i < truth.length; i += 1) {
      assert.ok((truth[i - 1]?.publishedAt ?? 0) > (truth[i]?.publishedAt ?? 0));
    }
  }
  assert.equal((await fetch(url('/jilin/changchun/index_4.html'))).status, 404);
});

test('list pages mix article links with unrelated ones, in three link styles', async () => {
  const html = await (await fetch(url('/jilin/siping/index.html'))).text();
  assert.match(html, /<ul class="news-list">/);
  assert.match(html, /href="\/about\.html"/);
  assert.match(html, /href="http:\/\/ad\.cri\.cn\//);
  assert.match(html, /href="\/jilin\/yanbian\/index\.html">延邊</);
  assert.ok(html.includes(`href="${site.origin}/`), 'absolute links');
  assert.match(html, /href="\/\d{8}\/[0-9a-f]{32}\.html"/);
  assert.match(html, /href="\.\.\/\.\.\/\d{8}\/[0-9a-f]{32}\.html"/);
  assert.match(html, /<a class="next" href="index_2\.html">下一頁<\/a>/);
});

test('an article page carries the channel template', async () => {
  const truth = site.article(site.special.withOriginalTitle);
  assert.ok(truth !== undefined);
  const html = await pageText(truth.path);
  for (const id of ['atitle', 'apublishtime', 'asource', 'aeditor', 'abody']) {
    assert.ok(html.includes(`id="${id}"`), id);
  }
  assert.ok(html.includes(`<h1 id="atitle">${truth.title}</h1>`));
  assert.match(html, /<span id="apublishtime">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d<\/span>/);
  assert.ok(html.includes(`<span id="asource">來源:${truth.sourceName}</span>`));
  assert.ok(html.includes(`<span>責編:${truth.responsibleEditor}</span>`));
  assert.ok(html.includes('<div class="copyright">國際在線版權與信息産品內容銷售的聲明:'));
  assert.ok(html.includes('熱線:0431-81126178'));
  assert.ok(html.includes('郵箱:jilin@cri.cn'));
  assert.ok(html.includes('長白山保護開發區'));
  assert.ok(html.includes('<p>原題:'));

  const without = await pageText(site.special.withoutOriginalTitle);
  assert.ok(without.includes('id="abody"'));
  assert.ok(!without.includes('原題:'));
});

test('a GBK page has no charset in its header and decodes as GB18030', async () => {
  const truth = site.article(site.special.gbk);
  assert.ok(truth !== undefined);
  assert.equal(truth.encoding, 'gbk');
  assert.equal(truth.script, 'hans');
  const { res, body } = await rawGet(url(truth.path));
  assert.equal(res.headers['content-type'], 'text/html');
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(body));
  const text = new TextDecoder('gb18030').decode(body);
  assert.ok(text.includes(truth.title));
  assert.ok(text.includes('charset=gb2312'));
  assert.ok(text.includes(truth.paragraphs[0] ?? '?'));
});

test('half the portal pages are GB-encoded, Traditional ones in GB18030', () => {
  const all = FIXTURE_REGIONS.flatMap((r) => site.portalArticles(r));
  const gb = all.filter((a) => a.encoding === 'gbk' || a.encoding === 'gb18030');
  assert.ok(gb.length > all.length * 0.3 && gb.length < all.length * 0.7, String(gb.length));
  for (const a of gb) assert.equal(a.encoding, a.script === 'hans' ? 'gbk' : 'gb18030');
});

test('the lying page declares gb2312 but is UTF-8', async () => {
  const truth = site.article(site.special.lyingCharset);
  assert.ok(truth !== undefined);
  const { res, body } = await rawGet(url(truth.path));
  assert.equal(res.headers['content-type'], 'text/html');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  assert.ok(text.includes('charset=gb2312'));
  assert.ok(text.includes(truth.title));
});

test('pages answer If-None-Match and If-Modified-Since with 304', async () => {
  const path = site.special.utf8;
  const first = await fetch(url(path));
  const etag = first.headers.get('etag');
  const lastModified = first.headers.get('last-modified');
  assert.ok(etag !== null && lastModified !== null);
  assert.equal((await fetch(url(path), { headers: { 'If-None-Match': etag } })).status, 304);
  assert.equal(
    (await fetch(url(path), { headers: { 'If-Modified-Since': lastModified } })).status,
    304,
  );
  assert.equal((await fetch(url(path), { headers: { 'If-None-Match': '"other"' } })).status, 200);
  const list = await fetch(url('/jilin/changchun/index.html'));
  const listTag = list.headers.get('etag') ?? '';
  const again = await fetch(url('/jilin/changchun/index.html'), {
    headers: { 'If-None-Match': listTag },
  });
  assert.equal(again.status, 304);
  assert.equal(again.headers.get('etag'), listTag);
});

test('images need a Referer from the site', async () => {
  const forbidden = await rawGet(url('/img/photo.jpg'));
  assert.equal(forbidden.res.statusCode, 403);
  const foreign = await rawGet(url('/img/photo.jpg'), { Referer: 'http://evil.example/' });
  assert.equal(foreign.res.statusCode, 403);

  const referer = { Referer: url(site.special.utf8) };
  const jpeg = await rawGet(url('/img/photo.jpg'), referer);
  assert.equal(jpeg.res.statusCode, 200);
  assert.equal(jpeg.res.headers['content-type'], 'image/jpeg');
  assert.deepEqual(jpeg.body, TINY_JPEG);
  assert.deepEqual([...jpeg.body.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  const png = await rawGet(url('/img/dot.png'), referer);
  assert.equal(png.res.statusCode, 200);
  assert.deepEqual(png.body, TINY_PNG);
  assert.equal(png.body.subarray(1, 4).toString('latin1'), 'PNG');

  const fake = await rawGet(url('/img/not-an-image.jpg'), referer);
  assert.equal(fake.res.statusCode, 200);
  assert.match(fake.res.headers['content-type'] ?? '', /^text\/html/);

  const huge = await fetch(url('/img/huge.jpg'), { method: 'HEAD', headers: referer });
  assert.equal(huge.status, 200);
  assert.equal(huge.headers.get('content-length'), String(30 * 1024 * 1024));
});

test('article bodies reference images the site serves', async () => {
  const withImage = FIXTURE_REGIONS.flatMap((r) => site.portalArticles(r)).find(
    (a) => a.images.length > 0 && a.encoding === 'utf-8',
  );
  assert.ok(withImage !== undefined);
  const html = await (await fetch(withImage.url)).text();
  const src = withImage.images[0] ?? '';
  assert.ok(html.includes(`<img src="${src}"`));
  const image = await rawGet(url(src), { Referer: withImage.url });
  assert.equal(image.res.statusCode, 200);
});
