/**
 * Soak (`npm run test:soak`, not part of `npm test`): HEITU_SOAK_CYCLES (500) syncs against the
 * local fixture site while the reader is open in Chromium over browser mode. The server's heap
 * (after a full GC), the page's heap, DOM nodes and event listeners, and the process's handles
 * must stay flat: the first and last figures are printed as test diagnostics for the note.
 * Only 127.0.0.1 is contacted; every loop is bounded.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from '@playwright/test';
import { NewsService } from '../../app/core/news-service.ts';
import { loadSourcesFile } from '../../app/core/sync/sources-file.ts';
import { startServer } from '../../app/server/server.ts';
import { CHROMIUM_LAUNCH } from '../support/chromium.ts';
import { startFixtureSite } from '../support/fixture-site.ts';
import { writeSources } from '../support/heitu-cli.ts';

const CYCLES = Number(process.env.HEITU_SOAK_CYCLES ?? 500);
const MB = 1024 * 1024;

interface Figures {
  readonly cycle: number;
  readonly serverHeapMb: number;
  readonly serverRssMb: number;
  readonly handles: number;
  readonly pageHeapMb: number;
  readonly nodes: number;
  readonly listeners: number;
}

test(`${CYCLES} sync cycles with the reader open: memory, handles and listeners stay flat`, async (t) => {
  const gc = (globalThis as { gc?: () => void }).gc;
  assert.ok(gc !== undefined, 'run with node --expose-gc (npm run test:soak does)');
  const dir = mkdtempSync(join(tmpdir(), 'heitu-soak-'));
  const site = await startFixtureSite({ articlesPerRegion: 30, pageSize: 10, seed: 11 });
  const service = NewsService.open({
    dataDir: join(dir, 'data'),
    appVersion: 'soak',
    sources: loadSourcesFile(writeSources(site, dir, { maxPages: 3 })),
  });
  const server = await startServer({
    api: service,
    rendererDir: join(import.meta.dirname, '..', '..', 'dist', 'renderer'),
    images: (id) => service.getImage(id),
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('tab', { name: /^長春/ }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    const measure = async (cycle: number): Promise<Figures> => {
      gc();
      await cdp.send('HeapProfiler.collectGarbage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const memory = process.memoryUsage();
      return {
        cycle,
        serverHeapMb: Math.round((memory.heapUsed / MB) * 10) / 10,
        serverRssMb: Math.round(memory.rss / MB),
        handles: process.getActiveResourcesInfo().length,
        pageHeapMb: Math.round((heap.usedSize / MB) * 10) / 10,
        nodes: dom.nodes,
        listeners: dom.jsEventListeners,
      };
    };
    const figures: Figures[] = [];
    // The first syncs fill the library and warm every cache: the baseline is taken after them.
    const warmUp = Math.min(20, Math.floor(CYCLES / 5));
    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      const summary = await service.sync();
      assert.equal(summary.failed, 0, JSON.stringify(summary.errors));
      // The reader moves between tabs as a person would, so the page renders what changed.
      if (cycle % 10 === 0)
        await page.getByRole('tab', { name: cycle % 20 === 0 ? /^長春/ : /^延邊/ }).click();
      if (cycle === warmUp || cycle % 100 === 0 || cycle === CYCLES)
        figures.push(await measure(cycle));
    }
    for (const f of figures) t.diagnostic(JSON.stringify(f));
    const start = figures[0];
    const end = figures.at(-1);
    assert.ok(start !== undefined && end !== undefined);
    assert.ok(
      end.serverHeapMb - start.serverHeapMb < 16,
      `server heap ${start.serverHeapMb} → ${end.serverHeapMb} MB`,
    );
    assert.ok(
      end.pageHeapMb - start.pageHeapMb < 8,
      `page heap ${start.pageHeapMb} → ${end.pageHeapMb} MB`,
    );
    assert.ok(
      end.listeners <= start.listeners + 10,
      `listeners ${start.listeners} → ${end.listeners}`,
    );
    assert.ok(end.nodes <= start.nodes * 1.5 + 200, `DOM nodes ${start.nodes} → ${end.nodes}`);
    assert.ok(end.handles <= start.handles + 2, `handles ${start.handles} → ${end.handles}`);
  } finally {
    await browser.close();
    await server.close();
    service.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
