import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  mergeFresh,
  mergeNewer,
  mergeUnreadOnly,
  withFlags,
} from '../../../../renderer/src/reader/merge.ts';
import { isOpenableUrl } from '../../../../renderer/src/reader/triage-controller.ts';

const row = (id: string, flags: { unread?: boolean; bookmarked?: boolean } = {}) => ({
  id,
  unread: flags.unread ?? true,
  bookmarked: flags.bookmarked ?? false,
});

test('newer rows go on top and the loaded rows keep their order and identity', () => {
  const loaded = [row('a3'), row('a2'), row('a1')];
  const fresh = [row('a5'), row('a4'), row('a3'), row('a2')];
  const merged = mergeNewer(loaded, fresh);
  assert.deepEqual(
    merged.items.map((r) => r.id),
    ['a5', 'a4', 'a3', 'a2', 'a1'],
  );
  assert.equal(merged.replaced, false);
  assert.equal(merged.items[4], loaded[2]);
});

test('flags of loaded rows take the fresh values', () => {
  const loaded = [row('a2'), row('a1')];
  const merged = mergeNewer(loaded, [row('a2', { unread: false, bookmarked: true }), row('a1')]);
  assert.deepEqual(merged.items[0], row('a2', { unread: false, bookmarked: true }));
  assert.equal(merged.items[1], loaded[1]);
});

test('nothing new and nothing changed keeps the very same array', () => {
  const loaded = [row('a2'), row('a1')];
  assert.equal(mergeNewer(loaded, [row('a2'), row('a1')]).items, loaded);
});

test('a fresh page that does not reach the loaded rows replaces them', () => {
  const merged = mergeNewer([row('a1')], [row('a9'), row('a8')]);
  assert.deepEqual(
    merged.items.map((r) => r.id),
    ['a9', 'a8'],
  );
  assert.equal(merged.replaced, true);
  assert.equal(mergeNewer([], [row('a1')]).replaced, true);
});

test('withFlags changes one row and leaves the array alone for an unknown id', () => {
  const rows = [row('a2'), row('a1')];
  const next = withFlags(rows, 'a1', { bookmarked: true });
  assert.equal(next[1]?.bookmarked, true);
  assert.equal(next[0], rows[0]);
  assert.equal(rows[1]?.bookmarked, false);
  assert.equal(withFlags(rows, 'a7', { unread: false }), rows);
});

const dated = (id: string, minute: number, flags: { unread?: boolean } = {}) => ({
  ...row(id, flags),
  publishedAt: `2026-11-20T${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`,
});

test('mergeFresh puts synced rows in their place, newer on top and older among the rest', () => {
  const loaded = [
    dated('a9', 50),
    dated('a7', 40),
    dated('a5', 30),
    dated('a3', 20),
    dated('a1', 10),
  ];
  // A page of four: one newer row, one that slots between a7 and a5.
  const fresh = [dated('a10', 55), dated('a9', 50), dated('a7', 40), dated('a6', 35)];
  const merged = mergeFresh(loaded, fresh, false);
  assert.deepEqual(
    merged.items.map((r) => r.id),
    ['a10', 'a9', 'a7', 'a6', 'a5', 'a3', 'a1'],
  );
  assert.equal(merged.extendsPastFresh, true);
  // Unchanged rows keep their identity.
  assert.equal(merged.items[1], loaded[0]);
  assert.equal(merged.items[4], loaded[2]);
});

test('mergeFresh drops rows gone from the span the fresh page covers, and takes new flags', () => {
  const loaded = [dated('a9', 50), dated('a8', 45), dated('a7', 40), dated('a1', 10)];
  const fresh = [dated('a9', 50, { unread: false }), dated('a7', 40)];
  const merged = mergeFresh(loaded, fresh, false);
  assert.deepEqual(
    merged.items.map((r) => r.id),
    ['a9', 'a7', 'a1'],
  );
  assert.equal(merged.items[0]?.unread, false);
  assert.equal(merged.items[1], loaded[2]);
});

test('mergeFresh with the whole tab in the page is that page; nothing new keeps the same array', () => {
  const loaded = [dated('a2', 20), dated('a1', 10)];
  assert.deepEqual(
    mergeFresh(loaded, [dated('a3', 30), dated('a2', 20)], true).items.map((r) => r.id),
    ['a3', 'a2'],
  );
  assert.equal(mergeFresh(loaded, [dated('a2', 20)], false).items, loaded);
  assert.equal(mergeFresh([], [dated('a1', 10)], true).extendsPastFresh, false);
});

test('an unread-only tab keeps the rows read since in place, and takes new unread ones by date', () => {
  const dated = (id: string, at: string, unread = true) => ({
    ...row(id, { unread }),
    publishedAt: `2026-12-01T0${at}:00:00.000Z`,
  });
  const loaded = [dated('a4', '4'), dated('a3', '3'), dated('a1', '1')];
  // a3 was read; a5 and a2 arrived; a1 is older than the fresh page: nothing is known of it.
  const fresh = [dated('a5', '5'), dated('a4', '4'), dated('a2', '2')];
  const merged = mergeUnreadOnly(loaded, fresh, false);
  assert.deepEqual(
    merged.map((r) => [r.id, r.unread]),
    [
      ['a5', true],
      ['a4', true],
      ['a3', false],
      ['a2', true],
      ['a1', true],
    ],
  );
  assert.equal(merged[1], loaded[0], 'unchanged rows keep their identity');
  // Complete: a row missing from the whole tab's page has been read.
  assert.deepEqual(
    mergeUnreadOnly(loaded, [dated('a4', '4')], true).map((r) => r.unread),
    [true, false, false],
  );
  assert.equal(mergeUnreadOnly(loaded, loaded, true), loaded, 'nothing changed: the same list');
});

test('only http(s) addresses with a host and no credentials leave for the browser', () => {
  assert.equal(isOpenableUrl('https://news.cri.cn/20190530/abc.html'), true);
  assert.equal(isOpenableUrl('http://jl.cri.cn/'), true);
  for (const url of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,x',
    'https://user:pw@example.org/',
    'app://heitu/index.html',
    'not a url',
  ])
    assert.equal(isOpenableUrl(url), false, url);
});
