/**
 * The arithmetic of <heitu-article-list>, kept pure (no DOM) so it can be tested on its own:
 * which rows to render, where to scroll to show one, how to keep the reader's place when the
 * items change, where a key moves the active row, and how a search hit's snippet splits around
 * its matches. All of it is O(1) or bounded by the rendered window, except the id searches, which
 * look outward from a hint and stop at the first match.
 */
import type { ArticleSummary, SearchHit } from '../../../app/shared/articles.ts';
import type { Convert } from '../script/convert.ts';

/** A row of the list: a tab's article, or a search hit. */
export type ListItem = ArticleSummary | SearchHit;

/** Rows [start, end). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export const EMPTY_RANGE: Range = { start: 0, end: 0 };

export function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The rows at least partly inside [scrollTop, scrollTop + viewport). */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
): Range {
  if (count <= 0 || rowHeight <= 0) return EMPTY_RANGE;
  const top = Math.max(0, scrollTop);
  const start = Math.min(count, Math.floor(top / rowHeight));
  const end = Math.min(count, Math.ceil((top + Math.max(0, viewport)) / rowHeight));
  return { start, end: Math.max(start, end) };
}

/**
 * The rows to render: the visible ones and `overscan` more each side. `current` is kept while it
 * still covers the visible rows with `margin` rows to spare and is no bigger than a fresh window,
 * so scrolling a few rows renders nothing new.
 */
export function nextWindow(
  current: Range | null,
  visible: Range,
  count: number,
  overscan: number,
  margin: number,
): Range {
  if (count <= 0) return EMPTY_RANGE;
  const wanted: Range = {
    start: Math.max(0, visible.start - overscan),
    end: Math.min(count, visible.end + overscan),
  };
  if (current === null || current.end > count) return wanted;
  const covers =
    current.start <= Math.max(0, visible.start - margin) &&
    current.end >= Math.min(count, visible.end + margin);
  const small = current.end - current.start <= visible.end - visible.start + 2 * overscan;
  return covers && small ? current : wanted;
}

/** The scrollTop that brings row `index` fully into view with the least movement. */
export function revealScrollTop(
  index: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop || viewport < rowHeight) return top;
  if (bottom > scrollTop + viewport) return bottom - viewport;
  return scrollTop;
}

export function clampScrollTop(scrollTop: number, contentHeight: number, viewport: number): number {
  return Math.max(0, Math.min(scrollTop, contentHeight - viewport));
}

/** True when the rendered rows end within `viewports` viewports of the last loaded row. */
export function nearEnd(
  windowEnd: number,
  count: number,
  rowsPerViewport: number,
  viewports = 2,
): boolean {
  return count - windowEnd <= rowsPerViewport * viewports;
}

interface HasId {
  readonly id: string;
}

/**
 * The index of the item with this id, searched outward from `hint` (where it was last) up to
 * `maxDistance` rows either side; -1 if not there.
 */
export function indexOfId(
  items: readonly HasId[],
  id: string | null,
  hint: number,
  maxDistance = Infinity,
): number {
  if (id === null || items.length === 0) return -1;
  const from = Math.min(Math.max(0, Math.trunc(hint)), items.length - 1);
  const reach = Math.min(maxDistance, Math.max(from, items.length - 1 - from));
  for (let d = 0; d <= reach; d++) {
    if (items[from + d]?.id === id) return from + d;
    if (d > 0 && items[from - d]?.id === id) return from - d;
  }
  return -1;
}

export type Reanchor =
  | { readonly kind: 'keep' }
  /** The same articles, `rows` further down (positive: newer ones were put before them). */
  | { readonly kind: 'shift'; readonly rows: number }
  /** Different articles: start again from the top. */
  | { readonly kind: 'reset' };

const KEEP: Reanchor = { kind: 'keep' };
const RESET: Reanchor = { kind: 'reset' };

/**
 * Whether prev's first `run` rows follow each other in `next` from `at` on, in the same order,
 * new rows between them allowed (as many again at most).
 */
function orderKept(
  prev: readonly HasId[],
  next: readonly HasId[],
  at: number,
  run: number,
): boolean {
  const need = Math.min(run, prev.length);
  let k = 0;
  let n = at;
  for (; n < next.length && n < at + 2 * run && k < need; n++) {
    if (next[n]?.id === prev[k]?.id) k++;
  }
  // Or the new list ended first, after mostly prev's rows.
  return k >= need || (n === next.length && k > 0 && n - at - k <= k);
}

/**
 * How the list moved between `prev` and `next`, judged by where prev's rows went: `keep` when
 * they stayed put (appended, updated in place); `shift` when the row at the top of the viewport
 * (`topIndex` in prev) moved because rows above it came or went (a sync put articles above or
 * among them); `reset` when that row and the first one are both gone (another list). At the very
 * top, a shift is trusted only if `run` articles kept their order (new ones between allowed), so
 * a tab whose articles merely include prev's first one is not taken for a prepend; below the top,
 * the reader's row is followed wherever it went. Scans at most `maxScan` rows.
 */
export function reanchor(
  prev: readonly HasId[],
  next: readonly HasId[],
  topIndex: number,
  maxScan = 10_000,
  run = 8,
): Reanchor {
  if (prev === next) return KEEP;
  const first = prev[0];
  const newFirst = next[0];
  if (first === undefined || newFirst === undefined) return RESET;
  const top = Math.min(Math.max(0, topIndex), prev.length - 1);
  const anchor = prev[top];
  if (anchor !== undefined) {
    if (next[top]?.id === anchor.id) return KEEP;
    const at = indexOfId(next, anchor.id, top, maxScan);
    if (at >= 0 && (top > 0 || orderKept(prev, next, at, run)))
      return { kind: 'shift', rows: at - top };
  }
  return newFirst.id === first.id ? KEEP : RESET;
}

/**
 * Where a navigation key moves the active row: `current` (-1 for none; then the arrows and page
 * keys start from `fallback`, the first visible row) among `count` rows, `page` rows a page.
 * null for any other key.
 */
export function keyTarget(
  key: string,
  current: number,
  count: number,
  page: number,
  fallback: number,
): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const clamp = (i: number): number => Math.min(last, Math.max(0, i));
  const from = current < 0 ? null : current;
  switch (key) {
    case 'ArrowDown':
      return from === null ? clamp(fallback) : clamp(from + 1);
    case 'ArrowUp':
      return from === null ? clamp(fallback) : clamp(from - 1);
    case 'PageDown':
      return from === null ? clamp(fallback) : clamp(from + Math.max(1, page));
    case 'PageUp':
      return from === null ? clamp(fallback) : clamp(from - Math.max(1, page));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

/**
 * `text` cut around its highlights (offsets in UTF-16 code units): the matches in order, with
 * the text between them; overlapping highlights merge, ones out of range are clipped.
 */
export function highlightSegments(
  text: string,
  highlights: readonly { readonly start: number; readonly length: number }[],
): Segment[] {
  const spans = highlights
    .map((h) => ({
      start: Math.max(0, Math.min(text.length, h.start)),
      end: Math.max(0, Math.min(text.length, h.start + h.length)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    const last = segments.at(-1);
    if (last?.match === true && start === at) {
      segments[segments.length - 1] = {
        text: last.text + text.slice(start, span.end),
        match: true,
      };
    } else {
      segments.push({ text: text.slice(start, span.end), match: true });
    }
    at = span.end;
  }
  if (at < text.length || segments.length === 0)
    segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** A row's text in the reader's script. */
export interface RowText {
  /** The converter it was made with. */
  readonly convert: Convert;
  readonly title: string;
  /** A search hit's title cut around its matches, each piece converted on its own; else null. */
  readonly titleMarks: readonly Segment[] | null;
  readonly source: string | null;
  /** The snippet; for a search hit cut around its matches, each piece converted on its own. */
  readonly snippet: readonly Segment[];
}

/**
 * A snippet shows one line: more characters than the widest list can hold are only shaped and
 * converted for nothing (a summary can run to hundreds).
 */
export const SNIPPET_CHARS = 120;

function clip(text: string): string {
  if (text.length <= SNIPPET_CHARS) return text;
  // Never half a surrogate pair (characters beyond the Basic Multilingual Plane).
  const end = /[\uD800-\uDBFF]/.test(text.charAt(SNIPPET_CHARS - 1))
    ? SNIPPET_CHARS - 1
    : SNIPPET_CHARS;
  return text.slice(0, end);
}

export function rowText(item: ListItem, convert: Convert): RowText {
  const { script } = item;
  const segments: readonly Segment[] =
    'highlights' in item
      ? highlightSegments(item.snippet, item.highlights)
      : [{ text: clip(item.snippet), match: false }];
  const titleMarks =
    'titleHighlights' in item && item.titleHighlights.length > 0
      ? highlightSegments(item.title, item.titleHighlights).map((t) => ({
          text: convert(t.text, script),
          match: t.match,
        }))
      : null;
  return {
    convert,
    title:
      titleMarks === null ? convert(item.title, script) : titleMarks.map((t) => t.text).join(''),
    titleMarks,
    source: item.sourceName === null ? null : convert(item.sourceName, script),
    snippet: segments.map((s) => ({ text: convert(s.text, script), match: s.match })),
  };
}
