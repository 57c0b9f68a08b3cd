import type { Migration } from './index.ts';

/**
 * Sources the reader can tell apart and arrange (issue 18). `reader_tabs` are the reader's own tabs
 * (folders, in other readers' words), shown after the region tabs; a source belongs to at most one
 * (`tab_id`), and deleting a tab only unlinks its sources: no article or bookmark goes with it.
 * `feed_title` is the feed's own title from its last successful parse; `reader_title` the
 * reader's name for a configured source, whose own title belongs to its configuration;
 * `reader_full_text` the reader's choice of fetching full text, null until they make one.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'reader-tabs',
  up: (db) => {
    db.exec(`
      CREATE TABLE reader_tabs (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        position INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE sources ADD COLUMN feed_title TEXT;
      ALTER TABLE sources ADD COLUMN reader_title TEXT;
      ALTER TABLE sources ADD COLUMN reader_full_text INTEGER CHECK (reader_full_text IN (0, 1));
      ALTER TABLE sources ADD COLUMN tab_id INTEGER REFERENCES reader_tabs (id) ON DELETE SET NULL;
      CREATE INDEX sources_tab ON sources (tab_id) WHERE tab_id IS NOT NULL;
    `);
  },
};
