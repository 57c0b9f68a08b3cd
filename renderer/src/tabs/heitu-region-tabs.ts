import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocalizedElement } from '../i18n/localized-element.ts';
import { visuallyHidden } from '../ui/shared-styles.ts';
import type { RegionKind } from '../../../app/shared/regions.ts';
import type { TabKey } from './tab-key.ts';

export interface RegionTab {
  /** A region's id, or `tab:<id>` for one of the reader's own. */
  readonly id: TabKey;
  /** 'reader' for the reader's own tabs. */
  readonly kind: RegionKind | 'reader';
  /** The label shown, which is also the tab's accessible name. */
  readonly label: string;
  /** Tooltip, e.g. the English name. */
  readonly hint?: string;
  /** Unread articles, shown as a badge; 0 shows none. */
  readonly unread?: number;
  /** Said after the label by screen readers, e.g. （3 篇未讀）. */
  readonly unreadText?: string;
}

/**
 * The channel's region tabs as a WAI-ARIA tablist, and the tabpanel that shows the selected
 * tab's content (slotted in). Both live in this one shadow root because aria-labelledby and
 * aria-controls cannot point across shadow boundaries.
 *
 * The tablist: one tab stop (roving tabindex), arrow keys
 * move and select (automatic activation, since a tab's panel is cheap to show), Home/End jump.
 *
 * @fires region-select - detail: TabKey, when the reader picks a tab.
 */
@customElement('heitu-region-tabs')
export class HeituRegionTabs extends LocalizedElement {
  /** The tabs in order. */
  @property({ attribute: false }) tabs: readonly RegionTab[] = [];
  /** The selected region. */
  @property({ attribute: false }) selected: TabKey = 'all';
  /** Accessible name of the tablist. */
  @property() label = '';
  /** Tabs hidden past the start or the end of the strip: a scroll button shows on that side. */
  @state() private hiddenBefore = false;
  @state() private hiddenAfter = false;
  @query('[role="tablist"]') private strip!: HTMLElement | null;
  #resize: ResizeObserver | null = null;
  /** The animation frame that will reveal the selected tab (#revealSoon), or 0. */
  #revealFrame = 0;

  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      [role='tabpanel'] {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
      }
      .count {
        display: inline-block;
        min-width: 1.4em;
        margin-left: 4px;
        padding: 0 5px;
        border-radius: 9px;
        font-size: 0.75em;
        font-weight: 600;
        line-height: 1.5;
        color: var(--heitu-bg);
        background: var(--heitu-accent);
      }
      .strip {
        position: relative;
        border-bottom: 1px solid var(--heitu-border);
      }
      [role='tablist'] {
        display: flex;
        gap: 2px;
        overflow-x: auto;
        /* The scroll buttons and the arrow keys move along; a scrollbar would only add height. */
        scrollbar-width: none;
        padding: 0 12px;
      }
      [role='tablist']::-webkit-scrollbar {
        display: none;
      }
      /* Shown on a side with tabs past it: a button that scrolls, over a fade to the background. */
      .scroll {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 2.25rem;
        display: flex;
        align-items: center;
        justify-content: center;
        border: none;
        font: inherit;
        font-size: 1.1rem;
        color: var(--heitu-text);
        cursor: pointer;
        z-index: 1;
      }
      .scroll.before {
        left: 0;
        background: linear-gradient(to right, var(--heitu-bg) 55%, transparent);
      }
      .scroll.after {
        right: 0;
        background: linear-gradient(to left, var(--heitu-bg) 55%, transparent);
      }
      .scroll:hover {
        color: var(--heitu-accent);
      }
      [role='tab'] {
        /* Contains the visually hidden count, which would otherwise widen the page. */
        position: relative;
        flex: none;
        font: inherit;
        color: var(--heitu-muted);
        background: none;
        border: none;
        border-bottom: 3px solid transparent;
        padding: 10px 12px 7px;
        cursor: pointer;
        white-space: nowrap;
      }
      [role='tab']:hover {
        color: var(--heitu-text);
      }
      [role='tab'][aria-selected='true'] {
        color: var(--heitu-text);
        border-bottom-color: var(--heitu-accent);
        font-weight: 600;
      }
      [role='tab']:focus-visible {
        outline: 2px solid var(--heitu-focus);
        outline-offset: -2px;
        border-radius: 4px;
      }
    `,
  ];

  override render() {
    return html`${this.#renderTablist()}
      <div role="tabpanel" id="panel" aria-labelledby=${`tab-${this.selected.replace(':', '-')}`}>
        <slot></slot>
      </div>`;
  }

  #renderTablist() {
    // The buttons are for the mouse: the keyboard moves along the tabs with the arrow keys, and
    // the selected tab is always scrolled into view; so they stay out of the tab order and of the
    // accessibility tree (as a browser's own tab strip does).
    const scroll = (side: 'before' | 'after', arrow: string) =>
      html`<button
        type="button"
        class=${`scroll ${side}`}
        data-scroll=${side}
        tabindex="-1"
        aria-hidden="true"
        @click=${() => {
          this.#scrollBy(side === 'before' ? -1 : 1);
        }}
      >
        ${arrow}
      </button>`;
    return html`<div class="strip">
      ${this.hiddenBefore ? scroll('before', '‹') : nothing} ${this.#renderTabs()}
      ${this.hiddenAfter ? scroll('after', '›') : nothing}
    </div>`;
  }

  #renderTabs() {
    return html`<div
      role="tablist"
      lang=${this.ui.uiLang || nothing}
      aria-label=${this.label}
      @keydown=${this.#onKeydown}
      @scroll=${this.#measure}
    >
      ${this.tabs.map(
        (tab) =>
          html`<button
            role="tab"
            id=${`tab-${tab.id.replace(':', '-')}`}
            data-region=${tab.id}
            aria-selected=${tab.id === this.selected ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab.id === this.selected ? 0 : -1}
            title=${tab.hint ?? ''}
            @click=${() => this.#select(tab.id, false)}
          >
            ${tab.label}${
              (tab.unread ?? 0) > 0
                ? html`<span class="count" aria-hidden="true">${tab.unread}</span
                    ><span class="visually-hidden">${tab.unreadText ?? ''}</span>`
                : ''
            }
          </button>`,
      )}
    </div>`;
  }

  override firstUpdated(): void {
    // Called after layout, in the frame: reading the strip's sizes then forces nothing. The strip
    // and each tab are observed, so that a label changing width (another script) is seen too.
    this.#observeTabs();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#observeTabs(); // moved in the page: observed again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#revealFrame);
    this.#revealFrame = 0;
    this.#resize?.disconnect();
    this.#resize = null;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    const before = changed.get('tabs') as readonly RegionTab[] | undefined;
    const other = before !== undefined && !sameIds(before, this.tabs);
    if (other) this.#observeTabs();
    // The selected tab is never left out of sight (a shortcut or a restart may pick one past the
    // edge). Only when the selection or the tabs themselves change: a label in another script
    // must not force a layout in the middle of a script switch (the observer measures it).
    if (changed.has('selected') || other) this.#revealSoon();
  }

  /**
   * Reveals the selected tab in the next frame, before it is drawn: the page's other elements
   * have updated by then, so reading the strip's geometry lays the page out once (here, during
   * the first render, a forced layout took ~20 ms and was done again for the list's rows).
   */
  #revealSoon(): void {
    if (this.#revealFrame !== 0) return;
    this.#revealFrame = requestAnimationFrame(() => {
      this.#revealFrame = 0;
      this.#reveal();
    });
  }

  /** Scrolls the strip so that the selected tab is clear of the scroll buttons at its edges. */
  #reveal(): void {
    const tab = this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    const strip = this.strip;
    if (tab !== null && strip !== null) {
      const pad = 40;
      const start = tab.getBoundingClientRect().left - strip.getBoundingClientRect().left;
      const end = start + tab.offsetWidth;
      if (start < pad) strip.scrollLeft += start - pad;
      else if (end > strip.clientWidth - pad) strip.scrollLeft += end - strip.clientWidth + pad;
    }
    this.#measure();
  }

  /** Observes the strip and the tabs rendered now (the strip's content size follows theirs). */
  #observeTabs(): void {
    this.#resize?.disconnect();
    const observer = new ResizeObserver(() => {
      this.#measure();
    });
    this.#resize = observer;
    if (this.strip !== null) observer.observe(this.strip);
    for (const tab of this.renderRoot.querySelectorAll('[role="tab"]')) observer.observe(tab);
  }

  /** Which sides have tabs out of sight. */
  #measure = (): void => {
    const strip = this.strip;
    if (strip === null) return;
    this.hiddenBefore = strip.scrollLeft > 1;
    this.hiddenAfter = strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 1;
  };

  #scrollBy(direction: -1 | 1): void {
    const strip = this.strip;
    if (strip === null) return;
    strip.scrollBy({ left: direction * strip.clientWidth * 0.7, behavior: 'smooth' });
  }

  #onKeydown(event: KeyboardEvent): void {
    const ids = this.tabs.map((t) => t.id);
    const at = ids.indexOf(this.selected);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (at + 1) % ids.length;
        break;
      case 'ArrowLeft':
        next = (at - 1 + ids.length) % ids.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = ids.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const id = ids[next];
    if (id !== undefined) this.#select(id, true);
  }

  /** Selects a tab as if the reader had clicked it (the 1–9/0 shortcuts). */
  selectTab(id: TabKey): void {
    this.#select(id, false);
  }

  #select(id: TabKey, moveFocus: boolean): void {
    if (id !== this.selected) {
      this.selected = id;
      this.dispatchEvent(
        new CustomEvent<TabKey>('region-select', { detail: id, bubbles: true, composed: true }),
      );
    }
    if (moveFocus) {
      void this.updateComplete.then(() => {
        this.renderRoot.querySelector<HTMLElement>(`#tab-${id.replace(':', '-')}`)?.focus();
      });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-region-tabs': HeituRegionTabs;
  }
}

/** Whether two tab lists hold the same tabs in the same order (labels and counts aside). */
function sameIds(a: readonly RegionTab[], b: readonly RegionTab[]): boolean {
  return a.length === b.length && a.every((tab, i) => tab.id === b[i]?.id);
}
