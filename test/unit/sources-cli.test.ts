/**
 * Issue 18's CLI parity, end to end: the built `heitu` as a child process, against the fixture
 * site, into a real SQLite library. Adding a feed says what it found or why not; sources are
 * renamed and switched to full text; the reader's tabs; `read --all`. Run `node scripts/build.mjs`
 * first (bin/heitu.cjs loads dist/cli).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ArticleSummary, Page, SearchHit, TabCount } from '../../app/shared/articles.ts';
import type { SourceStatus } from '../../app/shared/sync.ts';
import type { ReaderTab } from '../../app/shared/tabs.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { heitu, json } from '../support/heitu-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'heitu-sources-cli-'));
let site: FixtureSite;
before(async () => {
  site = await startFixtureSite({ articlesPerRegion: 2 });
});
after(async () => {
  await site.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('heitu sources add says what it found, a duplicate, an answer of 500; rename and --full-text stick', async () => {
  const d = ['--data-dir', join(tmp, 'add')];
  const url = `${site.origin}/feeds/atom.xml`;
  const added = await heitu(['sources', 'add', url, ...d]);
  assert.equal(added.code, 0, added.err);
  assert.match(
    added.out,
    /^added user:[0-9a-f]{10} {2}.+: 8 items now \(http:\/\/127\.0\.0\.1:\d+\/feeds\/atom\.xml\)\n$/,
  );
  const duplicate = await heitu(['sources', 'add', url, ...d]);
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.err, /is already a source: .+ \(user:[0-9a-f]{10}\)/);
  const failing = await heitu(['sources', 'add', `${site.origin}/faulty/500`, ...d]);
  assert.equal(failing.code, 1);
  assert.match(failing.err, /not added: .*500/);

  const [mine] = (await json<SourceStatus[]>(['sources', ...d])).filter((s) => s.origin === 'user');
  assert.ok(mine !== undefined);
  const renamed = await heitu(['sources', 'rename', mine.id, '長白山 Atom', ...d]);
  assert.equal(renamed.out, `${mine.id} is now called 長白山 Atom\n`);
  const portal = await heitu(['sources', 'rename', 'cri-jilin-siping', '四平新聞', ...d]);
  assert.equal(portal.code, 0, portal.err);
  const on = await heitu(['sources', 'set', mine.id, '--full-text', 'on', ...d]);
  assert.equal(on.out, `${mine.id}: full text on, tab none\n`);
  const wrong = await heitu(['sources', 'set', mine.id, '--full-text', 'yes', ...d]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /--full-text takes on or off/);

  const listed = await heitu(['sources', ...d]);
  assert.match(listed.out, /^cri-jilin-siping .+ {2}四平新聞$/m);
  assert.match(listed.out, /^cri-jilin-tonghua .+ {2}吉林頻道 · 通化$/m);
  assert.match(listed.out, /\(user, full text\) +never synced {2}長白山 Atom$/m);
});

test('heitu tabs and read --all: a feed put in a tab, marked read by tab, region or everything', async () => {
  const d = ['--data-dir', join(tmp, 'tabs')];
  assert.equal((await heitu(['tabs', ...d])).out, 'no tabs of your own yet: heitu tabs add NAME\n');
  const local = await json<ReaderTab>(['tabs', 'add', '本地', ...d]);
  const other = await json<ReaderTab>(['tabs', 'add', '其他', ...d]);
  assert.equal((await heitu(['tabs', 'add', '本地', ...d])).code, 1, 'a name taken');
  assert.equal((await heitu(['tabs', 'rename', String(other.id), '科技', ...d])).code, 0);
  const moved = await json<ReaderTab[]>(['tabs', 'move', String(other.id), '0', ...d]);
  assert.deepEqual(
    moved.map((t) => t.name),
    ['科技', '本地'],
  );
  assert.equal((await heitu(['tabs', 'move', 'x', '0', ...d])).code, 2);

  const added = await json<{ source: SourceStatus }>([
    'sources',
    'add',
    `${site.origin}/feeds/rss2.xml`,
    ...d,
  ]);
  const filed = await heitu(['sources', 'set', added.source.id, '--tab', String(local.id), ...d]);
  assert.equal(filed.out, `${added.source.id}: full text off, tab ${local.id}\n`);
  const json2 = await json<{ source: SourceStatus }>([
    'sources',
    'add',
    `${site.origin}/feeds/feed.json`,
    '--region',
    'yanbian',
    ...d,
  ]);
  const sync = await heitu([
    'sync',
    '--source',
    added.source.id,
    '--source',
    json2.source.id,
    ...d,
  ]);
  assert.equal(sync.code, 0, sync.err);
  const listed = await heitu(['tabs', ...d]);
  assert.match(listed.out, new RegExp(`^ +${local.id} {2}本地 {2}\\(8 unread, 8 in all\\)$`, 'm'));

  // A tab is listed and searched on its own, as in the window.
  const inTab = await json<Page<ArticleSummary>>(['list', '--tab', String(local.id), ...d]);
  assert.equal(inTab.items.length, 8);
  const tabIds = new Set(inTab.items.map((a) => a.id));
  const everywhere = await json<Page<SearchHit>>(['search', '吉林', ...d]);
  const here = await json<Page<SearchHit>>(['search', '吉林', '--tab', String(local.id), ...d]);
  assert.ok(here.items.length > 0, 'the tab has hits');
  assert.ok(here.items.length < everywhere.items.length, 'the JSON feed has hits too');
  for (const hit of here.items) assert.ok(tabIds.has(hit.id), `${hit.title} is in the tab`);
  const both = await heitu([
    'search',
    '吉林',
    '--tab',
    String(local.id),
    '--region',
    'yanbian',
    ...d,
  ]);
  assert.equal(both.code, 2, 'a tab and a region at once');
  assert.match(both.err, /names a tab with a region/);
  assert.equal((await heitu(['list', '--tab', 'mine', ...d])).code, 2);
  const missing = await heitu(['list', '--tab', '999', ...d]);
  assert.deepEqual([missing.code, missing.err], [2, 'heitu: There is no tab 999.\n']);

  const unread = async (): Promise<number> =>
    (await json<TabCount[]>(['counts', ...d])).find((c) => c.region === 'all')?.unread ?? -1;
  assert.equal(await unread(), 14);
  assert.equal(
    (await heitu(['read', '--all', '--tab', String(local.id), ...d])).out,
    '8 changed\n',
  );
  assert.equal(await unread(), 6);
  const left = await json<Page<ArticleSummary>>(['list', '--unread', ...d]);
  assert.equal(left.items.length, 6);
  assert.ok(left.items.every((a) => a.unread && !tabIds.has(a.id)));
  assert.equal((await heitu(['read', '--all', '--region', 'yanbian', ...d])).out, '6 changed\n');
  assert.equal(await unread(), 0);
  assert.equal((await heitu(['read', '--all', ...d])).out, '0 changed\n');
  const bad = await heitu(['read', '--all', '--region', 'beijing', ...d]);
  assert.equal(bad.code, 2);
  assert.equal((await heitu(['read', 'a1', '--region', 'yanbian', ...d])).code, 2);

  const deleted = await heitu(['tabs', 'delete', String(local.id), ...d]);
  assert.equal(deleted.out, `tab ${local.id} deleted; its feeds and articles stay\n`);
  assert.equal(
    (await json<TabCount[]>(['counts', ...d])).find((c) => c.region === 'all')?.total,
    14,
  );
  assert.equal((await heitu(['tabs', 'delete', String(local.id), ...d])).code, 1);
});
