/**
 * Triage: a whole tab marked read at once. Its own file (not articles-repo.ts) because it answers
 * with the ids it changed, which the reader's undo hands back to markUnread. This file's exports
 * are its whole API.
 */
import type { RegionId } from '../../shared/regions.ts';
import type { Database } from './database.ts';

export interface TriageRepo {
  /**
   * Marks every unread article of `region` read at `now` (`all`: the whole library; `bookmarks`:
   * the bookmarked ones) that the library held at `heldAt` (ms; its first fetch no later), in one
   * transaction; returns the library ids it changed, newest first.
   */
  markAllRead(region: RegionId, now: number, heldAt: number): number[];
}

export function triageRepo(db: Database): TriageRepo {
  const unreadAll = db
    .prepare<[number], number>(
      'SELECT id FROM articles WHERE read_at IS NULL AND fetched_at <= ? ORDER BY sort_key DESC',
    )
    .pluck();
  const unreadInRegion = db
    .prepare<[string, number], number>(
      `SELECT r.article_id FROM article_regions r JOIN articles a ON a.id = r.article_id
       WHERE r.region = ? AND r.unread = 1 AND a.fetched_at <= ? ORDER BY r.sort_key DESC`,
    )
    .pluck();
  const unreadBookmarked = db
    .prepare<[number], number>(
      `SELECT a.id FROM bookmarks b JOIN articles a ON a.id = b.article_id
       WHERE a.read_at IS NULL AND a.fetched_at <= ? ORDER BY a.sort_key DESC`,
    )
    .pluck();
  // The read trigger (migration 0020) keeps tab_counts and article_regions in step, row by row.
  const markOne = db.prepare<[number, number]>(
    'UPDATE articles SET read_at = ? WHERE id = ? AND read_at IS NULL',
  );

  const markAll = db.transaction((region: RegionId, now: number, heldAt: number): number[] => {
    const ids =
      region === 'all'
        ? unreadAll.all(heldAt)
        : region === 'bookmarks'
          ? unreadBookmarked.all(heldAt)
          : unreadInRegion.all(region, heldAt);
    return ids.filter((id) => markOne.run(now, id).changes === 1);
  });

  return { markAllRead: (region, now, heldAt) => markAll(region, now, heldAt) };
}
