import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BADGE_LABELS, badgeDescription, badgeFile, badgeLabel } from './badge.ts';

test('the overlay shows 1 to 9, then 9+; none for nothing unread or a count that is not one', () => {
  assert.equal(badgeLabel(0), null);
  assert.equal(badgeLabel(-3), null);
  assert.equal(badgeLabel(Number.NaN), null);
  assert.equal(badgeLabel(Number.POSITIVE_INFINITY), null);
  assert.deepEqual(
    [1, 2, 9].map((n) => badgeLabel(n)),
    ['1', '2', '9'],
  );
  assert.equal(badgeLabel(10), '9+');
  assert.equal(badgeLabel(12_345), '9+');
  for (const label of BADGE_LABELS) assert.ok(badgeFile(label).endsWith('.png'));
  assert.equal(badgeFile('9+'), 'badge-9plus.png');
  assert.equal(badgeFile('3', 2), 'badge-3@2x.png');
});

test('the overlay tells a screen reader the exact number, in the UI language and the reader’s script', () => {
  assert.equal(badgeDescription(1, 'en', 'original'), '1 unread article');
  assert.equal(badgeDescription(1234, 'en', 'tw'), '1234 unread articles');
  assert.equal(badgeDescription(12, 'zh-Hant', 'original'), '12 篇未讀文章');
  // A 繁體中文 UI read in 简体 is worded in Simplified, as the window is; and the other way round.
  assert.equal(badgeDescription(12, 'zh-Hant', 'cn'), '12 篇未读文章');
  assert.equal(badgeDescription(12, 'zh-Hans', 'hk'), '12 篇未讀文章');
});
