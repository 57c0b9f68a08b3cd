import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from './window-state.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-window-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

test('size, position and maximised state are remembered across runs', () => {
  saveWindowState(dir, { bounds: { x: 1500, y: 40, width: 1300, height: 900 }, maximized: true });
  const state = loadWindowState(dir);
  assert.deepEqual(state, {
    bounds: { x: 1500, y: 40, width: 1300, height: 900 },
    maximized: true,
  });
  assert.deepEqual(readdirSync(dir), ['window-state.json'], 'no temporary file is left behind');
  assert.deepEqual(fitToDisplays(state, [laptop, external]), state);
});

test('a window on a monitor that is gone comes back centred on one that is there', () => {
  const state = { bounds: { x: 1500, y: 40, width: 1300, height: 900 }, maximized: false };
  assert.deepEqual(fitToDisplays(state, [laptop]), {
    bounds: { width: 1300, height: 875 },
    maximized: false,
  });
});

test('a window larger than every display shrinks; a tiny one grows to the minimum', () => {
  assert.deepEqual(
    fitToDisplays({ bounds: { width: 9000, height: 9000 }, maximized: false }, [laptop]).bounds,
    {
      width: 1440,
      height: 875,
    },
  );
  assert.deepEqual(
    fitToDisplays({ bounds: { width: 10, height: 10 }, maximized: false }, [laptop]).bounds,
    {
      width: 480,
      height: 360,
    },
  );
});

test('a missing or damaged state file means the default window', () => {
  assert.deepEqual(loadWindowState(join(dir, 'nowhere')), DEFAULT_WINDOW_STATE);
  writeFileSync(join(dir, 'window-state.json'), '{"bounds": {"width": "wide"');
  assert.deepEqual(loadWindowState(dir), DEFAULT_WINDOW_STATE);
  assert.deepEqual(parseWindowState('{"bounds":{"width":800,"height":600,"x":"left"}}'), {
    bounds: { width: 800, height: 600 },
    maximized: false,
  });
});
