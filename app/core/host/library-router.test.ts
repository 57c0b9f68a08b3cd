/**
 * The library's router (library-router.ts): reads on its own read-only connection, writes on the
 * writer's thread. Real threads and real SQLite files; to hold the writer in the middle of a
 * write, the test takes the library's write lock on a connection of its own, so the writer's
 * next write waits for it (busy_timeout) while the reads are answered, or not, meanwhile.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { CallResult } from '../../shared/errors.ts';
import { createPortRemote, type PortRemote } from '../../shared/port-protocol.ts';
import { startFixtureSite, type FixtureSite } from '../../../test/support/fixture-site.ts';
import { DATABASE_FILE } from '../data-dir.ts';
import { loadSourcesFile, type Source } from '../sync/sources-file.ts';
import { openLibraryRouter, type LibraryRouter } from './library-router.ts';
import { nodeEndpoint } from './node-endpoint.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-router-'));
let site: FixtureSite;
let sources: Source[];
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 6, pageSize: 20, seed: 5 });
  sources = loadSourcesFile(site.writeSourcesFile(dir, 'portal'));
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

function value<T>(result: CallResult<T>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

interface Opened {
  readonly router: LibraryRouter;
  readonly file: string;
  readonly gone: string[];
  /** A caller of its own: a window's port, say. */
  caller(): PortRemote;
  close(): Promise<void>;
}

let n = 0;
async function open(): Promise<Opened> {
  n += 1;
  const dataDir = join(dir, `lib-${n}`);
  const gone: string[] = [];
  const router = await openLibraryRouter(
    { dataDir, appVersion: 'test', sources, schedule: false },
    (why) => gone.push(why),
  );
  const ports: MessageChannel[] = [];
  return {
    router,
    file: join(dataDir, DATABASE_FILE),
    gone,
    caller() {
      const channel = new MessageChannel();
      ports.push(channel);
      router.serve(nodeEndpoint(channel.port1), 'renderer');
      return createPortRemote(nodeEndpoint(channel.port2));
    },
    async close() {
      await router.close();
      for (const { port1, port2 } of ports) {
        port1.close();
        port2.close();
      }
    },
  };
}

/** Takes the library's write lock on a connection of the test's own until `release`. */
function holdWriteLock(file: string): { release(): void } {
  const db = new BetterSqlite3(file);
  db.exec('BEGIN IMMEDIATE');
  return {
    release() {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** Whether a promise has settled, looked at after its callbacks could have run. */
function settledFlag(promise: Promise<unknown>): () => boolean {
  let settled = false;
  void promise.finally(() => (settled = true));
  return () => settled;
}

test('reads are answered while the writer is held in a write', async () => {
  const lib = await open();
  try {
    const writer = lib.caller();
    const reader = lib.caller();
    value(await writer.sync({ sourceIds: [sources[0]?.id ?? ''] }));
    const lock = holdWriteLock(lib.file);
    const write = writer.setSettings({ textScale: 150 });
    const written = settledFlag(write);
    try {
      // Each answered while the write waits for the lock: none of them is queued behind it.
      const counts = value(await reader.getTabCounts());
      assert.ok((counts.find((c) => c.region === 'all')?.total ?? 0) > 0);
      const page = value(await reader.listArticles({ region: 'all', limit: 1 }));
      const id = page.items[0]?.id;
      assert.ok(id !== undefined);
      assert.equal(value(await reader.getArticle(id)).id, id);
      assert.ok(Array.isArray(value(await reader.search('長春', {})).items));
      assert.equal(value(await reader.getSettings()).textScale, 100, 'not written yet');
      assert.equal(written(), false, 'the write was still waiting while the reads were answered');
    } finally {
      lock.release();
    }
    assert.equal(value(await write).textScale, 150);
    assert.equal(value(await reader.getSettings()).textScale, 150, 'then seen by the reader');
  } finally {
    await lib.close();
  }
});

test('a read sent after a write by the same caller sees it; a sync keeps no read waiting', async () => {
  const lib = await open();
  try {
    const caller = lib.caller();
    value(await caller.sync({ sourceIds: [sources[0]?.id ?? ''] }));
    const first = value(await caller.listArticles({ region: 'all', limit: 1 })).items[0];
    assert.ok(first !== undefined);

    const lock = holdWriteLock(lib.file);
    // Sent one after the other, without waiting: the read must not overtake the write.
    const bookmark = caller.setBookmark(first.id, true);
    const bookmarks = caller.listArticles({ region: 'bookmarks' });
    const listed = settledFlag(bookmarks);
    // A sync (a `long` call) held by the same lock keeps this caller's reads answered.
    const sync = caller.sync({ sourceIds: [sources[1]?.id ?? ''] });
    const counted = value(await lib.caller().getTabCounts());
    assert.ok(counted.length > 0);
    assert.equal(listed(), false, 'the read waits for the write sent before it');
    lock.release();
    value(await bookmark);
    assert.deepEqual(
      value(await bookmarks).items.map((a) => a.title),
      [first.title],
      'the read saw the bookmark its caller had just added',
    );
    value(await sync);

    // With the sync held, the same caller's reads are answered without waiting for it.
    const again = holdWriteLock(lib.file);
    const held = caller.sync({ sourceIds: [sources[2]?.id ?? ''] });
    const synced = settledFlag(held);
    try {
      assert.ok(value(await caller.getTabCounts()).length > 0);
      assert.equal(synced(), false, 'answered while the sync was still running');
    } finally {
      again.release();
    }
    value(await held);
  } finally {
    await lib.close();
  }
});

test('what another connection commits is read at once: the reader keeps nothing stale', async () => {
  const lib = await open();
  try {
    const caller = lib.caller();
    value(await caller.sync({ sourceIds: [sources[0]?.id ?? ''] }));
    const before = value(await caller.getTabCounts()).find((c) => c.region === 'all');
    assert.ok(before !== undefined && before.unread > 0);
    // Read, listed and counted once on the reader's connection, then changed elsewhere.
    const other = new BetterSqlite3(lib.file);
    try {
      other.exec('UPDATE articles SET read_at = 1');
      other
        .prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('textScale', '125')")
        .run();
    } finally {
      other.close();
    }
    const after = value(await caller.getTabCounts()).find((c) => c.region === 'all');
    assert.equal(after?.unread, 0);
    assert.equal(value(await caller.getSettings()).textScale, 125);
    // And the writer's own commits, through the router.
    const page = value(await caller.listArticles({ region: 'all', limit: 1 }));
    const id = page.items[0]?.id;
    assert.ok(id !== undefined);
    value(await caller.markRead({ ids: [id], read: false }));
    const unread = value(await caller.getTabCounts()).find((c) => c.region === 'all');
    assert.equal(unread?.unread, 1);
  } finally {
    await lib.close();
  }
});

test('a writer that dies fails the calls in flight and later ones, never a hang', async () => {
  const lib = await open();
  try {
    const caller = lib.caller();
    const lock = holdWriteLock(lib.file);
    const write = caller.setSettings({ textScale: 150 });
    try {
      await lib.router.killWriter();
      const failed = await write;
      assert.equal(failed.ok ? 'ok' : failed.error.code, 'UNAVAILABLE');
      const later = await caller.getStatus();
      assert.equal(later.ok ? 'ok' : later.error.code, 'UNAVAILABLE');
      assert.equal(lib.gone.length, 1, 'its host is told, to be started again');
    } finally {
      lock.release();
    }
  } finally {
    await lib.close();
  }
});

test('a library that cannot open says why', async () => {
  const seed = await open();
  await seed.close();
  const db = new BetterSqlite3(seed.file);
  db.pragma('user_version = 9999');
  db.close();
  await assert.rejects(
    openLibraryRouter(
      { dataDir: join(seed.file, '..'), appVersion: 'test', schedule: false },
      () => undefined,
    ),
    (error: Error & { code?: string }) => error.code === 'DATABASE_TOO_NEW',
  );
});
