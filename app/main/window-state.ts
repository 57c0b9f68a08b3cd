import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Partial<Rect> & Pick<Rect, 'width' | 'height'>;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  bounds: { width: 1200, height: 800 },
  maximized: false,
};

const MIN_WIDTH = 480;
const MIN_HEIGHT = 360;
const FILE = 'window-state.json';

/**
 * Makes a remembered window fit the displays there are now: a window whose saved position is on
 * a monitor that has gone is re-centred by dropping x/y; a size larger than every display shrinks.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const maxWidth = Math.max(MIN_WIDTH, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_HEIGHT, ...workAreas.map((a) => a.height));
  const width = clamp(state.bounds.width, MIN_WIDTH, maxWidth);
  const height = clamp(state.bounds.height, MIN_HEIGHT, maxHeight);
  const { x, y } = state.bounds;
  if (x === undefined || y === undefined)
    return { bounds: { width, height }, maximized: state.maximized };
  // Visible enough means a 100×50 piece of the title bar lies on some display.
  const visible = workAreas.some(
    (a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 50,
  );
  return visible
    ? { bounds: { x, y, width, height }, maximized: state.maximized }
    : { bounds: { width, height }, maximized: state.maximized };
}

export function parseWindowState(text: string): WindowState {
  try {
    const raw = JSON.parse(text) as { bounds?: Record<string, unknown>; maximized?: unknown };
    const num = (v: unknown): number | undefined =>
      typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined;
    const b = raw.bounds ?? {};
    const width = num(b.width);
    const height = num(b.height);
    if (width === undefined || height === undefined) return DEFAULT_WINDOW_STATE;
    const x = num(b.x);
    const y = num(b.y);
    return {
      bounds: x !== undefined && y !== undefined ? { x, y, width, height } : { width, height },
      maximized: raw.maximized === true,
    };
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function loadWindowState(dir: string): WindowState {
  try {
    return parseWindowState(readFileSync(join(dir, FILE), 'utf8'));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function saveWindowState(dir: string, state: WindowState): void {
  const target = join(dir, FILE);
  writeFileSync(`${target}.tmp`, JSON.stringify(state));
  renameSync(`${target}.tmp`, target);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
