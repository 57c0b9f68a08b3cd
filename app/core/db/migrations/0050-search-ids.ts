import { searchTokens } from '../../text/search-tokens.ts';
import { dayOf, dayStart } from '../search-ids.ts';
import type { Migration } from './index.ts';

/**
 * The search index's rowid becomes the article's search id, publication day × 2^20 + a counter
 * within the day (app/core/db/search-ids.ts, docs/technotes/0004-search.md), instead of its sort
 * key: dense rowids make FTS5's doclists 4× smaller and the index twice as fast to fill. The
 * `published_at` index goes too: pruning by sort key (published ms × 1024 + slot) is the same
 * range. Existing articles get their ids in sort-key order and the index is rebuilt in that order.
 * The insert triggers that kept `tab_counts` go as well: a trigger runs as a sub-program per row,
 * and the articles repository now adds a whole batch's counts with one update per tab. Deletes and
 * read-state changes still count by trigger.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'search-ids',
  up: (db) => {
    db.exec(`
      ALTER TABLE articles ADD COLUMN search_id INTEGER;
      DROP INDEX articles_published;
      DROP TRIGGER articles_ai;
      DROP TRIGGER article_regions_ai;
      DROP TRIGGER articles_ad;
      DROP TABLE search_index;
      CREATE VIRTUAL TABLE search_index USING fts5 (
        tokens, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none'
      );
      INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 16000000);
      INSERT INTO search_index (search_index, rank) VALUES ('automerge', 16);
      INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 64);
    `);
    const setId = db.prepare<[number, number]>('UPDATE articles SET search_id = ? WHERE id = ?');
    const insert = db.prepare<[number, string]>(
      'INSERT INTO search_index (rowid, tokens) VALUES (?, ?)',
    );
    const chunk = db.prepare<[number], [number, number, number, string, string, string]>(
      `SELECT sort_key, id, published_at, title, summary, text FROM articles
       WHERE sort_key > ? ORDER BY sort_key LIMIT 1000`,
    );
    let day = Number.NaN;
    let next = 0;
    for (let after = Number.MIN_SAFE_INTEGER; ;) {
      const rows = chunk.raw().all(after);
      for (const [, id, publishedAt, title, summary, text] of rows) {
        const d = dayOf(publishedAt);
        if (d !== day) {
          day = d;
          next = dayStart(d);
        }
        setId.run(next, id);
        insert.run(next, searchTokens(title, summary, text));
        next += 1;
      }
      const last = rows.at(-1);
      if (last === undefined) break;
      after = last[0];
    }
    db.exec(`
      CREATE INDEX articles_search ON articles (search_id, sort_key);
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        UPDATE tab_counts SET total = total - 1, unread = unread - (OLD.read_at IS NULL) WHERE region = 'all';
        DELETE FROM search_index WHERE rowid = OLD.search_id;
      END;
    `);
  },
};
