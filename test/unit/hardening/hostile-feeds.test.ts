/**
 * Feeds built to hurt the parser, synced side by side with a good one: entity expansion (a
 * "billion laughs"), an external entity (XXE) naming a local file, 10,000-deep nesting, 100,000
 * items, a 1 MB attribute. Each is stored bounded or fails in words; no local file
 * leaks into the library; the good source is synced all the same. (fetch.test.ts covers the
 * transport's attacks: gzip bombs, slowloris, redirect loops and non-http redirects; decode.test.ts
 * a lying charset and invalid bytes; feed.test.ts HTML served as a feed.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { NewsService } from '../../../app/core/news-service.ts';
import type { Source } from '../../../app/core/sync/sources-file.ts';
import { quiet } from '../../support/damaged-library.ts';
import { rssWithImages, startFeedServer, type LocalServer } from '../../support/hostile-servers.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-hostile-feeds-'));
const secret = join(dir, 'secret.txt');
let feeds: LocalServer;
let restore: () => void;

const rss = (head: string, items: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>${head}<rss version="2.0"><channel><title>t</title><link>https://news.example.cn/</link><description>d</description>${items}</channel></rss>`;
const item = (i: number | string, title: string, extra = ''): string =>
  `<item><title>${title}</title><link>https://news.example.cn/h/${i}.html</link><description>長春市的新聞 ${i}</description>${extra}</item>`;

const HOSTILE: Readonly<Record<string, string>> = {
  laughs: rss(
    `<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>`,
    item('laughs', '長春 &lol9;'),
  ),
  xxe: rss(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>`, item('xxe', '長春 &xxe;')),
  deep: rss('', item('deep', '長春 深', `${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`)),
  // Short items, so that the feed (4 MB) passes the 10 MB cap and is parsed whole.
  many: rss(
    '',
    Array.from(
      { length: 100_000 },
      (_, i) => `<item><title>長春 ${i}</title><link>https://n.cn/${i}</link></item>`,
    ).join(''),
  ),
  attribute: rss(
    '',
    item(
      'attr',
      '長春 屬性',
      `<enclosure url="https://a.example/${'a'.repeat(1024 * 1024)}" type="image/jpeg"/>`,
    ),
  ),
};

before(async () => {
  restore = quiet();
  writeFileSync(secret, 'TOP-SECRET-LOCAL-FILE\n');
  feeds = await startFeedServer({
    ...Object.fromEntries(Object.entries(HOSTILE).map(([k, v]) => [`/${k}.xml`, v])),
    '/good.xml': rssWithImages('good', 5, 0, ''),
  });
});
after(async () => {
  await feeds.close();
  restore();
  rmSync(dir, { recursive: true, force: true });
});

test('hostile feeds are stored bounded or fail in words, leak no local file, and spare the good one', async (t) => {
  const feed = (id: string): Source => ({
    id,
    type: 'feed',
    url: `${feeds.origin}/${id}.xml`,
    region: 'changchun',
    enabled: true,
    fullText: false,
    maxPages: 3,
    maxItems: 200,
  });
  const service = NewsService.open({
    dataDir: join(dir, 'data'),
    appVersion: 'test',
    sources: [...Object.keys(HOSTILE), 'good'].map(feed),
  });
  try {
    const summary = await service.sync();
    const failed = new Map(summary.errors.map((e) => [e.sourceId, e.message]));
    t.diagnostic(`failed in words: ${JSON.stringify([...failed])}`);
    assert.equal(failed.has('many'), false, 'the 100,000-item feed is read');
    assert.equal(failed.has('good'), false, 'the good source is synced');
    for (const message of failed.values()) {
      assert.ok(message.length < 500, `a short error: ${message.slice(0, 100)}`);
      assert.doesNotMatch(message, /\n\s+at /, 'no stack trace');
    }
    const sources = await service.listSources();
    const good = sources.find((s) => s.id === 'good');
    assert.equal(good?.lastError, null);
    const everything = JSON.stringify(await service.listArticles({ region: 'all', limit: 100 }));
    assert.ok(!everything.includes('TOP-SECRET'), 'no local file read through an entity');
    assert.ok(!everything.includes('lollollollollollollollollollol'), 'no entity expanded');
    // The 100,000-item feed is read, and only the newest articles per source are kept.
    const counts = await service.getTabCounts();
    const all = counts.find((c) => c.region === 'all')?.total ?? 0;
    assert.ok(all >= 5 && all <= 5 + 200 * Object.keys(HOSTILE).length, `${all} articles stored`);
  } finally {
    service.close();
  }
});
