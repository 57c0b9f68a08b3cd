/**
 * Ctrl-C stops `heitu sync` cleanly: the built CLI as a child process gets SIGINT while one source
 * hangs on a server that never answers; it prints its summary, exits 130, and keeps the source it
 * had stored, in a sound library. Run `node scripts/build.mjs` first (bin/heitu.cjs loads dist/cli).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { bin, env } from '../../support/heitu-cli.ts';
import { rssWithImages, startFeedServer, startTarpit } from '../../support/hostile-servers.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-interrupt-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('heitu sync stops on Ctrl-C, keeping what was stored', async () => {
  const tarpit = await startTarpit();
  const feeds = await startFeedServer({ '/plain.xml': rssWithImages('plain', 5, 0, '') });
  try {
    const sources = join(dir, 'sources.json');
    const feed = (id: string, url: string): object => ({
      id,
      type: 'feed',
      url,
      region: 'changchun',
    });
    writeFileSync(
      sources,
      JSON.stringify({
        sources: [
          feed('plain', `${feeds.origin}/plain.xml`),
          feed('hangs', `${tarpit.origin}/feed.xml`),
        ],
      }),
    );
    const dataDir = join(dir, 'lib');
    const child = spawn(
      process.execPath,
      [bin, 'sync', '--sources', sources, '--data-dir', dataDir],
      {
        env,
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const stored = new Promise<void>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (c: string) => {
        err += c;
        if (err.includes('sources, 5 new articles')) resolve();
      });
    });
    await stored;
    child.kill('SIGINT');
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 130, `${out}\n${err}`);
    assert.match(err, /stopping; what was stored is kept/);
    assert.match(out, /1 of 2 sources synced: 5 new/);
    assert.match(out, /stopped before it finished/);
    assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
    const db = new Database(join(dataDir, 'heitu.sqlite3'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 5);
    } finally {
      db.close();
    }
  } finally {
    await feeds.close();
    await tarpit.close();
  }
});
