import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { closeSearchIndex, openSearchIndex } from '../search-index.ts';
import { searchRepo } from '../search-repo.ts';
import { MIGRATIONS } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-0060-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 86_400_000;

test('0060 moves the search index of a version-50 library into its own file', () => {
  const file = join(dir, 'library.sqlite3');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 50);
  const add = db.prepare(
    `INSERT INTO articles (sort_key, published_at, fetched_at, title, summary, url, text, search_id)
     VALUES (?, ?, 0, ?, '', ?, ?, ?)`,
  );
  const at = 20_000 * DAY;
  add.run(at * 1024, at, '長春冰雪節', 'https://x/1', '今年的冰雪新天地。', 20_000 * 2 ** 20);
  add.run(
    (at + 60_000) * 1024,
    at + 60_000,
    '延邊',
    'https://x/2',
    '延吉市的冷麵。',
    20_000 * 2 ** 20 + 1,
  );
  db.prepare('INSERT INTO search_index (rowid, tokens) VALUES (?, ?)').run(
    20_000 * 2 ** 20,
    '冰 雪',
  );

  assert.equal(migrate(db, MIGRATIONS, 60), 60);
  assert.equal(schemaVersion(db), 60);
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'search%'")
    .pluck()
    .all();
  assert.deepEqual([...tables].sort(), ['search_log', 'search_meta']);
  assert.match(
    db.prepare("SELECT value FROM search_meta WHERE key = 'library'").pluck().get() as string,
    /^[0-9a-f]{32}$/,
  );
  // Deleting an article logs its removal from the index; the tab counts still follow.
  const total = db.prepare("SELECT total FROM tab_counts WHERE region = 'all'").pluck();
  const before = total.get() as number;
  db.prepare("DELETE FROM articles WHERE url = 'https://x/2'").run();
  assert.deepEqual(db.prepare('SELECT search_id, op FROM search_log').raw().all(), [
    [20_000 * 2 ** 20 + 1, 0],
  ]);
  assert.equal(total.get(), before - 1);

  // The next open makes the index file and fills it from every article.
  openSearchIndex(db).settle();
  const search = searchRepo(db);
  assert.deepEqual(
    search.search('冰雪', 'all', null, 10).items.map((h) => h.title),
    ['長春冰雪節'],
  );
  assert.deepEqual(search.search('冷面', 'all', null, 10).items, []);
  closeSearchIndex(db);
  db.close();
});
