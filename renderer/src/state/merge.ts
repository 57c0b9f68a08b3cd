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
