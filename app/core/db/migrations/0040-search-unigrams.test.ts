import assert from 'node:assert/strict';
import { test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { MIGRATIONS } from './index.ts';

test('0040 migrates a version-30 library with articles in it, rebuilding their search index', () => {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 30);
  const add = db.prepare(
    'INSERT INTO articles (sort_key, published_at, fetched_at, title, summary, url, text) VALUES (?, 0, 0, ?, ?, ?, ?)',
  );
  add.run(1, '長春冰雪節', '', 'https://x/1', '今年的冰雪新天地。');
  add.run(2, '延邊', '延吉市的冷麵', 'https://x/2', '延吉市的冷麵。G20');
  // A version-30 index row, in the old format (bigrams, prefix index).
  db.prepare("INSERT INTO search_index (rowid, tokens) VALUES (1, '长春 春冰')").run();

  assert.equal(migrate(db, MIGRATIONS, 40), 40);
  assert.equal(schemaVersion(db), 40);
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").pluck().get();
  assert.doesNotMatch(String(sql), /prefix/);
  const match = (q: string) =>
    db
      .prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid')
      .pluck()
      .all(q);
  assert.deepEqual(match('"雪"'), [1]);
  assert.deepEqual(match('"面"'), [2]);
  assert.deepEqual(match('"长春"'), [1]);
  assert.deepEqual(match('"新天"'), [1]);
  assert.deepEqual(match('"延吉" AND "吉市"'), [2]);
  assert.deepEqual(match('"g"'), [2]);
  assert.deepEqual(match('"g20"'), [2]);
  // The delete trigger of 0020 reaches the new table.
  db.prepare('DELETE FROM articles WHERE sort_key = 2').run();
  assert.deepEqual(match('"延吉"'), []);
  assert.deepEqual(match('"冰雪"'), [1]);
  db.close();
});
