import type { Region, RegionId } from '../../../app/shared/regions.ts';
import type { HeituReadingPane } from '../pane/heitu-reading-pane.ts';
import type { ListView } from '../reader/reader-state.ts';
import type { TriageController } from '../reader/triage-controller.ts';
import type { HeituRegionTabs } from '../tabs/heitu-region-tabs.ts';
import type { ShortcutTarget } from './shortcuts-controller.ts';

/** A tab's view: unread only when the reader chose that for it (never 收藏, which lists all). */
export function regionView(region: RegionId, unreadOnlyTabs: readonly string[]): ListView {
  return unreadOnlyTabs.includes(region) && region !== 'bookmarks'
    ? { kind: 'region', region, unreadOnly: true }
    : { kind: 'region', region };
}

/** What of the shell the triage keys act on. */
interface TriageShell {
  readonly triage: TriageController;
  readonly regions: readonly Region[];
  readonly selected: RegionId;
  readonly pane: HeituReadingPane | null;
  readonly tabs: HeituRegionTabs | null;
}

type TriageKeys = Pick<
  ShortcutTarget,
  | 'pageArticle'
  | 'nextUnread'
  | 'openOriginal'
  | 'copyLink'
  | 'markTabRead'
  | 'toggleUnreadOnly'
  | 'stepTab'
>;

/** The triage keys' actions (issue 18) on the shell. */
export function triageShortcuts(app: TriageShell): TriageKeys {
  return {
    pageArticle: () => app.pane?.pageDown() ?? false,
    nextUnread: () => void app.triage.nextUnread(),
    openOriginal: () => {
      app.triage.openOriginal();
    },
    copyLink: () => void app.triage.copyLink(),
    markTabRead: () => void app.triage.markTabRead(),
    toggleUnreadOnly: () => void app.triage.toggleUnreadOnly(),
    stepTab: (by) => {
      const { regions } = app;
      const at = regions.findIndex((region) => region.id === app.selected);
      const next = regions[(at + by + regions.length) % regions.length];
      if (next !== undefined) app.tabs?.selectTab(next.id);
    },
  };
}
