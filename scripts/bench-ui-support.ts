/**
 * Helpers for scripts/bench-ui.ts: output (log, emit, stats) and reading the renderer's
 * performance marks (renderer/src/shell/perf.ts) from a page.
 */
import { errors, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { round, stats } from './bench-stats.ts';

export { round, stats };

export const MARK_TIMEOUT_MS = 30_000;

/** A failure the bench reports as one line, without a stack. */
export class BenchError extends Error {}

/** One of the 50 newest articles (the first page of 全部). */
export interface Newest {
  readonly title: string;
  readonly chars: number;
  readonly publishedAt: number;
}

export const log = (message: string): void => {
  process.stderr.write(`bench-ui: ${message}\n`);
};
let build: string | null = null;
/** Tags the lines emitted from now on with the build they measure (`--base`: base or new). */
export const setBuild = (name: string | null): void => {
  build = name;
};
export const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(build === null ? line : { build, ...line })}\n`);
};

// ---- Marks ----------------------------------------------------------------------------------------

type What = 'tab' | 'open' | 'script';

/** Waits until more than `after` entries named `name` exist. */
export async function waitMark(
  page: Page,
  name: string,
  after: number,
  action: string,
): Promise<void> {
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

/**
 * Runs `act` and returns the time from the input that caused heitu:<what>-start (the timeStamp
 * of the last click or keydown before that mark: what the reader waits from) to the
 * heitu:<what>-painted of the pair (ms). Without such an input (none recorded), from the mark.
 */
export async function measure(
  page: Page,
  what: What,
  act: () => Promise<void>,
  action: string,
): Promise<number> {
  const [starts, painted] = await page.evaluate((w) => {
    if (!Reflect.has(window, '__heituInputs')) {
      const inputs: number[] = [];
      Reflect.set(window, '__heituInputs', inputs);
      const record = (event: Event): void => {
        inputs.push(event.timeStamp);
      };
      // Capture on window: before the app's own handlers, whatever they do with the event.
      window.addEventListener('click', record, { capture: true });
      window.addEventListener('keydown', record, { capture: true });
    }
    return [
      performance.getEntriesByName(`heitu:${w}-start`).length,
      performance.getEntriesByName(`heitu:${w}-painted`).length,
    ];
  }, what);
  await act();
  await waitMark(page, `heitu:${what}-painted`, painted, action);
  const result = await page.evaluate(
    ([w, before]) => {
      const start = performance.getEntriesByName(`heitu:${w}-start`);
      const end = performance.getEntriesByName(`heitu:${w}-painted`).at(-1);
      const last = start.at(-1);
      if (start.length <= before || last === undefined || end === undefined) return null;
      const inputs = Reflect.get(window, '__heituInputs') as number[];
      const input = inputs.filter((t) => t <= last.startTime).at(-1) ?? last.startTime;
      return end.startTime - input;
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
export async function load(
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

// ---- The page -------------------------------------------------------------------------------------

function listbox(page: Page): Locator {
  return page.getByRole('listbox').first();
}

export async function waitForListbox(page: Page): Promise<Locator> {
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

export const tab = (page: Page, label: string): Locator =>
  page.getByRole('tab', { name: new RegExp(`^${label}`) });

/** The level-1 heading of the open article; fails when there is none. */
export async function openTitle(page: Page): Promise<string> {
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

export async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return round(usedSize / 1024 / 1024);
  } finally {
    await cdp.detach();
  }
}
