/**
 * The library file damaged in each of several ways: a clear notice, every bookmark back wherever
 * SQLite can still read it (the header rebuilt when only it is lost), the damaged file kept aside
 * with nothing new beside it, and nothing silently replaced.
 */
import assert from 'node:assert/strict';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DATABASE_FILE } from '../../../app/core/data-dir.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import {
  damageArticlePages,
  libraryWithBookmarks,
  NOW,
  quiet,
  zeroHeader,
} from '../../support/damaged-library.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-damaged-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function reopen(dataDir: string): Promise<{ notices: readonly string[]; bookmarks: number }> {
  // Damage is logged as an error on purpose: not on the test's output.
  const restore = quiet();
  try {
    const service = NewsService.open({ dataDir, appVersion: 'test', now: () => NOW });
    try {
      const { notices } = await service.getStatus();
      const page = await service.listArticles({ region: 'bookmarks', limit: 100 });
      return { notices, bookmarks: page.items.length };
    } finally {
      service.close();
    }
  } finally {
    restore();
  }
}

function keptAside(dataDir: string): string[] {
  return readdirSync(dataDir).filter(
    (f) => f.startsWith(`${DATABASE_FILE}.damaged-`) && !/-(wal|shm)$/.test(f),
  );
}

test('a zeroed header is rebuilt from what the file shows, and every bookmark comes back', async () => {
  const dataDir = await libraryWithBookmarks(join(dir, 'header'));
  zeroHeader(join(dataDir, DATABASE_FILE));
  const { notices, bookmarks } = await reopen(dataDir);
  assert.match(notices[0] ?? '', /3 bookmarks were recovered/);
  assert.equal(bookmarks, 3);
  // The kept copy is the damaged file as it was: the header was rebuilt in a copy only.
  const [aside] = keptAside(dataDir);
  assert.ok(aside !== undefined);
  assert.equal(statSync(join(dataDir, aside)).size > 0, true);
});

test('nothing empty is left beside the kept damaged copy', async () => {
  const dataDir = await libraryWithBookmarks(join(dir, 'beside'));
  damageArticlePages(join(dataDir, DATABASE_FILE));
  const restore = quiet();
  NewsService.open({ dataDir, appVersion: 'test', now: () => NOW, check: 'full' }).close();
  restore();
  assert.equal(keptAside(dataDir).length, 1);
  const beside = readdirSync(dataDir).filter((f) => /\.damaged-.*-(wal|shm)$/.test(f));
  for (const f of beside) assert.ok(statSync(join(dataDir, f)).size > 0, `${f} is empty`);
});

test('a 0-byte library file is kept aside with a notice, not silently replaced', async () => {
  const dataDir = join(dir, 'empty');
  mkdirSync(dataDir);
  writeFileSync(join(dataDir, DATABASE_FILE), '');
  const { notices } = await reopen(dataDir);
  assert.match(notices[0] ?? '', /empty/);
  assert.match(notices[0] ?? '', /kept as/);
  const [aside] = keptAside(dataDir);
  assert.ok(aside !== undefined, 'the 0-byte file is kept');
  assert.equal(statSync(join(dataDir, aside)).size, 0);
  // The next start finds the new library and says nothing.
  assert.deepEqual((await reopen(dataDir)).notices, []);
});

test('a truncated file and a file with random pages overwritten open with a notice', async () => {
  for (const how of ['truncated', 'random-pages'] as const) {
    const dataDir = await libraryWithBookmarks(join(dir, how));
    const file = join(dataDir, DATABASE_FILE);
    const size = statSync(file).size;
    if (how === 'truncated') truncateSync(file, Math.floor(size / 3));
    else {
      const fd = openSync(file, 'r+');
      // Deterministic "random" pages past the first few, each overwritten with noise.
      for (let i = 1; i <= 8; i += 1) {
        const at = 4 * 16384 + ((i * 7919 * 16384) % (size - 5 * 16384));
        writeSync(fd, Buffer.alloc(4096, (i * 37) & 0xff), 0, 4096, at);
      }
      closeSync(fd);
    }
    // Found at start, or by the first call that reads a damaged page (which names the repair)…
    try {
      const { notices } = await reopen(dataDir);
      assert.match(notices.join(' '), /damaged/, how);
    } catch (error) {
      assert.match((error as Error).message, /damaged.*heitu check/, how);
    }
    // …and repaired by then or at the next start: the reader is never locked out.
    const next = await reopen(dataDir);
    assert.ok(keptAside(dataDir).length > 0, how);
    assert.ok(next.bookmarks <= 3, how);
  }
});

test('a damaged search index file is rebuilt and blames nothing on the library', async () => {
  const dataDir = await libraryWithBookmarks(join(dir, 'index'));
  writeFileSync(join(dataDir, `${DATABASE_FILE}.search`), 'not an index '.repeat(5000));
  const restore = quiet();
  const service = NewsService.open({ dataDir, appVersion: 'test', now: () => NOW });
  restore();
  try {
    assert.deepEqual((await service.getStatus()).notices, []);
    assert.equal(keptAside(dataDir).length, 0);
    const page = await service.search('長白山的雪');
    assert.ok(page.items.length > 0, 'found after the rebuild');
  } finally {
    service.close();
  }
  assert.ok(!existsSync(join(dataDir, `${DATABASE_FILE}.search.damaged`)));
});
