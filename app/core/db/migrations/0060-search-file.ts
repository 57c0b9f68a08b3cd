import type { Migration } from './index.ts';

/**
 * The search index moves out of the library into a file of its own, written on a second core
 * (app/core/db/search-index.ts, docs/technotes/0004-search.md). The library keeps `search_log`,
 * the changes the index has still to apply (AUTOINCREMENT: a sequence number is never used
 * twice, even after the log is emptied), and `search_meta`, a random token that ties an index
 * file to this library. Deleting an article logs its removal by trigger. The index file is made,
 * and filled from every article, when the library is next opened.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'search-file',
  up: (db) => {
    db.exec(`
      DROP TRIGGER articles_ad;
      DROP TABLE search_index;
      CREATE TABLE search_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        search_id INTEGER NOT NULL,
        op        INTEGER NOT NULL CHECK (op IN (0, 1))
      ) STRICT;
      CREATE TABLE search_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
      INSERT INTO search_meta (key, value) VALUES ('library', lower(hex(randomblob(16))));
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        UPDATE tab_counts SET total = total - 1, unread = unread - (OLD.read_at IS NULL) WHERE region = 'all';
        INSERT INTO search_log (search_id, op) SELECT OLD.search_id, 0 WHERE OLD.search_id IS NOT NULL;
      END;
    `);
  },
};
