/**
 * `heitu sync` killed mid-way (SIGKILL) leaves a sound library holding only whole sources, and the
 * next sync completes it: the built CLI as a child process, against the local fixture site. Run
 * `node scripts/build.mjs` first (bin/heitu.cjs loads dist/cli).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { TabCount } from '../../app/shared/articles.ts';
import type { SourceStatus } from '../../app/shared/sync.ts';
import { FIXTURE_REGIONS, startFixtureSite } from '../support/fixture-site.ts';
import { bin, env, heitu, json, writeSources } from '../support/heitu-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'heitu-sync-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

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
