/**
 * npm run bench:responsiveness -- [--feeds 32] [--items 200] [--interval 20] [--rounds 6]
 *                                  [--modes worker,inprocess] [--baseline DIR]
 *
 * Does the library keep the reader waiting while it syncs? Browser mode syncs `--feeds` feeds of
 * `--items` articles each (6,200 new articles by default) from a local site, while a second client
 * calls getTabCounts, search and getArticle, each every `--interval` ms, and times each answer.
 *
 * Three processes, so that no one's work delays another's clock: this one (the client), the
 * feed site, and the app's server. Each mode is measured in the same run:
 *   worker     what `heitu web` does: the library in a worker thread (reads answered there, writes
 *              on a writer thread of its own), the server's thread free
 *   inprocess  the old way: NewsService on the server's own thread (the baseline)
 *   base-…     with `--baseline DIR` (a worktree of an older build, its node_modules linked):
 *              that build's app in the mode after the dash, measured by this client
 *
 * Rounds, not one long sync: a sync of 6,200 articles lasts about 2 s, so one gives each call
 * fewer than 100 samples and its "p99" is its largest sample. `--rounds` rounds (each on a fresh
 * library, each a whole sync) are pooled: with 6 rounds each call has 400 or more samples, so the
 * p99 is the 1-in-100 wait and the max is reported beside it, with each round's max. The modes
 * take turns round by round (their order reversed every other round), so that noise from the rest
 * of the machine falls on each of them alike; a mode's throughput is its articles over its
 * seconds summed over its rounds.
 *
 * One JSON line per call and mode (count, median, p99, max, each round's max), one per mode for
 * the sync's throughput (pooled, each round's, their median), and one with each mode's
 * throughput over in-process's (or the first mode's): pooled, and by the rounds' medians, which
 * one round disturbed by other work on the machine does not move.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { round } from './bench-stats.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'client' },
    mode: { type: 'string', default: 'worker' },
    modes: { type: 'string', default: 'worker,inprocess' },
    feeds: { type: 'string', default: '32' },
    items: { type: 'string', default: '200' },
    interval: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '6' },
    baseline: { type: 'string' },
    'data-dir': { type: 'string' },
    sources: { type: 'string' },
  },
});

const REGIONS = [
  '長春',
  '吉林市',
  '四平',
  '遼源',
  '通化',
  '白城',
  '白山',
  '松原',
  '延邊',
  '長白山',
];
const PARAGRAPH =
  '記者從市政府新聞辦獲悉，今年以來全市經濟運行總體平穩，重點項目建設加快推進，' +
  '城市更新和民生工程同步實施，冬季供暖保障有力，冰雪旅遊持續升溫，市民生活品質不斷提高。';

const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

// ---- role: site — the feeds --------------------------------------------------------------------

function feedXml(feed: number, items: number): string {
  const base = Date.UTC(2026, 10, 20, 8);
  const entries: string[] = [];
  for (let i = 0; i < items; i += 1) {
    const region = REGIONS[(feed + i) % REGIONS.length] ?? '長春';
    const body = Array.from({ length: 6 }, (_, p) => `<p>${region}${PARAGRAPH}（${p + 1}）</p>`);
    entries.push(
      `<item><title>${region}新聞 第${feed}號源 第${i}條</title>` +
        `<link>http://127.0.0.1/feed${feed}/article${i}.html</link>` +
        `<guid>feed${feed}-${i}</guid>` +
        `<pubDate>${new Date(base - (feed * items + i) * 60_000).toUTCString()}</pubDate>` +
        `<description><![CDATA[${body.join('')}]]></description></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>` +
    `<title>Bench feed ${feed}</title><link>http://127.0.0.1/</link><description>bench</description>` +
    `${entries.join('')}</channel></rss>`
  );
}

async function runSite(feeds: number, items: number): Promise<void> {
  // Every feed is made before the first measurement: made on first request, they were made during
  // the first mode's sync only (the site serves every mode), on the cores that mode's reads and
  // sync compete for, and served from memory to the modes after it.
  const bodies = Array.from({ length: feeds }, (_, n) => Buffer.from(feedXml(n, items)));
  const server = createServer((req, res) => {
    const match = /^\/feed(\d+)\.xml$/.exec(req.url ?? '');
    const body = match === null ? undefined : bodies[Number(match[1])];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  emit({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

// ---- role: app — browser mode in one of two shapes ----------------------------------------------

async function runApp(mode: string, dataDir: string, sourcesFile: string): Promise<void> {
  const { startServer } = await import('../app/server/server.ts');
  const { loadSourcesFile } = await import('../app/core/sync/sources-file.ts');
  const rendererDir = join(import.meta.dirname, '..', 'dist', 'renderer');
  const options = { dataDir, appVersion: 'bench', sources: loadSourcesFile(sourcesFile) };
  let close: () => Promise<void>;
  let url: string;
  if (mode === 'inprocess') {
    const { NewsService } = await import('../app/core/news-service.ts');
    const service = NewsService.open(options);
    const server = await startServer({ api: service, rendererDir });
    url = server.url;
    close = async () => {
      await server.close();
      service.close();
    };
  } else {
    const { LibrarySupervisor } = await import('../app/core/host/library-supervisor.ts');
    const { workerSpawner } = await import('../app/core/host/worker-spawner.ts');
    const library = await LibrarySupervisor.start(workerSpawner({ ...options, schedule: false }));
    const server = await startServer({ library: library.remote, rendererDir });
    url = server.url;
    close = async () => {
      await server.close();
      await library.close();
    };
  }
  emit({ url });
  process.stdin.resume();
  process.stdin.on('end', () => {
    void close().then(() => process.exit(0));
  });
}

// ---- role: client — the measurements -------------------------------------------------------------

interface Child {
  readonly first: Record<string, unknown>;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

async function startChild(
  args: readonly string[],
  script: string = import.meta.filename,
): Promise<Child> {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, HEITU_LOG: 'error' },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = await lines.next();

  if (next.done === true) throw new Error(`bench child ${args.join(' ')} printed nothing`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    first: JSON.parse(next.value) as Record<string, unknown>,
    process: child,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

class Api {
  readonly #origin: string;
  #cookie = '';
  constructor(url: string) {
    this.#origin = new URL(url).origin;
  }
  async login(url: string): Promise<void> {
    const res = await fetch(url, { redirect: 'manual' });
    this.#cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  async call(method: string, args: unknown[]): Promise<unknown> {
    const res = await fetch(`${this.#origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.#cookie },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.value;
  }
}

function summary(samples: readonly number[]): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    count: sorted.length,
    median_ms: round(rank(0.5), 2),
    p99_ms: round(rank(0.99), 2),
    max_ms: round(sorted.at(-1) ?? 0, 2),
  };
}

const CALLS = ['getTabCounts', 'search', 'getArticle'] as const;

/** One round of one mode: its samples per call and its sync's articles and seconds. */
interface Round {
  readonly samples: Readonly<Record<(typeof CALLS)[number], number[]>>;
  readonly articles: number;
  readonly failed: number;
  readonly seconds: number;
}

/** `worker`, `inprocess`, or `base-<mode>`: the older build's app (`--baseline`) in that mode. */
function appCommand(mode: string, baseline: string | undefined): [string, string] {
  if (!mode.startsWith('base-')) return [import.meta.filename, mode];
  if (baseline === undefined) throw new Error(`mode ${mode} needs --baseline DIR`);
  return [join(baseline, 'scripts', 'bench-responsiveness.ts'), mode.slice('base-'.length)];
}

async function measure(
  mode: string,
  site: string,
  feeds: number,
  items: number,
  interval: number,
  baseline: string | undefined,
): Promise<Round> {
  const dir = mkdtempSync(join(tmpdir(), `heitu-bench-resp-${mode}-`));
  try {
    const sourcesFile = join(dir, 'sources.json');
    const ids = Array.from({ length: feeds }, (_, n) => `feed-${n}`);
    writeFileSync(
      sourcesFile,
      JSON.stringify({
        sources: ids.map((id, n) => ({ id, type: 'feed', url: `${site}/feed${n}.xml` })),
      }),
    );
    const [script, appMode] = appCommand(mode, baseline);
    const app = await startChild(
      [
        '--role',
        'app',
        '--mode',
        appMode,
        '--data-dir',
        join(dir, 'data'),
        '--sources',
        sourcesFile,
      ],
      script,
    );
    try {
      const url = String(app.first.url);
      const reader = new Api(url);
      const syncer = new Api(url);
      await reader.login(url);
      await syncer.login(url);
      // One feed first, so that there is an article to open and something to find.
      await syncer.call('sync', [{ sourceIds: [ids[0]] }]);
      const page = (await reader.call('listArticles', [{ region: 'all', limit: 1 }])) as {
        items: { id: string }[];
      };
      const articleId = page.items[0]?.id;
      if (articleId === undefined) throw new Error('the first feed stored nothing');

      const calls: Record<(typeof CALLS)[number], () => Promise<unknown>> = {
        getTabCounts: () => reader.call('getTabCounts', []),
        search: () => reader.call('search', ['長春新聞', { region: 'all', limit: 20 }]),
        getArticle: () => reader.call('getArticle', [articleId]),
      };
      const samples: Round['samples'] = { getTabCounts: [], search: [], getArticle: [] };
      const inFlight = new Set<Promise<void>>();
      const timers = CALLS.map((name) =>
        setInterval(() => {
          const t0 = performance.now();
          const done = calls[name]().then(
            () => {
              samples[name].push(performance.now() - t0);
            },
            (error: unknown) => {
              process.stderr.write(`bench:responsiveness: ${name} failed: ${String(error)}\n`);
            },
          );
          inFlight.add(done);
          void done.finally(() => inFlight.delete(done));
        }, interval),
      );
      const t0 = performance.now();
      const result = (await syncer.call('sync', [{ sourceIds: ids.slice(1) }])) as {
        inserted: number;
        failed: number;
      };
      const seconds = (performance.now() - t0) / 1000;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(inFlight);
      return { samples, articles: result.inserted, failed: result.failed, seconds };
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Articles per second: pooled over a mode's rounds, and its rounds' median. */
interface Throughput {
  readonly pooled: number;
  readonly median: number;
}

/** The pooled lines of one mode's rounds. */
function report(mode: string, rounds: readonly Round[], interval: number): Throughput {
  for (const call of CALLS) {
    emit({
      measure: 'read_during_sync',
      mode,
      call,
      interval_ms: interval,
      rounds: rounds.length,
      ...summary(rounds.flatMap((r) => r.samples[call])),
      round_max_ms: rounds.map((r) => round(Math.max(0, ...r.samples[call]), 1)),
    });
  }
  const articles = rounds.reduce((n, r) => n + r.articles, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const perSecond = articles / seconds;
  const perRound = rounds.map((r) => r.articles / r.seconds).sort((a, b) => a - b);
  const middle = perRound.length / 2;
  const median =
    perRound.length % 2 === 1
      ? (perRound[Math.floor(middle)] ?? 0)
      : ((perRound[middle - 1] ?? 0) + (perRound[middle] ?? 0)) / 2;
  emit({
    measure: 'sync_throughput',
    mode,
    rounds: rounds.length,
    articles,
    failed_sources: rounds.reduce((n, r) => n + r.failed, 0),
    seconds: round(seconds, 2),
    articles_per_s: round(perSecond, 0),
    round_articles_per_s: rounds.map((r) => round(r.articles / r.seconds, 0)),
    median_round_articles_per_s: round(median, 0),
  });
  return { pooled: perSecond, median };
}

async function main(): Promise<void> {
  const feeds = Number(values.feeds);
  const items = Number(values.items);
  if (values.role === 'site') return runSite(feeds, items);
  if (values.role === 'app') {
    if (values['data-dir'] === undefined || values.sources === undefined)
      throw new Error('--role app needs --data-dir and --sources');
    return runApp(values.mode, values['data-dir'], values.sources);
  }
  const modes = values.modes.split(',');
  const roundCount = Number(values.rounds);
  const interval = Number(values.interval);
  const site = await startChild([
    '--role',
    'site',
    '--feeds',
    String(feeds),
    '--items',
    String(items),
  ]);
  const rounds = new Map<string, Round[]>(modes.map((mode) => [mode, []]));
  try {
    for (let n = 0; n < roundCount; n += 1) {
      // Each mode once per round, the order reversed every other round.
      for (const mode of n % 2 === 0 ? modes : [...modes].reverse()) {
        const done = await measure(
          mode,
          String(site.first.origin),
          feeds,
          items,
          interval,
          values.baseline,
        );
        rounds.get(mode)?.push(done);
      }
    }
  } finally {
    await site.stop();
  }
  const throughput = new Map(modes.map((m) => [m, report(m, rounds.get(m) ?? [], interval)]));
  // The target is set against the old shape, NewsService on the server's thread.
  const base = modes.includes('inprocess') ? 'inprocess' : (modes[0] ?? '');
  const ratios = (of: keyof Throughput): Record<string, number> =>
    Object.fromEntries(
      modes
        .filter((m) => m !== base)
        .map((m) => [
          m,
          round((throughput.get(m)?.[of] ?? 0) / (throughput.get(base)?.[of] ?? 1), 3),
        ]),
    );
  // Pooled, and by the rounds' medians: one round that other work disturbed moves the first.
  emit({
    measure: 'throughput_ratio',
    of: base,
    ...ratios('pooled'),
    by_median_round: ratios('median'),
  });
}

await main();
