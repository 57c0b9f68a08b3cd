/**
 * Cross-script full-text search over the library (docs/technotes/0004-search.md). The index
 * holds folded characters and bigrams with rowid = search id (search-ids.ts), so FTS5 hands
 * candidates back a day at a time, newest day first, and each day is put in sort-key order; each is
 * checked against its folded text when the index alone cannot prove the match, and gets a
 * snippet with the matches highlighted. This file's exports are its whole API.
 */
import type { Highlight, Page, SearchHit, SearchPage } from '../../shared/articles.ts';
import type { RegionId } from '../../shared/regions.ts';
import { fold } from '../text/fold.ts';
import { parseQuery } from '../text/search-tokens.ts';
import type { Statement } from 'better-sqlite3';
import type { Database } from './database.ts';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.ts';
import { dayOfSearchId, dayOfSortKey, dayStart } from './search-ids.ts';
import { searchIndexOf } from './search-index.ts';
import { indexedText } from './search-apply.ts';
import { isDamage } from './search-index-file.ts';
import { NewsApiError } from '../../shared/errors.ts';

/**
 * Candidates read from the index in the first round trip, and at most in later ones. Each
 * statement starts the doclists of every segment afresh, which in a large library costs more
 * than the rows: at 1,000,000 articles a common query's day read 256 at a time took 30 ms,
 * growing by 4× a round, 10 ms.
 */
const FIRST_CHUNK = 256;
const MAX_CHUNK = 4096;
/** Candidates checked per call at most; past that the page ends early with a cursor. */
const MAX_CHECKED = 20_000;
/**
 * Characters of context before the match: the list shows a snippet on one line, about 24
 * characters wide, so the match sits in the middle of what shows, with the rest after it.
 */
const BEFORE = 10;
const SNIPPET = 110;
const END = Number.MAX_SAFE_INTEGER;

type Row = SummaryRow & { text: string };

export interface SearchRepo {
  /**
   * A page of hits from what the index holds now; `unindexed` says what it has not applied yet.
   * For what was stored before to be found, wait first (SearchIndex.settled, or settle).
   */
  search(query: string, scope: SearchScope, cursor: number | null, limit: number): SearchPage;
}

/** Where a search looks: a region's tab (全部, 收藏 included), or one of the reader's own. */
export type SearchScope = RegionId | { readonly tab: number };

export function searchRepo(db: Database): SearchRepo {
  const index = searchIndexOf(db);
  // The index's rowids are search ids (search-ids.ts): a day at a time, newest day first. The
  // candidates of a day are collected whole and put in sort-key order before they are checked,
  // so hits come out exactly newest first.
  const candidates = db
    .prepare<[string, number, number], [number, number]>(
      `SELECT search_index.rowid, a.sort_key
       FROM ix.search_index JOIN articles a ON a.search_id = search_index.rowid
       WHERE search_index MATCH ? AND search_index.rowid < ?
       ORDER BY search_index.rowid DESC LIMIT ?`,
    )
    .raw();
  // Matched and quoted from the full text where the reader fetched one, as it is indexed.
  const full = indexedText(db);
  const bySortKey = db.prepare<[number], Row>(
    `SELECT ${SUMMARY_COLUMNS}, ${full.text} AS text FROM articles a ${full.join} WHERE a.sort_key = ?`,
  );
  const inRegion = db
    .prepare<[string, number], number>(
      'SELECT 1 FROM article_regions WHERE region = ? AND sort_key = ?',
    )
    .pluck();
  // Prepared on first use: a library migrated only as far as 0060 (its test) has no reader tabs.
  let inReaderTab: Statement<[number, number], number> | undefined;
  const readerTabHas = (key: number, tab: number): boolean =>
    (inReaderTab ??= db
      .prepare<[number, number], number>(
        `SELECT 1 FROM articles a JOIN sources s ON s.id = a.source_id
         WHERE a.sort_key = ? AND s.tab_id = ?`,
      )
      .pluck()).get(key, tab) !== undefined;
  const isBookmarked = db
    .prepare<[number], number>(
      'SELECT 1 FROM articles a JOIN bookmarks b ON b.article_id = a.id WHERE a.sort_key = ?',
    )
    .pluck();

  const indexIntact = (): boolean => {
    try {
      return db.pragma('ix.quick_check', { simple: true }) === 'ok';
    } catch {
      return false;
    }
  };

  const readCandidates = (match: string, below: number, limit: number): [number, number][] => {
    try {
      return candidates.all(match, below, limit);
    } catch (error) {
      // The query reads the library's articles too: damage there is the library's (NewsService
      // repairs it), and the index, derived data, is blamed only when its own pages are bad.
      if (!isDamage(error) || indexIntact()) throw error;
      index.markDamaged(error);
      throw new NewsApiError(
        'STORAGE',
        'The search index is damaged. Restart Heitu Reader to rebuild it from your library; no article or bookmark is lost.',
        { cause: error },
      );
    }
  };

  const inScope = (region: SearchScope, key: number): boolean => {
    if (typeof region === 'object') return readerTabHas(key, region.tab);
    if (region === 'all') return true;
    if (region === 'bookmarks') return isBookmarked.get(key) !== undefined;
    return inRegion.get(region, key) !== undefined;
  };

  const find = (
    parsed: ReturnType<typeof parseQuery>,
    region: SearchScope,
    cursor: number | null,
    limit: number,
  ): Page<SearchHit> => {
    const hits: SearchHit[] = [];
    let lastIncluded = 0;
    let checked = 0;
    /** Checks one day's candidates, newest first: the page when it is complete, else null. */
    const checkDay = (keys: number[]): Page<SearchHit> | null => {
      keys.sort((x, y) => y - x);
      for (const key of keys) {
        checked += 1;
        const row = inScope(region, key) ? bySortKey.get(key) : undefined;
        const hit = row === undefined ? null : toHit(row, parsed.runs, parsed.needsCheck);
        if (hit !== null) {
          // One hit past the page proves there is a next page.
          if (hits.length === limit) return { items: hits, nextCursor: String(lastIncluded) };
          hits.push(hit);
          lastIncluded = key;
        }
        // Bounded work per call: a query whose candidates mostly fail the check ends early.
        if (checked >= MAX_CHECKED) return { items: hits, nextCursor: String(key) };
      }
      return null;
    };
    const below = cursor ?? END;
    // The cursor's own day is read again, from the cursor down.
    let bound = cursor === null ? END : dayStart(dayOfSortKey(cursor) + 1);
    let day = Number.NaN;
    let keys: number[] = [];
    for (let chunk = FIRST_CHUNK; ; chunk = Math.min(MAX_CHUNK, chunk * 4)) {
      const rows = readCandidates(parsed.match, bound, chunk);
      for (const [searchId, key] of rows) {
        const d = dayOfSearchId(searchId);
        if (d !== day) {
          const page = checkDay(keys);
          if (page !== null) return page;
          day = d;
          keys = [];
        }
        if (key < below) keys.push(key);
        bound = searchId;
      }
      if (rows.length < chunk) return checkDay(keys) ?? { items: hits, nextCursor: null };
    }
  };

  return {
    search(query, region, cursor, limit) {
      const parsed = parseQuery(query);
      if (parsed.match === '') return { items: [], nextCursor: null, unindexed: 0 };
      return { ...find(parsed, region, cursor, limit), unindexed: index.behind() };
    },
  };
}

/** The hit for `row`, or null when its text does not contain every run of the query. */
function toHit(row: Row, runs: readonly string[], needsCheck: boolean): SearchHit | null {
  const original = `${row.title}\n${row.summary}\n${row.text}`;
  const folded = fold(original);
  if (needsCheck && !runs.every((run) => folded.includes(run))) return null;
  const first = runs[0] ?? '';
  // Prefer a match in the body over one in the title, which the list shows anyway.
  const bodyStart = row.title.length + 1;
  let at = folded.indexOf(first, bodyStart);
  if (at === -1) at = Math.max(0, folded.indexOf(first));
  const floor = at >= bodyStart ? bodyStart : 0;
  const [start, end] = snippetBounds(folded, runs, floor, at, at + first.length);
  const prefix = start > floor ? '…' : '';
  const suffix = end < original.length ? '…' : '';
  const snippet = `${prefix}${original.slice(start, end)}${suffix}`.replace(/\s/g, ' ');
  const foldedSnippet = `${prefix}${folded.slice(start, end)}${suffix}`;
  return {
    ...toSummary(row, snippet),
    highlights: highlightsIn(foldedSnippet, runs),
    titleHighlights: highlightsIn(folded.slice(0, row.title.length), runs),
  };
}

/**
 * The snippet's [start, end) in `folded`: from a little before the match, SNIPPET long, never
 * beginning or ending inside an occurrence of a run (a match is shown whole or not at all) nor
 * between the halves of a surrogate pair.
 */
function snippetBounds(
  folded: string,
  runs: readonly string[],
  floor: number,
  matchStart: number,
  matchEnd: number,
): [number, number] {
  let start = Math.max(floor, matchStart - BEFORE);
  let end = Math.min(folded.length, Math.max(start + SNIPPET, matchEnd));
  for (const run of runs) {
    if (run === '') continue;
    // An occurrence across the start begins the snippet; one across the end ends it.
    const before = folded.lastIndexOf(run, start - 1);
    if (before !== -1 && before >= floor && before + run.length > start) start = before;
    const across = folded.lastIndexOf(run, end - 1);
    if (across !== -1 && across < end && across + run.length > end) end = across + run.length;
  }
  if (start > floor && isLowSurrogate(folded.charCodeAt(start))) start -= 1;
  if (end < folded.length && isLowSurrogate(folded.charCodeAt(end))) end += 1;
  return [start, end];
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function highlightsIn(foldedSnippet: string, runs: readonly string[]): Highlight[] {
  const found: Highlight[] = [];
  for (const run of runs) {
    if (run === '') continue;
    for (
      let i = foldedSnippet.indexOf(run);
      i !== -1;
      i = foldedSnippet.indexOf(run, i + run.length)
    ) {
      found.push({ start: i, length: run.length });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // Drop overlaps so the renderer can wrap each range in <mark> without nesting.
  const merged: Highlight[] = [];
  for (const h of found) {
    const prev = merged.at(-1);
    if (prev !== undefined && h.start < prev.start + prev.length) continue;
    merged.push(h);
  }
  return merged;
}
