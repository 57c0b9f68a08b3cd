import type { ReactiveController, ReactiveElement } from 'lit';
import { afterPaint } from './perf.ts';

const LIST_WIDTH_KEY = 'heitu.listWidth';
const NARROW = '(max-width: 760px)';

/** What the app shows outside its own element (DocumentController's source). */
export interface DocumentView {
  /** The document's language: the UI's (text in the reader's script carries its own `lang`). */
  readonly lang: string;
  readonly theme: string;
  readonly title: string;
}

/**
 * The page's layout and what the app reflects outside its element: the list's width (kept in
 * localStorage), whether the window is narrow (list or article, one at a time), the minute clock
 * relative times count from, and the document's language, theme and title.
 */
export class LayoutController implements ReactiveController {
  listWidth = Number(localStorage.getItem(LIST_WIDTH_KEY) ?? '') || 440;
  narrow = matchMedia(NARROW).matches;
  /** The time relative dates are counted from; ticks every minute. */
  now = Date.now();

  readonly #host: ReactiveElement;
  readonly #document: () => DocumentView;
  readonly #media = matchMedia(NARROW);
  #clock: ReturnType<typeof setInterval> | null = null;
  readonly #onMedia = (): void => {
    this.narrow = this.#media.matches;
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveElement, document: () => DocumentView) {
    this.#host = host;
    this.#document = document;
    host.addController(this);
  }

  hostConnected(): void {
    this.#media.addEventListener('change', this.#onMedia);
    this.#clock = setInterval(() => {
      this.now = Date.now();
      this.#host.requestUpdate();
    }, 60_000);
  }

  hostDisconnected(): void {
    this.#media.removeEventListener('change', this.#onMedia);
    if (this.#clock !== null) clearInterval(this.#clock);
  }

  setListWidth(width: number): void {
    this.listWidth = width;
    localStorage.setItem(LIST_WIDTH_KEY, String(width));
    this.#host.requestUpdate();
  }

  /**
   * Each only when it changed: a write, even of the same value, can cost a style pass.
   */
  hostUpdated(): void {
    // Through the CSSOM: the CSP allows no inline style attributes.
    const width = `${this.listWidth}px`;
    const style = this.#host.style;
    if (style.getPropertyValue('--heitu-list-width') !== width)
      style.setProperty('--heitu-list-width', width);
    const view = this.#document();
    const root = document.documentElement;
    // The document's language is the UI's; text in the reader's script carries its own `lang`
    // (uiLang on the UI's containers, each list row and article layer its own), so that a switch
    // restyles those containers only, not the whole document.
    if (root.lang !== view.lang) root.lang = view.lang;
    if (root.dataset.theme !== view.theme) root.dataset.theme = view.theme;
    // The window title is drawn outside the page: set after the frame, not inside it.
    if (document.title !== view.title) void afterPaint().then(() => (document.title = view.title));
  }
}
