/**
 * npm run bench:ui -- [--articles 100000] [--keep] [--only toggle_warm_ms,tab_switch,…]
 *   [--base DIR]
 *
 * UI speed in browser mode. Seeds N synthetic articles (as bench:store does: 150 days, 10 regions,
 * 40 sources; the 41st newest has a body of 5,000+ characters, for toggle_warm_ms) into a
 * temporary library, script mode 原文, starts `heitu web --no-sync` on it and drives Debian's
 * Chromium (1280×800, zh-TW; toggle_warm_ms at 1280×4600, so that 50 list rows are on screen, and
 * toggle_warm_window_ms, the same switches at 1280×800).
 * Times come from the renderer's performance marks (renderer/src/shell/perf.ts): `heitu:<what>-start` →
 * `heitu:<what>-painted`. Prints one JSON line per measure with median_ms / p95_ms, the issue's
 * target and whether it is met. For the interactions issue 17 wants in one frame (tab_switch,
 * open_article, toggle_warm_ms) a Chromium trace adds the main-thread work of each (input to the
 * end of the frame that shows it, waiting for that frame aside: bench-ui-trace.ts) and whether it
 * was shown in the first frame after the input (bench-ui-frames.ts); `met` is judged on those,
 * as input to painted also counts the wait for the display's next frame.
 *
 * Before the measured page loads it waits for the server's start-up integrity check (a full
 * quick_check on a worker thread, seconds at 100,000 articles) and prints its time as the line
 * startup_check, so that the check does not compete with the loads for the CPU.
 *
 * --base DIR: DIR is another built tree of the app (e.g. a `git worktree` of an older commit, with
 * `node scripts/build.mjs` run in it). Each measure runs against it and then against this tree,
 * each server on its own library seeded alike, and every line says which it measured
 * ("build": "base" or "new"): a before/after comparison on the same machine at the same time.
 *
 * This file: arguments, seeding, the server and the browser. The measures are in
 * bench-ui-loads.ts (fresh page loads), bench-ui-measures.ts (one page) and bench-ui-toggle.ts
 * (toggle_warm_ms, on a tall page of its own), helpers in bench-ui-support.ts.
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import type { NewArticle } from '../app/core/db/articles-repo.ts';
import { NewsService } from '../app/core/news-service.ts';
import { CHROMIUM_LAUNCH } from '../test/support/chromium.ts';
import { corpus } from '../test/support/corpus.ts';
import { firstListPainted, heapAfterOpens, toggleCold } from './bench-ui-loads.ts';
import { openArticles, scrollList, tabSwitch } from './bench-ui-measures.ts';
import {
  BenchError,
  emit,
  load,
  log,
  round,
  setBuild,
  waitForListbox,
  type Newest,
} from './bench-ui-support.ts';
import { longArticle, TALL, toggleWarm, WINDOW } from './bench-ui-toggle.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    // Run only these measures (comma-separated names of the JSON lines), e.g. toggle_warm_ms.
    only: { type: 'string' },
    // Another built tree of the app, measured beside this one (see above).
    base: { type: 'string' },
  },
});
const ONLY = values.only === undefined ? null : new Set(values.only.split(','));
/** The measures, in the order they run (the names of their JSON lines). */
const MEASURES = [
  'first_list_painted',
  'toggle_cold_ms',
  'tab_switch',
  'open_article',
  'scroll_list',
  'toggle_warm_ms',
  'toggle_warm_window_ms',
  'heap_after_1000_articles',
];
/** The measures measureAll runs now. */
let only = new Set<string>();
const wanted = (name: string): boolean => only.has(name);
const N = Number(values.articles);
if (!Number.isInteger(N) || N < 100)
  fail(`--articles must be an integer ≥ 100 (got ${values.articles})`);
const BATCH = 1000;
const SEED = 7;
/** The corpus article replaced by the long one (toggle_warm_ms opens it) … */
const LONG_INDEX = 0;
/** … and how many articles are newer than it. */
const LONG_RANK = 40;
const CHECK_TIMEOUT_MS = 120_000;

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-ui-'));
/** The library of --base's server, seeded as `dir` is. */
const baseDir = `${dir}-base`;
const servers = new Set<ChildProcessByStdio<null, Readable, Readable>>();
let browser: Browser | null = null;

function fail(message: string): never {
  process.stderr.write(`bench-ui: ${message}\n`);
  process.exit(1);
}

// ---- Seed -----------------------------------------------------------------------------------------

/**
 * Seeds the library; returns the 50 newest articles (the first page of 全部). Article LONG_INDEX
 * is the long one (longArticle), stored last, published just before the LONG_RANK newest: on
 * the first page and on screen in toggle_warm_ms, but not among the articles open_article opens.
 */
async function seed(data: string): Promise<Newest[]> {
  // Like bench:store, but ending now: the server prunes by the real clock.
  const now = Date.now();
  const c = corpus({ newest: now, spanDays: 150, seed: SEED });
  const service = NewsService.open({ dataDir: data, appVersion: 'bench', now: () => now });
  try {
    for (const id of c.sourceIds)
      service.sources.save({ id, type: 'feed', url: `https://example.cn/${id}.xml` });
    const published: { article: NewArticle; at: number }[] = [];
    const t0 = performance.now();
    for (let start = 0; start < N; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, N - start) }, (_, i) => start + i)
        .filter((index) => index !== LONG_INDEX)
        .map((index) => c.article(index));
      for (const a of rows) published.push({ article: a, at: a.publishedAt });
      service.storeArticles(rows);
    }
    published.sort((a, b) => b.at - a.at);
    const before = published[LONG_RANK - 1]?.at ?? now;
    const long = longArticle(now, SEED, LONG_INDEX, before - 1);
    service.storeArticles([long]);
    published.splice(LONG_RANK, 0, { article: long, at: long.publishedAt });
    const seconds = (performance.now() - t0) / 1000;
    log(`seeded ${N} articles in ${seconds.toFixed(1)} s (${Math.round(N / seconds)}/s)`);
    await service.setSettings({ script: 'original', scriptChosen: true, lastRegion: 'all' });
    return published.slice(0, 50).map(({ article: a }) => ({
      title: a.title,
      chars: a.text.length,
      publishedAt: a.publishedAt,
    }));
  } finally {
    service.close();
  }
}

// ---- Server and browser ---------------------------------------------------------------------------

function buildIfMissing(tree: string): void {
  const built = ['dist/cli/cli.mjs', 'dist/renderer/app.js', 'dist/renderer/index.html'].every(
    (f) => existsSync(join(tree, f)),
  );
  if (built) return;
  if (tree !== root) throw new BenchError(`${tree} is not built (node scripts/build.mjs in it)`);
  log('dist/ is missing: building');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new BenchError('the build failed (node scripts/build.mjs)');
}

/** A running `heitu web` of one tree on one library. */
interface Server {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly url: string;
  /** What it has written so far: stdout and stderr interleaved, for error messages. */
  output: () => string;
  /** Its stderr so far (its log, HEITU_LOG=info). */
  log: () => string;
  exited: () => boolean;
}

/** Starts `heitu web` of `tree` on the library `data`; resolves once it prints its URL. */
async function startServer(tree: string, data: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [join(tree, 'bin', 'heitu.cjs'), 'web', '--port', '0', '--no-sync', '--data-dir', data],
    // info: for the line the start-up integrity check logs when done (waitForCheck).
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HEITU_LOG: 'info' } },
  );
  servers.add(child);
  let stdout = '';
  let output = '';
  let serverLog = '';
  let exited = false;
  child.stderr.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
    output += chunk.toString();
  });
  child.once('exit', () => {
    exited = true;
    servers.delete(child);
  });
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new BenchError(`heitu web printed no URL within 30 s:\n${output}`));
    }, 30_000);
    // The URL is on stdout; the log lines are on stderr.
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1],
          output: () => output,
          log: () => serverLog,
          exited: () => exited,
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new BenchError(`heitu web exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Waits for the server's "integrity check: <result> in <ms> ms" log line (NewsService starts the
 * check when it opens the library) and prints it as the line startup_check.
 */
async function waitForCheck(server: Server): Promise<void> {
  const pattern = /\[news-service\] integrity check: (.*) in (\d+(?:\.\d+)?) ms\n/;
  const t0 = performance.now();
  let match = pattern.exec(server.log());
  while (match === null) {
    if (server.exited())
      throw new BenchError(
        `heitu web exited before its integrity check was done:\n${server.output()}`,
      );
    if (performance.now() - t0 > CHECK_TIMEOUT_MS)
      throw new BenchError(
        `heitu web logged no "integrity check: …" line within ${CHECK_TIMEOUT_MS / 1000} s ` +
          `(is dist/ older than app/core/news-service.ts? npm run build):\n${server.output()}`,
      );
    await sleep(50);
    match = pattern.exec(server.log());
  }
  const [, result = '', ms = '0'] = match;
  log(
    `the server's integrity check: ${result} in ${ms} ms (waited ${Math.round(performance.now() - t0)} ms)`,
  );
  emit({
    name: 'startup_check',
    n: N,
    median_ms: round(Number(ms)),
    p95_ms: round(Number(ms)),
    result,
  });
}

let cleaned = false;
async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch(() => undefined);
  await Promise.all(
    [...servers].map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }),
  );
  if (values.keep) log(`kept ${dir}`);
  else {
    rmSync(dir, { recursive: true, force: true });
    rmSync(baseDir, { recursive: true, force: true });
  }
}

// ---- Main -----------------------------------------------------------------------------------------

/** Every measure wanted, against the server at `url`. */
async function measureAll(url: string, newest: readonly Newest[]): Promise<void> {
  if (browser === null) throw new BenchError('no browser');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-TW',
  });
  if (wanted('first_list_painted')) {
    log('first_list_painted');
    await firstListPainted(context, url, N);
  }
  if (wanted('toggle_cold_ms')) {
    log('toggle_cold_ms');
    await toggleCold(context, url, N);
  }
  if (wanted('tab_switch') || wanted('open_article') || wanted('scroll_list')) {
    log('tab_switch, open_article, scroll_list');
    const { page } = await load(context, url);
    await waitForListbox(page);
    if (wanted('tab_switch')) await tabSwitch(page, N);
    if (wanted('open_article')) await openArticles(page, N);
    if (wanted('scroll_list')) await scrollList(page, N);
    await page.close();
  }
  for (const where of [TALL, WINDOW]) {
    if (!wanted(where.name)) continue;
    log(`${where.name} (${where.viewport.width}×${where.viewport.height})`);
    const own = await browser.newContext({ viewport: where.viewport, locale: 'zh-TW' });
    await toggleWarm(own, url, newest, N, where);
    await own.close();
  }
  if (wanted('heap_after_1000_articles')) {
    log('heap_after_1000_articles');
    await heapAfterOpens(context, url, N);
  }
  await context.close();
}

async function main(): Promise<void> {
  const base = values.base === undefined ? null : resolve(values.base);
  buildIfMissing(root);
  if (base !== null) buildIfMissing(base);
  const newest = await seed(dir);
  // Seeded again rather than copied: the library's search index is still being written behind
  // the closed service, and a copy taken meanwhile is torn.
  if (base !== null) {
    mkdirSync(baseDir);
    await seed(baseDir);
  }
  const builds = [
    ...(base === null ? [] : [{ name: 'base', tree: base, data: baseDir }]),
    { name: base === null ? null : 'new', tree: root, data: dir },
  ];
  const started: { name: string | null; server: Server }[] = [];
  for (const b of builds) started.push({ name: b.name, server: await startServer(b.tree, b.data) });
  browser = await chromium.launch(CHROMIUM_LAUNCH);
  for (const { name, server } of started) {
    setBuild(name);
    log(`startup_check${name === null ? '' : ` (${name})`}`);
    await waitForCheck(server);
  }
  // One measure at a time against each build in turn, so that both meet the same machine load.
  const all = ONLY ?? new Set(MEASURES);
  for (const measure of MEASURES) {
    if (!all.has(measure)) continue;
    for (const { name, server } of started) {
      setBuild(name);
      if (name !== null) log(`${measure}: ${name}`);
      only = new Set([measure]);
      await measureAll(server.url, newest);
    }
  }
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
