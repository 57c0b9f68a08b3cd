/**
 * The reader's own tabs and what they show: the articles of the sources put in each. This file's
 * exports are its whole API.
 */
import type { ArticleSummary, Page } from '../../shared/articles.ts';
import type { ReaderTab } from '../../shared/tabs.ts';
import type { Database } from './database.ts';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.ts';

export interface TabsRepo {
  /** In the reader's order, with counts. */
  list(): ReaderTab[];
  get(id: number): ReaderTab | null;
  byName(name: string): ReaderTab | null;
  /** Adds a tab after the others; returns its id. */
  add(name: string): number;
  rename(id: number, name: string): boolean;
  /** Moves a tab to `position` (clamped to the last place); false when there is no such tab. */
  move(id: number, position: number): boolean;
  /** Deletes a tab; its sources belong to no tab after it (their articles stay). */
  remove(id: number): boolean;
  /** One page of the tab's articles, newest first, keyset-paged by sort key. */
  articles(id: number, cursor: number | null, limit: number): Page<ArticleSummary>;
  /** Ids of the unread articles one of the reader's tabs shows (regions: triage-repo.ts). */
  unreadIds(tab: number, heldAt: number): number[];
}

interface TabRow {
  id: number;
  name: string;
  position: number;
  unread: number;
  total: number;
}

export function tabsRepo(db: Database): TabsRepo {
  // Counted on demand: a reader's tabs hold their own feeds, a small share of the library.
  const WITH_COUNTS = `SELECT t.id, t.name, t.position,
      (SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.tab_id = t.id) AS total,
      (SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id
        WHERE s.tab_id = t.id AND a.read_at IS NULL) AS unread
    FROM reader_tabs t`;
  const all = db.prepare<[], TabRow>(`${WITH_COUNTS} ORDER BY t.position, t.id`);
  const one = db.prepare<[number], TabRow>(`${WITH_COUNTS} WHERE t.id = ?`);
  const named = db.prepare<[string], number>('SELECT id FROM reader_tabs WHERE name = ?').pluck();
  const last = db
    .prepare<[], number>('SELECT coalesce(max(position) + 1, 0) FROM reader_tabs')
    .pluck();
  const insert = db.prepare<[string, number]>(
    'INSERT INTO reader_tabs (name, position) VALUES (?, ?)',
  );
  const rename = db.prepare<[string, number]>('UPDATE reader_tabs SET name = ? WHERE id = ?');
  const order = db.prepare<[], number>('SELECT id FROM reader_tabs ORDER BY position, id').pluck();
  const place = db.prepare<[number, number]>('UPDATE reader_tabs SET position = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM reader_tabs WHERE id = ?');
  const page = db.prepare<[number, number, number], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id
     WHERE s.tab_id = ? AND a.sort_key < ? ORDER BY a.sort_key DESC LIMIT ?`,
  );
  const unreadInTab = db
    .prepare<[number, number], number>(
      `SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id
       WHERE s.tab_id = ? AND a.read_at IS NULL AND a.fetched_at <= ?`,
    )
    .pluck();

  const move = db.transaction((id: number, position: number): boolean => {
    const ids = order.all();
    const at = ids.indexOf(id);
    if (at === -1) return false;
    ids.splice(at, 1);
    ids.splice(Math.min(position, ids.length), 0, id);
    ids.forEach((tab, i) => place.run(i, tab));
    return true;
  });

  const toTab = (r: TabRow): ReaderTab => ({ ...r });
  return {
    list: () => all.all().map((r, i) => ({ ...toTab(r), position: i })),
    get(id) {
      const row = one.get(id);
      if (row === undefined) return null;
      return { ...toTab(row), position: order.all().indexOf(id) };
    },
    byName(name) {
      const id = named.get(name);
      return id === undefined ? null : this.get(id);
    },
    add: (name) => Number(insert.run(name, last.get() ?? 0).lastInsertRowid),
    rename: (id, name) => rename.run(name, id).changes > 0,
    move: (id, position) => move(id, position),
    remove: (id) => remove.run(id).changes > 0,
    articles(id, cursor, limit) {
      const rows = page.all(id, cursor ?? Number.MAX_SAFE_INTEGER, limit + 1);
      const items = rows.slice(0, limit);
      const end = items.at(-1);
      return {
        items: items.map((row) => toSummary(row)),
        nextCursor: rows.length > limit && end !== undefined ? String(end.sort_key) : null,
      };
    },
    unreadIds: (tab, heldAt) => unreadInTab.all(tab, heldAt),
  };
}
