/**
 * Nothing holds a sync for ever: an image server that never answers costs a source no more than
 * its time budget, a sync no more than its own, the summary names the sources that ran out (not
 * "synced, 0 failed"), what was read is stored, and other sources are synced all the same.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { NewsService } from '../../../app/core/news-service.ts';
import type { Source } from '../../../app/core/sync/sources-file.ts';
import {
  rssWithImages,
  startFeedServer,
  startTarpit,
  type LocalServer,
} from '../../support/hostile-servers.ts';
import { quiet } from '../../support/damaged-library.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-budget-'));
let tarpit: LocalServer;
let feeds: LocalServer;
let restore: () => void;

before(async () => {
  restore = quiet();
  tarpit = await startTarpit();
  feeds = await startFeedServer({
    '/images.xml': rssWithImages('img', 50, 12, tarpit.origin),
    '/plain.xml': rssWithImages('plain', 5, 0, tarpit.origin),
  });
});
after(async () => {
  await feeds.close();
  await tarpit.close();
  restore();
  rmSync(dir, { recursive: true, force: true });
});

const feed = (id: string, url: string): Source => ({
  id,
  type: 'feed',
  url,
  region: 'changchun',
  enabled: true,
  fullText: false,
  maxPages: 3,
  maxItems: 200,
});

test('images on a tarpit cost their source its budget: stored without them, said in the summary', async () => {
  const service = NewsService.open({
    dataDir: join(dir, 'source'),
    appVersion: 'test',
    sources: [
      feed('tarpit-images', `${feeds.origin}/images.xml`),
      feed('plain', `${feeds.origin}/plain.xml`),
    ],
    syncBudget: { sourceMs: 4000, syncMs: 10 * 60_000 },
  });
  try {
    const summary = await service.sync();
    assert.equal(summary.failed, 1, JSON.stringify(summary.errors));
    const [error] = summary.errors;
    assert.ok(error !== undefined);
    assert.equal(error.sourceId, 'tarpit-images');
    assert.match(error.message, /time budget of 4 s.*What was read by then is stored/);
    assert.equal(summary.inserted, 55, 'both sources’ articles are stored');
    assert.equal(summary.cancelled, false);
    const plain = (await service.listSources()).find((s) => s.id === 'plain');
    assert.equal(plain?.lastError, null);
  } finally {
    service.close();
  }
});

test('a sync over its own budget stops, and every source it did not finish is named', async () => {
  const hanging = Array.from({ length: 5 }, (_, i) =>
    feed(`hang-${i}`, `${tarpit.origin}/feed-${i}.xml`),
  );
  const service = NewsService.open({
    dataDir: join(dir, 'sync'),
    appVersion: 'test',
    sources: hanging,
    syncBudget: { sourceMs: 10 * 60_000, syncMs: 1000 },
  });
  try {
    const summary = await service.sync();
    assert.equal(summary.failed, 5);
    assert.deepEqual(
      summary.errors.map((e) => e.sourceId).sort(),
      hanging.map((s) => s.id),
    );
    for (const e of summary.errors)
      assert.match(e.message, /sync went over its time budget of 1 s/);
  } finally {
    service.close();
  }
});
