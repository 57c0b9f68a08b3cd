import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BOOKMARK_FILE_MAX_BYTES,
  bookmarkFileName,
  bookmarkFileTooLarge,
  formatBookmarkFile,
  parseBookmarkFile,
  type BookmarkFile,
} from './bookmark-file.ts';

const file: BookmarkFile = {
  format: 'heitu-bookmarks',
  version: 1,
  exportedAt: '2026-11-20T01:00:00.000Z',
  bookmarks: [
    {
      url: 'https://example.com/a.html',
      title: '长春：新进展',
      publishedAt: '2026-11-19T23:00:00.000Z',
      bookmarkedAt: '2026-11-20T00:30:00.000Z',
      sourceName: '中国吉林网',
      summary: '',
      author: null,
      editor: null,
      responsibleEditor: null,
      originalTitle: null,
      copyright: null,
      script: 'hans',
      contentHtml: '<p>正文</p>',
    },
  ],
};

test('a written bookmark file parses back to the same bookmarks', () => {
  const text = formatBookmarkFile(file);
  assert.ok(text.endsWith('}\n'));
  assert.deepEqual(parseBookmarkFile(text), { ok: true, file });
});

test('a file that is not JSON, or not a bookmark file, says which and where', () => {
  const broken = parseBookmarkFile('{"format":"heitu-bookmarks"');
  assert.equal(broken.ok ? 'ok' : broken.problem.kind, 'notJson');
  const wrong = parseBookmarkFile(
    JSON.stringify({ ...file, bookmarks: [{ ...file.bookmarks[0], url: 'ftp://x' }] }),
  );
  assert.equal(wrong.ok ? 'ok' : wrong.problem.kind, 'notBookmarkFile');
  assert.match(wrong.ok ? '' : wrong.problem.detail, /^bookmarks\.0\.url: /);
  const other = parseBookmarkFile('{"format":"something-else"}');
  assert.match(other.ok ? '' : other.problem.detail, /^format: /);
});

test('a bookmark file’s fault is named by where it is, for the reader’s own words', () => {
  const fault = (value: unknown) => {
    const parsed = parseBookmarkFile(JSON.stringify(value));
    return parsed.ok || parsed.problem.kind !== 'notBookmarkFile' ? null : parsed.problem.fault;
  };
  assert.deepEqual(fault({ format: 'something-else' }), { where: 'format' });
  assert.deepEqual(fault([1, 2]), { where: 'format' });
  assert.deepEqual(fault({ feeds: [] }), { where: 'format' });
  assert.deepEqual(fault({ ...file, version: 2 }), { where: 'version' });
  assert.deepEqual(fault({ ...file, exportedAt: 'yesterday' }), {
    where: 'file',
    field: 'exportedAt',
  });
  assert.deepEqual(
    fault({ ...file, bookmarks: [file.bookmarks[0], { ...file.bookmarks[0], url: 'ftp://x' }] }),
    { where: 'bookmark', index: 1, field: 'url' },
  );
});

test('one size cap: a file past it is refused before it is read', () => {
  assert.equal(bookmarkFileTooLarge(BOOKMARK_FILE_MAX_BYTES), null);
  assert.equal(bookmarkFileTooLarge(BOOKMARK_FILE_MAX_BYTES + 1)?.kind, 'tooLarge');
});

test('an export is named after the local day', () => {
  assert.equal(bookmarkFileName(new Date(2026, 0, 5, 23, 59)), 'heitu-bookmarks-2026-01-05.json');
});
