import type { Migration } from './index.ts';

/**
 * Retention that never churns (docs/technotes/0006-sync.md, "Retention"). `source_items` holds,
 * for each source, the articles its latest successful fetch listed; a sync replaces its source's
 * rows, and pruning spares every article listed there whatever its age, so an old article still in
 * its feed is never deleted and stored again as new. `pruned_urls` remembers what pruning removed,
 * so an article that comes back is not counted as new a second time.
 *
 * A library from before has no such record: every article of a source that has synced is taken
 * as listed, which keeps it until that source's next fetch says otherwise (the safe side).
 */
export const migration0070: Migration = {
  version: 70,
  name: 'retention',
  up: (db) => {
    db.exec(`
      CREATE TABLE source_items (
        source_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (source_id, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX source_items_article ON source_items (article_id);
      CREATE TABLE pruned_urls (
        url       TEXT PRIMARY KEY NOT NULL,
        pruned_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO source_items (source_id, article_id)
        SELECT a.source_id, a.id FROM articles a JOIN sources s ON s.id = a.source_id
        WHERE s.last_success_at IS NOT NULL;
    `);
  },
};
