import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeNewer, withFlags } from './merge.ts';

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
