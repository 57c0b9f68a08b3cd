/**
 * The library's storage failing under it: a full disk (max_page_count), a read-only data folder,
 * a library another program has locked. Each gets a clear message, loses nothing saved before,
 * and leaves the library usable once the fault is gone.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../../app/core/data-dir.ts';
import { openLibrary, closeLibrary } from '../../../app/core/db/library.ts';
import { bookmarksRepo } from '../../../app/core/db/bookmarks-repo.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import { createFetcher } from '../../../app/core/sync/fetch.ts';
import { SyncController } from '../../../app/core/sync/sync-controller.ts';
import { NewsApiError } from '../../../app/shared/errors.ts';
import { libraryWithBookmarks, quiet } from '../../support/damaged-library.ts';
import { bin, env } from '../../support/heitu-cli.ts';
import { rssWithImages, startFeedServer, type LocalServer } from '../../support/hostile-servers.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-storage-faults-'));
let feeds: LocalServer;
let restore: () => void;
before(async () => {
  restore = quiet();
  feeds = await startFeedServer({ '/big.xml': rssWithImages('big', 300, 0, '') });
});
after(async () => {
  await feeds.close();
  restore();
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

test('a full disk fails the sync of a source in words, and keeps every bookmark', async () => {
  const dataDir = await libraryWithBookmarks(join(dir, 'full'));
  const { db } = openLibrary(join(dataDir, DATABASE_FILE));
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const sync = new SyncController({
      db,
      sources: [
        {
          id: 'big',
          type: 'feed',
          url: `${feeds.origin}/big.xml`,
          region: 'changchun',
          enabled: true,
          fullText: false,
          maxPages: 3,
          maxItems: 200,
        },
      ],
      origin: 'file',
      fetcher: createFetcher({ userAgent: 'test' }),
      now: Date.now,
      emit: () => undefined,
    });
    const summary = await sync.run({ sourceIds: ['big'] });
    assert.equal(summary.failed, 1);
    assert.match(summary.errors[0]?.message ?? '', /the disk is full\. Nothing was changed/);
    assert.equal(bookmarksRepo(db).exportFile(0).bookmarks.length, 3);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    // Room again: the same sync stores the source.
    db.pragma('max_page_count = 1073741823');
    assert.equal((await sync.run({ sourceIds: ['big'] })).failed, 0);
  } finally {
    closeLibrary(db);
  }
});

test('a read-only data folder is a clear message, not a crash, and the file is untouched', async () => {
  const dataDir = await libraryWithBookmarks(join(dir, 'read-only'));
  const before = readdirSync(dataDir).sort();
  chmodSync(dir, 0o755);
  for (const f of before) chmodSync(join(dataDir, f), 0o444);
  chmodSync(dataDir, 0o555);
  try {
    // As root, permissions do not bind: the CLI runs as nobody then, as a reader's account would.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawn(process.execPath, [bin, 'bookmarks', '--data-dir', dataDir], {
      env,
      ...asNobody,
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const [code] = (await once(child, 'close')) as [number];
    assert.equal(code, 1, err);
    assert.match(err, /read-only/);
    assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
    assert.deepEqual(readdirSync(dataDir).sort(), before, 'nothing new beside the library');
  } finally {
    chmodSync(dataDir, 0o755);
    for (const f of before) chmodSync(join(dataDir, f), 0o644);
  }
  const service = NewsService.open({ dataDir, appVersion: 'test' });
  assert.equal((await service.exportBookmarks()).bookmarks.length, 3);
  service.close();
});

test('a library another program holds locked is said in words; it works once released', async () => {
  const dataDir = await libraryWithBookmarks(join(dir, 'locked'));
  const service = NewsService.open({ dataDir, appVersion: 'test' });
  const other = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  try {
    other.exec('BEGIN EXCLUSIVE');
    await assert.rejects(
      service.setSettings({ theme: 'light' }),
      (e: unknown) =>
        e instanceof NewsApiError &&
        e.code === 'STORAGE' &&
        e.message.includes('another program is using the library'),
    );
    other.exec('ROLLBACK');
    assert.equal((await service.setSettings({ theme: 'light' })).theme, 'light');
    assert.equal((await service.exportBookmarks()).bookmarks.length, 3);
  } finally {
    other.close();
    service.close();
  }
});
