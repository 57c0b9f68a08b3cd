import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import type { NewsEvent } from '../shared/contract.ts';
import { NewsApiError } from '../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import { DATABASE_FILE } from './data-dir.ts';
import { LATEST_VERSION } from './db/migrations/index.ts';
import { dispatch } from './dispatch.ts';
import { NewsService } from './news-service.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-service-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a new library has the default settings and the twelve regions', async () => {
  const service = NewsService.open({ dataDir: join(dir, 'new'), appVersion: '1.2.3' });
  assert.deepEqual(await service.getSettings(), DEFAULT_SETTINGS);
  assert.equal((await service.listRegions()).length, 12);
  const status = await service.getStatus();
  assert.equal(status.appVersion, '1.2.3');
  assert.equal(status.dataDir, join(dir, 'new'));
  assert.equal(status.schemaVersion, LATEST_VERSION);
  assert.equal(status.sync.lastSyncedAt, null);
  service.close();
});

test('settings persist in the SQLite file across restarts, and listeners hear changes', async () => {
  const dataDir = join(dir, 'persist');
  const first = NewsService.open({ dataDir, appVersion: 'test' });
  const heard: NewsEvent[] = [];
  const stop = first.subscribe((e) => heard.push(e));
  const saved = await first.setSettings({ theme: 'dark', lastRegion: 'yanbian' });
  assert.equal(saved.theme, 'dark');
  assert.equal(heard.length, 1);
  assert.equal(heard[0]?.type, 'settingsChanged');
  stop();
  await first.setSettings({ textScale: 125 });
  assert.equal(heard.length, 1, 'an unsubscribed listener hears nothing');
  first.close();

  const second = NewsService.open({ dataDir, appVersion: 'test' });
  const settings = await second.getSettings();
  assert.equal(settings.theme, 'dark');
  assert.equal(settings.lastRegion, 'yanbian');
  assert.equal(settings.textScale, 125);
  assert.equal(settings.script, DEFAULT_SETTINGS.script);
  assert.deepEqual(settings.userDictionary, []);
  await second.setSettings({
    userDictionary: [
      { from: '发布', to: '發布', mode: 'tw' },
      { from: '长春', to: '長春市' },
    ],
  });
  second.close();

  const third = NewsService.open({ dataDir, appVersion: 'test' });
  assert.deepEqual((await third.getSettings()).userDictionary, [
    { from: '发布', to: '發布', mode: 'tw' },
    { from: '长春', to: '長春市' },
  ]);
  assert.equal((await third.getSettings()).theme, 'dark', 'the other settings are untouched');
  third.close();
  // One row per setting, as JSON: a dictionary needs no migration.
  const raw = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
  assert.equal(
    raw.prepare("SELECT value FROM settings WHERE key = 'userDictionary'").pluck().get(),
    '[{"from":"发布","to":"發布","mode":"tw"},{"from":"长春","to":"長春市"}]',
  );
  raw.close();
});

test('a stored dictionary that no longer validates falls back to none, keeping the rest', async () => {
  const dataDir = join(dir, 'bad-dictionary');
  const first = NewsService.open({ dataDir, appVersion: 'test' });
  await first.setSettings({ theme: 'dark' });
  first.close();
  const raw = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  raw
    .prepare("UPDATE settings SET value = ? WHERE key = 'userDictionary'")
    .run(JSON.stringify([{ from: '', to: 'x', mode: 'original' }]));
  raw.close();
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  const second = NewsService.open({ dataDir, appVersion: 'test' });
  process.env.HEITU_LOG = prev;
  const settings = await second.getSettings();
  assert.deepEqual(settings.userDictionary, []);
  assert.equal(settings.theme, 'dark');
  second.close();
});

test('a listener that throws does not stop the others or the write', async () => {
  const service = NewsService.inMemory();
  let heard = 0;
  service.subscribe(() => {
    throw new Error('boom');
  });
  service.subscribe(() => (heard += 1));
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  await service.setSettings({ theme: 'light' });
  process.env.HEITU_LOG = prev;
  assert.equal(heard, 1);
  assert.equal((await service.getSettings()).theme, 'light');
  service.close();
});

test('a data folder that cannot be created is a clear STORAGE error', () => {
  const blocker = join(dir, 'a-file');
  writeFileSync(blocker, 'not a folder');
  assert.throws(
    () => NewsService.open({ dataDir: join(blocker, 'library'), appVersion: 'test' }),
    (e: unknown) =>
      e instanceof NewsApiError && e.code === 'STORAGE' && e.message.includes('a-file'),
  );
});

test('a failed write reports STORAGE, rolls back, and keeps what was saved before', async () => {
  const dataDir = join(dir, 'failing');
  const service = NewsService.open({ dataDir, appVersion: 'test' });
  await service.setSettings({ theme: 'dark', textScale: 110 });
  service.close();
  // Make SQLite itself fail half-way through the next write, as a full disk would.
  const raw = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  raw.exec(`CREATE TRIGGER fail_scale BEFORE UPDATE ON settings WHEN NEW.key = 'textScale'
            BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`);
  raw.close();

  const reopened = NewsService.open({ dataDir, appVersion: 'test' });
  let events = 0;
  reopened.subscribe(() => (events += 1));
  await assert.rejects(
    reopened.setSettings({ theme: 'light', textScale: 150 }),
    (e: unknown) =>
      e instanceof NewsApiError &&
      e.code === 'STORAGE' &&
      e.message.includes('simulated write failure'),
  );
  const saved = await reopened.getSettings();
  assert.equal(
    saved.theme,
    'dark',
    'the earlier theme write in the same transaction was rolled back',
  );
  assert.equal(saved.textScale, 110);
  assert.equal(events, 0, 'nobody is told of a change that did not happen');
  reopened.close();
});

test('dispatch validates, calls, and turns failures into plain errors', async () => {
  const service = NewsService.inMemory();
  assert.deepEqual(await dispatch(service, 'getSettings', []), {
    ok: true,
    value: DEFAULT_SETTINGS,
  });
  const bad = await dispatch(service, 'setSettings', [{ theme: 'neon' }]);
  assert.equal(!bad.ok && bad.error.code, 'BAD_ARGUMENT');
  const unknown = await dispatch(service, 'close', []);
  assert.equal(
    !unknown.ok && unknown.error.code,
    'UNKNOWN_METHOD',
    'service methods outside the contract are unreachable',
  );
  const proto = await dispatch(service, 'toString', []);
  assert.equal(!proto.ok && proto.error.code, 'UNKNOWN_METHOD');
  service.close();

  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  const broken = await dispatch(service, 'getSettings', []); // the database is closed now
  process.env.HEITU_LOG = prev;
  assert.deepEqual(broken, {
    ok: false,
    error: { code: 'INTERNAL', message: 'Something went wrong inside the app; see the log.' },
  });
});
