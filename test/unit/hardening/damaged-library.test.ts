/**
 * A library whose article pages (or search index file) are damaged, while the bookmarks, settings
 * and schema are intact, never locks the reader out: whichever command finds the damage names the
 * way out, the next start repairs it as the background check's damage is repaired, and `status`,
 * `bookmarks` and `web` keep working throughout.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main, type CliIo } from '../../../app/cli/cli.ts';
import { DATABASE_FILE } from '../../../app/core/data-dir.ts';
import { damageArticlePages, libraryWithBookmarks, quiet } from '../../support/damaged-library.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-lockout-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function heitu(dataDir: string, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: { LANG: 'C.UTF-8' },
    untilStopped: () => Promise.resolve(),
  };
  const restore = quiet();
  try {
    const code = await main([...argv, '--data-dir', dataDir], io);
    return { code, out, err };
  } finally {
    restore();
  }
}

function assertHelpful(run: Run, what: string): void {
  assert.doesNotMatch(run.err, /Something went wrong inside the app/, what);
  assert.doesNotMatch(run.err, /\n\s+at /, `${what}: no stack trace`);
}

async function damagedLibrary(name: string): Promise<string> {
  const dataDir = await libraryWithBookmarks(join(dir, name));
  damageArticlePages(join(dataDir, DATABASE_FILE));
  return dataDir;
}

test('damage that list, show, counts or search find is named, marked for repair and repaired at the next start', async () => {
  const dataDir = await damagedLibrary('found-by-list');
  const list = await heitu(dataDir, 'list', '--limit', '100');
  assertHelpful(list, 'list');
  assert.match(list.err, /library file is damaged/);
  assert.match(list.err, /heitu check/);
  // The command goes the way a start after the background check goes: repaired, then run again.
  assert.match(list.err, /3 bookmarks were recovered/);
  assert.equal(list.code, 0, list.err);
  assert.ok(!existsSync(join(dataDir, `${DATABASE_FILE}.needs-repair`)), 'repaired');
  const status = await heitu(dataDir, 'status');
  assert.equal(status.code, 0, status.err);
  assert.equal(status.err, '', 'a healthy library says nothing');
  const marks = await heitu(dataDir, 'bookmarks', '--json');
  assert.equal(marks.code, 0, marks.err);
  assert.equal((JSON.parse(marks.out) as { items: unknown[] }).items.length, 3);
  assert.ok(readdirSync(dataDir).some((f) => f.startsWith(`${DATABASE_FILE}.damaged-`)));
});

test('search does not blame the search index for damage in the library', async () => {
  const dataDir = await damagedLibrary('found-by-search');
  const search = await heitu(dataDir, 'search', '長白山的雪', '--limit', '100');
  assertHelpful(search, 'search');
  assert.doesNotMatch(search.err, /search index is damaged/);
  assert.ok(!existsSync(join(dataDir, `${DATABASE_FILE}.search.damaged`)), 'index not blamed');
  for (const command of ['status', 'bookmarks', 'counts']) {
    const run = await heitu(dataDir, command);
    assert.equal(run.code, 0, `${command}: ${run.err}`);
    assertHelpful(run, command);
  }
  const web = await heitu(dataDir, 'web', '--no-sync');
  assert.equal(web.code, 0, web.err);
  assert.match(web.out, /Open http:\/\/127\.0\.0\.1:/);
});

test('a missing search index over damaged article pages does not lock the reader out', async () => {
  const dataDir = await damagedLibrary('missing-index');
  rmSync(join(dataDir, `${DATABASE_FILE}.search`), { force: true });
  for (const command of ['status', 'bookmarks', 'list']) {
    const run = await heitu(dataDir, command);
    assert.equal(run.code, 0, `${command}: ${run.err}`);
    assertHelpful(run, command);
    assert.doesNotMatch(run.err, /database disk image is malformed/, command);
  }
  const marks = await heitu(dataDir, 'bookmarks', '--json');
  assert.equal(marks.code, 0, marks.err);
  assert.equal((JSON.parse(marks.out) as { items: unknown[] }).items.length, 3);
  const web = await heitu(dataDir, 'web', '--no-sync');
  assert.equal(web.code, 0, web.err);
});
