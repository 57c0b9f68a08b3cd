import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { MIGRATIONS } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-0070-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('0070 takes the articles of a version-60 library’s synced sources as listed, so the first prune keeps them', () => {
  const file = join(dir, 'library.sqlite3');
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 60);
  const source = db.prepare(
    "INSERT INTO sources (id, type, url, last_success_at) VALUES (?, 'feed', ?, ?)",
  );
  source.run('synced', 'https://x/feed.xml', 1_000);
  source.run('never', 'https://y/feed.xml', null);
  const add = db.prepare(
    `INSERT INTO articles (sort_key, published_at, fetched_at, source_id, title, summary, url, text)
     VALUES (?, ?, 0, ?, ?, '', ?, '')`,
  );
  add.run(1024, 1, 'synced', '舊聞', 'https://x/1');
  add.run(2048, 2, 'never', '未同步', 'https://y/1');
  add.run(3072, 3, null, '無來源', 'https://z/1');

  assert.equal(migrate(db, MIGRATIONS, 70), 70);
  assert.equal(schemaVersion(db), 70);
  assert.deepEqual(db.prepare('SELECT source_id, article_id FROM source_items').raw().all(), [
    ['synced', 1],
  ]);
  assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 3);
  // Listings follow their article and their source out.
  db.prepare("DELETE FROM articles WHERE url = 'https://x/1'").run();
  assert.equal(db.prepare('SELECT count(*) FROM source_items').pluck().get(), 0);
  db.prepare("INSERT INTO source_items VALUES ('never', 2)").run();
  db.prepare("DELETE FROM sources WHERE id = 'never'").run();
  assert.equal(db.prepare('SELECT count(*) FROM source_items').pluck().get(), 0);
  // A pruned URL is remembered once.
  const remember = db.prepare('INSERT OR REPLACE INTO pruned_urls (url, pruned_at) VALUES (?, ?)');
  remember.run('https://x/1', 5);
  remember.run('https://x/1', 6);
  assert.deepEqual(db.prepare('SELECT url, pruned_at FROM pruned_urls').raw().all(), [
    ['https://x/1', 6],
  ]);
  db.close();
});
