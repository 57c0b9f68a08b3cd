import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noticeText, readNotice, type LibraryNotice } from './notices.ts';

const NOTICES: readonly LibraryNotice[] = [
  { kind: 'restarted' },
  { kind: 'damaged' },
  { kind: 'repair-resumed' },
  { kind: 'index-rebuilt' },
  { kind: 'empty-file', kept: '/home/讀者/.config/heitu/library.db.damaged-2026-12-06' },
  { kind: 'repaired', kept: '/data/library.db.damaged-1', restored: 0 },
  { kind: 'repaired', kept: '/data/library.db.damaged-1', restored: 1 },
  { kind: 'repaired', kept: 'C:\\Users\\a b\\library.db.damaged-2', restored: 42 },
];

test('every notice the library says is read back as what it says', () => {
  for (const notice of NOTICES) {
    const text = noticeText(notice);
    assert.match(text, /^[A-Z].*\.$/);
    assert.deepEqual(readNotice(text), notice, text);
  }
});

test('a notice this version does not know is not mistaken for one it knows', () => {
  assert.equal(readNotice('Something else happened.'), null);
  assert.equal(readNotice(`${noticeText({ kind: 'damaged' })} And more.`), null);
});
