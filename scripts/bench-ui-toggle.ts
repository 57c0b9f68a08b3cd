/**
 * toggle_warm_ms of scripts/bench-ui.ts under the conditions of issue 6: with the converters
 * ready, switching the script mode repaints the visible list (at least 50 titles and snippets)
 * and an open article of at least 5,000 characters within one frame (16 ms).
 *
 * It runs on its own page in a context with a tall viewport (TALL), so that 50 rows are on screen
 * at once, and opens the long article that the seed puts among the newest (longArticle). Both
 * conditions are measured from the DOM and the measure fails when they do not hold. The same
 * switches run again in the bench's ordinary 1280×800 window (WINDOW: toggle_warm_window_ms).
 *
 * Per switch: input-to-paint (heitu:script-start → heitu:script-painted, median_ms / p95_ms), the
 * work (script + style, layout and paint: input-to-paint minus waiting for the frame) and whether
 * the change was in the first frame after the key (a capture-phase keydown listener requests an
 * animation frame; the app's heitu:script-frame must fall in that frame, before the next one).
 * The wait is the idle time from heitu:script-updated until that frame began (its rAF timestamp),
 * not until heitu:script-frame: Chromium may run style and layout at the start of the frame,
 * before the rAF callbacks (a trace shows Document::UpdateStyleAndLayout under
 * WidgetBase::WillBeginMainFrame), and that is work.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { NewArticle } from '../app/core/db/articles-repo.ts';
import { corpus } from '../test/support/corpus.ts';
import {
  BenchError,
  emit,
  load,
  measure,
  openTitle,
  round,
  stats,
  waitForListbox,
  type Newest,
} from './bench-ui-support.ts';
import { inFirstFrame, probeNextFrame, readProbe } from './bench-ui-frames.ts';
import { frameWork, keyPresentations, PageTrace } from './bench-ui-trace.ts';

/** The order `t` cycles through, from 原文. */
const MODES = ['原文', '简体', '繁體', '臺灣', '香港'] as const;

/** Where a warm switch is measured: a window size, and how many rows must be on screen in it. */
export interface ToggleWindow {
  readonly name: string;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly minVisible: number;
}

/** Issue 6's conditions: tall enough for 50 rows of ~84 px below the header. */
export const TALL: ToggleWindow = {
  name: 'toggle_warm_ms',
  viewport: { width: 1280, height: 4600 },
  minVisible: 50,
};
/**
 * The same switches in the bench's ordinary window (1280×800, as every other measure): what a
 * reader at a desktop sees, with the rows on screen and the top of the same long article.
 */
export const WINDOW: ToggleWindow = {
  name: 'toggle_warm_window_ms',
  viewport: { width: 1280, height: 800 },
  minVisible: 5,
};
/** Body characters (whitespace aside) of the article open while switching. */
export const LONG_ARTICLE_CHARS = 5000;
const SENTENCES_PER_PARAGRAPH = 4;

/**
 * Article `index` of the bench's corpus (same seed: its title, place and script) with a body of
 * a little over LONG_ARTICLE_CHARS characters of the corpus's sentences, in paragraphs of four.
 */
export function longArticle(
  now: number,
  seed: number,
  index: number,
  publishedAt: number,
): NewArticle {
  const base = corpus({ newest: now, spanDays: 150, seed, bodySentences: [300, 300] }).article(
    index,
  );
  const sentences = base.text.split('\n');
  const paragraphs: string[] = [];
  let chars = 0;
  for (let i = 0; chars < LONG_ARTICLE_CHARS + 200 && i < sentences.length;) {
    const paragraph = sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join('');
    i += SENTENCES_PER_PARAGRAPH;
    paragraphs.push(paragraph);
    chars += paragraph.length;
  }
  if (chars < LONG_ARTICLE_CHARS)
    throw new BenchError(`the corpus gave only ${chars} characters for the long article`);
  return {
    ...base,
    summary: paragraphs[0] ?? '',
    contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    text: paragraphs.join('\n'),
    publishedAt,
  };
}

/** Options whose box is wholly inside both the viewport and the list's scroll container. */
async function visibleOptions(page: Page): Promise<number> {
  const list = await waitForListbox(page);
  return list.evaluate((el) => {
    let node: Element | null = el;
    let clip = { top: 0, bottom: window.innerHeight };
    while (node !== null) {
      if (node instanceof HTMLElement && /auto|scroll/.test(getComputedStyle(node).overflowY)) {
        const box = node.getBoundingClientRect();
        clip = { top: Math.max(0, box.top), bottom: Math.min(window.innerHeight, box.bottom) };
        break;
      }
      const rootNode = node.getRootNode();
      node = node.parentElement ?? (rootNode instanceof ShadowRoot ? rootNode.host : null);
    }
    return [...el.querySelectorAll('[role="option"]')].filter((option) => {
      const box = option.getBoundingClientRect();
      return box.height > 0 && box.top >= clip.top - 0.5 && box.bottom <= clip.bottom + 0.5;
    }).length;
  });
}

/**
 * The index among the rendered options of the row titled `title`, scrolling the list down a
 * screen at a time until it is rendered (the list renders the rows near its viewport); -1 if the
 * end comes first.
 */
async function scrollToRow(list: Locator, title: string): Promise<number> {
  const options = list.getByRole('option');
  for (let screens = 0; screens < 50; screens += 1) {
    const texts = await options.evaluateAll((els) => els.map((el) => el.textContent));
    const index = texts.findIndex((t) => t.includes(title));
    if (index >= 0) return index;
    const moved = await list.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight;
      return el.scrollTop !== before;
    });
    if (!moved) return -1;
    await sleep(100); // the rows of the new position are rendered in the next frame
  }
  return -1;
}

/** Characters of the reading pane's article body (its visible script layer), whitespace aside. */
async function bodyChars(page: Page): Promise<number> {
  const text = await page
    .locator('heitu-reading-pane #body > .layer:visible')
    .first()
    .textContent({ timeout: 5000 })
    .catch(() => null);
  return (text ?? '').replace(/\s+/g, '').length;
}

/** How many rendered rows hold more than one script layer, and how many the body holds. */
function scriptLayers(page: Page): Promise<{ rows: number; body: number }> {
  return page.evaluate(() => {
    const app = document.querySelector('heitu-app')?.shadowRoot;
    const rows = app
      ?.querySelector('heitu-article-list')
      ?.shadowRoot?.querySelectorAll('[role=option]');
    const body = app
      ?.querySelector('heitu-reading-pane')
      ?.shadowRoot?.querySelectorAll('#body > .layer');
    return {
      rows: [...(rows ?? [])].filter((row) => row.querySelectorAll('.layer').length > 1).length,
      body: body?.length ?? 0,
    };
  });
}

/** The app's heitu:font-warmup measures so far: callbacks, total and longest ms, lines. */
function fontWarmup(
  page: Page,
): Promise<{ callbacks: number; total_ms: number; max_ms: number; lines: number }> {
  return page.evaluate(() => {
    const runs = performance.getEntriesByName('heitu:font-warmup') as PerformanceMeasure[];
    const ms = runs.map((m) => m.duration);
    const tenths = (x: number): number => Math.round(x * 10) / 10;
    return {
      callbacks: runs.length,
      total_ms: tenths(ms.reduce((a, b) => a + b, 0)),
      max_ms: tenths(Math.max(0, ...ms)),
      lines: runs.reduce((n, m) => n + ((m.detail as { lines?: number } | null)?.lines ?? 0), 0),
    };
  });
}

interface Switch {
  /** heitu:script-start → heitu:script-updated. */
  script: number;
  /** Idle from the DOM update until the first frame after the key began (0 if it had begun). */
  wait: number;
  /** From then to heitu:script-painted: style, layout, paint (wherever in the frame they ran). */
  render: number;
  /** heitu:script-frame − the probe's first callback: ~0 in the same frame, a frame if not. */
  frameLag: number;
  nextFrame: boolean;
}

/** After a press: the phases from the app's marks and the probe's frames. */
async function readSwitch(page: Page, action: string): Promise<Switch | null> {
  const probe = await readProbe(page, action);
  const [start, updated, frame, painted] = await page.evaluate(() =>
    ['start', 'updated', 'frame', 'painted'].map(
      (name) => performance.getEntriesByName(`heitu:script-${name}`).at(-1)?.startTime ?? NaN,
    ),
  );
  if ([start, updated, frame, painted].some((t) => t === undefined || Number.isNaN(t))) return null;
  const [s, u, f, p] = [start, updated, frame, painted] as [number, number, number, number];
  // Style and layout may run when the frame begins, before its rAF callbacks (and so before
  // heitu:script-frame): the wait ends when the frame begins, not at heitu:script-frame.
  const begun = Math.max(u, probe.first);
  return {
    script: u - s,
    wait: begun - u,
    render: p - begun,
    frameLag: f - probe.firstRan,
    nextFrame: inFirstFrame(f, probe),
  };
}

export async function toggleWarm(
  context: BrowserContext,
  url: string,
  newest: readonly Newest[],
  n: number,
  where: ToggleWindow,
): Promise<void> {
  const { page } = await load(context, url);
  const list = await waitForListbox(page);
  const options = list.getByRole('option');
  const long = newest.find((a) => a.chars >= LONG_ARTICLE_CHARS);
  if (long === undefined)
    throw new BenchError(`no article of ${LONG_ARTICLE_CHARS}+ characters among the 50 newest`);
  const index = await scrollToRow(list, long.title);
  if (index < 0) throw new BenchError(`the long article "${long.title}" is not in the list`);
  await measure(page, 'open', () => options.nth(index).click(), 'opening the long article');
  if ((await openTitle(page)) !== long.title)
    throw new BenchError(`opening "${long.title}" showed another article`);
  const rendered = await options.count();
  const visible = await visibleOptions(page);
  const chars = await bodyChars(page);
  const { width, height } = where.viewport;
  if (visible < where.minVisible)
    throw new BenchError(
      `only ${visible} list options are visible at ${height} px (< ${where.minVisible})`,
    );
  if (chars < LONG_ARTICLE_CHARS)
    throw new BenchError(`the open article shows ${chars} characters (< ${LONG_ARTICLE_CHARS})`);
  await sleep(2000); // idle time: the converters are built, then every script's layers
  const layers = await scriptLayers(page);
  const warmup = await fontWarmup(page);
  const samples: number[] = [];
  const switches: Switch[] = [];
  /** The mode each switch went to. */
  const modes: string[] = [];
  const trace = await PageTrace.start(page);
  for (let i = 1; i <= MODES.length * 4; i += 1) {
    const mode = MODES[i % MODES.length] ?? '原文';
    const action = `pressing t (→ ${mode})`;
    await probeNextFrame(page, 'keydown');
    const ms = await measure(page, 'script', () => page.keyboard.press('t'), action);
    samples.push(ms);
    modes.push(mode);
    const phases = await readSwitch(page, action);
    if (phases === null) throw new BenchError(`a heitu:script-* mark is missing after ${action}`);
    switches.push(phases);
    const checked = await page
      .getByRole('radio', { name: mode, exact: true })
      .getAttribute('aria-checked');
    if (checked !== 'true') throw new BenchError(`pressing t did not check the ${mode} radio`);
    await sleep(150);
  }
  const events = await trace.stop();
  const work = frameWork(events, 'script', switches.length);
  const presented = keyPresentations(events);
  await page.close();
  const marksWork = switches.map((s) => s.script + s.render);
  const nextFrame = switches.filter((s) => s.nextFrame).length;
  const of = (pick: (s: Switch) => number): number => stats(switches.map(pick)).median_ms;
  /** The median of `values` (one per switch) for each mode switched to. */
  const medians = (values: readonly number[]): Record<string, number> =>
    Object.fromEntries(
      [...new Set(modes)].map((m) => [m, stats(values.filter((_, i) => modes[i] === m)).median_ms]),
    );
  emit({
    name: where.name,
    n,
    measure:
      'work = main-thread time from the keypress to the end of the frame that shows it, minus ' +
      'waiting for that frame, from a trace; the change must be in the first frame after the key',
    viewport: `${width}x${height}`,
    visible_options: visible,
    rendered_options: rendered,
    // Script layers made ahead in idle time (script-layers.ts): rows with more than one, and the
    // article body's (modes that read the same share one).
    rows_with_layers: layers.rows,
    body_layers: layers.body,
    // Idle time setting the UI's characters in every face ahead (font-warmup.ts), before the
    // switches: idle callbacks, their total and longest, and the lines they laid out.
    font_warmup: warmup,
    open_article_chars: chars,
    toggles: samples.length,
    // Input to paint (heitu:script-start → heitu:script-painted), waiting for the frame included.
    ...stats(samples),
    work_median_ms: stats(work).median_ms,
    work_p95_ms: stats(work).p95_ms,
    max_work_ms: round(Math.max(...work)),
    // Each switch's, in order (the first MODES.length show each script for the first time).
    work_each_ms: work.map((ms) => round(ms)),
    // The same from the page's marks alone (to heitu:script-painted, a timer task after the frame
    // that Chromium sometimes runs a frame later): an upper bound, as measured before the trace.
    marks_work_median_ms: stats(marksWork).median_ms,
    marks_work_p95_ms: stats(marksWork).p95_ms,
    // Key press to the frame on screen (EventLatency): raster and display included, in software.
    key_presses_traced: presented.length,
    input_to_presentation_median_ms: stats(presented).median_ms,
    input_to_presentation_p95_ms: stats(presented).p95_ms,
    next_frame_switches: nextFrame,
    by_mode_median_ms: medians(samples),
    work_by_mode_median_ms: medians(work),
    // Once every script has been shown (its texts converted) in the first round.
    steady: {
      ...stats(samples.slice(MODES.length)),
      work_median_ms: stats(work.slice(MODES.length)).median_ms,
      work_p95_ms: stats(work.slice(MODES.length)).p95_ms,
    },
    phases_median_ms: {
      script: of((s) => s.script),
      wait_for_frame: of((s) => s.wait),
      style_layout_paint: of((s) => s.render),
    },
    max_frame_lag_ms: round(Math.max(...switches.map((s) => s.frameLag))),
    target_ms: 16,
    met: stats(work).p95_ms <= 16 && nextFrame === switches.length,
  });
}
