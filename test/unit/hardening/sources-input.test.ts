/** Bad sources input gets a clear error at the door, with the exit code the docs promise. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../../app/cli/cli.ts';
import { NewsService } from '../../../app/core/news-service.ts';
import { loadSourcesFile } from '../../../app/core/sync/sources-file.ts';
import { NewsApiError } from '../../../app/shared/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-sources-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function heitu(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main([...argv, '--data-dir', join(dir, 'lib')], {
    out: () => undefined,
    err: (t) => (err += `${t}\n`),
    env: {},
  });
  return { code, err };
}

function sourcesFile(name: string, sources: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ sources }));
  return file;
}

test('heitu sync --sources with an invalid file exits 2, as docs/sources-format.md says', async () => {
  const bad = sourcesFile('bad.json', [{ id: 'x', type: 'feed', url: 'ftp://a.example/' }]);
  const run = await heitu('sync', '--sources', bad);
  assert.equal(run.code, 2, run.err);
  assert.match(run.err, /not valid/);
  const missing = await heitu('sync', '--sources', join(dir, 'missing.json'));
  assert.equal(missing.code, 2, missing.err);
});

test('a portal source with a profile the app does not know fails the file check', () => {
  const file = sourcesFile('profile.json', [
    { id: 'p', type: 'portal', profile: 'no-such-site', url: 'https://a.example/' },
  ]);
  assert.throws(
    () => loadSourcesFile(file),
    (e: unknown) =>
      e instanceof NewsApiError &&
      e.code === 'BAD_ARGUMENT' &&
      e.message.includes('no-such-site') &&
      e.message.includes('cri-jilin'),
  );
});

test('an OPML file nested 100 deep or more gets an error that says so', async () => {
  const service = NewsService.inMemory();
  try {
    for (const depth of [100, 10_000]) {
      const text = `<?xml version="1.0"?><opml version="2.0"><head/><body>${'<outline text="x">'.repeat(depth)}<outline text="f" type="rss" xmlUrl="https://a.example/f.xml"/>${'</outline>'.repeat(depth)}</body></opml>`;
      await assert.rejects(
        service.importOpml(text),
        (e: unknown) =>
          e instanceof NewsApiError &&
          e.code === 'BAD_ARGUMENT' &&
          e.message.includes('nest') &&
          e.message.includes('Nothing was imported'),
      );
    }
    // 99 levels of folders still read (what the parser takes).
    const ok = `<?xml version="1.0"?><opml version="2.0"><head/><body>${'<outline text="x">'.repeat(99)}<outline text="f" type="rss" xmlUrl="https://a.example/f.xml"/>${'</outline>'.repeat(99)}</body></opml>`;
    assert.equal((await service.importOpml(ok)).added, 1);
  } finally {
    service.close();
  }
});
