import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { MIGRATIONS } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-0080-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('0080 keeps a version-70 library’s sources and articles, and deleting a tab only unlinks its sources', () => {
  const file = join(dir, 'library.sqlite3');
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 70);
  db.prepare(
    "INSERT INTO sources (id, type, url, title, origin, added_at) VALUES ('user:1', 'feed', 'https://x/feed.xml', '我的', 'user', 1)",
  ).run();
  db.prepare(
    `INSERT INTO articles (sort_key, published_at, fetched_at, source_id, title, summary, url, text)
     VALUES (1024, 1, 0, 'user:1', '舊聞', '', 'https://x/1', '')`,
  ).run();

  assert.equal(migrate(db, MIGRATIONS, 80), 80);
  assert.equal(schemaVersion(db), 80);
  assert.deepEqual(
    db
      .prepare(
        "SELECT title, feed_title, reader_title, reader_full_text, tab_id FROM sources WHERE id = 'user:1'",
      )
      .raw()
      .get(),
    ['我的', null, null, null, null],
  );
  const tab = Number(
    db.prepare("INSERT INTO reader_tabs (name, position) VALUES ('本地', 0)").run().lastInsertRowid,
  );
  db.prepare("UPDATE sources SET tab_id = ?, reader_full_text = 1 WHERE id = 'user:1'").run(tab);
  assert.throws(() => db.prepare("UPDATE sources SET tab_id = 99 WHERE id = 'user:1'").run());
  assert.throws(() =>
    db.prepare("UPDATE sources SET reader_full_text = 2 WHERE id = 'user:1'").run(),
  );
  assert.throws(() => db.prepare("INSERT INTO reader_tabs (name, position) VALUES ('', 1)").run());
  db.prepare('DELETE FROM reader_tabs WHERE id = ?').run(tab);
  assert.deepEqual(
    db.prepare("SELECT tab_id, reader_full_text FROM sources WHERE id = 'user:1'").raw().get(),
    [null, 1],
  );
  assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 1);
  db.close();
});
