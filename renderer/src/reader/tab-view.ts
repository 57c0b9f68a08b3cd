/**
 * The list view of a tab of the tab bar (a region's or one of the reader's own), unread only
 * when the reader chose that for it: never 收藏, which lists every bookmark.
 */
import type { RegionId } from '../../../app/shared/regions.ts';
import { readerTabOf, type TabKey } from '../tabs/tab-key.ts';
import type { ListView } from './reader-state.ts';

export function tabView(key: TabKey, unreadOnlyTabs: readonly string[]): ListView {
  const tab = readerTabOf(key);
  const region: RegionId = tab === null ? (key as RegionId) : 'all';
  const unreadOnly = region !== 'bookmarks' && unreadOnlyTabs.includes(key);
  return {
    kind: 'region',
    region,
    ...(tab === null ? {} : { tab }),
    ...(unreadOnly ? { unreadOnly: true } : {}),
  };
}
