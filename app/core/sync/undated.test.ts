/**
 * Items a feed gives no date (issue 18): placed by when they were first seen, never in the future,
 * and kept there by later syncs instead of rising to the top each time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { serve } from '../../../test/support/local-server.ts';
import { closeLibrary, openLibrary } from '../db/library.ts';
import { createFetcher } from './fetch.ts';
import { SyncController } from './sync-controller.ts';

const item = (title: string, date: string | null): string =>
  `<item><title>${title}</title><link>https://news.example.cn/${encodeURIComponent(title)}.html</link>` +
  (date === null ? '' : `<pubDate>${new Date(date).toUTCString()}</pubDate>`) +
  `<description>${title}的內容</description></item>`;
const rss = (items: readonly string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://news.example.cn/</link>${items.join('')}</channel></rss>`;

test('an undated item keeps the time it was first seen, below newer articles, at every sync', async (t) => {
  let body = rss([item('沒有日期', null), item('舊聞', '2026-12-01T00:00:00Z')]);
  const origin = await serve(t, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body);
  });
  const dir = mkdtempSync(join(tmpdir(), 'heitu-undated-'));
  const opened = openLibrary(join(dir, 'library.sqlite'));
  t.after(() => {
    closeLibrary(opened.db);
    rmSync(dir, { recursive: true, force: true });
  });
  let now = Date.parse('2026-12-05T00:00:00Z');
  const sync = new SyncController({
    db: opened.db,
    sources: [
      {
        id: 'feed',
        type: 'feed',
        url: `${origin}/rss.xml`,
        region: 'changchun',
        enabled: true,
        fullText: false,
        maxPages: 1,
        maxItems: 50,
      },
    ],
    origin: 'file',
    fetcher: createFetcher({ userAgent: 'test' }),
    now: () => now,
    emit: () => undefined,
  });
  const rows = () =>
    opened.db
      .prepare<[], { title: string; published_at: number }>(
        'SELECT title, published_at FROM articles ORDER BY sort_key DESC',
      )
      .all()
      .map((r) => [r.title, new Date(r.published_at).toISOString()]);

  assert.equal((await sync.run(undefined)).failed, 0);
  const firstSeen = '2026-12-05T00:00:00.000Z';
  assert.deepEqual(rows(), [
    ['沒有日期', firstSeen],
    ['舊聞', '2026-12-01T00:00:00.000Z'],
  ]);

  // Two hours on, the feed lists a newer article (and a date in the future, which is capped).
  now += 2 * 3_600_000;
  body = rss([
    item('新聞', '2026-12-05T01:00:00Z'),
    item('明天的新聞', '2026-12-06T00:00:00Z'),
    item('沒有日期', null),
    item('舊聞', '2026-12-01T00:00:00Z'),
  ]);
  assert.equal((await sync.run(undefined)).failed, 0);
  assert.deepEqual(rows(), [
    ['明天的新聞', '2026-12-05T02:00:00.000Z'],
    ['新聞', '2026-12-05T01:00:00.000Z'],
    ['沒有日期', firstSeen],
    ['舊聞', '2026-12-01T00:00:00.000Z'],
  ]);
});
