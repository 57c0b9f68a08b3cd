/**
 * The search index in a file of its own, written on a worker thread: found by search as soon as
 * stored, caught up after a crash, rebuilt when damaged or another library's, and kept in step
 * with changed and pruned articles.
 */
import assert from 'node:assert/strict';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  writeSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { NewsApiError } from '../../shared/errors.ts';
import { rng } from '../../../test/support/corpus.ts';
import { fold } from '../text/fold.ts';
import { articlesRepo, type NewArticle } from './articles-repo.ts';
import { closeLibrary, openLibrary } from './library.ts';
import { checkSearchIndexInBackground, searchIndexOf } from './search-index.ts';
import { searchIndexFile } from './search-index-file.ts';
import { searchRepo } from './search-repo.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-search-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2026, 10, 26);
const DAY = 86_400_000;
process.env.HEITU_LOG = 'silent';

function article(i: number, text: string, publishedAt = NOW - i * 60_000): NewArticle {
  return {
    url: `https://jl.example.cn/${i}.html`,
    title: `第${i}篇`,
    text,
    publishedAt,
    fetchedAt: NOW,
    script: 'hant',
    regions: ['yanbian'],
  };
}

/** Opens the library `name` (as the app does: index on a worker), runs `work`, closes it. */
function withLibrary<T>(
  name: string,
  work: (lib: Library) => T,
  options: Parameters<typeof openLibrary>[1] = {},
): T {
  mkdirSync(join(dir, name), { recursive: true });
  const file = join(dir, name, 'heitu.sqlite3');
  const { db } = openLibrary(file, options);
  try {
    return work({ db, file, articles: articlesRepo(db), search: searchRepo(db) });
  } finally {
    closeLibrary(db);
  }
}
interface Library {
  db: ReturnType<typeof openLibrary>['db'];
  file: string;
  articles: ReturnType<typeof articlesRepo>;
  search: ReturnType<typeof searchRepo>;
}

/** Runs `sql` on the index file of the library `file` from a connection of its own. */
function onIndexFile(file: string, sql: string): void {
  const ix = new BetterSqlite3(searchIndexFile(file));
  try {
    ix.exec(sql);
  } finally {
    ix.close();
  }
}

/** Searches everything as the app does: once what was stored is indexed (bounded wait). */
function find(lib: Library, query: string): ReturnType<Library['search']['search']> {
  searchIndexOf(lib.db).settle();
  return lib.search.search(query, 'all', null, 50);
}
const titles = (lib: Library, query: string): string[] =>
  find(lib, query).items.map((h) => h.title);

test('stored articles are found at once, from an index file of their own', () => {
  withLibrary('fresh', (lib) => {
    lib.articles.upsert(
      Array.from({ length: 300 }, (_, i) => article(i, i === 7 ? '延吉的冷麵' : '長春的雪')),
    );
    // No wait in between: search waits for the worker to apply what was stored before it.
    assert.deepEqual(titles(lib, '冷面'), ['第7篇']);
    assert.equal(titles(lib, '雪').length, 50);
    const inLibrary = lib.db
      .prepare("SELECT count(*) FROM main.sqlite_schema WHERE name = 'search_index'")
      .pluck()
      .get();
    assert.equal(inLibrary, 0);
    assert.ok(existsSync(searchIndexFile(lib.file)));
    // The log keeps only what the index has not applied: the next write drops the rest.
    assert.ok(searchIndexOf(lib.db).settle());
    lib.articles.upsert([article(1000, '白山')]);
    assert.ok(searchIndexOf(lib.db).settle());
    const logged = lib.db.prepare('SELECT count(*) FROM search_log').pluck().get() as number;
    assert.ok(logged <= 1, `log rows left: ${logged}`);
  });
});

test('changed and pruned articles leave the index', () => {
  withLibrary('changes', (lib) => {
    lib.articles.upsert([article(1, '霧凇島的清晨'), article(2, '松花江', NOW - 400 * DAY)]);
    assert.deepEqual(titles(lib, '霧凇'), ['第1篇']);
    assert.deepEqual(titles(lib, '松花江'), ['第2篇']);
    lib.articles.upsert([article(1, '查干湖冬捕')]);
    assert.deepEqual(titles(lib, '霧凇'), []);
    assert.deepEqual(titles(lib, '冬捕'), ['第1篇']);
    assert.equal(lib.articles.prune(NOW - 180 * DAY), 1);
    assert.deepEqual(titles(lib, '松花江'), []);
    // The removal reached the index itself, not only the join with the articles.
    const ix = lib.db
      .prepare('SELECT count(*) FROM ix.search_index WHERE search_index MATCH \'"松花"\'')
      .pluck()
      .get();
    assert.equal(ix, 0);
  });
});

test('an index that missed changes (a crash) catches up from the log at the next open', () => {
  withLibrary('crash', (lib) => {
    lib.articles.upsert([article(1, '長白山天池'), article(2, '延邊的蘋果梨')]);
    assert.ok(searchIndexOf(lib.db).settle());
  });
  const file = join(dir, 'crash', 'heitu.sqlite3');
  // As if the worker had died before applying anything: the index is empty and knows it.
  onIndexFile(
    file,
    "DELETE FROM search_index; UPDATE search_state SET value = 0 WHERE key = 'applied'",
  );
  withLibrary('crash', (lib) => {
    assert.deepEqual(titles(lib, '天池'), ['第1篇']);
    assert.deepEqual(titles(lib, '苹果梨'), ['第2篇']);
  });
});

/** Blocks this thread until `done()` or `ms` have passed; whether it became true. */
function waitUntil(done: () => boolean, ms: number): boolean {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + ms; !done();) {
    if (Date.now() > deadline) return false;
    Atomics.wait(sleeper, 0, 0, 20);
  }
  return true;
}

test('a search while the index cannot keep up says how far behind it is; later it is complete', () => {
  withLibrary(
    'behind',
    (lib) => {
      lib.articles.upsert([article(1, '長白山天池')]);
      const index = searchIndexOf(lib.db);
      // The worker starts with the library: a 100 ms wait may be too short for its first op.
      assert.ok(
        waitUntil(() => index.behind() === 0, 5000),
        'the worker applied the first',
      );
      const first = find(lib, '天池');
      assert.deepEqual([first.items.map((h) => h.title), first.unindexed], [['第1篇'], 0]);
      // Another process holds the index file's write lock: the worker waits to apply.
      const holder = new BetterSqlite3(searchIndexFile(lib.file));
      try {
        holder.exec('BEGIN IMMEDIATE');
        lib.articles.upsert([article(2, '延邊的蘋果梨'), article(3, '蘋果梨豐收')]);
        const partial = find(lib, '蘋果梨');
        assert.deepEqual(partial.items, []);
        assert.equal(partial.unindexed, 2);
        // What was indexed before is still found.
        assert.deepEqual(titles(lib, '天池'), ['第1篇']);
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      assert.ok(
        waitUntil(() => index.behind() === 0, 5000),
        'the worker caught up',
      );
      const complete = find(lib, '蘋果梨');
      assert.deepEqual(
        [complete.items.map((h) => h.title), complete.unindexed],
        [['第2篇', '第3篇'], 0],
      );
    },
    { searchSettleMs: 100 },
  );
});

test('a write lock held past the busy timeout delays indexing, and once free the index catches up by itself', async () => {
  mkdirSync(join(dir, 'busy'), { recursive: true });
  const file = join(dir, 'busy', 'heitu.sqlite3');
  const { db } = openLibrary(file, { searchSettleMs: 100 });
  try {
    const lib: Library = { db, file, articles: articlesRepo(db), search: searchRepo(db) };
    const index = searchIndexOf(db);
    lib.articles.upsert([article(1, '長白山天池')]);
    assert.ok(await settled(() => index.behind() === 0, 5000), 'the worker applied the first');
    // Another process (another Heitu, `heitu sync`) holds the index file's write lock for longer
    // than the worker's busy_timeout (5 s), while articles are stored.
    const holder = new BetterSqlite3(searchIndexFile(file));
    holder.exec('BEGIN IMMEDIATE');
    try {
      lib.articles.upsert([article(2, '延邊的蘋果梨'), article(3, '蘋果梨豐收')]);
      await sleep(6000);
      assert.equal(index.behind(), 2);
      assert.deepEqual(titles(lib, '天池'), ['第1篇']);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // With no other write, the worker reads the log again: the articles are found, complete.
    assert.ok(await settled(() => index.behind() === 0, 5000), 'the index caught up');
    const complete = find(lib, '蘋果梨');
    assert.deepEqual(
      [complete.items.map((h) => h.title), complete.unindexed],
      [['第2篇', '第3篇'], 0],
    );
  } finally {
    closeLibrary(db);
  }
});

/** Waits (letting the event loop run) until `done`, at most `ms`; whether it got there. */
async function settled(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

test('closing the library waits for the worker to close the index file: nothing is left open', () => {
  const file = withLibrary('closed', (lib) => {
    lib.articles.upsert([article(1, '查干湖冬捕')]);
    assert.ok(existsSync(`${searchIndexFile(lib.file)}-wal`), 'the index is open, in WAL mode');
    return lib.file;
  });
  // The last connection to close removes the WAL file; the worker's was that last one.
  assert.equal(existsSync(`${searchIndexFile(file)}-wal`), false);
  rmSync(join(dir, 'closed'), { recursive: true });
  assert.equal(existsSync(join(dir, 'closed')), false);
});

test('a damaged index file is replaced and filled again from the library', () => {
  withLibrary('damaged', (lib) => {
    lib.articles.upsert([article(1, '四平的玉米'), article(2, '通化的葡萄酒')]);
  });
  const file = join(dir, 'damaged', 'heitu.sqlite3');
  writeFileSync(searchIndexFile(file), 'not a database '.repeat(2000));
  withLibrary('damaged', (lib) => {
    assert.deepEqual(titles(lib, '葡萄酒'), ['第2篇']);
    assert.deepEqual(titles(lib, '玉米'), ['第1篇']);
  });
});

test('damage found while searching is reported, and the next open rebuilds the index', () => {
  withLibrary('damaged-later', (lib) => {
    lib.articles.upsert([article(1, '遼源的襪子'), article(2, '白城的草原')]);
    searchIndexOf(lib.db).markDamaged(Object.assign(new Error('test'), { code: 'SQLITE_CORRUPT' }));
  });
  const file = join(dir, 'damaged-later', 'heitu.sqlite3');
  assert.ok(existsSync(`${searchIndexFile(file)}.damaged`));
  // Emptied behind the library's back: only a rebuild from the articles finds them again.
  onIndexFile(file, 'DELETE FROM search_index');
  withLibrary('damaged-later', (lib) => {
    assert.deepEqual(titles(lib, '襪子'), ['第1篇']);
    assert.deepEqual(titles(lib, '草原'), ['第2篇']);
  });
  assert.equal(existsSync(`${searchIndexFile(file)}.damaged`), false);
});

/** Garbles the index's own pages, leaving its state and schema whole: the file still opens. */
function garbleIndexPages(file: string): void {
  const ix = new BetterSqlite3(searchIndexFile(file));
  const pageSize = ix.pragma('page_size', { simple: true }) as number;
  const pages = ix
    .prepare("SELECT pageno FROM dbstat WHERE name = 'search_index_data'")
    .pluck()
    .all() as number[];
  ix.pragma('wal_checkpoint(TRUNCATE)');
  ix.close();
  assert.ok(pages.length > 0);
  const fd = openSync(searchIndexFile(file), 'r+');
  for (const page of pages)
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

test('a search that reads a damaged index fails with a clear error', () => {
  withLibrary('corrupt-read', (lib) => lib.articles.upsert([article(1, '松原的查干湖')]));
  const file = join(dir, 'corrupt-read', 'heitu.sqlite3');
  garbleIndexPages(file);
  withLibrary('corrupt-read', (lib) => {
    assert.throws(
      () => titles(lib, '查干湖'),
      (error) => error instanceof NewsApiError && error.message.includes('search index is damaged'),
    );
  });
  assert.ok(existsSync(`${searchIndexFile(file)}.damaged`));
  withLibrary('corrupt-read', (lib) => {
    assert.deepEqual(titles(lib, '查干湖'), ['第1篇']);
  });
});

test('the background check marks a damaged index; a full check rebuilds it and says so', async () => {
  withLibrary('checked', (lib) => lib.articles.upsert([article(1, '集安的高句麗遺址')]));
  const file = join(dir, 'checked', 'heitu.sqlite3');
  const healthy = openLibrary(file);
  assert.equal(await checkSearchIndexInBackground(healthy.db), 'ok');
  closeLibrary(healthy.db);
  assert.equal(existsSync(`${searchIndexFile(file)}.damaged`), false);

  garbleIndexPages(file);
  const opened = openLibrary(file);
  assert.notEqual(await checkSearchIndexInBackground(opened.db), 'ok');
  closeLibrary(opened.db);
  assert.ok(existsSync(`${searchIndexFile(file)}.damaged`));

  rmSync(`${searchIndexFile(file)}.damaged`);
  garbleIndexPages(file);
  const full = openLibrary(file, { fullCheck: true });
  try {
    assert.match(full.notices.join(' '), /search index was damaged/);
    searchIndexOf(full.db).settle();
    assert.deepEqual(
      searchRepo(full.db)
        .search('高句麗', 'all', null, 10)
        .items.map((h) => h.title),
      ['第1篇'],
    );
  } finally {
    closeLibrary(full.db);
  }
});

test("another library's index file is not used", () => {
  withLibrary('first', (lib) => lib.articles.upsert([article(1, '長春電影節')]));
  withLibrary('second', (lib) => lib.articles.upsert([article(1, '吉林霧凇')]));
  const first = join(dir, 'first', 'heitu.sqlite3');
  const second = join(dir, 'second', 'heitu.sqlite3');
  copyFileSync(searchIndexFile(first), searchIndexFile(second));
  withLibrary('second', (lib) => {
    assert.deepEqual(titles(lib, '電影'), []);
    assert.deepEqual(titles(lib, '霧凇'), ['第1篇']);
  });
});

test('after random stores, changes, prunes and reopenings, search finds exactly what the articles hold', () => {
  const random = rng(20261126);
  const words = ['長春', '吉林', '雪', '霧凇', '松花江', '延邊', '冷麵', '白山', '查干湖', '集安'];
  const pick = (): string => words[Math.floor(random() * words.length)] ?? '雪';
  const sentence = (): string =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join('的');
  /** What each stored article holds, by its number, as the test expects it. */
  const stored = new Map<number, { text: string; publishedAt: number }>();
  for (let round = 0; round < 4; round += 1) {
    withLibrary('random', (lib) => {
      for (let step = 0; step < 12; step += 1) {
        if (random() < 0.75) {
          // New articles, and new texts (and times) for some stored ones: the same URL.
          const batch: NewArticle[] = [];
          for (let k = 0; k < 1 + Math.floor(random() * 30); k += 1) {
            const i = Math.floor(random() * 200);
            const next = { text: sentence(), publishedAt: NOW - Math.floor(random() * 300) * DAY };
            stored.set(i, next);
            batch.push(article(i, next.text, next.publishedAt));
          }
          lib.articles.upsert(batch);
        } else {
          const before = NOW - Math.floor(100 + random() * 200) * DAY;
          lib.articles.prune(before);
          for (const [i, t] of stored) if (t.publishedAt < before) stored.delete(i);
        }
      }
      searchIndexOf(lib.db).settle();
      for (const word of words) {
        const want = [...stored]
          .filter(([, t]) => fold(t.text).includes(fold(word)))
          .map(([i]) => `第${i}篇`)
          .sort();
        const found = lib.search
          .search(word, 'all', null, 1000)
          .items.map((h) => h.title)
          .sort();
        assert.deepEqual(found, want, `round ${round}, ${word}`);
      }
    });
  }
});
