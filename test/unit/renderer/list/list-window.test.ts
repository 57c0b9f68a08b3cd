import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleId, ArticleSummary, SearchHit } from '../../../../app/shared/articles.ts';
import {
  clampScrollTop,
  highlightSegments,
  indexOfId,
  keyTarget,
  nearEnd,
  nextWindow,
  reanchor,
  revealScrollTop,
  rowText,
  SNIPPET_CHARS,
  visibleRange,
} from '../../../../renderer/src/list/list-window.ts';

const ids = (...names: (string | number)[]) => names.map((n) => ({ id: String(n) }));
const range = (from: number, to: number) =>
  ids(...Array.from({ length: to - from }, (_, i) => from + i));

test('visibleRange covers the rows partly in view', () => {
  assert.deepEqual(visibleRange(0, 840, 84, 1000), { start: 0, end: 10 });
  assert.deepEqual(visibleRange(100, 840, 84, 1000), { start: 1, end: 12 });
  assert.deepEqual(visibleRange(83_900, 840, 84, 1000), { start: 998, end: 1000 });
  assert.deepEqual(visibleRange(0, 840, 84, 0), { start: 0, end: 0 });
  assert.deepEqual(visibleRange(-50, 840, 84, 5), { start: 0, end: 5 });
});

test('nextWindow adds overscan and keeps a window that still covers the view', () => {
  const first = nextWindow(null, { start: 50, end: 60 }, 100_000, 10, 3);
  assert.deepEqual(first, { start: 40, end: 70 });
  // A few rows of scrolling: the same window (same object), nothing to render.
  assert.equal(nextWindow(first, { start: 55, end: 65 }, 100_000, 10, 3), first);
  // Past the margin: a fresh window around the view.
  assert.deepEqual(nextWindow(first, { start: 60, end: 70 }, 100_000, 10, 3), {
    start: 50,
    end: 80,
  });
  // Clipped at both ends, and recomputed when the items shrink under it.
  assert.deepEqual(nextWindow(null, { start: 0, end: 10 }, 15, 10, 3), { start: 0, end: 15 });
  assert.deepEqual(nextWindow(first, { start: 0, end: 10 }, 20, 10, 3), { start: 0, end: 20 });
  assert.deepEqual(nextWindow(first, { start: 0, end: 0 }, 0, 10, 3), { start: 0, end: 0 });
  // A jump far away (End) renders around the target only: the window stays small.
  const end = nextWindow(first, { start: 99_990, end: 100_000 }, 100_000, 10, 3);
  assert.deepEqual(end, { start: 99_980, end: 100_000 });
});

test('revealScrollTop moves the least to show a row', () => {
  assert.equal(revealScrollTop(5, 0, 840, 84), 0); // already in view
  assert.equal(revealScrollTop(10, 0, 840, 84), 84); // just below: align its bottom
  assert.equal(revealScrollTop(2, 840, 840, 84), 168); // above: align its top
  assert.equal(revealScrollTop(99_999, 0, 840, 84), 99_999 * 84 + 84 - 840);
  assert.equal(revealScrollTop(3, 0, 50, 84), 252); // viewport smaller than a row: its top
});

test('clampScrollTop stays inside the content', () => {
  assert.equal(clampScrollTop(-10, 8400, 840), 0);
  assert.equal(clampScrollTop(9000, 8400, 840), 7560);
  assert.equal(clampScrollTop(100, 500, 840), 0);
});

test('nearEnd is two viewports from the last loaded row', () => {
  assert.equal(nearEnd(170, 200, 10), false);
  assert.equal(nearEnd(180, 200, 10), true);
  assert.equal(nearEnd(0, 0, 10), true);
});

test('indexOfId looks outward from the hint', () => {
  const items = range(0, 100);
  assert.equal(indexOfId(items, '42', 42), 42);
  assert.equal(indexOfId(items, '43', 42), 43);
  assert.equal(indexOfId(items, '0', 99), 0);
  assert.equal(indexOfId(items, '99', -5), 99);
  assert.equal(indexOfId(items, 'x', 50), -1);
  assert.equal(indexOfId(items, null, 50), -1);
  assert.equal(indexOfId([], '1', 0), -1);
  assert.equal(indexOfId(items, '90', 10, 20), -1); // beyond maxDistance
});

test('reanchor: appended or updated in place keeps the place', () => {
  const prev = range(0, 200);
  assert.deepEqual(reanchor(prev, prev, 50), { kind: 'keep' });
  assert.deepEqual(reanchor(prev, range(0, 400), 50), { kind: 'keep' });
  assert.deepEqual(reanchor(prev, [...prev], 0), { kind: 'keep' });
});

test('reanchor: prepended articles shift the rows by their number', () => {
  const prev = range(100, 300);
  assert.deepEqual(reanchor(prev, range(93, 300), 0), { kind: 'shift', rows: 7 });
  assert.deepEqual(reanchor(prev, range(0, 300), 40), { kind: 'shift', rows: 100 });
  // Only a few old ones remain after the new page: still a prepend.
  assert.deepEqual(reanchor(prev, range(98, 103), 0), { kind: 'shift', rows: 2 });
});

test('reanchor: another list resets, even one that holds the old first article', () => {
  const all = range(0, 200);
  assert.deepEqual(reanchor(all, range(1000, 1200), 30), { kind: 'reset' });
  // A region tab: every third article of the whole list, the old first one among them later on.
  const region = ids(...[5, 0, 3, 6, 9, 12, 15, 18, 21, 24]);
  assert.deepEqual(reanchor(all, region, 0), { kind: 'reset' });
  assert.deepEqual(reanchor([], all, 0), { kind: 'reset' });
  assert.deepEqual(reanchor(all, [], 0), { kind: 'reset' });
});

test('reanchor: rows removed or added above the view move it with them', () => {
  const prev = range(0, 200);
  // The first article went (unbookmarked) while the reader was further down.
  assert.deepEqual(reanchor(prev, range(1, 200), 50), { kind: 'shift', rows: -1 });
  // One above the view went, the first stayed.
  const without10 = prev.filter((item) => item.id !== '10');
  assert.deepEqual(reanchor(prev, without10, 50), { kind: 'shift', rows: -1 });
  // The first went and the reader was at the top: start again from the top.
  assert.deepEqual(reanchor(prev, range(1, 200), 0), { kind: 'reset' });
});

test('keyTarget moves by one, by a page and to the ends', () => {
  assert.equal(keyTarget('ArrowDown', 4, 100, 10, 0), 5);
  assert.equal(keyTarget('ArrowDown', 99, 100, 10, 0), 99);
  assert.equal(keyTarget('ArrowUp', 0, 100, 10, 0), 0);
  assert.equal(keyTarget('PageDown', 95, 100, 10, 0), 99);
  assert.equal(keyTarget('PageUp', 15, 100, 10, 0), 5);
  assert.equal(keyTarget('Home', 50, 100, 10, 0), 0);
  assert.equal(keyTarget('End', 50, 100, 10, 0), 99);
  assert.equal(keyTarget('ArrowDown', -1, 100, 10, 30), 30); // nothing active: the first in view
  assert.equal(keyTarget('Enter', 5, 100, 10, 0), null);
  assert.equal(keyTarget('ArrowDown', -1, 0, 10, 0), null);
});

test('highlightSegments cuts the snippet around its matches', () => {
  assert.deepEqual(highlightSegments('長春市今日降雪', [{ start: 0, length: 2 }]), [
    { text: '長春', match: true },
    { text: '市今日降雪', match: false },
  ]);
  assert.deepEqual(
    highlightSegments('abcdefgh', [
      { start: 6, length: 9 },
      { start: 2, length: 2 },
      { start: 3, length: 2 },
    ]),
    [
      { text: 'ab', match: false },
      { text: 'cde', match: true },
      { text: 'f', match: false },
      { text: 'gh', match: true },
    ],
  );
  assert.deepEqual(highlightSegments('abc', []), [{ text: 'abc', match: false }]);
  assert.deepEqual(highlightSegments('', [{ start: 0, length: 3 }]), [{ text: '', match: false }]);
});

const summary: ArticleSummary = {
  id: 'a1' as ArticleId,
  title: '长春',
  publishedAt: '2024-05-03T06:20:00Z',
  sourceName: '吉林日报',
  snippet: '长春市今日降雪',
  thumbnail: null,
  unread: true,
  bookmarked: false,
  script: 'hans',
};
const upper = (text: string, script: string) => `${script}:${text}`;

test('rowText converts title, 來源 and snippet; a hit piece by piece', () => {
  assert.deepEqual(rowText(summary, upper), {
    convert: upper,
    title: 'hans:长春',
    titleMarks: null,
    source: 'hans:吉林日报',
    snippet: [{ text: 'hans:长春市今日降雪', match: false }],
  });
  const hit: SearchHit = {
    ...summary,
    sourceName: null,
    highlights: [{ start: 2, length: 1 }],
    titleHighlights: [{ start: 0, length: 2 }],
  };
  assert.deepEqual(rowText(summary, upper).titleMarks, null);
  assert.deepEqual(rowText(hit, upper).titleMarks, [{ text: 'hans:长春', match: true }]);
  assert.deepEqual(rowText(hit, upper).snippet, [
    { text: 'hans:长春', match: false },
    { text: 'hans:市', match: true },
    { text: 'hans:今日降雪', match: false },
  ]);
  assert.equal(rowText(hit, upper).source, null);
});

test('reanchor: articles synced in among the rows above the view keep the reader’s row in place', () => {
  const prev = range(0, 200);
  // Two new articles on top and one between rows 3 and 4, while the reader looks at row 50.
  const next = [...ids('n1', 'n2'), ...range(0, 4), ...ids('n3'), ...range(4, 200)];
  assert.deepEqual(reanchor(prev, next, 50), { kind: 'shift', rows: 3 });
  // At the very top, the same is a shift of the two on top only if the first rows kept order.
  assert.deepEqual(reanchor(prev, next, 0), { kind: 'shift', rows: 2 });
});

test('rowText clips a long snippet to one line’s worth, never inside a surrogate pair', () => {
  const item = {
    id: 'a1',
    title: '長春',
    publishedAt: '2026-11-20T00:00:00.000Z',
    sourceName: null,
    snippet: '吉'.repeat(SNIPPET_CHARS + 50),
    thumbnail: null,
    unread: true,
    bookmarked: false,
    script: 'hant' as const,
  } as unknown as Parameters<typeof rowText>[0];
  const text = rowText(item, (t) => t);
  assert.equal(text.snippet.map((s) => s.text).join('').length, SNIPPET_CHARS);
  const astral = { ...item, snippet: `${'吉'.repeat(SNIPPET_CHARS - 1)}𠀀${'吉'.repeat(9)}` };
  const clipped = rowText(astral, (t) => t)
    .snippet.map((s) => s.text)
    .join('');
  assert.equal(clipped, '吉'.repeat(SNIPPET_CHARS - 1));
  const short = { ...item, snippet: '短' };
  assert.equal(rowText(short, (t) => t).snippet[0]?.text, '短');
});
