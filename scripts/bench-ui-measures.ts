/**
 * The measures of scripts/bench-ui.ts on one loaded page, in this order: tab_switch, open_article
 * and scroll_list (toggle_warm_ms, on a page of its own, is in bench-ui-toggle.ts). `n` is the
 * number of seeded articles, for the JSON lines.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import {
  BenchError,
  emit,
  measure,
  openTitle,
  round,
  stats,
  tab,
  waitForListbox,
} from './bench-ui-support.ts';
import { REGIONS } from '../app/shared/regions.ts';

/** The tabs in order, by the label their accessible name starts with (原文, zh-TW UI). */
const TABS = REGIONS.map((region) => region.labelHant);

export async function tabSwitch(page: Page, n: number): Promise<void> {
  const samples: number[] = [];
  const byTab = new Map<string, number[]>();
  // Starts on 全部 (lastRegion): 長春 … 收藏, then 全部; twice.
  const order = [...TABS.slice(1), ...TABS.slice(0, 1)];
  for (let pass = 0; pass < 2; pass += 1)
    for (const label of order) {
      const ms = await measure(
        page,
        'tab',
        () => tab(page, label).click(),
        `clicking tab ${label}`,
      );
      samples.push(ms);
      byTab.set(label, [...(byTab.get(label) ?? []), ms]);
      await sleep(150);
    }
  const slowest = [...byTab].sort((a, b) => Math.max(...b[1]) - Math.max(...a[1]))[0];
  emit({
    name: 'tab_switch',
    n,
    switches: samples.length,
    ...stats(samples),
    max_ms: round(Math.max(...samples)),
    slowest_tab: slowest?.[0],
    // Issue 17: one frame, at the median (from the click to the frame painted).
    target_ms: 16,
    met: stats(samples).median_ms <= 16,
  });
}

export async function openArticles(page: Page, n: number): Promise<void> {
  const list = await waitForListbox(page);
  const options = list.getByRole('option');
  const clicked = new Set<string>();
  const samples: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    let index = -1;
    for (let attempt = 0; attempt < 20 && index < 0; attempt += 1) {
      const texts = await options.evaluateAll((els) => els.map((el) => el.textContent.trim()));
      index = texts.findIndex((text) => !clicked.has(text));
      if (index < 0) {
        await list.hover();
        await page.mouse.wheel(0, 400);
        await sleep(200);
      } else clicked.add(texts[index] ?? '');
    }
    if (index < 0) throw new BenchError(`only ${clicked.size} different options to open`);
    const option = options.nth(index);
    samples.push(await measure(page, 'open', () => option.click(), `clicking option ${index}`));
    if (i === 0) await openTitle(page);
    await sleep(150);
  }
  emit({
    name: 'open_article',
    n,
    opened: samples.length,
    ...stats(samples),
    max_ms: round(Math.max(...samples)),
    // Issue 17: one frame, at the median (from the click to the frame painted).
    target_ms: 16,
    met: stats(samples).median_ms <= 16,
  });
}

interface ScrollResult {
  error: string;
  rowPx: number;
  rows: number;
  frames: number;
  durationMs: number;
  stalledMs: number;
  reachedEnd: boolean;
  intervals: number[];
  longTasks: number[];
}

export async function scrollList(page: Page, n: number): Promise<void> {
  const list = await waitForListbox(page);
  const rows = 5000;
  const seconds = 5;
  const result: ScrollResult = await list.evaluate(
    async (el, { rows, seconds }) => {
      const out: ScrollResult = {
        error: '',
        rowPx: 0,
        rows: 0,
        frames: 0,
        durationMs: 0,
        stalledMs: 0,
        reachedEnd: false,
        intervals: [],
        longTasks: [],
      };
      // The scroll container: the listbox or its nearest scrollable ancestor (across shadow roots).
      let node: Element | null = el;
      let scroller: HTMLElement | null = null;
      while (node !== null) {
        if (node instanceof HTMLElement && /auto|scroll/.test(getComputedStyle(node).overflowY)) {
          scroller = node;
          break;
        }
        const rootNode = node.getRootNode();
        node = node.parentElement ?? (rootNode instanceof ShadowRoot ? rootNode.host : null);
      }
      if (scroller === null) {
        out.error = 'the listbox has no scrollable container (overflow-y auto/scroll)';
        return out;
      }
      const option = el.querySelector('[role="option"]');
      out.rowPx = option?.getBoundingClientRect().height ?? 0;
      if (out.rowPx <= 0) {
        out.error = 'the listbox has no option with a height';
        return out;
      }
      const longTasks: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((entries) => {
        longTasks.push(...entries.getEntries());
      });
      observer.observe({ type: 'longtask' });
      const target = rows * out.rowPx;
      const speed = target / (seconds * 1000); // px per ms
      const from = scroller.scrollTop;
      const box = scroller;
      const t0 = performance.now();
      let lastMove = t0;
      let movingFrames = 0;
      let stalled = 0; // at the bottom, waiting for the next page of rows
      await new Promise<void>((resolve) => {
        let last = t0;
        const step = (now: number): void => {
          out.frames += 1;
          const dt = now - last;
          out.intervals.push(dt);
          last = now;
          const before = box.scrollTop;
          const max = box.scrollHeight - box.clientHeight;
          const want = Math.min(before + speed * dt, from + target);
          box.scrollTop = Math.min(want, max);
          if (box.scrollTop > before + 0.5) {
            out.stalledMs += stalled;
            stalled = 0;
            lastMove = now;
            movingFrames = out.frames;
          } else if (want > max + 0.5) stalled += dt;
          // Done: far enough, or nothing moved for 3 s (the end of the list).
          if (box.scrollTop - from >= target - 1 || now - lastMove > 3000) resolve();
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      out.reachedEnd = box.scrollTop - from < target - 1;
      out.frames = movingFrames;
      out.intervals = out.intervals.slice(1, movingFrames);
      out.durationMs = lastMove - t0;
      out.rows = Math.round((box.scrollTop - from) / out.rowPx);
      await new Promise((resolve) => setTimeout(resolve, 300));
      longTasks.push(...observer.takeRecords());
      out.longTasks = longTasks
        .filter((e) => e.startTime >= t0 && e.startTime <= lastMove)
        .map((e) => e.duration);
      observer.disconnect();
      return out;
    },
    { rows, seconds },
  );
  if (result.error !== '') throw new BenchError(`scroll_list: ${result.error}`);
  const intervals = result.intervals;
  emit({
    name: 'scroll_list',
    n,
    // median_ms / p95_ms: the intervals between frames while scrolling.
    ...stats(intervals),
    rows_scrolled: result.rows,
    row_px: round(result.rowPx),
    duration_ms: round(result.durationMs),
    frames: result.frames,
    fps: result.durationMs > 0 ? round((result.frames / result.durationMs) * 1000) : 0,
    max_frame_ms: round(Math.max(0, ...intervals)),
    stalled_ms: round(result.stalledMs),
    reached_end_of_list: result.reachedEnd,
    long_tasks: result.longTasks.length,
    max_long_task_ms: round(Math.max(0, ...result.longTasks)),
    target_ms: 50,
    met: result.longTasks.every((d) => d <= 50),
  });
}
