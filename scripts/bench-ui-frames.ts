/**
 * Was an interaction answered in the first frame after its input? A one-shot capture-phase
 * listener for the input (it runs before the app's handlers) requests an animation frame and,
 * from it, one more; the app's `heitu:<what>-frame` mark (renderer/src/shell/perf.ts, made in
 * the rAF of the frame that shows the change) must fall between the two. Used by toggle_warm_ms
 * (keydown) and by tab_switch and open_article (click), with the trace's main-thread work
 * (bench-ui-trace.ts): together they say "one frame per interaction".
 */
import type { Page } from 'playwright-core';
import { BenchError } from './bench-ui-support.ts';

export interface FrameProbe {
  /** The timestamp of the rAF requested from the input: when the first frame after it began. */
  first: number;
  /** performance.now() in that rAF callback. */
  firstRan: number;
  /** performance.now() in the rAF requested from that one (in the second frame after the input). */
  secondRan: number;
}

/**
 * Installs the probe for the next `input` event on window; it records in window.__heituFrames
 * when its frames began (the rAF timestamp: the frame's begin time, shared by every callback of
 * the frame) and when they ran.
 */
export async function probeNextFrame(page: Page, input: 'keydown' | 'click'): Promise<void> {
  await page.evaluate((type) => {
    const probe: FrameProbe = { first: NaN, firstRan: NaN, secondRan: NaN };
    Reflect.set(window, '__heituFrames', probe);
    window.addEventListener(
      type,
      () => {
        requestAnimationFrame((first) => {
          probe.firstRan = performance.now();
          requestAnimationFrame(() => (probe.secondRan = performance.now()));
          probe.first = first;
        });
      },
      { capture: true, once: true },
    );
  }, input);
}

/** Waits until the probe's second frame has run; the probe's record. */
export async function readProbe(page: Page, action: string): Promise<FrameProbe> {
  await page
    .waitForFunction(
      () => !Number.isNaN((Reflect.get(window, '__heituFrames') as FrameProbe).secondRan),
      undefined,
      { timeout: 5000, polling: 10 },
    )
    .catch(() => {
      throw new BenchError(`no animation frame ran twice after ${action}`);
    });
  return page.evaluate(() => Reflect.get(window, '__heituFrames') as FrameProbe);
}

/**
 * rAF callbacks run in the order they were requested: the app's, if requested before the first
 * frame began, runs in it right after the probe's, so before the probe's second one (requested
 * during the first frame); if requested later, in the second frame after the input or later.
 */
export const inFirstFrame = (frameMark: number, probe: FrameProbe): boolean =>
  frameMark >= probe.firstRan && frameMark < probe.secondRan;

/** After an input probed by probeNextFrame: whether `heitu:<what>-frame` fell in its first frame. */
export async function answeredInFirstFrame(
  page: Page,
  what: 'tab' | 'open',
  action: string,
): Promise<boolean> {
  const probe = await readProbe(page, action);
  const frame = await page.evaluate(
    (w) => performance.getEntriesByName(`heitu:${w}-frame`).at(-1)?.startTime ?? NaN,
    what,
  );
  if (Number.isNaN(frame)) throw new BenchError(`no heitu:${what}-frame mark after ${action}`);
  return inFirstFrame(frame, probe);
}
