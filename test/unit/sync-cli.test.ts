/**
 * `heitu sync` end to end: the built CLI as a child process, against the local fixture site, into
 * a real SQLite library. Run `node scripts/build.mjs` first (bin/heitu.cjs loads dist/cli).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Article, ArticleSummary, Page, TabCount } from '../../app/shared/articles.ts';
import type { SourceStatus, SyncSummary } from '../../app/shared/sync.ts';
import {
  FIXTURE_REGIONS,
  startFixtureSite,
  type FixtureArticle,
  type FixtureSite,
} from '../support/fixture-site.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'heitu.cjs');
// A neutral locale: the CLI would otherwise show text in the script the terminal's LANG suggests.
const env = { ...process.env, HEITU_LOG: 'error', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
const tmp = mkdtempSync(join(tmpdir(), 'heitu-sync-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the CLI as a child process. Asynchronously: the fixture site is served by this process, so
 * a spawnSync would block it and every request of the sync would time out.
 */
async function heitu(args: readonly string[]): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { env, timeout: 60_000 });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err };
}

async function json<T>(args: readonly string[]): Promise<T> {
  const r = await heitu([...args, '--json']);
  assert.equal(r.code, 0, `heitu ${args.join(' ')} failed: ${r.err}`);
  return JSON.parse(r.out) as T;
}

/** A sources file of this site's portal (and extra) sources, each following `maxPages` pages. */
function writeSources(
  site: FixtureSite,
  dir: string,
  options: { regions?: readonly string[]; maxPages?: number; extra?: object[] } = {},
): string {
  const regions = options.regions ?? FIXTURE_REGIONS;
  const sources = [
    ...regions.map((region) => ({
      id: `cri-jilin-${region}`,
      type: 'portal',
      profile: 'cri-jilin',
      region,
      url: `${site.origin}/jilin/${region}/index.html`,
      ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
    })),
    ...(options.extra ?? []),
  ];
  const file = join(dir, 'sources.json');
  writeFileSync(file, `${JSON.stringify({ sources }, null, 2)}\n`);
  return file;
}

test('npx heitu sync fills the library and list shows the Changchun articles with 來源/編輯/責編', async () => {
  const site = await startFixtureSite({ articlesPerRegion: 30, pageSize: 20, seed: 1 });
  try {
    const dir = mkdtempSync(join(tmp, 'fill-'));
    const dataDir = join(dir, 'data');
    const sources = site.writeSourcesFile(dir, 'portal');

    const sync = await heitu(['sync', '--sources', sources, '--data-dir', dataDir]);
    assert.equal(sync.code, 0, sync.err);
    assert.equal(sync.out, '10 of 10 sources synced: 300 new, 0 updated, 0 failed\n');
    assert.match(sync.err, /sync: 10\/10 sources, 300 new articles\n$/);

    // The Changchun tab: every article of the region's list, newest first, with its 來源.
    const truth = site.portalArticles('changchun');
    assert.equal(truth.length, 30);
    const page = await json<Page<ArticleSummary>>([
      'list',
      '--region',
      'changchun',
      '--limit',
      '200',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(page.nextCursor, null);
    assert.deepEqual(
      page.items.map((a) => [a.title, a.sourceName, a.publishedAt]),
      truth.map((a) => [a.title, a.sourceName, new Date(a.publishedAt).toISOString()]),
    );

    // `show` gives 編輯 and 責編 as the page printed them, whatever the page's encoding.
    const byTitle = new Map(page.items.map((a) => [a.title, a.id]));
    const picks = (['utf-8', 'gbk', 'gb18030', 'utf-8-declared-gb2312'] as const).map(
      (encoding): FixtureArticle => {
        const same = truth.filter((a) => a.encoding === encoding);
        const pick = same.find((a) => a.editor !== a.responsibleEditor) ?? same[0];
        assert.ok(pick, `the changchun list has a ${encoding} page`);
        return pick;
      },
    );
    for (const want of picks) {
      const id = byTitle.get(want.title);
      assert.ok(id !== undefined, want.title);
      const got = await json<Article>(['show', id, '--data-dir', dataDir]);
      assert.deepEqual(
        {
          title: got.title,
          url: got.url,
          sourceName: got.sourceName,
          editor: got.editor,
          responsibleEditor: got.responsibleEditor,
          originalTitle: got.originalTitle,
        },
        {
          title: want.title,
          url: want.url,
          sourceName: want.sourceName,
          editor: want.editor,
          responsibleEditor: want.responsibleEditor,
          originalTitle: want.originalTitle,
        },
        `${want.encoding} page ${want.path}`,
      );
      assert.ok(got.contentHtml.includes(want.paragraphs[1] ?? '?'), 'the body is stored');
    }

    // The plain-text `show` a reader sees prints the byline with its labels.
    const shown = await heitu([
      'show',
      byTitle.get(picks[0]?.title ?? '') ?? '',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(shown.code, 0, shown.err);
    const first = picks[0];
    assert.ok(first);
    assert.ok(
      shown.out.includes(
        `來源:${first.sourceName}  |  編輯:${first.editor}  |  責編:${first.responsibleEditor}`,
      ),
      shown.out,
    );

    const statuses = await json<SourceStatus[]>([
      'sources',
      '--sources',
      sources,
      '--data-dir',
      dataDir,
    ]);
    assert.deepEqual(
      statuses.map((s) => s.id).sort(),
      FIXTURE_REGIONS.map((r) => `cri-jilin-${r}`).sort(),
    );
    for (const s of statuses) {
      assert.equal(s.lastError, null, s.id);
      assert.ok(s.lastSuccessAt !== null && !Number.isNaN(Date.parse(s.lastSuccessAt)), s.id);
    }

    // One broken source fails the run (exit 1) but the others are still saved.
    const faultyDir = mkdtempSync(join(tmp, 'faulty-'));
    const faultyData = join(faultyDir, 'data');
    const faultySources = writeSources(site, faultyDir, {
      regions: ['changchun', 'yanbian'],
      extra: [
        { id: 'feed-rss2', type: 'feed', url: `${site.origin}/feeds/rss2.xml` },
        { id: 'broken-feed', type: 'feed', url: `${site.origin}/faulty/500` },
      ],
    });
    const failed = await heitu([
      'sync',
      '--sources',
      faultySources,
      '--data-dir',
      faultyData,
      '--json',
    ]);
    assert.equal(failed.code, 1, failed.err);
    const summary = JSON.parse(failed.out) as SyncSummary;
    assert.equal(summary.done, 4);
    assert.equal(summary.failed, 1);
    assert.equal(summary.inserted, 30 + 30 + 8);
    assert.deepEqual(
      summary.errors.map((e) => e.sourceId),
      ['broken-feed'],
    );
    assert.match(summary.errors[0]?.message ?? '', /500/);

    const counts = await json<TabCount[]>(['counts', '--data-dir', faultyData]);
    const total = (region: string): number | undefined =>
      counts.find((c) => c.region === region)?.total;
    assert.equal(total('all'), 68);
    assert.ok((total('changchun') ?? 0) >= 30);
    assert.ok((total('yanbian') ?? 0) >= 30);

    const statusesAfter = await json<SourceStatus[]>([
      'sources',
      '--sources',
      faultySources,
      '--data-dir',
      faultyData,
    ]);
    const broken = statusesAfter.find((s) => s.id === 'broken-feed');
    assert.ok(broken);
    assert.equal(broken.lastSuccessAt, null);
    assert.match(broken.lastError ?? '', /500/);
    for (const s of statusesAfter.filter((x) => x.id !== 'broken-feed')) {
      assert.equal(s.lastError, null, s.id);
      assert.notEqual(s.lastSuccessAt, null, s.id);
    }
  } finally {
    await site.close();
  }
});

/** What one attempt at killing the sync saw. */
interface Kill {
  /** Sources with articles in the library just before the SIGKILL was sent. */
  readonly storedBeforeKill: number;
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
}

/**
 * Watches the library file read-only every 20 ms and SIGKILLs the CLI as soon as one source is
 * stored. Returns null if the CLI finished first (no kill happened).
 */
async function killOnceASourceIsStored(child: ChildProcess, file: string): Promise<Kill | null> {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let db: Database.Database | null = null;
  try {
    while (child.exitCode === null && child.signalCode === null) {
      let stored = 0;
      try {
        // timeout 0: never block this process (which also serves the fixture site) on a lock.
        db ??= existsSync(file) ? new Database(file, { readonly: true, timeout: 0 }) : null;
        stored =
          db === null
            ? 0
            : (db
                .prepare<[], number>('SELECT count(DISTINCT source_id) FROM articles')
                .pluck()
                .get() ?? 0);
      } catch {
        // Not created or migrated yet, or mid-checkpoint: look again shortly.
        db?.close();
        db = null;
      }
      if (stored >= 1) {
        assert.equal(child.exitCode, null, 'the CLI was still running when it was killed');
        assert.equal(child.signalCode, null);
        assert.ok(child.kill('SIGKILL'));
        const end = await exited;
        return { storedBeforeKill: stored, ...end };
      }
      await sleep(20);
    }
    await exited;
    return null;
  } finally {
    db?.close();
  }
}

test('a sync killed mid-way leaves a sound database holding only whole sources', async (t) => {
  // If a fast machine finishes before the watcher sees a stored source, try again with a slower
  // sync: smaller list pages, so each source walks many more pages one request at a time.
  const attempts = [
    { articlesPerRegion: 150, pageSize: 20, maxPages: 8 },
    { articlesPerRegion: 150, pageSize: 4, maxPages: 40 },
  ];
  for (const [n, attempt] of attempts.entries()) {
    const site = await startFixtureSite({
      articlesPerRegion: attempt.articlesPerRegion,
      pageSize: attempt.pageSize,
      seed: 2,
    });
    const dir = mkdtempSync(join(tmp, 'kill-'));
    const dataDir = join(dir, 'data');
    const file = join(dataDir, 'heitu.sqlite3');
    const sources = writeSources(site, dir, { maxPages: attempt.maxPages });
    const perSource = attempt.articlesPerRegion;
    const child = spawn(
      process.execPath,
      [bin, 'sync', '--sources', sources, '--data-dir', dataDir],
      {
        env,
        stdio: 'ignore',
      },
    );
    try {
      const kill = await killOnceASourceIsStored(child, file);
      if (kill === null) {
        assert.ok(n + 1 < attempts.length, 'the sync always finished before it could be killed');
        t.diagnostic(`attempt ${n + 1}: the sync finished before it could be killed`);
        continue;
      }
      assert.equal(kill.signal, 'SIGKILL');
      assert.equal(kill.code, null);

      const db = new Database(file);
      let stored: { source_id: string; n: number }[];
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
        assert.deepEqual(db.pragma('foreign_key_check'), []);
        stored = db
          .prepare<[], { source_id: string; n: number }>(
            'SELECT source_id, count(*) AS n FROM articles GROUP BY source_id ORDER BY source_id',
          )
          .all();
        // Whole sources only: each stored source has every article it serves, and its sync
        // state (written in the same transaction) says it succeeded; the others have nothing.
        t.diagnostic(
          `attempt ${n + 1}: killed with ${kill.storedBeforeKill} sources seen, ${stored.length} of ${FIXTURE_REGIONS.length} stored`,
        );
        assert.ok(stored.length >= kill.storedBeforeKill);
        assert.ok(stored.length < FIXTURE_REGIONS.length, 'some source was still to be stored');
        for (const s of stored) assert.equal(s.n, perSource, s.source_id);
        const succeeded = db
          .prepare<[], string>(
            'SELECT id FROM sources WHERE last_success_at IS NOT NULL ORDER BY id',
          )
          .pluck()
          .all();
        assert.deepEqual(
          succeeded,
          stored.map((s) => s.source_id),
        );
        const all = db
          .prepare<[], number>("SELECT total FROM tab_counts WHERE region = 'all'")
          .pluck()
          .get();
        assert.equal(all, stored.length * perSource, 'the tab count matches what is stored');
      } finally {
        db.close();
      }

      // The app opens the killed library and counts what it holds.
      const counts = await json<TabCount[]>(['counts', '--data-dir', dataDir]);
      for (const region of FIXTURE_REGIONS) {
        const whole = stored.some((s) => s.source_id === `cri-jilin-${region}`);
        assert.equal(counts.find((c) => c.region === region)?.total, whole ? perSource : 0, region);
      }

      // Syncing again completes the missing sources and leaves the whole ones alone.
      const missing = FIXTURE_REGIONS.length - stored.length;
      const again = await heitu(['sync', '--sources', sources, '--data-dir', dataDir]);
      assert.equal(again.code, 0, again.err);
      assert.equal(
        again.out,
        `10 of 10 sources synced: ${missing * perSource} new, 0 updated, 0 failed\n`,
      );
      const full = await json<TabCount[]>(['counts', '--data-dir', dataDir]);
      assert.equal(full.find((c) => c.region === 'all')?.total, 10 * perSource);
      for (const region of FIXTURE_REGIONS)
        assert.equal(full.find((c) => c.region === region)?.total, perSource, region);
      const statuses = await json<SourceStatus[]>([
        'sources',
        '--sources',
        sources,
        '--data-dir',
        dataDir,
      ]);
      assert.equal(statuses.length, 10);
      for (const s of statuses) {
        assert.equal(s.lastError, null, s.id);
        assert.notEqual(s.lastSuccessAt, null, s.id);
      }
      const check = new Database(file, { readonly: true });
      try {
        assert.deepEqual(
          check
            .prepare<[], { source_id: string; n: number }>(
              'SELECT source_id, count(*) AS n FROM articles GROUP BY source_id ORDER BY source_id',
            )
            .all(),
          FIXTURE_REGIONS.map((r) => ({ source_id: `cri-jilin-${r}`, n: perSource })).sort((a, b) =>
            a.source_id.localeCompare(b.source_id),
          ),
        );
      } finally {
        check.close();
      }
      return;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await site.close();
    }
  }
});
