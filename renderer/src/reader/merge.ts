/** Pure list updates for the reader's state (unit-tested under Node). */

interface Row {
  readonly id: string;
  readonly bookmarked: boolean;
  readonly unread: boolean;
}

/**
 * Merges a fresh first page into the loaded rows: rows newer than the first loaded one go on
 * top, and flags of rows in both take the fresh values. When the fresh page does not reach the
 * first loaded row (more than a page arrived, or the row went away), the fresh page replaces
 * the list (`replaced`), since what lies between is unknown.
 */
export function mergeNewer<T extends Row>(
  loaded: readonly T[],
  fresh: readonly T[],
): { readonly items: readonly T[]; readonly replaced: boolean } {
  const first = loaded[0];
  if (first === undefined) return { items: fresh, replaced: true };
  const at = fresh.findIndex((row) => row.id === first.id);
  if (at < 0) return { items: fresh, replaced: true };
  const byId = new Map(fresh.map((row) => [row.id, row]));
  let changed = at > 0;
  const kept = loaded.map((row) => {
    const update = byId.get(row.id);
    if (update === undefined) return row;
    if (update.bookmarked === row.bookmarked && update.unread === row.unread) return row;
    changed = true;
    return { ...row, bookmarked: update.bookmarked, unread: update.unread };
  });
  if (!changed) return { items: loaded, replaced: false };
  return { items: [...fresh.slice(0, at), ...kept], replaced: false };
}

/** The rows with one row's flags changed (the same array when nothing changes). */
export function withFlags<T extends Row>(
  rows: readonly T[],
  id: string,
  flags: { readonly bookmarked?: boolean; readonly unread?: boolean },
): readonly T[] {
  const at = rows.findIndex((row) => row.id === id);
  const row = rows[at];
  if (row === undefined) return rows;
  const next = rows.slice();
  next[at] = { ...row, ...flags };
  return next;
}

interface DatedRow extends Row {
  /** ISO 8601, UTC: sorts as text. */
  readonly publishedAt: string;
}

/**
 * Merges a fresh first page of a time-ordered tab (newest first) into the loaded rows. The fresh
 * page is the truth for the time it spans: rows synced into that span appear in their place
 * (newer ones on top, older ones among the rest), rows gone from it go. Loaded rows older than
 * the page are kept. Rows that did not change keep their identity, so the list redraws only
 * what changed and keeps the reader's place. `complete` says the fresh page was the whole tab.
 */
export function mergeFresh<T extends DatedRow>(
  loaded: readonly T[],
  fresh: readonly T[],
  complete: boolean,
): { readonly items: readonly T[]; readonly extendsPastFresh: boolean } {
  const byId = new Map(loaded.map((row) => [row.id, row]));
  const head = fresh.map((row) => {
    const old = byId.get(row.id);
    return old?.bookmarked === row.bookmarked && old.unread === row.unread ? old : row;
  });
  const oldest = fresh[fresh.length - 1];
  if (complete || oldest === undefined) return { items: head, extendsPastFresh: false };
  const inFresh = new Set(fresh.map((row) => row.id));
  const tail = loaded.filter(
    (row) => !inFresh.has(row.id) && row.publishedAt <= oldest.publishedAt,
  );
  const items = [...head, ...tail];
  const unchanged = items.length === loaded.length && items.every((row, i) => row === loaded[i]);
  return { items: unchanged ? loaded : items, extendsPastFresh: tail.length > 0 };
}

/**
 * Merges a fresh first page of a tab shown unread only. Rows the reader has read stay in place,
 * marked read, until the view is left (as in NetNewsWire: a row never vanishes under the reader);
 * unread rows that arrived come in at their place by date.
 */
export function mergeUnreadOnly<T extends DatedRow>(
  loaded: readonly T[],
  fresh: readonly T[],
  complete: boolean,
): readonly T[] {
  const freshById = new Map(fresh.map((row) => [row.id, row]));
  const oldest = fresh.at(-1)?.publishedAt;
  const kept = loaded.map((row) => {
    const update = freshById.get(row.id);
    // Not in the fresh page although within its span: read since.
    const inSpan = complete || (oldest !== undefined && row.publishedAt >= oldest);
    const unread = update !== undefined || (inSpan ? false : row.unread);
    const bookmarked = update?.bookmarked ?? row.bookmarked;
    return unread === row.unread && bookmarked === row.bookmarked
      ? row
      : { ...row, unread, bookmarked };
  });
  const known = new Set(loaded.map((row) => row.id));
  const added = fresh.filter((row) => !known.has(row.id));
  if (added.length === 0) return kept.every((row, i) => row === loaded[i]) ? loaded : kept;
  return [...kept, ...added].sort((a, b) =>
    a.publishedAt === b.publishedAt ? 0 : a.publishedAt > b.publishedAt ? -1 : 1,
  );
}
