import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../i18n/localized-element.ts';
import { visuallyHidden } from '../ui/shared-styles.ts';
import type { Region, RegionId } from '../../../app/shared/regions.ts';

export interface RegionTab {
  readonly region: Region;
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
 * @fires region-select - detail: RegionId, when the reader picks a tab.
 */
@customElement('heitu-region-tabs')
export class HeituRegionTabs extends LocalizedElement {
  /** The tabs in order. */
  @property({ attribute: false }) tabs: readonly RegionTab[] = [];
  /** The selected region. */
  @property({ attribute: false }) selected: RegionId = 'all';
  /** Accessible name of the tablist. */
  @property() label = '';

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
      [role='tablist'] {
        border-bottom: 1px solid var(--heitu-border);
        display: flex;
        gap: 2px;
        overflow-x: auto;
        scrollbar-width: thin;
        padding: 0 12px;
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
      <div role="tabpanel" id="panel" aria-labelledby=${`tab-${this.selected}`}>
        <slot></slot>
      </div>`;
  }

  #renderTablist() {
    return html`<div
      role="tablist"
      lang=${this.ui.uiLang || nothing}
      aria-label=${this.label}
      @keydown=${this.#onKeydown}
    >
      ${this.tabs.map(
        (tab) =>
          html`<button
            role="tab"
            id=${`tab-${tab.region.id}`}
            data-region=${tab.region.id}
            aria-selected=${tab.region.id === this.selected ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab.region.id === this.selected ? 0 : -1}
            title=${tab.hint ?? ''}
            @click=${() => this.#select(tab.region.id, false)}
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

  #onKeydown(event: KeyboardEvent): void {
    const ids = this.tabs.map((t) => t.region.id);
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
  selectTab(id: RegionId): void {
    this.#select(id, false);
  }

  #select(id: RegionId, moveFocus: boolean): void {
    if (id !== this.selected) {
      this.selected = id;
      this.dispatchEvent(
        new CustomEvent<RegionId>('region-select', { detail: id, bubbles: true, composed: true }),
      );
    }
    if (moveFocus) {
      void this.updateComplete.then(() => {
        this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`)?.focus();
      });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-region-tabs': HeituRegionTabs;
  }
}
