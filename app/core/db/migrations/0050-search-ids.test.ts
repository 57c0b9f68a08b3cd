import assert from 'node:assert/strict';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { MIGRATIONS } from './index.ts';

const DAY = 86_400_000;
const PER_DAY = 2 ** 20;

test('0050 gives a version-40 library search ids by day and rebuilds the index on them', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 40);
  const add = db.prepare(
    'INSERT INTO articles (sort_key, published_at, fetched_at, title, summary, url, text) VALUES (?, ?, 0, ?, ?, ?, ?)',
  );
  // Inserted out of order: ids follow publication time, not insertion.
  const day = 20_000;
  const at = (d: number, minute: number): number => d * DAY + minute * 60_000;
  add.run(at(day + 1, 5) * 1024, at(day + 1, 5), '延邊', '', 'https://x/3', '延吉市的冷麵。G20');
  add.run(
    at(day, 30) * 1024 + 7,
    at(day, 30),
    '長春冰雪節',
    '',
    'https://x/2',
    '今年的冰雪新天地。',
  );
  add.run(at(day, 10) * 1024, at(day, 10), '吉林', '', 'https://x/1', '松花江畔的霧凇。');
  db.prepare("INSERT INTO search_index (rowid, tokens) VALUES (?, '延 边')").run(
    at(day + 1, 5) * 1024,
  );

  assert.equal(migrate(db, MIGRATIONS, 50), 50);
  assert.equal(schemaVersion(db), 50);
  const ids = db.prepare('SELECT url, search_id FROM articles ORDER BY url').raw().all();
  assert.deepEqual(ids, [
    ['https://x/1', day * PER_DAY],
    ['https://x/2', day * PER_DAY + 1],
    ['https://x/3', (day + 1) * PER_DAY],
  ]);
  const match = (q: string) =>
    db
      .prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid')
      .pluck()
      .all(q);
  assert.deepEqual(match('"雪"'), [day * PER_DAY + 1]);
  assert.deepEqual(match('"雾凇"'), [day * PER_DAY]);
  assert.deepEqual(match('"延吉" AND "吉市"'), [(day + 1) * PER_DAY]);
  assert.deepEqual(match('"g20"'), [(day + 1) * PER_DAY]);
  // The old rows, keyed by sort key, are gone.
  assert.deepEqual(match('"延"'), [(day + 1) * PER_DAY]);
  const plan = db
    .prepare('EXPLAIN QUERY PLAN SELECT max(search_id) FROM articles WHERE search_id >= 0')
    .all()
    .map((r) => (r as { detail: string }).detail)
    .join(' ');
  assert.match(plan, /articles_search/);
  assert.equal(
    db
      .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'articles_published'")
      .pluck()
      .get(),
    0,
  );
  // The delete trigger now removes an article's index row by its search id.
  db.prepare("DELETE FROM articles WHERE url = 'https://x/2'").run();
  assert.deepEqual(match('"雪"'), []);
  assert.deepEqual(match('"雾凇"'), [day * PER_DAY]);
  assert.equal(db.prepare("SELECT total FROM tab_counts WHERE region = 'all'").pluck().get(), 2);
  db.close();
});
