import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../database.ts';
import { MIGRATIONS } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-0082-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('0082 adds full texts beside a version-70 library’s articles, which go with their article', () => {
  const db = new BetterSqlite3(join(dir, 'library.sqlite3'));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 70);
  db.prepare(
    `INSERT INTO articles (sort_key, published_at, fetched_at, title, summary, url, text)
     VALUES (1024, 1, 0, '摘要', '長春的摘要', 'https://x/1', '長春的摘要')`,
  ).run();
  db.prepare(
    "INSERT INTO images (url, mime, size, fetched_at, bytes) VALUES ('https://x/1.png', 'image/png', 1, 0, x'00')",
  ).run();

  assert.equal(migrate(db, MIGRATIONS, 82), 82);
  assert.equal(schemaVersion(db), 82);
  assert.equal(db.prepare('SELECT summary FROM articles').pluck().get(), '長春的摘要');
  const plan = db
    .prepare(
      'EXPLAIN QUERY PLAN SELECT id FROM articles WHERE read_at IS NULL ORDER BY sort_key DESC',
    )
    .all() as { detail: string }[];
  assert.match(plan.map((p) => p.detail).join(' '), /articles_unread/);
  db.prepare("INSERT INTO article_full_text VALUES (1, '<p>全文</p>', '全文', 5)").run();
  db.prepare('INSERT INTO full_text_images VALUES (1, 1)').run();
  assert.throws(() => db.prepare("INSERT INTO article_full_text VALUES (9, '', '', 5)").run());
  db.prepare('DELETE FROM articles').run();
  assert.equal(db.prepare('SELECT count(*) FROM article_full_text').pluck().get(), 0);
  assert.equal(db.prepare('SELECT count(*) FROM full_text_images').pluck().get(), 0);
  db.close();
});
