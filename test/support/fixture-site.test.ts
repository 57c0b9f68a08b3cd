import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import {
  FEEDS,
  FIXTURE_REGIONS,
  startFixtureSite,
  TINY_JPEG,
  TINY_PNG,
  type FixtureSite,
} from './fixture-site.ts';

const ARTICLE_LINK = /href="([^"]*\/\d{8}\/[0-9a-f]{32}\.html)"/g;

let site: FixtureSite;
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 45, pageSize: 20, seed: 7 });
});
after(async () => {
  await site.close();
});

const url = (path: string): string => `${site.origin}${path}`;

/** A raw GET that neither decompresses nor follows redirects. */
function rawGet(
  target: string,
  headers: Record<string, string> = {},
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(target, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ res, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

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

test('faulty routes fail the way they are named', async () => {
  assert.equal((await rawGet(url('/faulty/500'))).res.statusCode, 500);
  const tooMany = await rawGet(url('/faulty/429'));
  assert.equal(tooMany.res.statusCode, 429);
  assert.equal(tooMany.res.headers['retry-after'], '2');
  const unavailable = await rawGet(url('/faulty/503-date'));
  assert.equal(unavailable.res.statusCode, 503);
  assert.ok(Date.parse(unavailable.res.headers['retry-after'] ?? '') > Date.now());
  const loop = await rawGet(url('/faulty/loop'));
  assert.equal(loop.res.statusCode, 302);
  assert.equal(loop.res.headers.location, '/faulty/loop');
  const toFile = await rawGet(url('/faulty/to-file'));
  assert.equal(toFile.res.headers.location, 'file:///etc/passwd');

  const bomb = await rawGet(url('/faulty/gzip-bomb'));
  assert.equal(bomb.res.headers['content-encoding'], 'gzip');
  assert.ok(bomb.body.length < 1024 * 1024, String(bomb.body.length));
  assert.deepEqual([...bomb.body.subarray(0, 2)], [0x1f, 0x8b]);

  const malformed = await (await fetch(url('/faulty/malformed.xml'))).text();
  assert.match(malformed, /^<\?xml/);
  assert.doesNotMatch(malformed, /<\/rss>/);
  const notFeed = await fetch(url('/faulty/not-feed.xml'));
  assert.match(notFeed.headers.get('content-type') ?? '', /xml/);
  assert.match(await notFeed.text(), /^<!DOCTYPE html>/);
});

test('the hostile page uses the template and carries what a sanitiser must remove', async () => {
  const html = await (await fetch(url(site.special.hostile))).text();
  assert.ok(html.includes('<h1 id="atitle">'));
  for (const needle of [
    '<script>',
    'onerror=',
    'href="javascript:',
    '<iframe',
    '<form',
    '<style>',
    'src="data:image/png;base64,',
    '<svg',
  ]) {
    const body = html.slice(
      html.indexOf('<div id="abody">'),
      html.indexOf('<div class="copyright">'),
    );
    assert.ok(body.includes(needle), needle);
  }
});

test('/faulty/huge announces 200 MB and streams until the client stops', async () => {
  const controller = new AbortController();
  const res = await fetch(url('/faulty/huge'), { signal: controller.signal });
  assert.equal(res.headers.get('content-length'), String(200 * 1024 * 1024));
  const reader = res.body?.getReader();
  assert.ok(reader !== undefined);
  let received = 0;
  while (received < 1024 * 1024) {
    const chunk = await reader.read();
    if (chunk.done) break;
    received += chunk.value.length;
  }
  controller.abort();
  assert.ok(received >= 1024 * 1024);
});

test('hits and lastHeaders record requests per path', async () => {
  const path = '/about.html';
  const before = site.hits.get(path) ?? 0;
  await fetch(url(path), { headers: { 'X-Probe': 'one' } });
  await fetch(url(path), { headers: { 'X-Probe': 'two' } });
  assert.equal(site.hits.get(path), before + 2);
  assert.equal(site.lastHeaders(path)?.['x-probe'], 'two');
  assert.equal(site.lastHeaders('/never-requested'), undefined);
});

test('writeSourcesFile writes the app sources shape', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-fixture-'));
  try {
    const file = site.writeSourcesFile(dir);
    const { sources } = JSON.parse(readFileSync(file, 'utf8')) as {
      sources: Record<string, string>[];
    };
    assert.equal(sources.length, FIXTURE_REGIONS.length + FEEDS.length);
    assert.deepEqual(sources[0], {
      id: 'cri-jilin-changchun',
      type: 'portal',
      profile: 'cri-jilin',
      region: 'changchun',
      url: `${site.origin}/jilin/changchun/index.html`,
    });
    assert.deepEqual(sources[FIXTURE_REGIONS.length], {
      id: 'feed-rss2',
      type: 'feed',
      url: `${site.origin}/feeds/rss2.xml`,
    });
    assert.deepEqual(
      sources.slice(0, FIXTURE_REGIONS.length).map((s) => s.region),
      [...FIXTURE_REGIONS],
    );
    const portal = JSON.parse(readFileSync(site.writeSourcesFile(dir, 'portal'), 'utf8')) as {
      sources: { type: string }[];
    };
    assert.ok(portal.sources.every((s) => s.type === 'portal'));
    const feeds = JSON.parse(readFileSync(site.writeSourcesFile(dir, 'feeds'), 'utf8')) as {
      sources: { type: string }[];
    };
    assert.equal(feeds.sources.length, FEEDS.length);
    assert.ok(feeds.sources.every((s) => s.type === 'feed'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pages are deterministic for a seed and differ between seeds', async () => {
  const a = await startFixtureSite({ articlesPerRegion: 5, seed: 3 });
  const b = await startFixtureSite({ articlesPerRegion: 5, seed: 3 });
  const c = await startFixtureSite({ articlesPerRegion: 5, seed: 4 });
  try {
    const path = a.portalArticles('tonghua')[2]?.path ?? '';
    assert.equal(b.portalArticles('tonghua')[2]?.path, path);
    const [pa, pb] = await Promise.all([rawGet(a.origin + path), rawGet(b.origin + path)]);
    assert.deepEqual(pa.body, pb.body);
    assert.equal(pa.res.headers.etag, pb.res.headers.etag);
    const listA = (await rawGet(`${a.origin}/jilin/tonghua/index.html`)).body.toString('utf8');
    const listB = (await rawGet(`${b.origin}/jilin/tonghua/index.html`)).body.toString('utf8');
    assert.equal(listA.replaceAll(a.origin, ''), listB.replaceAll(b.origin, ''));
    assert.notEqual(c.portalArticles('tonghua')[2]?.path, path);
    assert.equal((await rawGet(c.origin + path)).res.statusCode, 404);
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});

test('a short list still has every special page, reachable by path', async () => {
  const small = await startFixtureSite({ articlesPerRegion: 2, pageSize: 1 });
  try {
    const { special } = small;
    const paths = [
      special.withOriginalTitle,
      special.withoutOriginalTitle,
      special.lyingCharset,
      special.gbk,
      special.utf8,
      special.hostile,
    ];
    for (const path of paths) {
      assert.equal((await rawGet(small.origin + path)).res.statusCode, 200, path);
    }
    const listed = small.portalArticles('changchun').map((a) => a.path);
    assert.deepEqual(listed, [special.withOriginalTitle, special.withoutOriginalTitle]);
    assert.equal(small.article(special.lyingCharset)?.encoding, 'utf-8-declared-gb2312');
    assert.equal(small.article(special.lyingCharset)?.region, null);
    const first = await (await fetch(`${small.origin}/jilin/baishan/index.html`)).text();
    assert.match(first, /<a class="next" href="index_2\.html">/);
    const last = await (await fetch(`${small.origin}/jilin/baishan/index_2.html`)).text();
    assert.doesNotMatch(last, /class="next"/);
  } finally {
    await small.close();
  }
});

test('close() ends a hanging /faulty/slow request promptly', async () => {
  const own = await startFixtureSite({ articlesPerRegion: 1 });
  const ended = new Promise<{ bytes: number; ms: number }>((resolve, reject) => {
    const request = get(`${own.origin}/faulty/slow`, (res) => {
      assert.equal(res.statusCode, 200);
      let bytes = 0;
      let closedAt = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (closedAt === 0) {
          closedAt = Date.now();
          void own.close();
        }
      });
      const finish = (): void => {
        resolve({ bytes, ms: Date.now() - closedAt });
      };
      res.on('close', finish);
      res.on('error', finish);
    });
    request.on('error', () => undefined);
    request.setTimeout(5000, () => {
      reject(new Error('the slow request was not ended by close()'));
    });
  });
  const { bytes, ms } = await ended;
  assert.ok(bytes >= 1);
  assert.ok(ms < 400, `ended ${ms} ms after close()`);
  const hang = await startFixtureSite({ articlesPerRegion: 1 });
  const hung = new Promise<string>((resolve) => {
    get(`${hang.origin}/faulty/hang`, () => {
      resolve('answered');
    }).on('error', (error) => {
      resolve(error.message);
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = Date.now();
  await hang.close();
  assert.equal(await hung, 'socket hang up');
  assert.ok(Date.now() - started < 400);
});
