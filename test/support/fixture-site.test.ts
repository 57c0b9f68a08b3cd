/**
 * The fixture site's API: request records, the sources file, determinism per seed and short lists.
 * Its routes are tested by topic in fixture-site-portal, -feeds and -faulty.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FEEDS, FIXTURE_REGIONS, startFixtureSite, type FixtureSite } from './fixture-site.ts';
import { rawGet } from './raw-get.ts';
import { useTestSite } from './test-site.ts';

let site: FixtureSite;
useTestSite((started) => (site = started));

const url = (path: string): string => `${site.origin}${path}`;

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
