import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArticleId } from '../../../app/shared/articles.ts';
import type { ReaderState } from '../reader/reader-state.ts';
import { shortcutFor } from './keyboard.ts';

/** What the shortcuts act on: the reader's state and the shell's actions and elements. */
export interface ShortcutTarget {
  readonly reader: ReaderState;
  /** The element that is the page to the shortcuts (Enter on it is a shortcut). */
  readonly element: HTMLElement;
  openArticle(id: ArticleId): void;
  sync(): void;
  cycleScript(): void;
  /** Selects the tab at `index` (0–9); false when there is none. */
  selectTab(index: number): boolean;
  focusList(): void;
  focusSearch(): void;
  openHelp(opener: HTMLElement | undefined): void;
  /** Scrolls the open article down a page; false when there is none or it is at its end. */
  pageArticle(): boolean;
  nextUnread(): void;
  openOriginal(): void;
  copyLink(): void;
  markTabRead(): void;
  toggleUnreadOnly(): void;
  /** Selects the tab `by` steps from the current one, wrapping round (every tab, 收藏 too). */
  stepTab(by: 1 | -1): void;
}

/** Fields where keys are text, not shortcuts. */
function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'range', 'button'].includes(target.type)
  );
}

/**
 * The article list, or the selected tab: Space there would select nothing (tabs select on focus),
 * so it pages the article.
 */
function isList(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const role = target.getAttribute('role');
  return role === 'listbox' || (role === 'tab' && target.getAttribute('aria-selected') === 'true');
}

/**
 * The global keyboard shortcuts (keyboard.ts has the map), listened for on the document while the
 * host is connected. Keys typed into a field, keys meant for an open dialog, and Enter on a
 * control are left alone; after every action focus is on something visible (the list when
 * nothing else had it).
 */
export class ShortcutsController implements ReactiveController {
  readonly #target: ShortcutTarget;
  readonly #onKey = (event: KeyboardEvent): void => {
    this.handle(event);
  };

  constructor(host: ReactiveControllerHost, target: ShortcutTarget) {
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKey);
  }

  handle(event: KeyboardEvent): void {
    if (event.defaultPrevented) return;
    const path = event.composedPath();
    if (isTyping(path[0])) return;
    if (path.some((node) => node instanceof HTMLDialogElement)) return;
    const action = shortcutFor(event);
    if (action === null) return;
    const target = path[0];
    const app = this.#target;
    // Enter and Space activate whatever control has focus; the list handles its own Enter.
    if (event.key === 'Enter' && target !== document.body && target !== app.element) return;
    if (
      action.kind === 'page' &&
      target !== document.body &&
      target !== app.element &&
      !isList(target)
    )
      return;
    const reader = app.reader;
    const focusList = (): void => {
      const active = document.activeElement;
      if (active === null || active === document.body) app.focusList();
    };
    switch (action.kind) {
      case 'move':
        reader.move(action.by);
        focusList();
        break;
      case 'open':
        if (reader.activeId !== null) app.openArticle(reader.activeId);
        break;
      case 'bookmark': {
        const id = reader.activeId ?? reader.openId;
        if (id !== null) void reader.setBookmark(id, !reader.isBookmarked(id));
        break;
      }
      case 'toggleRead': {
        const id = reader.activeId ?? reader.openId;
        if (id !== null) void reader.setRead(id, reader.isUnread(id));
        break;
      }
      case 'sync':
        app.sync();
        break;
      case 'tab':
        if (!app.selectTab(action.index)) return;
        focusList();
        break;
      case 'search':
        app.focusSearch();
        break;
      case 'cycleScript':
        app.cycleScript();
        break;
      case 'help':
        app.openHelp(
          document.activeElement instanceof HTMLElement ? document.activeElement : undefined,
        );
        break;
      case 'page':
        if (!app.pageArticle()) app.nextUnread();
        break;
      case 'nextUnread':
        app.nextUnread();
        break;
      case 'openOriginal':
        app.openOriginal();
        break;
      case 'copyLink':
        app.copyLink();
        break;
      case 'markTabRead':
        app.markTabRead();
        break;
      case 'unreadOnly':
        app.toggleUnreadOnly();
        break;
      case 'stepTab':
        app.stepTab(action.by);
        focusList();
        break;
    }
    event.preventDefault();
  }
}
