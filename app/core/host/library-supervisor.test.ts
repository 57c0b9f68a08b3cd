/**
 * The library in a worker thread of its own, as `heitu web` runs it: started, killed mid-sync,
 * restarted, closed. Real worker threads, real SQLite files, the fixture site over real HTTP.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import type { NewsEvent } from '../../shared/contract.ts';
import { startFixtureSite, type FixtureSite } from '../../../test/support/fixture-site.ts';
import { DATABASE_FILE } from '../data-dir.ts';
import { loadSourcesFile, type Source } from '../sync/sources-file.ts';
import { LibrarySupervisor, RESTARTED_NOTICE } from './library-supervisor.ts';
import { workerSpawner } from './worker-spawner.ts';
import { value } from '../../../test/support/call-value.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-supervisor-'));
let site: FixtureSite;
let sources: Source[];
before(async () => {
  // Slow answers, so that a sync is still running when the test kills the library.
  site = await startFixtureSite({ articlesPerRegion: 12, pageSize: 20, seed: 3, latencyMs: 40 });
  sources = loadSourcesFile(site.writeSourcesFile(dir, 'portal'));
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

/** How much of the library (pages, as its connections see it) is in the file itself. */
function inFile(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return statSync(file).size / (pages * pageSize);
  } finally {
    db.close();
  }
}

const total = async (library: LibrarySupervisor): Promise<number> =>
  value(await library.remote.getTabCounts()).find((t) => t.region === 'all')?.total ?? -1;

test('killed mid-sync, the library restarts: the call in flight fails, the next ones succeed, nothing saved is lost', async () => {
  const dataDir = join(dir, 'killed');
  const library = await LibrarySupervisor.start(
    workerSpawner({ dataDir, appVersion: 'test', sources, schedule: false }),
    { backoffMs: 20 },
  );
  try {
    // What the reader has before the crash: one region synced, a bookmark, a setting.
    const first = sources[0];
    assert.ok(first);
    const synced = value(await library.remote.sync({ sourceIds: [first.id] }));
    assert.ok(synced.inserted > 0);
    // The sync worker checkpointed the log after the source was written (not the library's
    // thread at 16 MB): the articles are in the library file itself, not only in its log.
    assert.ok(inFile(join(dataDir, DATABASE_FILE)) > 0.9, 'the log was checkpointed');
    const page = value(await library.remote.listArticles({ region: 'all', limit: 1 }));
    const bookmarked = page.items[0]?.id;
    assert.ok(bookmarked !== undefined);
    value(await library.remote.setBookmark(bookmarked, true));
    value(await library.remote.setSettings({ textScale: 150 }));

    // A full sync; once a second source is stored, the library's thread is killed.
    const stored = new Promise<void>((resolve) => {
      const stop = library.remote.subscribe((event: NewsEvent) => {
        if (event.type === 'syncProgress' && event.progress.done >= 2) {
          stop();
          resolve();
        }
      });
    });
    const running = library.remote.sync({});
    await stored;
    const before = await total(library);
    const child = library.child;
    assert.ok(child !== null);
    child.kill();

    const died = await running;
    assert.equal(died.ok ? 'ok' : died.error.code, 'UNAVAILABLE', 'the call in flight fails');

    // The next calls wait for the new library and succeed.
    const status = value(await library.remote.getStatus());
    assert.ok(status.notices.includes(RESTARTED_NOTICE), 'the window is told what happened');
    assert.equal(library.restarts, 1);
    assert.ok((await total(library)) >= before, 'articles stored before the kill are still there');
    const bookmarks = value(await library.remote.listArticles({ region: 'bookmarks' }));
    assert.equal(bookmarks.items.length, 1);
    assert.equal(value(await library.remote.getSettings()).textScale, 150);
    // And the library works as before: the interrupted sync can be run again to the end.
    const again = value(await library.remote.sync({}));
    assert.equal(again.failed, 0);
    assert.equal(await total(library), sources.length * site.articlesPerRegion);
  } finally {
    await library.close();
  }
  // Closing waited for the library to close its files: the WAL is gone with the last connection.
  assert.equal(existsSync(join(dataDir, `${DATABASE_FILE}-wal`)), false);
});

test('a library that keeps dying is given up on: calls fail at once with a message that says what to do', async () => {
  const library = await LibrarySupervisor.start(
    workerSpawner({ dataDir: join(dir, 'dying'), appVersion: 'test', sources, schedule: false }),
    { backoffMs: 10, maxRestarts: 1 },
  );
  try {
    library.child?.kill();
    // A call made as it dies fails like any call in flight; the next ones reach the new library.
    let up = false;
    for (let tries = 0; tries < 200 && !up; tries += 1) {
      up = (await library.remote.getStatus()).ok;
      if (!up) await new Promise((r) => setTimeout(r, 10));
    }
    assert.ok(up, 'the first death is restarted');
    library.child?.kill();
    // The call made as it dies may fail as a restart would; once given up, every call says so.
    let message = '';
    for (let tries = 0; tries < 200 && !message.includes('keeps stopping'); tries += 1) {
      const result = await library.remote.getStatus();
      message = result.ok ? '' : result.error.message;
      if (!message.includes('keeps stopping')) await new Promise((r) => setTimeout(r, 10));
    }
    assert.match(message, /keeps stopping.*heitu check/);
    assert.equal(library.restarts, 1);
  } finally {
    await library.close();
  }
});

test('a library that cannot open is reported, not restarted: a database from a newer version', async () => {
  const dataDir = join(dir, 'too-new');
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  db.pragma('user_version = 9999');
  db.close();
  await assert.rejects(
    LibrarySupervisor.start(
      workerSpawner({ dataDir, appVersion: 'test', sources, schedule: false }),
    ),
    (error: unknown) => (error as { code?: string }).code === 'DATABASE_TOO_NEW',
  );
});
