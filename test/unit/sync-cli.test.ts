/**
 * `heitu sync` end to end: the built CLI as a child process, against the local fixture site, into
 * a real SQLite library: a full sync, then a sync with one broken source. Run
 * `node scripts/build.mjs` first (bin/heitu.cjs loads dist/cli). The sync killed mid-way is in
 * sync-cli-kill.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Article, ArticleSummary, Page, TabCount } from '../../app/shared/articles.ts';
import type { SourceStatus, SyncSummary } from '../../app/shared/sync.ts';
import { FIXTURE_REGIONS, startFixtureSite, type FixtureArticle } from '../support/fixture-site.ts';
import { heitu, json, writeSources } from '../support/heitu-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'heitu-sync-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

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

test('npx heitu sync says how many items a capped source left out, and keeps the first of its list', async () => {
  const site = await startFixtureSite({ articlesPerRegion: 30, pageSize: 20, seed: 1 });
  try {
    const dir = mkdtempSync(join(tmp, 'capped-'));
    const dataDir = join(dir, 'data');
    const sources = writeSources(site, dir, { regions: ['changchun'], maxPages: 2, maxItems: 12 });
    const sync = await heitu(['sync', '--sources', sources, '--data-dir', dataDir]);
    assert.equal(sync.code, 0, sync.err);
    // The first list page holds 20 links, enough for the cap: the second is not fetched.
    assert.equal(
      sync.out,
      '1 of 1 sources synced: 12 new, 0 updated, 0 failed, 8 left out\n' +
        '  cri-jilin-changchun: 8 older items left out (past its maxItems)\n',
    );
    const page = await json<Page<ArticleSummary>>(['list', '--data-dir', dataDir]);
    assert.deepEqual(
      page.items.map((a) => a.title),
      site
        .portalArticles('changchun')
        .slice(0, 12)
        .map((a) => a.title),
    );
  } finally {
    await site.close();
  }
});
