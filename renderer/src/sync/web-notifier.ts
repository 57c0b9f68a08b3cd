import type { TabCount } from '../../../app/shared/articles.ts';
import type { NewsApi } from '../../../app/shared/contract.ts';
import { announcement, newArticlesIn } from '../../../app/shared/new-articles.ts';
import type { ScriptMode, Settings } from '../../../app/shared/settings.ts';
import type { Locale } from '../i18n/messages.ts';

/**
 * New articles announced in browser mode (issue 18), with the Web Notifications API once the
 * reader allowed it: after a sync that ended while the page was not in front (a background sync,
 * as in the desktop app: a reader looking at the list sees the new rows there). The desktop app
 * announces from its main process instead (app/main/announce.ts); there the window is refused the
 * permission, so the two never both speak.
 */
export class WebNotifier {
  readonly #api: NewsApi;
  /** The counts after the last sync (or at start): what "new" is measured from. */
  #before: readonly TabCount[] | null = null;

  constructor(api: NewsApi) {
    this.#api = api;
  }

  /** The counts new articles are measured from. */
  start(counts: readonly TabCount[]): void {
    this.#before = counts;
  }

  /** After a sync: announces what it brought, in the UI's `locale` and the reader's `mode`. */
  async finished(settings: Settings | null, locale: Locale, mode: ScriptMode): Promise<void> {
    const watched = document.visibilityState === 'visible' && document.hasFocus();
    const after = await this.#api.getTabCounts();
    const before = this.#before;
    this.#before = after;
    if (settings?.notifyNewArticles !== true || before === null || watched) return;
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const news = newArticlesIn(before, after, settings.notifyRegions);
    const text = announcement(news, locale, mode);
    if (text === null) return;
    const notification = new Notification(text.title, {
      body: text.body,
      tag: 'heitu-new-articles',
    });
    notification.addEventListener('click', () => {
      window.focus();
      notification.close();
    });
  }
}
