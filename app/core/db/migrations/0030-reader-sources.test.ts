import assert from 'node:assert/strict';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { MIGRATIONS } from './index.ts';

test('0030 migrates a version-20 library with sources and articles in it, keeping them', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 20);
  db.prepare(
    `INSERT INTO sources (id, type, url, region, profile, enabled, etag, last_success_at, error_count)
     VALUES ('cri-jilin-yanbian', 'portal', 'https://jl.cri.cn/yanbian/index.html', 'yanbian',
             'cri-jilin', 0, '"v1"', 1000, 2)`,
  ).run();
  db.prepare(
    `INSERT INTO articles (sort_key, published_at, fetched_at, source_id, title, url)
     VALUES (1, 0, 0, 'cri-jilin-yanbian', 't', 'https://jl.cri.cn/a.html')`,
  ).run();

  assert.equal(migrate(db, MIGRATIONS, 30), 30);
  assert.equal(schemaVersion(db), 30);
  assert.deepEqual(
    db
      .prepare(
        'SELECT id, enabled, etag, last_success_at, error_count, origin, reader_enabled, added_at FROM sources',
      )
      .all(),
    [
      {
        id: 'cri-jilin-yanbian',
        enabled: 0,
        etag: '"v1"',
        last_success_at: 1000,
        error_count: 2,
        origin: 'config',
        reader_enabled: null,
        added_at: null,
      },
    ],
    'an existing source is a configured one, with no choice of the reader yet',
  );
  assert.equal(
    db.prepare('SELECT source_id FROM articles').pluck().get(),
    'cri-jilin-yanbian',
    'articles keep their source',
  );
  db.close();
});

test('0030: one URL is one reader source; origin and reader_enabled are checked', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 30);
  const add = db.prepare(
    "INSERT INTO sources (id, type, url, origin, added_at) VALUES (?, 'feed', ?, ?, 1)",
  );
  add.run('user:a', 'https://x.example/feed', 'user');
  assert.throws(() => add.run('user:b', 'https://x.example/feed', 'user'), /UNIQUE/);
  // A configured source may share a reader source's URL (it is refused in the app, not here).
  add.run('conf', 'https://x.example/feed', 'config');
  assert.throws(() => add.run('c2', 'https://y.example/feed', 'someone'), /CHECK/);
  assert.throws(
    () => db.prepare("UPDATE sources SET reader_enabled = 2 WHERE id = 'conf'").run(),
    /CHECK/,
  );
  // Removing a source keeps its articles, unlinked.
  db.prepare(
    "INSERT INTO articles (sort_key, published_at, fetched_at, source_id, title, url) VALUES (1, 0, 0, 'user:a', 't', 'https://x.example/1')",
  ).run();
  db.prepare("DELETE FROM sources WHERE id = 'user:a'").run();
  assert.deepEqual(db.prepare('SELECT source_id, title FROM articles').all(), [
    { source_id: null, title: 't' },
  ]);
  db.close();
});
