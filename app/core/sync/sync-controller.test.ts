/**
 * The page cache a sync writes with (sync-controller.ts): SQLite's own 2 MiB while the sync runs,
 * the reader's size again once it ends, on a real library file and the fixture site.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFixtureSite, type FixtureSite } from '../../../test/support/fixture-site.ts';
import { openDatabase } from '../db/database.ts';
import { closeSearchIndex } from '../db/search-index.ts';
import { createFetcher, type Fetcher } from './fetch.ts';
import { DEFAULT_MAX_ITEMS } from './sources-file.ts';
import { SyncController } from './sync-controller.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-sync-controller-'));
let site: FixtureSite;
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 0 });
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a sync writes with a 2 MiB page cache and gives the reader its own back after', async () => {
  const db = openDatabase(join(dir, 'library.sqlite3'));
  const cacheSize = (): unknown => db.pragma('cache_size', { simple: true });
  const readers = cacheSize();
  const during: unknown[] = [];
  const http = createFetcher({ userAgent: 'HeituReader-test', totalTimeoutMs: 3000 });
  // The real client, noting the library's cache size each time the engine asks for a page.
  const fetcher: Fetcher = {
    fetch(url, options) {
      during.push(cacheSize());
      return http.fetch(url, options);
    },
  };
  const controller = new SyncController({
    db,
    sources: [
      {
        id: 'feed-rss2',
        type: 'feed',
        url: `${site.origin}/feeds/rss2.xml`,
        enabled: true,
        fullText: false,
        maxPages: 1,
        maxItems: DEFAULT_MAX_ITEMS,
      },
    ],
    origin: 'file',
    fetcher,
    now: Date.now,
    emit: () => undefined,
  });
  try {
    const summary = await controller.run();
    assert.equal(summary.failed, 0);
    assert.ok(summary.inserted > 0);
    assert.ok(during.length > 0);
    assert.deepEqual([...new Set(during)], [-2048]);
    assert.notEqual(readers, -2048);
    assert.equal(cacheSize(), readers);
  } finally {
    closeSearchIndex(db);
    db.close();
  }
});
