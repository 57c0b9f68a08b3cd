import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startFixtureSite } from '../../test/support/fixture-site.ts';
import type { OpmlImportResult, SyncSummary } from '../shared/sync.ts';
import { main, type CliIo } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const root = join(import.meta.dirname, '..', '..');

async function run(
  argv: string[],
  env: Record<string, string> = {},
  untilStopped?: () => Promise<void>,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env,
    ...(untilStopped ? { untilStopped } : {}),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

test('--help lists the commands and the data-folder option', async () => {
  const { code, out } = await run(['--help']);
  assert.equal(code, 0);
  for (const word of ['web', 'status', 'regions', 'settings', '--data-dir', '--json'])
    assert.ok(out.includes(word), word);
  const sub = await run(['web', '--help']);
  assert.match(sub.out, /heitu web \[--port N\] \[--data-dir DIR\]/);
});

test('an unknown command or option says so and exits 2', async () => {
  const unknown = await run(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"/);
  const badOption = await run(['status', '--colour']);
  assert.equal(badOption.code, 2);
  assert.match(badOption.err, /--colour/);
  const badPort = await run(['web', '--port', 'http', '--data-dir', join(dir, 'x')]);
  assert.equal(badPort.code, 2);
  assert.match(badPort.err, /--port/);
});

test('settings set/get go to the library in --data-dir, as JSON when asked', async () => {
  const dataDir = join(dir, 'lib');
  const set = await run([
    'settings',
    'set',
    'theme=dark',
    'textScale=120',
    'markReadOnOpen=false',
    '--data-dir',
    dataDir,
  ]);
  assert.equal(set.code, 0, set.err);
  const get = await run(['settings', '--json', '--data-dir', dataDir]);
  const settings = JSON.parse(get.out) as Record<string, unknown>;
  assert.equal(settings.theme, 'dark');
  assert.equal(settings.textScale, 120);
  assert.equal(settings.markReadOnOpen, false);
});

test('HEITU_DATA_DIR chooses the library when --data-dir is absent', async () => {
  const dataDir = join(dir, 'from-env');
  const status = await run(['status', '--json'], { HEITU_DATA_DIR: dataDir });
  assert.equal(status.code, 0, status.err);
  assert.equal((JSON.parse(status.out) as { dataDir: string }).dataDir, dataDir);
});

test('invalid settings are refused and change nothing', async () => {
  const dataDir = join(dir, 'strict');
  assert.equal((await run(['settings', 'set', 'theme=dark', '--data-dir', dataDir])).code, 0);
  const bad = await run(['settings', 'set', 'theme=neon', '--data-dir', dataDir]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /theme/);
  const unknownKey = await run(['settings', 'set', 'owner=me', '--data-dir', dataDir]);
  assert.equal(unknownKey.code, 2);
  const after = JSON.parse((await run(['settings', '--json', '--data-dir', dataDir])).out) as {
    theme: string;
  };
  assert.equal(after.theme, 'dark');
});

test('regions prints the twelve tabs', async () => {
  const { out } = await run(['regions', '--json']);
  assert.equal((JSON.parse(out) as unknown[]).length, 12);
  const text = await run(['regions']);
  assert.match(text.out, /changbaishan\s+長白山保護開發區\t长白山保护开发区/);
});

test('web serves until stopped and prints a URL that opens the reader', async () => {
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let printed = '';
  let running: Promise<number> = Promise.resolve(-1);
  const sawUrl = new Promise<string>((resolve) => {
    const io: CliIo = {
      out: (t) => {
        printed += `${t}\n`;
        const match = /Open (\S+)/.exec(t);
        if (match?.[1] !== undefined) resolve(match[1]);
      },
      err: () => undefined,
      env: {},
      untilStopped: () => stopped,
    };
    running = main(['web', '--port', '0', '--data-dir', join(dir, 'web')], io);
  });
  const url = await sawUrl;
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  const opened = await fetch(url, { redirect: 'manual' });
  assert.equal(opened.status, 303);
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await fetch(new URL('/', url), { headers: { Cookie: cookie } });
  assert.equal(page.status, 200, 'the built renderer is served (npm run build first)');
  assert.match(await page.text(), /<heitu-app>/);
  stop();
  assert.equal(await running, 0);
  assert.match(printed, /serving .*web/);
});

test('a library written by a newer version is a clear error, not a crash', async () => {
  const dataDir = join(dir, 'future');
  assert.equal((await run(['status', '--data-dir', dataDir])).code, 0);
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const db = new BetterSqlite3(join(dataDir, 'heitu.sqlite3'));
  db.pragma('user_version = 9990');
  db.close();
  const res = await run(['status', '--data-dir', dataDir]);
  assert.equal(res.code, 1);
  assert.match(res.err, /newer version of Heitu Reader/);
});

test('on a Node older than 22.12 the command prints one line and exits 1', () => {
  // Pretend to be Node 20 the way the real one would look to our entry script.
  const pretend = join(dir, 'pretend-node20.cjs');
  writeFileSync(
    pretend,
    "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });\n",
  );
  const res = spawnSync(
    process.execPath,
    ['--require', pretend, join(root, 'bin', 'heitu.cjs'), '--help'],
    { encoding: 'utf8' },
  );
  assert.equal(res.status, 1);
  assert.equal(res.stdout, '');
  const lines = res.stderr.trim().split('\n');
  assert.equal(lines.length, 1, res.stderr);
  assert.match(lines[0] ?? '', /needs Node\.js 22\.12 or newer, but this is Node 20\.20\.2/);
});

test('library commands: list, show, search, read, bookmark, export and import, counts, check', async () => {
  const { NewsService } = await import('../core/news-service.ts');
  const dataDir = join(dir, 'library');
  const service = NewsService.open({ dataDir, appVersion: 'test' });
  const now = Date.now();
  const { ids } = service.storeArticles([
    {
      url: 'https://jl.example.cn/20261126/a1.html',
      title: '長春冰雪新天地開園',
      summary: '冰雪季開始了',
      text: '長春冰雪新天地今天開園。',
      contentHtml: '<p>長春冰雪新天地今天開園。</p>',
      sourceName: '吉林日報',
      editor: '田東艷',
      responsibleEditor: '劉徵宇',
      originalTitle: '冰雪新天地開園',
      publishedAt: now - 60_000,
      fetchedAt: now,
      script: 'hant',
      regions: ['changchun'],
    },
  ]);
  service.close();
  const id = `a${ids[0]}`;
  const d = ['--data-dir', dataDir];

  assert.match(
    (await run(['list', '--region', 'changchun', ...d])).out,
    /長春冰雪新天地開園 {2}\(吉林日報\)/,
  );
  const shown = (await run(['show', id, ...d])).out;
  assert.match(shown, /來源:吉林日報 {2}\| {2}編輯:田東艷 {2}\| {2}責編:劉徵宇/);
  assert.match(shown, /原題:冰雪新天地開園/);
  assert.match((await run(['search', '长春冰雪', ...d])).out, /【長春冰雪】/);
  assert.deepEqual(JSON.parse((await run(['read', id, '--json', ...d])).out), { changed: 1 });
  assert.match((await run(['bookmark', id, ...d])).out, /bookmarked/);
  const file = join(dir, 'bookmarks.json');
  assert.equal((await run(['export', 'bookmarks', '-o', file, ...d])).code, 0);
  const imported = await run([
    'import',
    'bookmarks',
    file,
    '--json',
    '--data-dir',
    join(dir, 'other'),
  ]);
  assert.deepEqual(JSON.parse(imported.out), { added: 1, updated: 0, total: 1 });
  assert.match(
    (await run(['bookmarks', '--data-dir', join(dir, 'other')])).out,
    /^b1 .*長春冰雪新天地開園/m,
  );
  const counts = JSON.parse((await run(['counts', '--json', ...d])).out) as {
    region: string;
    unread: number;
    total: number;
  }[];
  assert.deepEqual(
    counts.find((c) => c.region === 'changchun'),
    { region: 'changchun', unread: 0, total: 1 },
  );
  assert.deepEqual(
    counts.find((c) => c.region === 'bookmarks'),
    { region: 'bookmarks', unread: 0, total: 1 },
  );
  assert.equal((await run(['check', ...d])).code, 0);

  // --script: the same article in each script; the published text with original.
  assert.match(
    (await run(['list', '--script', 'cn', ...d])).out,
    /长春冰雪新天地开园 {2}\(吉林日报\)/,
  );
  assert.match(
    (await run(['show', id, '--script', 'cn', ...d])).out,
    /来源:吉林日报 {2}\| {2}编辑:田东艳/,
  );
  assert.match((await run(['search', '冰雪', '--script', 'hk', ...d])).out, /長春【冰雪】/);
  assert.match((await run(['list', '--script', 'original', ...d])).out, /長春冰雪新天地開園/);
  const badScript = await run(['list', '--script', 'klingon', ...d]);
  assert.equal(badScript.code, 2);
  assert.match(badScript.err, /--script takes one of original, cn, tw, twp, hk/);

  const bad = await run(['show', 'nope', ...d]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /not an article id/);
  writeFileSync(join(dir, 'bad.json'), '{"format":"heitu-bookmarks"');
  const badImport = await run(['import', 'bookmarks', join(dir, 'bad.json'), ...d]);
  assert.equal(badImport.code, 2);
  assert.match(badImport.err, /cannot read/);
});

test('sources: add, list, disable, remove, OPML out and in, with --json', async (t) => {
  const site = await startFixtureSite({ articlesPerRegion: 2 });
  t.after(() => site.close());
  const d = ['--data-dir', join(dir, 'sources')];
  const url = `${site.origin}/feeds/rss2.xml`;
  const add = await run([
    'sources',
    'add',
    url,
    '--title',
    '延邊',
    '--region',
    'yanbian',
    '--json',
    ...d,
  ]);
  assert.equal(add.code, 0, add.err);
  const result = JSON.parse(add.out) as {
    outcome: string;
    items: number;
    source: { id: string; origin: string; title: string; region: string };
  };
  assert.deepEqual([result.outcome, result.items], ['added', 8]);
  const added = result.source;
  assert.match(added.id, /^user:/);
  assert.deepEqual([added.origin, added.title, added.region], ['user', '延邊', 'yanbian']);

  const duplicate = await run(['sources', 'add', url, ...d]);
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.err, /already a source/);
  const badRegion = await run([
    'sources',
    'add',
    'https://x.example/',
    '--region',
    'beijing',
    ...d,
  ]);
  assert.equal(badRegion.code, 2);
  assert.match(badRegion.err, /region/);

  const disabled = await run(['sources', 'disable', 'cri-jilin-yanbian', '--json', ...d]);
  assert.equal((JSON.parse(disabled.out) as { enabled: boolean }).enabled, false);
  const listed = await run(['sources', ...d]);
  assert.match(
    listed.out,
    /^cri-jilin-yanbian +portal +\(builtin, disabled\) +never synced {2}吉林頻道 · 延邊$/m,
  );
  assert.ok(listed.out.trimEnd().endsWith(`(user)             never synced  延邊`), listed.out);
  const refused = await run(['sources', 'remove', 'cri-jilin-yanbian', ...d]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /can be disabled but not removed/);

  const file = join(dir, 'sources.opml');
  const exported = await run(['sources', 'export-opml', file, '--json', ...d]);
  assert.deepEqual(JSON.parse(exported.out), { file });
  const other = ['--data-dir', join(dir, 'sources-other')];
  const imported = await run(['sources', 'import-opml', file, '--json', ...other]);
  const report = JSON.parse(imported.out) as OpmlImportResult & { sync: SyncSummary };
  assert.deepEqual([report.added, report.existing, report.invalid, report.total], [1, 0, 0, 1]);
  assert.deepEqual([report.sync.total, report.sync.done], [1, 1], 'the new feed is synced');
  const again = await run(['sources', 'import-opml', file, ...other]);
  assert.equal(again.out, '0 feeds added, 1 already there, 0 invalid (1 in the file)\n');

  assert.deepEqual(JSON.parse((await run(['sources', 'remove', added.id, '--json', ...d])).out), {
    removed: true,
  });
  writeFileSync(join(dir, 'bad.opml'), '<opml><body><outline');
  const bad = await run(['sources', 'import-opml', join(dir, 'bad.opml'), ...d]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /not an OPML file/);
  const missing = await run(['sources', 'import-opml', join(dir, 'nope.opml'), ...d]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read/);
  const unknown = await run(['sources', 'frob', ...d]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown action "frob"/);
});

test('--script uses the reader’s own dictionary from settings', async () => {
  const { NewsService } = await import('../core/news-service.ts');
  const dataDir = join(dir, 'dictionary');
  const service = NewsService.open({ dataDir, appVersion: 'test' });
  const now = Date.now();
  service.storeArticles([
    {
      url: 'https://jl.example.cn/20261126/d1.html',
      title: '长春发布冰雪季消息',
      text: '长春发布冰雪季消息。',
      publishedAt: now - 60_000,
      fetchedAt: now,
      script: 'hans',
      regions: ['changchun'],
    },
  ]);
  service.close();
  const d = ['--data-dir', dataDir];
  // OpenCC writes 發佈; this reader wants 發布 in 繁體 (only), and 雪季 everywhere.
  assert.match((await run(['list', '--script', 'tw', ...d])).out, /長春發佈冰雪季消息/);
  const set = await run([
    'settings',
    'set',
    'userDictionary=[{"from":" 发布 ","to":"發布","mode":"tw"},{"from":"冰雪季","to":"雪季"}]',
    '--json',
    ...d,
  ]);
  assert.equal(set.code, 0, set.err);
  assert.deepEqual((JSON.parse(set.out) as { userDictionary: unknown }).userDictionary, [
    { from: '发布', to: '發布', mode: 'tw' },
    { from: '冰雪季', to: '雪季' },
  ]);
  assert.match((await run(['list', '--script', 'tw', ...d])).out, /長春發布雪季消息/);
  assert.match((await run(['list', '--script', 'hk', ...d])).out, /長春發佈雪季消息/);
  // Without --script: the reader's chosen script, with the same dictionary.
  await run(['settings', 'set', 'script=tw', 'scriptChosen=true', ...d]);
  assert.match((await run(['list', ...d])).out, /長春發布雪季消息/);
  const bad = await run(['settings', 'set', 'userDictionary=[{"from":"","to":"x"}]', ...d]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /userDictionary/);
});
