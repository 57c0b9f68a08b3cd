/** The reader's list state over a real library (NewsService on an in-memory SQLite database). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NewsApi } from '../../../../app/shared/contract.ts';
import { NewsService } from '../../../../app/core/news-service.ts';
import type { NewArticle } from '../../../../app/core/db/articles-repo.ts';
import { ReaderState } from '../../../../renderer/src/reader/reader-state.ts';

const NOW = Date.UTC(2026, 10, 26, 12);

function article(n: number, title: string, regions: NewArticle['regions']): NewArticle {
  return {
    url: `https://jl.example.cn/20261126/${n}.html`,
    title,
    summary: `${title}的摘要`,
    text: `${title}的正文`,
    publishedAt: NOW - n * 60_000,
    fetchedAt: NOW,
    script: 'hant',
    regions,
  };
}

/** The app element's part: it re-renders when asked. */
class Host implements ReactiveControllerHost {
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  readonly controllers = new Set<ReactiveController>();
  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
  }
  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }
  requestUpdate(): void {
    this.updates += 1;
  }
}

function library(): NewsService {
  const service = NewsService.inMemory('test', () => NOW);
  service.storeArticles([
    article(1, '長春的冰雪節', ['changchun']),
    article(2, '延邊的蘋果梨', ['yanbian']),
  ]);
  return service;
}

test('while the next view loads, the rows and the view they belong to stay the last shown', async () => {
  const service = library();
  const host = new Host();
  const reader = new ReaderState(host, service);
  await reader.show({ kind: 'region', region: 'changchun' });
  assert.equal(reader.loading, false);
  assert.deepEqual(reader.loadedView, { kind: 'region', region: 'changchun' });
  assert.deepEqual(
    reader.items.map((item) => item.title),
    ['長春的冰雪節'],
  );

  // A search of the bookmarks (none yet) is asked for: until it answers, the list still holds the
  // tab's rows, and says so through loadedView; `view` is what was asked for.
  const search = { kind: 'search', region: 'bookmarks', query: '長春', scope: 'tab' } as const;
  const asked = reader.show(search);
  assert.equal(reader.loading, true);
  assert.equal(reader.view, search);
  assert.deepEqual(reader.loadedView, { kind: 'region', region: 'changchun' });
  assert.equal(reader.items.length, 1);
  await asked;
  assert.equal(reader.loading, false);
  assert.equal(reader.loadedView, search);
  assert.deepEqual(reader.items, [], 'nothing bookmarked matches');
  assert.ok(host.updates >= 2);
  service.close();
});

test('an answer for a view the reader has left is dropped, even when it comes last', async () => {
  const service = library();
  // The same library, with searches held until the test lets them through.
  let release: (() => void) | undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow: NewsApi = new Proxy(service, {
    get(target, key) {
      if (key === 'search')
        return async (...args: Parameters<NewsService['search']>) => {
          await gate;
          return target.search(...args);
        };
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  const reader = new ReaderState(new Host(), slow);
  const left = reader.show({ kind: 'search', region: 'all', query: '長春', scope: 'all' });
  await reader.show({ kind: 'region', region: 'yanbian' });
  assert.equal(reader.loading, false);
  release?.();
  await left;
  assert.equal(reader.loading, false);
  assert.deepEqual(reader.view, { kind: 'region', region: 'yanbian' });
  assert.deepEqual(reader.loadedView, { kind: 'region', region: 'yanbian' });
  assert.deepEqual(
    reader.items.map((item) => item.title),
    ['延邊的蘋果梨'],
  );
  service.close();
});

test('a view that fails to load ends the wait with an error and keeps the rows shown', async () => {
  const service = library();
  const reader = new ReaderState(new Host(), service);
  await reader.show({ kind: 'region', region: 'all' });
  assert.equal(reader.items.length, 2);
  service.close();
  await reader.show({ kind: 'region', region: 'yanbian' });
  assert.equal(reader.loading, false);
  assert.notEqual(reader.error, null);
  assert.deepEqual(reader.loadedView, { kind: 'region', region: 'all' });
  assert.equal(reader.items.length, 2);
});

test('a tab shown before shows its rows at once, then what changed since', async () => {
  const service = library();
  const reader = new ReaderState(new Host(), service);
  await reader.show({ kind: 'region', region: 'changchun' });
  await reader.show({ kind: 'region', region: 'yanbian' });
  service.storeArticles([article(0, '長春的新聞', ['changchun'])]);
  const back = reader.show({ kind: 'region', region: 'changchun' });
  // Before any answer: the rows fetched last time, not a wait.
  assert.equal(reader.loading, false);
  assert.deepEqual(reader.loadedView, { kind: 'region', region: 'changchun' });
  assert.deepEqual(
    reader.items.map((item) => item.title),
    ['長春的冰雪節'],
  );
  await back;
  await reader.revalidation;
  assert.deepEqual(
    reader.items.map((item) => item.title),
    ['長春的新聞', '長春的冰雪節'],
  );
  service.close();
});

test('tabs fetched ahead show at once; a bookmark change is not shown from an old page', async () => {
  const service = library();
  const reader = new ReaderState(new Host(), service);
  await reader.show({ kind: 'region', region: 'all' });
  await reader.prefetchTabs(['yanbian', 'bookmarks'], () => Promise.resolve());
  const shown = reader.show({ kind: 'region', region: 'yanbian' });
  assert.deepEqual(
    reader.items.map((item) => item.title),
    ['延邊的蘋果梨'],
  );
  await shown;
  await reader.revalidation;
  const id = reader.items[0]!.id;
  await reader.setBookmark(id, true);
  const bookmarks = reader.show({ kind: 'region', region: 'bookmarks' });
  assert.equal(reader.loading, true); // the page fetched ahead had no bookmark: asked again
  await bookmarks;
  assert.deepEqual(
    reader.items.map((item) => item.title),
    ['延邊的蘋果梨'],
  );
  service.close();
});

test('the articles after the open one are fetched ahead and opened without asking', async () => {
  const service = library();
  let asked = 0;
  // The real service, counting the articles asked of it.
  const getArticle = service.getArticle.bind(service);
  service.getArticle = (id) => {
    asked += 1;
    return getArticle(id);
  };
  const reader = new ReaderState(new Host(), service);
  await reader.show({ kind: 'region', region: 'all' });
  const [first, second] = reader.items;
  await reader.open(first!.id, false);
  await reader.prefetchAfter(first!.id);
  assert.equal(asked, 2);
  const opened = await reader.open(second!.id, true);
  assert.equal(asked, 2);
  assert.equal(opened?.title, '延邊的蘋果梨');
  assert.equal(reader.article?.id, second!.id);
  service.close();
});

// A guard, not a measure: without the refetch after a sync the test would wait forever.
test(
  'the articles of the rows on screen are fetched ahead in idle time; a later screenful ends the earlier',
  { timeout: 20_000 },
  async () => {
    const service = NewsService.inMemory('test', () => NOW);
    service.storeArticles(
      Array.from({ length: 6 }, (_, n) => article(n + 1, `長春新聞${n + 1}`, ['changchun'])),
    );
    const asked: string[] = [];
    const getArticle = service.getArticle.bind(service);
    service.getArticle = (id) => {
      asked.push(id);
      return getArticle(id);
    };
    const reader = new ReaderState(new Host(), service);
    await reader.show({ kind: 'region', region: 'all' });
    const ids = reader.items.map((item) => item.id);
    assert.equal(ids.length, 6);
    await reader.open(ids[0]!, false);
    asked.length = 0;

    // The first screenful waits for idle time that comes late; the list scrolls on meanwhile.
    let idleCame = (): void => undefined;
    const late = new Promise<void>((resolve) => (idleCame = resolve));
    const first = reader.prefetchShown(ids.slice(0, 3), () => late);
    await reader.prefetchShown(ids.slice(3), () => Promise.resolve());
    idleCame();
    await first;
    assert.deepEqual(asked, ids.slice(3), 'only the rows now on screen');

    await reader.prefetchShown(ids.slice(0, 3), () => Promise.resolve());
    assert.deepEqual(asked, [...ids.slice(3), ids[1], ids[2]], 'not the open article');
    const opened = await reader.open(ids[4]!, true);
    assert.equal(opened?.title, '長春新聞5');
    assert.equal(asked.length, 5, 'opened without asking');

    // Marked read elsewhere (another window, the CLI): a kept article takes the flag from the rows.
    await service.markRead({ ids: [ids[5]!], read: true });
    await reader.refresh();
    assert.equal((await reader.open(ids[5]!, false))?.unread, false);
    assert.equal(asked.length, 5, 'still kept after a change of flags');

    // After a sync (which may have changed an article) the rows in view are fetched again.
    const shownAgain = new Promise<void>((resolve) => {
      service.getArticle = (id) => {
        asked.push(id);
        if (id === ids[2]) resolve();
        return getArticle(id);
      };
    });
    asked.length = 0;
    await reader.refresh(true);
    await shownAgain;
    assert.deepEqual(asked, [ids[0], ids[1], ids[2]], 'the last rows reported in view, afresh');

    // A failing answer ends the fetching: the rest is fetched when opened, where errors show.
    const failed: string[] = [];
    service.getArticle = (id) => {
      failed.push(id);
      return Promise.reject(new Error('the library stopped'));
    };
    await reader.refresh(true);
    await reader.prefetchShown(ids.slice(0, 4), () => Promise.resolve());
    assert.deepEqual(failed, [ids[0]]);
    assert.equal(reader.error, null, 'a failure ahead of time is not the reader’s error');
    service.close();
  },
);
