import type { HeituReadingPane } from '../pane/heitu-reading-pane.ts';
import type { TriageController } from '../reader/triage-controller.ts';
import type { HeituRegionTabs } from '../tabs/heitu-region-tabs.ts';
import type { TabKey } from '../tabs/tab-key.ts';
import type { ShortcutTarget } from './shortcuts-controller.ts';

/** What of the shell the triage keys act on. */
interface TriageShell {
  readonly triage: TriageController;
  /** Every tab of the tab bar, in its order (regions, the reader's own, 收藏). */
  tabKeys(): readonly TabKey[];
  readonly selected: TabKey;
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
      const keys = app.tabKeys();
      const at = keys.indexOf(app.selected);
      const next = keys[(at + by + keys.length) % keys.length];
      if (next !== undefined) app.tabs?.selectTab(next);
    },
  };
}
