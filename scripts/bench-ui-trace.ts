/**
 * The main-thread work of each interaction (a script switch in toggle_warm_ms, a tab switch, an
 * article opened), read from a Chromium trace of the page: the time the renderer's main thread is
 * busy from the app's heitu:<what>-start mark until the end of the task that runs the frame
 * showing it (the task holding heitu:<what>-frame, the app's rAF: style, layout, paint,
 * layerizing and commit). Waiting for that frame, or for the library's answer, is not work.
 *
 * The page's own marks bound it less exactly: heitu:script-painted is a timer task queued from
 * that rAF, and Chromium sometimes runs it a frame later, with the main thread idle in between
 * (traces show gaps of up to ~15 ms). Those gaps are not work; a trace tells them apart.
 */
import type { CDPSession, Page } from 'playwright-core';
import { BenchError } from './bench-ui-support.ts';

/** The fields of a Chrome trace event that are read here. */
interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly id2?: { readonly local?: string };
  readonly args?: { readonly event_latency?: { readonly event_type?: string } };
}

/** Tasks (what the DevTools performance panel shows as tasks) and the app's marks. */
const CATEGORIES = [
  'toplevel',
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'blink.user_timing',
  // EventLatency: from the key press to the frame presented (compositor, raster and display).
  'input',
];
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export class PageTrace {
  readonly #cdp: CDPSession;
  readonly #events: TraceEvent[] = [];

  private constructor(cdp: CDPSession) {
    this.#cdp = cdp;
    cdp.on('Tracing.dataCollected', ({ value }) => {
      // The protocol types events as string maps; Chromium sends numbers for ts, dur, pid, tid.
      this.#events.push(...(value as unknown as TraceEvent[]));
    });
  }

  static async start(page: Page): Promise<PageTrace> {
    const cdp = await page.context().newCDPSession(page);
    const trace = new PageTrace(cdp);
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' },
    });
    return trace;
  }

  /** Ends the trace; resolves with its events. */
  async stop(): Promise<readonly TraceEvent[]> {
    const complete = new Promise<void>((resolve) =>
      this.#cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await this.#cdp.send('Tracing.end');
    await complete;
    await this.#cdp.detach();
    return this.#events;
  }
}

/** Total length of the union of `intervals`, each clipped to [from, to]. */
function busy(intervals: readonly (readonly [number, number])[], from: number, to: number) {
  const clipped = intervals
    .map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * Per interaction (in order), the main thread's busy time in ms from heitu:<what>-start to the end
 * of the task holding heitu:<what>-frame. Throws unless there is exactly one of each mark per
 * interaction.
 */
export function frameWork(
  events: readonly TraceEvent[],
  what: 'script' | 'tab' | 'open',
  count: number,
): number[] {
  const marks = (name: string) =>
    events.filter((e) => e.cat.includes('blink.user_timing') && e.name === name);
  const starts = marks(`heitu:${what}-start`);
  const frames = marks(`heitu:${what}-frame`);
  if (starts.length !== count || frames.length !== count)
    throw new BenchError(
      `the trace holds ${starts.length} heitu:${what}-start and ${frames.length} ` +
        `heitu:${what}-frame marks for ${count} interactions`,
    );
  const main = starts[0];
  if (main === undefined) return [];
  const tasks = events
    .filter(
      (e) => e.ph === 'X' && TASKS.has(e.name) && e.pid === main.pid && e.tid === main.tid && e.dur,
    )
    .map((e): [number, number] => [e.ts, e.ts + (e.dur ?? 0)]);
  return starts.map((start, i) => {
    const frame = frames[i];
    if (frame === undefined || frame.ts < start.ts)
      throw new BenchError(`${what} ${i + 1}: its frame mark comes before its start`);
    const task = tasks.find(([a, b]) => a <= frame.ts && frame.ts <= b);
    if (task === undefined)
      throw new BenchError(`${what} ${i + 1}: no task in the trace holds its frame`);
    return busy(tasks, start.ts, task[1]) / 1000;
  });
}

/**
 * Per key press (in order), the time from the input to the presentation of the frame that
 * answered it, from Chromium's EventLatency: the main thread's frame, then raster, compositing
 * and display, here in software (headless Chromium without a GPU).
 */
export function keyPresentations(events: readonly TraceEvent[]): number[] {
  const latencies = events
    .filter((e) => e.name === 'EventLatency' && (e.ph === 'b' || e.ph === 'e'))
    .sort((a, b) => a.ts - b.ts);
  const open = new Map<string, TraceEvent>();
  const out: number[] = [];
  for (const e of latencies) {
    const id = e.id2?.local ?? '';
    if (e.ph === 'b') {
      open.set(id, e);
      continue;
    }
    const begin = open.get(id);
    open.delete(id);
    if (begin?.args?.event_latency?.event_type === 'KEY_PRESSED')
      out.push((e.ts - begin.ts) / 1000);
  }
  return out;
}
