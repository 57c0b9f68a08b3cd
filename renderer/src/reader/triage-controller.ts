import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArticleId } from '../../../app/shared/articles.ts';
import type { NewsApi } from '../../../app/shared/contract.ts';
import type { RegionId } from '../../../app/shared/regions.ts';
import { MAX_MARK_UNREAD } from '../../../app/shared/triage.ts';
import type { TriageMessages } from '../i18n/triage-messages.ts';
import { readerTabOf, type TabKey } from '../tabs/tab-key.ts';
import type { ReaderState } from './reader-state.ts';
import { tabView } from './tab-view.ts';

/** What the notice under the list says, and whether it offers an undo. */
export interface Notice {
  readonly text: string;
  /** The articles an undo marks unread again; null for a notice without one. */
  readonly undo: readonly ArticleId[] | null;
}

/** How long a notice stays: long enough to read it and reach for Undo. */
const NOTICE_MS = 8000;

export interface TriageHost {
  readonly api: NewsApi;
  readonly reader: ReaderState;
  messages(): TriageMessages;
  /** The tab shown. */
  tab(): TabKey;
  /** Whether a tab is shown with its unread articles only (the setting). */
  unreadOnlyTabs(): readonly string[];
  saveUnreadOnlyTabs(tabs: readonly string[]): Promise<void>;
  openArticle(id: ArticleId): Promise<void>;
}

/**
 * Triage (issue 18): a tab marked read with an undo, the unread-only view of a tab, and the
 * article-level keys (next unread, open the original, copy its link). Holds the notice shown
 * under the list; Ctrl/Cmd+Z undoes while a notice with an undo shows.
 */
export class TriageController implements ReactiveController {
  notice: Notice | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #app: TriageHost;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #onKey = (event: KeyboardEvent): void => {
    const undoKey =
      (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z';
    if (!undoKey || event.shiftKey || this.notice?.undo == null) return;
    event.preventDefault();
    void this.undo();
  };

  constructor(host: ReactiveControllerHost, app: TriageHost) {
    this.#host = host;
    this.#app = app;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKey);
    this.#clearTimer();
  }

  /** Marks every unread article of the tab shown read (全部: everything), offering an undo. */
  async markTabRead(): Promise<void> {
    const t = this.#app.messages();
    const key = this.#app.tab();
    const tab = readerTabOf(key);
    try {
      // What the list was fetched from: a sync's later additions stay unread (not seen yet).
      const listedAt = this.#app.reader.listedAt;
      const { ids } = await this.#app.api.markAllRead({
        ...(tab === null ? { region: key as RegionId } : { tab }),
        ...(listedAt === null ? {} : { listedAt }),
      });
      this.#app.reader.patchRead(ids, false);
      this.show({
        text: ids.length === 0 ? t.nothingToMark : t.markedRead(ids.length),
        undo: ids.length === 0 ? null : ids,
      });
    } catch (error) {
      this.#app.reader.error = (error as Error).message;
    }
    await this.#app.reader.refreshCounts();
  }

  /** Marks unread again exactly the articles the last "mark read" changed. */
  async undo(): Promise<void> {
    const ids = this.notice?.undo ?? null;
    if (ids === null) return;
    const t = this.#app.messages();
    this.show(null);
    try {
      let changed = 0;
      for (let at = 0; at < ids.length; at += MAX_MARK_UNREAD)
        changed += (await this.#app.api.markUnread(ids.slice(at, at + MAX_MARK_UNREAD))).changed;
      this.#app.reader.patchRead(ids, true);
      this.show({ text: t.undone(changed), undo: null });
    } catch (error) {
      this.#app.reader.error = (error as Error).message;
    }
    await this.#app.reader.refreshCounts();
  }

  /** Whether the tab shown lists unread articles only. */
  get unreadOnly(): boolean {
    return this.#app.unreadOnlyTabs().includes(this.#app.tab());
  }

  /** Switches the tab shown between unread only and everything; remembered per tab. */
  async toggleUnreadOnly(): Promise<void> {
    const key = this.#app.tab();
    if (key === 'bookmarks') return;
    const tabs = this.#app.unreadOnlyTabs();
    const on = !tabs.includes(key);
    const next = on ? [...tabs, key] : tabs.filter((tab) => tab !== key);
    const view = this.#app.reader.view;
    if (view.kind === 'region') await this.#app.reader.show(tabView(key, next));
    await this.#app.saveUnreadOnlyTabs(next);
  }

  /** Opens the next unread article of the list; says so when there is none. */
  async nextUnread(): Promise<void> {
    const id = await this.#app.reader.nextUnread();
    if (id === null) this.show({ text: this.#app.messages().noMoreUnread, undo: null });
    else await this.#app.openArticle(id);
  }

  /** The open (else the active) article's address, if it is one a browser may open. */
  #url(): string | null {
    const reader = this.#app.reader;
    const url = reader.article?.url ?? null;
    return url;
  }

  /**
   * Opens the open article's original through the external-open path: window.open, which the
   * desktop app's window-open handler hands to the system browser (http(s) only, policy.ts) and
   * browser mode opens in a new tab. Anything but http(s) is refused here already.
   */
  openOriginal(): void {
    const url = this.#url();
    if (url === null) return;
    if (!isOpenableUrl(url)) {
      this.show({ text: this.#app.messages().notOpenable, undo: null });
      return;
    }
    window.open(url, '_blank', 'noopener,noreferrer');
  }

  /** Copies the open article's link, and says so. */
  async copyLink(): Promise<void> {
    const url = this.#url();
    if (url === null) return;
    const t = this.#app.messages();
    this.show({ text: (await copyText(url)) ? t.linkCopied : t.copyFailed, undo: null });
  }

  /** Shows a notice (replacing the one shown) for a few seconds; null hides it. */
  show(notice: Notice | null): void {
    this.#clearTimer();
    this.notice = notice;
    if (notice !== null)
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.notice = null;
        this.#host.requestUpdate();
      }, NOTICE_MS);
    this.#host.requestUpdate();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/** http(s) with a host and no credentials: what the desktop app's policy lets out, too. */
export function isOpenableUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

/**
 * The Clipboard API (the desktop app grants its window clipboard writes and nothing else:
 * app/main/policy.ts); else, where a browser refuses it (no focus, an insecure origin), the older
 * copy command on a selected field.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    try {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback where the Clipboard API is refused
      return document.execCommand('copy');
    } finally {
      field.remove();
    }
  }
}
