import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TabCount } from './articles.ts';
import { announcement, newArticlesIn, unreadCount } from './new-articles.ts';
import type { RegionId } from './regions.ts';

const counts = (entries: Partial<Record<RegionId, [number, number]>>): TabCount[] =>
  Object.entries(entries).map(([region, [total, unread]]) => ({
    region: region as RegionId,
    total,
    unread,
  }));

test('new articles are counted in the chosen places only, an article of two places once', () => {
  const before = counts({ all: [10, 2], changchun: [6, 1], jilin: [4, 1], siping: [0, 0] });
  const after = counts({ all: [15, 7], changchun: [9, 4], jilin: [6, 3], siping: [1, 1] });
  // Five new articles; one of them is tagged both 長春 and 江城.
  assert.deepEqual(newArticlesIn(before, after, ['changchun', 'jilin', 'siping']), {
    total: 5,
    regions: [
      { region: 'changchun', added: 3 },
      { region: 'jilin', added: 2 },
      { region: 'siping', added: 1 },
    ],
  });
  assert.deepEqual(newArticlesIn(before, after, ['siping']), {
    total: 1,
    regions: [{ region: 'siping', added: 1 }],
  });
  assert.deepEqual(newArticlesIn(before, after, []), { total: 0, regions: [] });
  // Pruned articles are not "new" in reverse.
  assert.equal(newArticlesIn(after, before, ['changchun']).total, 0);
  assert.equal(unreadCount(after), 7);
});

test('the notification speaks the UI language; nothing new says nothing', () => {
  const news = {
    total: 4,
    regions: [
      { region: 'yanbian', added: 3 },
      { region: 'changchun', added: 1 },
    ],
  } as const;
  assert.deepEqual(announcement(news, 'zh-Hant'), {
    title: '4 篇新文章',
    body: '延邊 3 篇、長春 1 篇',
  });
  assert.deepEqual(announcement(news, 'zh-Hans'), {
    title: '4 篇新文章',
    body: '延边 3 篇、长春 1 篇',
  });
  assert.deepEqual(announcement(news, 'en'), {
    title: '4 new articles',
    body: 'Yanbian 3, Changchun 1',
  });
  assert.equal(announcement({ total: 0, regions: [] }, 'en'), null);
  // The place names follow the reader's script, whatever the UI's language.
  assert.equal(announcement(news, 'zh-Hant', 'cn')?.body, '延边 3 篇、长春 1 篇');
  assert.equal(announcement(news, 'zh-Hans', 'tw')?.body, '延邊 3 篇、長春 1 篇');
  assert.equal(announcement(news, 'zh-Hans', 'hk')?.body, '延邊 3 篇、長春 1 篇');
  assert.equal(announcement(news, 'zh-Hans', 'original')?.body, '延边 3 篇、长春 1 篇');
  assert.equal(announcement(news, 'en', 'cn')?.body, 'Yanbian 3, Changchun 1');
});
