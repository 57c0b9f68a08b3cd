import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ArticleId } from '../../../app/shared/articles.ts';
import { LIST_MESSAGES } from '../i18n/list-messages.ts';
import { ScriptedElement } from '../script/scripted-element.ts';
import { ROW_HEIGHT, articleListStyles, styleProperty } from './article-list-styles.ts';
import { formatListTime } from './list-time.ts';
import {
  RowPreparer,
  RowVariants,
  showMode,
  rowLayers,
  variantConvert,
  type Variant,
} from '../script/script-layers.ts';
import {
  EMPTY_RANGE,
  clampScrollTop,
  indexOfId,
  keyTarget,
  nearEnd,
  nextWindow,
  reanchor,
  revealScrollTop,
  sameRange,
  visibleRange,
  type ListItem,
  type Range,
} from './list-window.ts';

export interface BookmarkToggle {
  readonly id: ArticleId;
  readonly on: boolean;
}

const OVERSCAN = 10;
const MARGIN = 3; // rows to spare before a scroll re-renders the window
const FALLBACK_VIEWPORT = 720; // until the ResizeObserver reports the real one
const STAR_ON = '★';
const STAR_OFF = '☆';

/**
 * The articles of a tab or a search, newest first, as a virtualised WAI-ARIA listbox: only the
 * rows in view and ten either side are in the DOM, absolutely placed in a spacer as tall as all
 * of them, so 100,000 items scroll as smoothly as 100. The listbox keeps focus; the active row is
 * its aria-activedescendant. Each row holds a layer per script (script-layers.ts).
 *
 * @fires article-activate - detail: ArticleId, when the list moves the active row itself.
 * @fires article-open - detail: ArticleId, on a click on a row or Enter.
 * @fires bookmark-toggle - detail: BookmarkToggle, on a click on a row's star.
 * @fires load-more - when the rendered rows come within two viewports of the end and `hasMore`
 *   (once per `items.length`).
 * @fires rows-shown - detail: the ids of the rows in view, top first, when they change (the app
 *   fetches their articles ahead).
 */
@customElement('heitu-article-list')
export class HeituArticleList extends ScriptedElement {
  /** What is loaded so far, in order. */
  @property({ attribute: false }) items: readonly ListItem[] = [];
  /** More pages exist after `items`. */
  @property({ attribute: false }) hasMore = false;
  /** The active row (keyboard cursor). The list moves it itself and reports article-activate. */
  @property({ attribute: false }) activeId: ArticleId | null = null;
  /** The article in the reading pane (aria-selected); set by the list too when it opens one. */
  @property({ attribute: false }) openId: ArticleId | null = null;
  /** The current time (ms), which relative times count from. */
  @property({ attribute: false }) now: number = Date.now();
  /** Accessible name of the listbox. */
  @property() label = '';
  /**
   * Names the list (the tab, the search): a change scrolls to the top. Without it a replaced
   * list is recognised by its articles.
   */
  @property({ attribute: false }) listKey = '';

  #list: HTMLElement | null = null;
  #range: Range = EMPTY_RANGE;
  #atEnd = false;
  /** The listbox's scrollTop as last read or set. */
  #scrollTop = 0;
  /** A scrollTop to apply once the update is in the DOM. */
  #pendingScroll: number | null = null;
  #viewport = 0;
  /** Where activeId was found last: the search for it starts there. */
  #activeIndex = -1;
  /** items.length when load-more was last fired. */
  #loadMoreFor = -1;
  #frame = 0;
  /**
   * Rows rendered either side of the visible ones. A new list (first load, another tab) is drawn
   * with the visible rows alone, and the rows either side follow after that frame is painted:
   * the click's frame lays out a screenful of rows, not three.
   */
  #overscan = OVERSCAN;
  /** The rows last reported in view (rows-shown), their ids joined. */
  #shown = '';
  #widen = 0;
  readonly #variants = new RowVariants();
  readonly #preparer = new RowPreparer();
  /** The items of the rows in the DOM, as last rendered. */
  #rendered: readonly ListItem[] = [];
  readonly #resize = new ResizeObserver((entries) => {
    const height = entries.at(-1)?.contentRect.height;
    if (height === undefined || height === this.#viewport) return;
    this.#viewport = height;
    this.#syncWindow(false);
  });
  readonly #onScroll = {
    handleEvent: (): void => {
      if (this.#frame === 0) this.#frame = requestAnimationFrame(this.#onFrame);
    },
    passive: true,
  };
  readonly #onFrame = (): void => {
    this.#frame = 0;
    if (this.#list === null) return;
    this.#scrollTop = this.#list.scrollTop;
    this.#syncWindow(false);
  };

  static override styles = articleListStyles;

  /** Moves focus to the listbox. */
  focusList(): void {
    if (this.#list !== null) this.#list.focus();
    else void this.updateComplete.then(() => this.#list?.focus());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#list === null) return;
    this.#resize.observe(this.#list);
    // Back in the document (the panel was re-attached): the scroll position was lost; restore it.
    this.#pendingScroll = this.#scrollTop;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    cancelAnimationFrame(this.#widen);
    this.#widen = 0;
    this.#overscan = OVERSCAN;
    this.#preparer.cancel();
  }

  override firstUpdated(): void {
    this.#list = this.renderRoot.querySelector<HTMLElement>('[role="listbox"]');
    if (this.#list !== null) this.#resize.observe(this.#list);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('script');
    if (changed.has('script') && before?.mode !== this.script.mode)
      showMode(this, before?.mode, this.script.mode);
    const itemsChanged = changed.has('items');
    if (itemsChanged || changed.has('listKey')) {
      const reset = changed.has('listKey') && this.hasUpdated;
      // Another list starts at the top: no need to read (and lay out) where this one was.
      if (!reset && this.#list !== null && this.#pendingScroll === null) {
        this.#scrollTop = this.#list.scrollTop;
      }
      const prev = changed.get('items') ?? this.items;
      const top = Math.floor(this.#scrollTop / ROW_HEIGHT);
      const move = reset ? ({ kind: 'reset' } as const) : reanchor(prev, this.items, top);
      if (move.kind === 'shift') {
        // Newer articles above: the rows on screen stay where they are.
        this.#setScroll(this.#scrollTop + move.rows * ROW_HEIGHT);
        this.#activeIndex += move.rows;
      } else if (move.kind === 'reset') {
        this.#setScroll(0);
        this.#activeIndex = 0;
        this.#loadMoreFor = -1;
      }
      if (move.kind === 'reset' || !this.hasUpdated) this.#visibleFirst();
    }
    if (itemsChanged || changed.has('activeId')) {
      this.#activeIndex = indexOfId(this.items, this.activeId, this.#activeIndex);
    }
    if (changed.has('activeId')) this.#reveal(this.#activeIndex);
    this.#syncWindow(itemsChanged || changed.has('hasMore'));
  }

  override updated(): void {
    if (this.#list !== null && this.#pendingScroll !== null) {
      this.#list.scrollTop = this.#pendingScroll;
    }
    this.#pendingScroll = null;
    const count = this.items.length;
    if (this.hasMore && this.#loadMoreFor !== count && this.#nearEnd()) {
      this.#loadMoreFor = count;
      this.dispatchEvent(new Event('load-more', { bubbles: true, composed: true }));
    }
    this.#preparer.schedule(this.#rendered, this.script.scripts, () => this.requestUpdate());
    this.#reportShown();
  }

  /** The rows in view, when they are others than last reported (rows-shown). */
  #reportShown(): void {
    const { start, end } = visibleRange(
      this.#scrollTop,
      this.#viewport || FALLBACK_VIEWPORT,
      ROW_HEIGHT,
      this.items.length,
    );
    const ids = this.items.slice(start, end).map((item) => item.id);
    const key = ids.join(' ');
    if (key === this.#shown) return;
    this.#shown = key;
    if (ids.length > 0)
      this.dispatchEvent(
        new CustomEvent('rows-shown', { detail: ids, bubbles: true, composed: true }),
      );
  }

  override render() {
    const { items } = this;
    const messages = this.ui.localized(LIST_MESSAGES);
    const { start, end } = this.#range;
    const active = this.#activeIndex;
    const rows: number[] = [];
    if (active >= 0 && active < start) rows.push(active);
    for (let i = start; i < end; i++) rows.push(i);
    if (active >= end && active < items.length) rows.push(active);
    const activeItem = active >= 0 ? items[active] : undefined;
    const height = (items.length + (this.hasMore ? 1 : 0)) * ROW_HEIGHT;
    const loading = this.hasMore && this.#nearEnd();
    this.#rendered = rows.flatMap((i) => items[i] ?? []);
    return html`<div
        role="listbox"
        tabindex="0"
        aria-label=${this.label || nothing}
        aria-activedescendant=${activeItem === undefined ? nothing : `opt-${activeItem.id}`}
        @keydown=${this.#onKeydown}
        @scroll=${this.#onScroll}
      >
        <div class="spacer" ${styleProperty('height', `${height}px`)}>
          ${repeat(rows, (i) => items[i]?.id ?? i, this.#renderRow)}
        </div>
      </div>
      <div class="ring" aria-hidden="true"></div>
      <div hidden lang=${this.ui.uiLang || this.ui.locale}>
        <span id="state-unread">${messages.unread}</span
        ><span id="state-bookmarked">${messages.bookmarked}</span>
      </div>
      ${
        loading && this.#atEnd
          ? html`<div class="more" aria-hidden="true" lang=${this.ui.uiLang || nothing}>
              ${messages.loadingMore}
            </div>`
          : nothing
      }
      <div class="visually-hidden" role="status" lang=${this.ui.uiLang || nothing}>
        ${loading ? messages.loadingMore : ''}
      </div>`;
  }

  readonly #renderRow = (index: number) => {
    const item = this.items[index];
    if (item === undefined) return nothing;
    const { id, unread, bookmarked } = item;
    const m = this.ui.localized(LIST_MESSAGES);
    // The layer in force names and describes the row (ids are per layer: `t-<id>-<layer>`).
    const { mode, convert, scripts: all } = this.script;
    const locale = this.ui.locale;
    const scripts = this.#preparer.has(item, all) ? all : null;
    const { variants, shown } = this.#variants.get(item, mode, convert, scripts);
    const time = formatListTime(item.publishedAt, this.now, locale);
    // The states read from two shared elements (#render): a switch of script changes their text
    // once, not a hidden span in every row.
    const states = `${unread ? ' state-unread' : ''}${bookmarked ? ' state-bookmarked' : ''}`;
    const classes = `${unread ? 'unread' : 'read'}${index === this.#activeIndex ? ' active' : ''}`;
    return html`<div
      role="option"
      id=${`opt-${id}`}
      class=${classes}
      data-index=${index}
      aria-selected=${id === this.openId ? 'true' : 'false'}
      aria-setsize=${this.hasMore ? -1 : this.items.length}
      aria-posinset=${index + 1}
      aria-labelledby=${`t-${id}-${shown}`}
      aria-describedby=${`m-${id}-${shown} s-${id}-${shown}${states}`}
      ${styleProperty('transform', `translateY(${index * ROW_HEIGHT}px)`)}
      @click=${this.#onRowClick}
    >
      <span class="dot" aria-hidden="true"></span>
      <span class="text clip">
        ${rowLayers(variants, id, item.publishedAt, time, this.#timeIn, locale, m.metaSeparator)}
      </span>
      ${
        item.thumbnail === null
          ? nothing
          : html`<img src=${item.thumbnail} alt="" loading="lazy" decoding="async" />`
      }
      <span
        class=${bookmarked ? 'star on' : 'star'}
        aria-hidden="true"
        title=${bookmarked ? m.unstar : m.star}
        @click=${this.#onStarClick}
        >${bookmarked ? STAR_ON : STAR_OFF}</span
      >
    </div>`;
  };

  /** Renders the visible rows alone until the next frame has been painted (#overscan). */
  #visibleFirst(): void {
    this.#overscan = 0;
    if (this.#widen !== 0) return;
    this.#widen = requestAnimationFrame(() => {
      // A task queued from the frame's rAF runs once that frame is painted.
      setTimeout(() => {
        this.#widen = 0;
        this.#overscan = OVERSCAN;
        this.#syncWindow(true);
      }, 0);
    });
  }

  /** "15 分鐘前" reads "15 分钟前" in 简体: the UI's words follow the script, as its messages do. */
  readonly #timeIn = (time: string, variant: Variant): string =>
    this.ui.locale === 'en' ? time : variantConvert(this.script, variant)(time, 'unknown');

  #rowsPerViewport(): number {
    return Math.max(1, Math.floor((this.#viewport || FALLBACK_VIEWPORT) / ROW_HEIGHT));
  }

  #nearEnd(): boolean {
    return nearEnd(this.#range.end, this.items.length, this.#rowsPerViewport());
  }

  /** Recomputes the rendered rows from the scroll position; re-renders only if they change. */
  #syncWindow(force: boolean): void {
    const count = this.items.length;
    const viewport = this.#viewport || FALLBACK_VIEWPORT;
    const visible = visibleRange(this.#scrollTop, viewport, ROW_HEIGHT, count);
    const range = nextWindow(force ? null : this.#range, visible, count, this.#overscan, MARGIN);
    const atEnd = visible.end >= count;
    if (sameRange(range, this.#range) && atEnd === this.#atEnd) return;
    this.#range = range;
    this.#atEnd = atEnd;
    this.requestUpdate();
  }

  /** Scrolls at the next update (same frame), and renders the rows there. */
  #setScroll(scrollTop: number): void {
    const content = (this.items.length + (this.hasMore ? 1 : 0)) * ROW_HEIGHT;
    this.#scrollTop = clampScrollTop(scrollTop, content, this.#viewport || FALLBACK_VIEWPORT);
    this.#pendingScroll = this.#scrollTop;
  }

  #reveal(index: number): void {
    if (index < 0) return;
    if (this.#list !== null && this.#pendingScroll === null) this.#scrollTop = this.#list.scrollTop;
    const viewport = this.#viewport || FALLBACK_VIEWPORT;
    const target = revealScrollTop(index, this.#scrollTop, viewport, ROW_HEIGHT);
    if (target !== this.#scrollTop) this.#setScroll(target);
    this.#syncWindow(false);
    this.requestUpdate();
  }

  /** Makes row `index` the active one, reporting it if it changed, and shows it. */
  #activate(index: number): void {
    const item = this.items[index];
    if (item === undefined) return;
    this.#activeIndex = index;
    if (item.id !== this.activeId) {
      this.activeId = item.id;
      this.#fire('article-activate', item.id);
    }
    this.#reveal(index);
  }

  /** The index of the row `element` is in, or -1. */
  #indexOf(element: EventTarget | null): number {
    const row = element instanceof Element ? element.closest<HTMLElement>('[role="option"]') : null;
    const index = Number(row?.dataset.index);
    return Number.isInteger(index) && index >= 0 && index < this.items.length ? index : -1;
  }

  #onRowClick(event: MouseEvent): void {
    const index = this.#indexOf(event.currentTarget);
    const item = this.items[index];
    if (item === undefined) return;
    this.#activate(index);
    this.openId = item.id;
    this.#fire('article-open', item.id);
  }

  #onStarClick(event: MouseEvent): void {
    // The star is not the row: a click on it does not open the article.
    event.stopPropagation();
    const item = this.items[this.#indexOf(event.currentTarget)];
    if (item === undefined) return;
    this.#fire('bookmark-toggle', { id: item.id, on: !item.bookmarked });
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const count = this.items.length;
    if (event.key === 'Enter') {
      const item = this.items[this.#activeIndex];
      if (item === undefined) return;
      event.preventDefault();
      this.openId = item.id;
      this.#fire('article-open', item.id);
      return;
    }
    const viewport = this.#viewport || FALLBACK_VIEWPORT;
    const top = visibleRange(this.#scrollTop, viewport, ROW_HEIGHT, count).start;
    const next = keyTarget(event.key, this.#activeIndex, count, this.#rowsPerViewport(), top);
    if (next === null) return;
    event.preventDefault();
    this.#activate(next);
  }

  #fire(type: string, detail: ArticleId | BookmarkToggle): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-article-list': HeituArticleList;
  }
}
