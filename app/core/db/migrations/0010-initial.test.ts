import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { NewsApiError } from '../../../shared/errors.ts';
import {
  migrate,
  openDatabase,
  PAGE_SIZE,
  schemaVersion,
  WAL_CHECKPOINT_BYTES,
} from '../database.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-migrate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Branches developed side by side take a number each within one ten (0080–0089, issue 18).
test('migrations are numbered in tens (or within the ten of side-by-side branches), strictly increasing', () => {
  MIGRATIONS.forEach((m, i) => {
    if (m.version < 80 || m.version >= 90) assert.equal(m.version % 10, 0, m.name);
    if (i > 0) assert.ok(m.version > MIGRATIONS[i - 1]!.version);
  });
  assert.equal(LATEST_VERSION, MIGRATIONS.at(-1)!.version);
});

test('0010 creates the settings table on an empty file', () => {
  const db = new BetterSqlite3(join(dir, 'fresh.sqlite3'));
  assert.equal(migrate(db, MIGRATIONS, 10), 10);
  db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
  assert.throws(
    () => db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'not json')").run(),
    /CHECK/,
  );
  db.close();
});

test('the library opens with 16 KiB pages, WAL (checkpointed at 16 MB), foreign keys, NORMAL sync and a busy timeout', () => {
  const db = openDatabase(join(dir, 'pragmas.sqlite3'));
  assert.equal(db.pragma('page_size', { simple: true }), PAGE_SIZE);
  assert.equal(schemaVersion(db), LATEST_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('synchronous', { simple: true }), 1); // NORMAL
  assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
  assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), WAL_CHECKPOINT_BYTES / PAGE_SIZE);
  assert.equal(db.pragma('journal_size_limit', { simple: true }), WAL_CHECKPOINT_BYTES);
  db.close();
});

test('a library made with 4 KiB pages keeps them, and checkpoints at 16 MB too', () => {
  const file = join(dir, 'small-pages.sqlite3');
  const old = new BetterSqlite3(file);
  old.pragma('journal_mode = WAL');
  migrate(old);
  old.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
  old.close();
  const db = openDatabase(file);
  assert.equal(db.pragma('page_size', { simple: true }), 4096);
  assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), WAL_CHECKPOINT_BYTES / 4096);
  assert.equal(
    db.prepare("SELECT value FROM settings WHERE key = 'theme'").pluck().get(),
    '"dark"',
  );
  db.close();
});

test('migrating again is a no-op that keeps the rows', () => {
  const file = join(dir, 'again.sqlite3');
  const db = openDatabase(file);
  db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
  assert.equal(migrate(db), LATEST_VERSION);
  db.close();
  const reopened = openDatabase(file);
  assert.equal(
    reopened.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('theme'),
    '"dark"',
  );
  reopened.close();
});

test('a database from a newer version is refused and left byte for byte as it was', () => {
  const file = join(dir, 'newer.sqlite3');
  const raw = new BetterSqlite3(file);
  raw.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1);');
  raw.pragma('user_version = 9990');
  raw.close();
  const before = readFileSync(file);
  assert.throws(
    () => openDatabase(file),
    (e: unknown) =>
      e instanceof NewsApiError &&
      e.code === 'DATABASE_TOO_NEW' &&
      e.message.includes('newer version'),
  );
  assert.deepEqual(readFileSync(file), before);
});

test('a failing migration rolls back every pending step', () => {
  const db = new BetterSqlite3(':memory:');
  const broken: Migration[] = [
    ...MIGRATIONS,
    { version: 9000, name: 'good', up: (d) => d.exec('CREATE TABLE a (x)') },
    { version: 9010, name: 'bad', up: (d) => d.exec('CREATE TABLE oops (') },
  ];
  assert.throws(() => migrate(db, broken, 9010));
  assert.equal(schemaVersion(db), 0);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  assert.deepEqual(tables, []);
  db.close();
});
