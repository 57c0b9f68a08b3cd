/**
 * New articles announced in the desktop app (issue 18, a setting off by default): after a sync
 * that brought articles into the places the reader chose, a system notification while the window
 * is not in front, and the library's unread count on the app's badge (the macOS dock and the
 * Unity launcher; on Windows, where app.setBadgeCount does nothing, an overlay on the taskbar
 * button). Main stays thin: the counts come over the library's port (the NewsClient main already
 * has), the arithmetic and the words from app/shared/new-articles.ts and app/shared/badge.ts.
 */
import { join } from 'node:path';
import { Notification, app, nativeImage, type BrowserWindow, type NativeImage } from 'electron';
import type { TabCount } from '../shared/articles.ts';
import { badgeDescription, badgeFile, badgeLabel, type BadgeLabel } from '../shared/badge.ts';
import type { NewsClient } from '../shared/contract.ts';
import { resolveLocale } from '../shared/locale.ts';
import { announcement, newArticlesIn, unreadCount } from '../shared/new-articles.ts';
import { effectiveScript, type Settings } from '../shared/settings.ts';
import { createLogger } from '../core/log.ts';

const log = createLogger('announce');

/**
 * Windows: the unread count as an overlay on the taskbar button, from the images in `badgeDir`
 * (build/badges, shipped as resources/badges); none when nothing is unread.
 */
function taskbarOverlay(badgeDir: string) {
  const images = new Map<BadgeLabel, NativeImage>();
  return (win: BrowserWindow, unread: number, description: string): void => {
    const label = badgeLabel(unread);
    if (label === null) {
      win.setOverlayIcon(null, '');
      return;
    }
    let image = images.get(label);
    if (image === undefined) {
      // Loads badge-N@2x.png beside it too, for displays at 200 %.
      image = nativeImage.createFromPath(join(badgeDir, badgeFile(label)));
      images.set(label, image);
    }
    if (image.isEmpty()) {
      log.warn(`no unread badge image in ${badgeDir}`);
      return;
    }
    win.setOverlayIcon(image, description);
  };
}

/** Follows the library's events; returns a function that stops. */
export function startAnnouncer(
  service: NewsClient,
  window: () => BrowserWindow | null,
  badgeDir: string,
): () => void {
  let settings: Settings | null = null;
  /** The counts after the last sync (or at start): what "new" is measured from. */
  let before: readonly TabCount[] | null = null;
  let badgeTimer: ReturnType<typeof setTimeout> | null = null;

  const overlay = process.platform === 'win32' ? taskbarOverlay(badgeDir) : null;
  const setBadge = (counts: readonly TabCount[]): void => {
    const unread = settings?.notifyNewArticles === true ? unreadCount(counts) : 0;
    app.setBadgeCount(unread);
    const win = window();
    if (overlay === null || win === null || settings === null) return;
    const languages = app.getPreferredSystemLanguages();
    const locale = resolveLocale(settings.uiLanguage, languages);
    overlay(win, unread, badgeDescription(unread, locale, effectiveScript(settings, languages)));
  };
  const refreshBadge = (): void => {
    // Marking many articles read fires an event each: the badge follows once they settle.
    if (badgeTimer !== null) clearTimeout(badgeTimer);
    badgeTimer = setTimeout(() => {
      badgeTimer = null;
      service.getTabCounts().then(setBadge, (error: unknown) => {
        log.warn('could not read the unread count', error);
      });
    }, 500);
  };
  const announce = async (): Promise<void> => {
    const after = await service.getTabCounts();
    const previous = before;
    before = after;
    setBadge(after);
    if (settings?.notifyNewArticles !== true || previous === null) return;
    const win = window();
    // The reader is looking at the list, which already shows them.
    if (win !== null && win.isVisible() && win.isFocused()) return;
    if (!Notification.isSupported()) return;
    const languages = app.getPreferredSystemLanguages();
    const locale = resolveLocale(settings.uiLanguage, languages);
    const news = newArticlesIn(previous, after, settings.notifyRegions);
    const text = announcement(news, locale, effectiveScript(settings, languages));
    if (text === null) return;
    const notification = new Notification({ title: text.title, body: text.body });
    notification.on('click', () => {
      const target = window();
      if (target === null) return;
      if (target.isMinimized()) target.restore();
      target.show();
      target.focus();
    });
    notification.show();
  };

  void Promise.all([service.getSettings(), service.getTabCounts()]).then(
    ([loaded, counts]) => {
      settings = loaded;
      before = counts;
      setBadge(counts);
    },
    (error: unknown) => {
      log.warn('could not read the settings and counts', error);
    },
  );
  const unsubscribe = service.subscribe((event) => {
    switch (event.type) {
      case 'settingsChanged':
        settings = event.settings;
        refreshBadge();
        break;
      case 'syncFinished':
        if (event.summary.inserted > 0 || before === null)
          announce().catch((error: unknown) => {
            log.warn('could not announce new articles', error);
          });
        break;
      case 'libraryChanged':
        refreshBadge();
        break;
      default:
        break;
    }
  });
  return () => {
    unsubscribe();
    if (badgeTimer !== null) clearTimeout(badgeTimer);
  };
}
