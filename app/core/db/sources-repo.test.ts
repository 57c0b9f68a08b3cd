import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from './database.ts';
import { sourcesRepo } from './sources-repo.ts';

test('a source keeps its sync state across saves, but not validators from another URL', () => {
  const db = openDatabase(':memory:');
  const sources = sourcesRepo(db);
  sources.save({
    id: 'cc',
    type: 'portal',
    url: 'https://a.example/cc/',
    profile: 'cri-jilin',
    region: 'changchun',
  });
  sources.recordSuccess('cc', {
    etag: '"v1"',
    lastModified: 'Fri, 20 Nov 2026 00:00:00 GMT',
    at: 1,
    nextDueAt: 2,
  });
  sources.save({
    id: 'cc',
    type: 'portal',
    url: 'https://a.example/cc/',
    profile: 'cri-jilin',
    region: 'changchun',
  });
  assert.equal(sources.get('cc')?.etag, '"v1"', 'the same definition keeps its ETag');
  sources.save({
    id: 'cc',
    type: 'portal',
    url: 'https://b.example/cc/',
    profile: 'cri-jilin',
    region: 'changchun',
  });
  const moved = sources.get('cc');
  assert.equal(moved?.url, 'https://b.example/cc/');
  assert.equal(moved.etag, null, 'a new URL must not be asked with the old server’s validators');
  assert.equal(moved.lastModified, null);
  assert.equal(moved.lastSuccessAt, 1);
  sources.recordError('cc', { message: 'The server answered 500', at: 3, nextDueAt: 4 });
  assert.deepEqual(
    [sources.get('cc')?.lastError, sources.get('cc')?.errorCount],
    ['The server answered 500', 1],
  );
  db.close();
});
