/**
 * SIGKILL at random moments during sync, migration, bookmark import and repair, in a loop: the
 * built CLI as a child process, killed after a random delay (a seeded sequence, so a failure can
 * be replayed). After every kill the library is checked as it lies on disk, then opened again as
 * the next start would: integrity_check ok, every bookmark there, no source half written, a
 * migration all or nothing. `npm test` runs a few rounds of each; `npm run test:soak` runs
 * HEITU_KILL_ROUNDS (60) in all. Run `node scripts/build.mjs` first (bin/heitu.cjs loads dist/cli).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../app/core/data-dir.ts';
import { migrate } from '../../../app/core/db/database.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../../app/core/db/migrations/index.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import { parseCall } from '../../../app/shared/validate.ts';
import { rng } from '../../support/corpus.ts';
import { damageArticlePages, libraryWithBookmarks, quiet } from '../../support/damaged-library.ts';
import { startFixtureSite, type FixtureSite } from '../../support/fixture-site.ts';
import { bin, env, writeSources } from '../../support/heitu-cli.ts';

const ROUNDS = Number(process.env.HEITU_KILL_ROUNDS ?? 4);
const tmp = mkdtempSync(join(tmpdir(), 'heitu-kill-loop-'));
const random = rng(20261205);
const PER_SOURCE = 60;
let site: FixtureSite;
let sources: string;
const templates: Record<string, string> = {};
let restoreLog: () => void;

/** A library (or a folder holding one) copied for one round, so each kill starts alike. */
function copyTemplate(name: string): string {
  const dataDir = join(tmp, `round-${Math.floor(random() * 1e9)}`);
  mkdirSync(dataDir);
  copyFileSync(join(templates[name] ?? '', DATABASE_FILE), join(dataDir, DATABASE_FILE));
  return dataDir;
}

function bookmarkFile(count: number, prefix: string): object {
  return {
    format: 'heitu-bookmarks',
    version: 1,
    exportedAt: '2026-11-26T00:00:00.000Z',
    bookmarks: Array.from({ length: count }, (_, i) => ({
      url: `https://jl.example.cn/${prefix}/${i}.html`,
      title: `${prefix} 第${i}篇`,
      bookmarkedAt: '2026-11-25T00:00:00.000Z',
      publishedAt: '2026-11-24T00:00:00.000Z',
      script: 'hant',
      contentHtml: `<p>${'長白山的雪'.repeat(40)}</p>`,
    })),
  };
}

before(async () => {
  restoreLog = quiet();
  site = await startFixtureSite({ articlesPerRegion: PER_SOURCE, pageSize: 10, seed: 3 });
  sources = writeSources(site, tmp, { maxPages: 6 });
  // A library with 30 bookmarks of the reader's own.
  const marked = join(tmp, 'template-marked');
  const service = NewsService.open({ dataDir: marked, appVersion: 'test' });
  // Through the validators, which fill in the fields a file may leave out.
  await service.importBookmarks(parseCall('importBookmarks', [bookmarkFile(30, 'kept')])[0]);
  service.close();
  templates.marked = marked;
  writeFileSync(join(tmp, 'import.json'), JSON.stringify(bookmarkFile(3000, 'imported')));
  // A version-30 library with 3,000 articles and 30 bookmarks, for the migrations to the latest.
  const old = join(tmp, 'template-old');
  mkdirSync(old);
  const db = new Database(join(old, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS, 30);
  const article = db.prepare(
    `INSERT INTO articles (sort_key, published_at, fetched_at, title, summary, url, text)
     VALUES (?, ?, 0, ?, '', ?, ?)`,
  );
  const mark = db.prepare(
    'INSERT INTO bookmarks (bookmarked_at, published_at, url, title) VALUES (?, ?, ?, ?)',
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < 3000; i += 1)
      article.run(
        (now - i * 60_000) * 1024,
        now - i * 60_000,
        `第${i}篇`,
        `https://x.example/${i}`,
        '長春市的新聞。'.repeat(30),
      );
    for (let i = 0; i < 30; i += 1)
      mark.run(now, now, `https://jl.example.cn/kept/${i}.html`, `第${i}篇`);
  })();
  db.close();
  templates.old = old;
  // A library whose article pages are damaged, marked for repair, with 3 bookmarks.
  const damaged = await libraryWithBookmarks(join(tmp, 'template-damaged'));
  damageArticlePages(join(damaged, DATABASE_FILE));
  templates.damaged = damaged;
});
after(async () => {
  await site.close();
  restoreLog();
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs the CLI and SIGKILLs it after `delayMs`, unless it finished first. */
async function killDuring(args: readonly string[], delayMs: number): Promise<boolean> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: 'ignore' });
  const closed = once(child, 'close');
  const finished = await Promise.race([closed.then(() => true), sleep(delayMs).then(() => false)]);
  if (!finished) child.kill('SIGKILL');
  await closed;
  return !finished;
}

function onDisk(dataDir: string, check: (db: Database.Database) => void): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    check(db);
  } finally {
    db.close();
  }
}

const count = (db: Database.Database, sql: string): number =>
  db.prepare<[], number>(sql).pluck().get() ?? 0;

/** Opens the library as the next start would and returns the bookmarks' URLs. */
async function restart(dataDir: string): Promise<string[]> {
  const service = NewsService.open({ dataDir, appVersion: 'test' });
  try {
    const { bookmarks } = await service.exportBookmarks();
    return bookmarks.map((b) => b.url);
  } finally {
    service.close();
  }
}

const kept = (urls: readonly string[], n: number, prefix = 'kept'): void => {
  for (let i = 0; i < n; i += 1)
    assert.ok(urls.includes(`https://jl.example.cn/${prefix}/${i}.html`), `bookmark ${i} is there`);
};

const OPERATIONS = {
  sync: {
    template: 'marked',
    maxDelayMs: 2500,
    args: (dataDir: string) => ['sync', '--sources', sources, '--data-dir', dataDir],
    async check(dataDir: string) {
      onDisk(dataDir, (db) => {
        const stored = db
          .prepare<[], { source_id: string; n: number }>(
            'SELECT source_id, count(*) AS n FROM articles GROUP BY source_id',
          )
          .all();
        for (const s of stored) assert.equal(s.n, PER_SOURCE, `${s.source_id} is whole`);
        const succeeded = db
          .prepare<[], string>('SELECT id FROM sources WHERE last_success_at IS NOT NULL')
          .pluck()
          .all();
        assert.deepEqual(succeeded.sort(), stored.map((s) => s.source_id).sort());
      });
      kept(await restart(dataDir), 30);
    },
  },
  import: {
    template: 'marked',
    maxDelayMs: 2000,
    args: (dataDir: string) => [
      'import',
      'bookmarks',
      join(tmp, 'import.json'),
      '--data-dir',
      dataDir,
    ],
    async check(dataDir: string) {
      onDisk(dataDir, (db) => {
        assert.ok([30, 3030].includes(count(db, 'SELECT count(*) FROM bookmarks')), 'all or none');
      });
      kept(await restart(dataDir), 30);
    },
  },
  migration: {
    template: 'old',
    maxDelayMs: 2500,
    args: (dataDir: string) => ['status', '--data-dir', dataDir],
    async check(dataDir: string) {
      onDisk(dataDir, (db) => {
        assert.ok(
          [30, LATEST_VERSION].includes(count(db, 'PRAGMA user_version')),
          'all migrations or none',
        );
        assert.equal(count(db, 'SELECT count(*) FROM articles'), 3000);
      });
      kept(await restart(dataDir), 30);
    },
  },
  repair: {
    template: 'damaged',
    maxDelayMs: 1500,
    args: (dataDir: string) => ['status', '--data-dir', dataDir],
    async check(dataDir: string) {
      // The file on disk may still be the damaged one: the next start repairs (or finishes) it.
      const urls = await restart(dataDir);
      assert.equal(urls.length, 3, 'the damaged library’s 3 bookmarks');
      onDisk(dataDir, () => undefined);
    },
  },
} as const;

test(`SIGKILL at random moments, ${ROUNDS} times: every restart finds a sound library and every bookmark`, async (t) => {
  const names = Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[];
  const kills: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round += 1) {
    const name = names[round % names.length] ?? 'sync';
    const op = OPERATIONS[name];
    const dataDir = copyTemplate(op.template);
    if (name === 'repair') writeFileSync(join(dataDir, `${DATABASE_FILE}.needs-repair`), 'test\n');
    const delay = Math.floor(random() * op.maxDelayMs);
    const killed = await killDuring(op.args(dataDir), delay);
    if (killed) kills[name] = (kills[name] ?? 0) + 1;
    await op.check(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
  t.diagnostic(`killed mid-way: ${JSON.stringify(kills)} of ${ROUNDS} rounds`);
});
