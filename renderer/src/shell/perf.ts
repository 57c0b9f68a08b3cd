/**
 * Performance marks for `npm run bench:ui`: `heitu:<what>-start` when the reader acts and
 * `heitu:<what>-painted` once the result has been painted (the frame after the DOM update).
 */
export type PerfMark = 'list' | 'tab' | 'open' | 'script';

export function markStart(what: PerfMark): void {
  performance.mark(`heitu:${what}-start`);
}

/**
 * Marks `heitu:<what>-painted` after the next frame has been painted, and on the way
 * `heitu:<what>-updated` (the DOM is up to date) and `heitu:<what>-frame` (the frame that paints
 * it begins), so a benchmark can tell script, waiting for the frame and rendering apart.
 */
export function markPainted(what: PerfMark): void {
  performance.mark(`heitu:${what}-updated`);
  requestAnimationFrame(() => {
    performance.mark(`heitu:${what}-frame`);
    // rAF callbacks run before the frame's paint; a task queued from one runs after it.
    setTimeout(() => performance.mark(`heitu:${what}-painted`), 0);
  });
}

/** Resolves once the next frame has been painted (a task queued from its rAF runs after it). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Resolves in the browser's next idle period (work ahead of the reader, never in a frame). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    requestIdleCallback(() => {
      resolve();
    });
  });
}
