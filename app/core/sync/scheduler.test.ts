import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { NewsEvent } from '../../shared/contract.ts';
import type { SyncSummary } from '../../shared/sync.ts';
import { NewsService } from '../news-service.ts';
import { createFetcher } from './fetch.ts';
import { startScheduler } from './scheduler.ts';

const dir = mkdtempSync(join(tmpdir(), 'heitu-scheduler-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const FEED = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>延邊</title>
<item><title>延吉冬季旅遊開幕</title><link>/a/1.html</link><description>延吉市今日舉行冬季旅遊開幕式。</description>
<pubDate>Fri, 20 Nov 2026 08:00:00 +0800</pubDate></item></channel></rss>`;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('offline, the scheduler retries until the network is back, then stores the news', async () => {
  const port = await freePort();
  const service = NewsService.open({
    dataDir: join(dir, 'offline'),
    appVersion: 'test',
    sources: [
      {
        id: 'yanbian-feed',
        type: 'feed',
        url: `http://127.0.0.1:${port}/feed.xml`,
        enabled: true,
        fullText: false,
        maxPages: 1,
        maxItems: 200,
      },
    ],
    fetcher: createFetcher({ userAgent: 'test', connectTimeoutMs: 500, totalTimeoutMs: 1000 }),
  });
  const finished: SyncSummary[] = [];
  service.subscribe((e: NewsEvent) => {
    if (e.type === 'syncFinished') finished.push(e.summary);
  });
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  const scheduler = startScheduler(service, { initialDelayMs: 10, offlineRetryMs: 150 });
  const waitFor = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
  };
  await waitFor(() => finished.length >= 1);
  assert.equal(finished[0]?.offline, true, 'no server yet: the sync sees no network');
  assert.equal((await service.getStatus()).sync.offline, true);

  // The network comes back.
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
    res.end(FEED);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await waitFor(() => finished.some((s) => s.inserted > 0));
  scheduler.stop();
  server.close();
  process.env.HEITU_LOG = prev;
  const stored = (await service.listArticles({ region: 'yanbian' })).items.map((a) => a.title);
  assert.deepEqual(
    stored,
    ['延吉冬季旅遊開幕'],
    'the feed had no region: the gazetteer put it under 延邊',
  );
  assert.equal((await service.getStatus()).sync.offline, false);
  service.close();
});

test('a sync can be cancelled; what was stored stays', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((req, res) => {
    if (req.url === '/fast.xml') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(FEED.replace('/a/1.html', '/a/2.html'));
      return;
    }
    void gate.then(() => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const service = NewsService.open({
    dataDir: join(dir, 'cancel'),
    appVersion: 'test',
    sources: [
      {
        id: 'fast',
        type: 'feed',
        url: `${origin}/fast.xml`,
        enabled: true,
        fullText: false,
        maxPages: 1,
        maxItems: 200,
      },
      {
        id: 'stuck',
        type: 'feed',
        url: `${origin}/stuck.xml`,
        enabled: true,
        fullText: false,
        maxPages: 1,
        maxItems: 200,
      },
    ],
    fetcher: createFetcher({ userAgent: 'test', totalTimeoutMs: 20_000 }),
  });
  const prev = process.env.HEITU_LOG;
  process.env.HEITU_LOG = 'silent';
  const running = service.sync();
  for (
    let i = 0;
    i < 100 && (await service.listArticles({ region: 'all' })).items.length === 0;
    i += 1
  ) {
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal((await service.getStatus()).sync.state, 'syncing');
  assert.deepEqual(await service.cancelSync(), { cancelled: true });
  const summary = await running;
  process.env.HEITU_LOG = prev;
  release();
  server.close();
  assert.equal(summary.cancelled, true);
  assert.equal((await service.listArticles({ region: 'all' })).items.length, 1);
  assert.equal((await service.getStatus()).sync.state, 'idle');
  assert.deepEqual(await service.cancelSync(), { cancelled: false });
  service.close();
});

test('turning periodic sync on in settings syncs at once, not at the next idle check', async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
    res.end(FEED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const service = NewsService.open({
    dataDir: join(dir, 'interval'),
    appVersion: 'test',
    sources: [
      {
        id: 'feed',
        type: 'feed',
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`,
        enabled: true,
        fullText: false,
        maxPages: 1,
        maxItems: 200,
      },
    ],
  });
  await service.setSettings({ refreshIntervalMinutes: 0 });
  const finished: SyncSummary[] = [];
  service.subscribe((e: NewsEvent) => {
    if (e.type === 'syncFinished') finished.push(e.summary);
  });
  // Off, and the next look at the settings an hour away.
  const scheduler = startScheduler(service, { initialDelayMs: 10, idleCheckMs: 3_600_000 });
  const waitFor = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 25));
  };
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(finished.length, 0, 'periodic sync is off');
  await service.setSettings({ refreshIntervalMinutes: 30 });
  await waitFor(() => finished.length > 0);
  scheduler.stop();
  server.close();
  assert.equal(finished.length, 1);
  assert.equal(finished[0]?.inserted, 1);
  service.close();
});
