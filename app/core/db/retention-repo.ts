/**
 * What retention needs from a sync (migration 0070): which articles each source's latest fetch
 * listed, and which URLs pruning removed. This file's exports are its whole API.
 */
import type { Database } from './database.ts';

export interface RetentionRepo {
  /**
   * Records that the source's latest fetch listed these articles (by library id) and these URLs
   * (articles already stored and not read again, such as a portal's known pages), replacing what
   * its previous fetch listed. Call inside the transaction that stores the fetch.
   */
  recordListed(sourceId: string, ids: readonly number[], urls: readonly string[]): void;
  /** True when pruning removed an article with this URL. */
  wasPruned(url: string): boolean;
}

export function retentionRepo(db: Database): RetentionRepo {
  const clear = db.prepare<[string]>('DELETE FROM source_items WHERE source_id = ?');
  const listId = db.prepare<[string, number]>(
    'INSERT OR IGNORE INTO source_items (source_id, article_id) VALUES (?, ?)',
  );
  const listUrl = db.prepare<[string, string]>(
    'INSERT OR IGNORE INTO source_items (source_id, article_id) SELECT ?, id FROM articles WHERE url = ?',
  );
  const pruned = db.prepare<[string], number>('SELECT 1 FROM pruned_urls WHERE url = ?').pluck();
  return {
    recordListed(sourceId, ids, urls) {
      clear.run(sourceId);
      for (const id of ids) listId.run(sourceId, id);
      for (const url of urls) listUrl.run(sourceId, url);
    },
    wasPruned: (url) => pruned.get(url) !== undefined,
  };
}
