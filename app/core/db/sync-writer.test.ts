/**
 * A source's articles are written in short transactions with the thread let go between them:
 * the reader's calls queued behind a sync are answered between its batches, and the source's
 * sync state is recorded only once every article is in.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { closeLibrary, openLibrary } from './library.ts';
import { sourcesRepo } from './sources-repo.ts';
import { syncWriter, type FetchedArticle, type SourceResult } from './sync-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-writer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PARAGRAPH = '<p>長春市今年以來經濟運行總體平穩，重點項目建設加快推進，冰雪旅遊持續升溫。</p>';

function article(n: number): FetchedArticle {
  return {
    url: `https://example.cn/a/${n}.html`,
    guid: `a-${n}`,
    sourceId: 'feed-a',
    title: `長春新聞 第${n}條`,
    summary: '長春市今年以來經濟運行總體平穩',
    contentHtml: PARAGRAPH.repeat(8),
    text: '長春市今年以來經濟運行總體平穩，重點項目建設加快推進，冰雪旅遊持續升溫。'.repeat(8),
    publishedAt: Date.UTC(2026, 10, 1) + n * 60_000,
    fetchedAt: Date.UTC(2026, 10, 20),
    script: 'hant',
    regions: ['changchun'],
    imageUrls: [],
  };
}

/** One fetch of the feed's 200 articles, at `at`. */
function fetched(at: number): SourceResult {
  return {
    sourceId: 'feed-a',
    articles: Array.from({ length: 200 }, (_, n) => article(n)),
    images: [],
    listed: null,
    etag: '"v1"',
    lastModified: null,
    at,
    nextDueAt: at + 3_600_000,
  };
}

test('reads are answered between the batches of one source, which is recorded as synced last', async () => {
  const { db } = openLibrary(join(dir, 'library.sqlite3'));
  try {
    const sources = sourcesRepo(db);
    sources.save({
      id: 'feed-a',
      type: 'feed',
      url: 'https://example.cn/feed.xml',
      title: null,
      region: null,
      profile: null,
      enabled: true,
    });
    const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles');
    // A budget of 1 ms: however fast the machine, 200 articles take several transactions.
    const write = syncWriter(db, { budgetMs: 1 });
    const seen: { articles: number; synced: boolean }[] = [];
    let done = false;
    const reader = (): void => {
      if (done) return;
      seen.push({
        articles: count.get()?.n ?? -1,
        synced: sources.get('feed-a')?.lastSuccessAt !== null,
      });
      setImmediate(reader);
    };
    setImmediate(reader);
    const result = await write(fetched(Date.UTC(2026, 10, 20))).finally(() => {
      done = true;
    });

    assert.equal(result.inserted, 200);
    assert.equal(result.ids.length, 200);
    assert.equal(count.get()?.n, 200);
    const between = seen.filter((s) => s.articles > 0 && s.articles < 200);
    assert.ok(between.length >= 2, `reads ran between batches: ${JSON.stringify(seen)}`);
    assert.ok(
      between.every((s) => !s.synced),
      'until its last article is in, the source is not recorded as synced',
    );
    assert.equal(sources.get('feed-a')?.etag, '"v1"');
    assert.notEqual(sources.get('feed-a')?.lastSuccessAt, null);

    // Written again (the next sync), the same articles are known: nothing is new.
    const again = await write(fetched(Date.UTC(2026, 10, 21)));
    assert.equal(again.inserted, 0);
    assert.equal(count.get()?.n, 200);
  } finally {
    closeLibrary(db);
  }
});
