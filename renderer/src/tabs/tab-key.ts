/**
 * A tab of the tab bar: a region's (its RegionId) or one of the reader's own (`tab:<id>`). One
 * string, so the tab bar, the list's cache of first pages and the selection treat both alike.
 */
import type { RegionId } from '../../../app/shared/regions.ts';

export type TabKey = RegionId | `tab:${number}`;

export const readerTabKey = (id: number): TabKey => `tab:${id}`;

/** The reader's tab id of a key, or null for a region's. */
export function readerTabOf(key: string): number | null {
  const match = /^tab:(\d+)$/.exec(key);
  return match === null ? null : Number(match[1]);
}

/** The reader's own tabs go after the region tabs and before 收藏 (or last, without it). */
export function withOwnTabs<T>(
  regions: readonly T[],
  own: readonly T[],
  isBookmarks: (t: T) => boolean,
): T[] {
  const at = regions.findIndex(isBookmarks);
  return at < 0 ? [...regions, ...own] : [...regions.slice(0, at), ...own, ...regions.slice(at)];
}
