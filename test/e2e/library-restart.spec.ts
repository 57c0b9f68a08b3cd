/**
 * Browser mode with the library in its worker thread, killed mid-sync (issue 15): the window shows
 * a short notice instead of hanging, its next calls succeed, and nothing saved is lost. The server
 * runs in this process (as `heitu web` runs it: startServer over a LibrarySupervisor), so that the
 * test can kill the library's thread; the window is real Chromium.
 */
import { join } from 'node:path';
import type { NewsEvent } from '../../app/shared/contract.ts';
import { LibrarySupervisor, RESTARTED_NOTICE } from '../../app/core/host/library-supervisor.ts';
import { workerSpawner } from '../../app/core/host/worker-spawner.ts';
import { loadSourcesFile } from '../../app/core/sync/sources-file.ts';
import { startServer } from '../../app/server/server.ts';
import { expect, test } from './fixtures.ts';
import { makeLibrary } from './library.ts';
import { value } from '../support/call-value.ts';

const rendererDir = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** Starts a full sync and kills the library's thread once `sources` sources are done. */
async function killMidSync(library: LibrarySupervisor, sources: number): Promise<void> {
  const stored = new Promise<void>((resolve) => {
    const stop = library.remote.subscribe((event: NewsEvent) => {
      if (event.type === 'syncProgress' && event.progress.done >= sources) {
        stop();
        resolve();
      }
    });
  });
  const running = library.remote.sync({});
  await stored;
  library.child?.kill();
  const died = await running;
  expect(died.ok ? 'ok' : died.error.code, 'the call in flight fails').toBe('UNAVAILABLE');
  // Later calls wait for the new library (starting a thread takes seconds on a busy machine).
  const status = value(await library.remote.getStatus());
  expect(status.notices).toContain(RESTARTED_NOTICE);
}

test('the library killed mid-sync restarts: the window says so, its next calls succeed, nothing saved is lost', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Slow answers, so that the sync is still running when the library is killed.
  const lib = await makeLibrary({
    articlesPerRegion: 8,
    latencyMs: 40,
    settings: ['script=original', 'scriptChosen=true'],
  });
  const sources = loadSourcesFile(lib.sources);
  const library = await LibrarySupervisor.start(
    workerSpawner({ dataDir: lib.dataDir, appVersion: 'e2e', sources, schedule: false }),
    { backoffMs: 50 },
  );
  const server = await startServer({ library: library.remote, rendererDir });
  try {
    // The reader's library before the crash: one region synced and one article bookmarked.
    const first = sources[0];
    expect(first).toBeDefined();
    value(await library.remote.sync({ sourceIds: [first!.id] }));
    const firstPage = value(await library.remote.listArticles({ region: 'all', limit: 1 }));
    const kept = firstPage.items[0];
    expect(kept).toBeDefined();
    value(await library.remote.setBookmark(kept!.id, true));

    await page.goto(server.url);
    const list = page.getByRole('listbox', { name: '全部的文章' });
    await expect(list.getByRole('option').first()).toBeVisible();

    await killMidSync(library, 2);
    // In the window's language (the library says it in English, as the CLI prints it).
    const banner = page
      .getByRole('alert')
      .filter({ hasText: '文庫意外停止，已重新啟動。進行中的同步已中止，已存下的文章都還在。' });
    await expect(banner).toBeVisible();
    expect(library.restarts).toBe(1);

    // The window's next calls reach the new library: the bookmark is there, and so is the list.
    await page.getByRole('tab', { name: /收藏/ }).click();
    const bookmarks = page.getByRole('listbox', { name: /收藏/ });
    await expect(bookmarks.getByRole('option')).toHaveCount(1);
    await expect(bookmarks.getByRole('option').first()).toContainText(kept!.title);
    await page.getByRole('tab', { name: /全部/ }).click();
    await expect(list.getByRole('option').first()).toBeVisible();

    // Dismissed, the notice goes; a second crash brings a notice of its own back.
    await banner.getByRole('button').click();
    await expect(banner).toBeHidden();
    await killMidSync(library, 1);
    await expect(banner).toBeVisible();
    expect(library.restarts).toBe(2);

    // And the interrupted sync runs to the end on the new library.
    const again = value(await library.remote.sync({}));
    expect(again.failed).toBe(0);
    await page.reload();
    await expect(list.getByRole('option')).not.toHaveCount(0);
  } finally {
    await server.close();
    await library.close();
    await lib.dispose();
  }
});
