/**
 * npm run bench:ui -- [--articles 100000] [--keep]
 *
 * UI speed in browser mode. Seeds N synthetic articles (as bench:store does: 150 days, 10 regions,
 * 40 sources) into a temporary library, script mode 原文, starts `heitu web --no-sync` on it and
 * drives Debian's Chromium (1280×800, zh-TW). Times come from the renderer's performance marks
 * (renderer/src/perf.ts): `heitu:<what>-start` → `heitu:<what>-painted`. Prints one JSON line per
 * measure with median_ms / p95_ms, the target and whether it is met.
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  chromium,
  errors,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { NewsService } from '../app/core/news-service.ts';
import { corpus } from '../test/support/corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.articles);
if (!Number.isInteger(N) || N < 100)
  fail(`--articles must be an integer ≥ 100 (got ${values.articles})`);
const BATCH = 1000;
const MARK_TIMEOUT_MS = 30_000;
/** The tabs in order, by the label their accessible name starts with (原文, zh-TW UI). */
const TABS = [
  '全部',
  '長春',
  '江城',
  '四平',
  '遼源',
  '通化',
  '白城',
  '白山',
  '松原',
  '延邊',
  '長白山保護開發區',
  '收藏',
] as const;
/** The order `t` cycles through, from 原文. */
const MODES = ['原文', '简体', '繁體', '臺灣', '香港'] as const;
const CHROMIUM_FLAGS = [
  '--no-sandbox', // as in playwright.config.ts: root, local pages only
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-ui-'));
let server: ChildProcessByStdio<null, Readable, Readable> | null = null;
let browser: Browser | null = null;

class BenchError extends Error {}

function fail(message: string): never {
  process.stderr.write(`bench-ui: ${message}\n`);
  process.exit(1);
}

const log = (message: string): void => {
  process.stderr.write(`bench-ui: ${message}\n`);
};
const round = (x: number): number => Math.round(x * 10) / 10;
function stats(samples: readonly number[]): { median_ms: number; p95_ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median_ms: round(at(0.5)), p95_ms: round(at(0.95)) };
}
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

// ---- Seed -----------------------------------------------------------------------------------------

interface Newest {
  readonly title: string;
  readonly chars: number;
  readonly publishedAt: number;
}

/** Seeds the library; returns the 50 newest articles (the first page of 全部). */
async function seed(): Promise<Newest[]> {
  // Like bench:store, but ending now: the server prunes by the real clock.
  const now = Date.now();
  const c = corpus({ newest: now, spanDays: 150, seed: 7 });
  const service = NewsService.open({ dataDir: dir, appVersion: 'bench', now: () => now });
  try {
    for (const id of c.sourceIds)
      service.sources.save({ id, type: 'feed', url: `https://example.cn/${id}.xml` });
    const published: { index: number; at: number }[] = [];
    const t0 = performance.now();
    for (let start = 0; start < N; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, N - start) }, (_, i) =>
        c.article(start + i),
      );
      rows.forEach((a, i) => published.push({ index: start + i, at: a.publishedAt }));
      service.storeArticles(rows);
    }
    const seconds = (performance.now() - t0) / 1000;
    log(`seeded ${N} articles in ${seconds.toFixed(1)} s (${Math.round(N / seconds)}/s)`);
    await service.setSettings({ script: 'original', scriptChosen: true, lastRegion: 'all' });
    published.sort((a, b) => b.at - a.at);
    return published.slice(0, 50).map(({ index }) => {
      const a = c.article(index);
      return { title: a.title, chars: a.text.length, publishedAt: a.publishedAt };
    });
  } finally {
    service.close();
  }
}

// ---- Server and browser ---------------------------------------------------------------------------

function buildIfMissing(): void {
  const built = ['dist/cli/cli.mjs', 'dist/renderer/app.js', 'dist/renderer/index.html'].every(
    (f) => existsSync(join(root, f)),
  );
  if (built) return;
  log('dist/ is missing: building');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new BenchError('the build failed (node scripts/build.mjs)');
}

async function startServer(): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'heitu.cjs'), 'web', '--port', '0', '--no-sync', '--data-dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEITU_LOG: 'warn' } },
  );
  server = child;
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new BenchError(`heitu web printed no URL within 30 s:\n${output}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      server = null;
      reject(new BenchError(`heitu web exited with ${code}:\n${output}`));
    });
  });
}

let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch(() => undefined);
  const child = server;
  if (child !== null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (values.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

// ---- Marks ----------------------------------------------------------------------------------------

type What = 'tab' | 'open' | 'script';

/** Waits until more than `after` entries named `name` exist. */
async function waitMark(page: Page, name: string, after: number, action: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([n, c]) => performance.getEntriesByName(n).length > c,
      [name, after] as const,
      { timeout: MARK_TIMEOUT_MS, polling: 10 },
    );
  } catch (error) {
    if (error instanceof errors.TimeoutError)
      throw new BenchError(`the mark ${name} never appeared within 30 s after ${action}`);
    throw error;
  }
}

/** Runs `act` and returns heitu:<what>-start → heitu:<what>-painted of the pair it caused (ms). */
async function measure(
  page: Page,
  what: What,
  act: () => Promise<void>,
  action: string,
): Promise<number> {
  const [starts, painted] = await page.evaluate(
    (w) => [
      performance.getEntriesByName(`heitu:${w}-start`).length,
      performance.getEntriesByName(`heitu:${w}-painted`).length,
    ],
    what,
  );
  await act();
  await waitMark(page, `heitu:${what}-painted`, painted, action);
  const result = await page.evaluate(
    ([w, before]) => {
      const start = performance.getEntriesByName(`heitu:${w}-start`);
      const end = performance.getEntriesByName(`heitu:${w}-painted`).at(-1);
      const last = start.at(-1);
      if (start.length <= before || last === undefined || end === undefined) return null;
      return end.startTime - last.startTime;
    },
    [what, starts] as const,
  );
  if (result === null)
    throw new BenchError(
      `heitu:${what}-painted appeared after ${action} but heitu:${what}-start did not`,
    );
  if (result < 0)
    throw new BenchError(`heitu:${what}-painted came before heitu:${what}-start after ${action}`);
  return result;
}

/** A fresh page at the app, once the first list has been painted; returns that mark's time. */
async function load(
  context: BrowserContext,
  url: string,
  before?: (page: Page) => Promise<void>,
): Promise<{ page: Page; listPainted: number }> {
  const page = await context.newPage();
  if (before !== undefined) await before(page);
  await page.goto(url);
  await waitMark(page, 'heitu:list-painted', 0, 'loading the page');
  const listPainted = await page.evaluate(
    () => performance.getEntriesByName('heitu:list-painted')[0]?.startTime ?? -1,
  );
  return { page, listPainted };
}

function listbox(page: Page): Locator {
  return page.getByRole('listbox').first();
}

async function waitForListbox(page: Page): Promise<Locator> {
  const list = listbox(page);
  try {
    await list.getByRole('option').first().waitFor({ timeout: MARK_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof errors.TimeoutError)
      throw new BenchError(
        'no role=listbox with role=option rows appeared within 30 s (is the article list integrated?)',
      );
    throw error;
  }
  return list;
}

const tab = (page: Page, label: string): Locator =>
  page.getByRole('tab', { name: new RegExp(`^${label}`) });

/** The level-1 heading of the open article; fails when there is none. */
async function openTitle(page: Page): Promise<string> {
  const heading = await page
    .getByRole('article')
    .getByRole('heading', { level: 1 })
    .first()
    .textContent({ timeout: 5000 })
    .catch(() => null);
  if (heading === null || heading.trim() === '')
    throw new BenchError(
      'the reading pane shows no article with a level-1 heading after opening one',
    );
  return heading.trim();
}

async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return round(usedSize / 1024 / 1024);
  } finally {
    await cdp.detach();
  }
}

// ---- Measures -------------------------------------------------------------------------------------

async function firstListPainted(context: BrowserContext, url: string): Promise<void> {
  const samples: number[] = [];
  const contentLoaded: number[] = [];
  let coldLoad = 0;
  for (let i = 0; i < 6; i += 1) {
    const { page, listPainted } = await load(context, url);
    // For reading the number: the app's script has run (module scripts run before this event).
    const dcl = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return nav instanceof PerformanceNavigationTiming ? nav.domContentLoadedEventEnd : -1;
    });
    if (i > 0) contentLoaded.push(dcl);
    if (i === 0) {
      await waitForListbox(page);
      coldLoad = listPainted; // the server's first queries: SQLite's page cache still cold
    } else samples.push(listPainted);
    await page.close();
  }
  emit({
    name: 'first_list_painted',
    n: N,
    loads: samples.length,
    ...stats(samples),
    first_load_ms: round(coldLoad),
    dom_content_loaded_median_ms: stats(contentLoaded).median_ms,
    target_ms: 500,
    met: stats(samples).p95_ms <= 500,
  });
}

interface ColdLog {
  idle: number[];
  clickedAt: number;
  wasChecked: string | null;
  error: string;
}

/**
 * Clicks the 繁體 radio in the same task that sets heitu:list-painted, before any idle callback
 * can run, and records when idle callbacks ran (the converters are warmed in one).
 */
function coldClickHook(): void {
  const record: ColdLog = { idle: [], clickedAt: -1, wasChecked: null, error: '' };
  Reflect.set(window, '__heituCold', record);
  const idle = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (callback, options) =>
    idle((deadline) => {
      record.idle.push(performance.now());
      callback(deadline);
    }, options);
  const find = (node: Document | ShadowRoot): HTMLElement | null => {
    for (const el of node.querySelectorAll('*')) {
      if (
        el instanceof HTMLElement &&
        el.getAttribute('role') === 'radio' &&
        el.textContent.trim() === '繁體'
      )
        return el;
      if (el.shadowRoot !== null) {
        const found = find(el.shadowRoot);
        if (found !== null) return found;
      }
    }
    return null;
  };
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions): PerformanceMark => {
    const entry = mark(name, options);
    if (name === 'heitu:list-painted') {
      const radio = find(document);
      if (radio === null) record.error = 'no role=radio named 繁體 when heitu:list-painted was set';
      else {
        record.wasChecked = radio.getAttribute('aria-checked');
        record.clickedAt = performance.now();
        radio.click();
      }
    }
    return entry;
  };
}

async function toggleCold(context: BrowserContext, url: string): Promise<void> {
  const samples: number[] = [];
  const delays: number[] = [];
  const idleBefore: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { page } = await load(context, url, async (p) => {
      await p.addInitScript(coldClickHook);
    });
    await waitMark(page, 'heitu:script-painted', 0, 'clicking 繁體 right after the first list');
    const result = await page.evaluate(() => {
      const record = Reflect.get(window, '__heituCold') as ColdLog;
      const at = (name: string): number => performance.getEntriesByName(name)[0]?.startTime ?? -1;
      return {
        record,
        start: at('heitu:script-start'),
        painted: at('heitu:script-painted'),
        list: at('heitu:list-painted'),
      };
    });
    if (result.record.error !== '') throw new BenchError(result.record.error);
    if (result.record.wasChecked === 'true')
      throw new BenchError('繁體 was already the script mode at load (the reset to 原文 failed)');
    if (result.start < 0) throw new BenchError('clicking 繁體 set no heitu:script-start mark');
    samples.push(result.painted - result.start);
    delays.push(round(result.start - result.list));
    idleBefore.push(result.record.idle.filter((t) => t < result.record.clickedAt).length);
    // Back to 原文 for the next load (the choice is saved).
    await sleep(300);
    await measure(
      page,
      'script',
      () => page.getByRole('radio', { name: '原文', exact: true }).click(),
      'clicking 原文',
    );
    await sleep(700);
    await page.close();
  }
  emit({
    name: 'toggle_cold_ms',
    n: N,
    loads: samples.length,
    ...stats(samples),
    samples_ms: samples.map(round),
    click_after_list_painted_ms: delays,
    idle_callbacks_before_click: idleBefore,
    target_ms: 300,
    met: stats(samples).p95_ms <= 300,
  });
}

async function tabSwitch(page: Page): Promise<void> {
  const samples: number[] = [];
  const byTab = new Map<string, number[]>();
  // Starts on 全部 (lastRegion): 長春 … 收藏, then 全部; twice.
  const order = [...TABS.slice(1), TABS[0]];
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
    n: N,
    switches: samples.length,
    ...stats(samples),
    max_ms: round(Math.max(...samples)),
    slowest_tab: slowest?.[0],
    target_ms: 50,
    met: stats(samples).p95_ms <= 50,
  });
}

async function openArticles(page: Page): Promise<void> {
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
    n: N,
    opened: samples.length,
    ...stats(samples),
    max_ms: round(Math.max(...samples)),
    target_ms: 50,
    met: stats(samples).p95_ms <= 50,
  });
}

async function toggleWarm(page: Page, newest: readonly Newest[]): Promise<void> {
  const list = await waitForListbox(page);
  const options = list.getByRole('option');
  // The longest of the first page's articles, if it is rendered; else the first option.
  const longest = [...newest].sort((a, b) => b.chars - a.chars)[0];
  const texts = await options.evaluateAll((els) => els.map((el) => el.textContent));
  let index = longest === undefined ? -1 : texts.findIndex((t) => t.includes(longest.title));
  const chars = index >= 0 ? longest?.chars : undefined;
  if (index < 0) index = 0;
  await measure(page, 'open', () => options.nth(index).click(), 'opening a long article');
  const rendered = await options.count();
  await sleep(2000); // idle time: the converters are warmed after load
  const samples: number[] = [];
  const byMode = new Map<string, number[]>();
  for (let i = 1; i <= MODES.length * 4; i += 1) {
    const mode = MODES[i % MODES.length] ?? '原文';
    const ms = await measure(
      page,
      'script',
      () => page.keyboard.press('t'),
      `pressing t (→ ${mode})`,
    );
    samples.push(ms);
    byMode.set(mode, [...(byMode.get(mode) ?? []), ms]);
    const checked = await page
      .getByRole('radio', { name: mode, exact: true })
      .getAttribute('aria-checked');
    if (checked !== 'true') throw new BenchError(`pressing t did not check the ${mode} radio`);
    await sleep(150);
  }
  emit({
    name: 'toggle_warm_ms',
    n: N,
    toggles: samples.length,
    ...stats(samples),
    by_mode_median_ms: Object.fromEntries([...byMode].map(([m, s]) => [m, stats(s).median_ms])),
    rendered_options: rendered,
    open_article_chars: chars ?? null,
    target_ms: 16,
    met: stats(samples).p95_ms <= 16,
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

async function scrollList(page: Page): Promise<void> {
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
    n: N,
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

async function heapAfterOpens(context: BrowserContext, url: string): Promise<void> {
  const { page } = await load(context, url);
  const list = await waitForListbox(page);
  const before = await heapMb(context, page);
  const samples: number[] = [];
  const first = list.getByRole('option').first();
  samples.push(await measure(page, 'open', () => first.click(), 'clicking the first option'));
  const firstTitle = await openTitle(page);
  for (let i = 1; i < 1000; i += 1) {
    const ms = await measure(
      page,
      'open',
      async () => {
        await page.keyboard.press('j');
        await page.keyboard.press('o');
      },
      `pressing j then o (article ${i + 1})`,
    );
    samples.push(ms);
    if ((i + 1) % 200 === 0) log(`opened ${i + 1} articles`);
  }
  const last = await openTitle(page);
  if (last === firstTitle)
    throw new BenchError('pressing j then o 999 times opened no other article');
  const after = await heapMb(context, page);
  emit({
    name: 'heap_after_1000_articles',
    n: N,
    opened: samples.length,
    // median_ms / p95_ms: open-start → open-painted of the 1,000 opens (j, o).
    ...stats(samples),
    heap_mb: after,
    heap_mb_before: before,
    target_mb: 80,
    met: after <= 80,
  });
  await page.close();
}

// ---- Main -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  buildIfMissing();
  const newest = await seed();
  const url = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.HEITU_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-TW',
  });
  log('first_list_painted');
  await firstListPainted(context, url);
  log('toggle_cold_ms');
  await toggleCold(context, url);
  log('tab_switch, open_article, toggle_warm_ms, scroll_list');
  const { page } = await load(context, url);
  await waitForListbox(page);
  await tabSwitch(page);
  await openArticles(page);
  await toggleWarm(page, newest);
  await scrollList(page);
  await page.close();
  log('heap_after_1000_articles');
  await heapAfterOpens(context, url);
}

process.once('SIGINT', () => {
  void cleanup().finally(() => process.exit(130));
});
try {
  await main();
} catch (error) {
  await cleanup();
  fail(error instanceof BenchError ? error.message : ((error as Error).stack ?? String(error)));
}
await cleanup();
