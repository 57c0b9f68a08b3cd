import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortcutFor, stepIndex } from '../../../../renderer/src/shell/keyboard.ts';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

test('letters map to the documented actions', () => {
  assert.deepEqual(press('j'), { kind: 'move', by: 1 });
  assert.deepEqual(press('k'), { kind: 'move', by: -1 });
  assert.deepEqual(press('o'), { kind: 'open' });
  assert.deepEqual(press('Enter'), { kind: 'open' });
  assert.deepEqual(press('s'), { kind: 'bookmark' });
  assert.deepEqual(press('m'), { kind: 'toggleRead' });
  assert.deepEqual(press('r'), { kind: 'sync' });
  assert.deepEqual(press('/'), { kind: 'search' });
  assert.deepEqual(press('t'), { kind: 'cycleScript' });
  assert.deepEqual(press('?'), { kind: 'help' });
});

test('digits pick tabs: 1 is the first, 0 the tenth', () => {
  assert.deepEqual(press('1'), { kind: 'tab', index: 0 });
  assert.deepEqual(press('9'), { kind: 'tab', index: 8 });
  assert.deepEqual(press('0'), { kind: 'tab', index: 9 });
});

test('modified keys and other keys are left to the browser', () => {
  assert.equal(press('r', { ctrlKey: true }), null);
  assert.equal(press('j', { metaKey: true }), null);
  assert.equal(press('1', { altKey: true }), null);
  assert.equal(press('x'), null);
  assert.equal(press('J'), null);
  assert.equal(press('Tab'), null);
});

test('stepping clamps at both ends and starts from an edge', () => {
  assert.equal(stepIndex(-1, 1, 5), 0);
  assert.equal(stepIndex(-1, -1, 5), 4);
  assert.equal(stepIndex(4, 1, 5), 4);
  assert.equal(stepIndex(0, -1, 5), 0);
  assert.equal(stepIndex(2, 1, 5), 3);
  assert.equal(stepIndex(0, 1, 0), -1);
});

test('the triage keys (issue 18) map to their actions', () => {
  assert.deepEqual(press(' '), { kind: 'page' });
  assert.deepEqual(press('n'), { kind: 'nextUnread' });
  assert.deepEqual(press('v'), { kind: 'openOriginal' });
  assert.deepEqual(press('c'), { kind: 'copyLink' });
  assert.deepEqual(press('A'), { kind: 'markTabRead' });
  assert.equal(press('a'), null, 'Shift+A only: a plain a does nothing');
  assert.deepEqual(press('u'), { kind: 'unreadOnly' });
  assert.deepEqual(press(']'), { kind: 'stepTab', by: 1 });
  assert.deepEqual(press('['), { kind: 'stepTab', by: -1 });
  assert.equal(press('v', { ctrlKey: true }), null, 'Ctrl+V stays paste');
  assert.equal(press('c', { metaKey: true }), null, 'Cmd+C stays copy');
});
