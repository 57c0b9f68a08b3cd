import assert from 'node:assert/strict';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { MIGRATIONS } from './index.ts';

test('0020 migrates a version-10 library with settings in it, keeping them', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 10);
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"'), ('lastRegion', '\"yanbian\"')",
  ).run();

  assert.equal(migrate(db, MIGRATIONS, 20), 20);
  assert.equal(schemaVersion(db), 20);
  assert.deepEqual(db.prepare('SELECT key, value FROM settings ORDER BY key').all(), [
    { key: 'lastRegion', value: '"yanbian"' },
    { key: 'theme', value: '"dark"' },
  ]);
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
  for (const t of [
    'articles',
    'article_regions',
    'bookmarks',
    'bookmark_images',
    'images',
    'article_images',
    'sources',
    'tab_counts',
    'search_index',
  ]) {
    assert.ok(tables.includes(t), t);
  }
  // Every place tab and 全部 start at zero.
  assert.deepEqual(db.prepare('SELECT count(*) AS n, sum(total) AS total FROM tab_counts').get(), {
    n: 11,
    total: 0,
  });
  db.close();
});

test('0020 keeps tab counts right through inserts, reads and deletes (triggers)', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 20);
  const add = db.prepare(
    "INSERT INTO articles (sort_key, published_at, fetched_at, title, url) VALUES (?, 0, 0, 't', ?)",
  );
  const id1 = Number(add.run(1, 'https://x/1').lastInsertRowid);
  const id2 = Number(add.run(2, 'https://x/2').lastInsertRowid);
  db.prepare('INSERT INTO article_regions VALUES (?, ?, ?, 1)').run('yanbian', 1, id1);
  db.prepare('INSERT INTO article_regions VALUES (?, ?, ?, 1)').run('yanbian', 2, id2);
  const counts = () =>
    Object.fromEntries(
      (
        db
          .prepare(
            "SELECT region, total, unread FROM tab_counts WHERE region IN ('all', 'yanbian')",
          )
          .all() as {
          region: string;
          total: number;
          unread: number;
        }[]
      ).map((c) => [c.region, [c.total, c.unread]]),
    );
  assert.deepEqual(counts(), { all: [2, 2], yanbian: [2, 2] });
  db.prepare('UPDATE articles SET read_at = 5 WHERE id = ?').run(id1);
  assert.deepEqual(counts(), { all: [2, 1], yanbian: [2, 1] });
  db.prepare('UPDATE articles SET read_at = 6 WHERE id = ?').run(id1); // read again: no change
  assert.deepEqual(counts(), { all: [2, 1], yanbian: [2, 1] });
  db.prepare('DELETE FROM articles WHERE id = ?').run(id2);
  assert.deepEqual(counts(), { all: [1, 0], yanbian: [1, 0] });
  db.close();
});
