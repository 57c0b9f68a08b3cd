import { css, html } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { NewsClient } from '../../../app/shared/contract.ts';
import type { ReaderTab } from '../../../app/shared/tabs.ts';
import { MAX_TAB_NAME } from '../../../app/shared/tabs.ts';
import { apiContext } from '../api/api-context.ts';
import { LocalizedElement } from '../i18n/localized-element.ts';
import { SOURCE_TAB_MESSAGES, type SourceTabMessages } from '../i18n/source-tab-messages.ts';
import { dialogStyles, formText } from '../ui/dialog-styles.ts';

/**
 * The reader's own tabs, in the sources dialog: add one, rename it in place, move it left or
 * right, delete it (its feeds and articles stay). Each change is saved at once, as NetNewsWire's
 * and Inoreader's folders are; the tab bar follows through the sourcesChanged event.
 *
 * @fires tabs-change - after a change is saved, so the sources list can offer the new tabs.
 */
@customElement('heitu-tabs-editor')
export class HeituTabsEditor extends LocalizedElement {
  @consume({ context: apiContext })
  api!: NewsClient;
  /** The reader's tabs, in order. */
  @property({ attribute: false }) tabs: readonly ReaderTab[] = [];
  @state() private status = '';
  @state() private error = '';

  static override styles = [
    dialogStyles,
    css`
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
        padding: 6px 0;
        border-bottom: 1px solid var(--heitu-border);
      }
      li input {
        flex: 1;
        min-width: 8rem;
      }
    `,
  ];

  get #t(): SourceTabMessages {
    return this.ui.localized(SOURCE_TAB_MESSAGES);
  }

  override render() {
    const t = this.#t;
    return html`<section aria-labelledby="tabs-heading" lang=${this.ui.uiLang}>
      <h3 id="tabs-heading">${t.tabsHeading}</h3>
      <p role="status">${this.status}</p>
      <p role="alert">${this.error}</p>
      ${
        this.tabs.length === 0
          ? html`<p>${t.tabsEmpty}</p>`
          : html`<ol>
              ${repeat(
                this.tabs,
                (tab) => tab.id,
                (tab, i) => this.#renderTab(t, tab, i),
              )}
            </ol>`
      }
      <form class="inline-form" @submit=${this.#add}>
        <label
          >${t.newTabName}
          <input id="new-tab" name="name" required maxlength=${MAX_TAB_NAME} />
        </label>
        <button type="submit">${t.addTab}</button>
      </form>
    </section>`;
  }

  #renderTab(t: SourceTabMessages, tab: ReaderTab, i: number) {
    const last = this.tabs.length - 1;
    return html`<li data-tab=${tab.id}>
      <input
        aria-label=${t.tabName(tab.name)}
        .value=${tab.name}
        maxlength=${MAX_TAB_NAME}
        @change=${(event: Event) => void this.#rename(tab, event.target as HTMLInputElement)}
      />
      <button
        type="button"
        data-move="up"
        aria-label=${`${t.moveUp}: ${tab.name}`}
        aria-disabled=${i === 0 ? 'true' : 'false'}
        @click=${() => void this.#move(tab, i - 1)}
      >
        ←
      </button>
      <button
        type="button"
        data-move="down"
        aria-label=${`${t.moveDown}: ${tab.name}`}
        aria-disabled=${i === last ? 'true' : 'false'}
        @click=${() => void this.#move(tab, i + 1)}
      >
        →
      </button>
      <button
        type="button"
        class="danger"
        data-delete
        aria-label=${`${t.deleteTab}: ${tab.name}`}
        @click=${() => void this.#remove(tab)}
      >
        ${t.deleteTab}
      </button>
    </li>`;
  }

  async #act(action: () => Promise<string>): Promise<void> {
    this.status = '';
    this.error = '';
    try {
      this.status = await action();
      this.tabs = await this.api.listTabs();
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.dispatchEvent(new CustomEvent('tabs-change', { bubbles: true, composed: true }));
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = formText(new FormData(form), 'name');
    if (name === '') return;
    await this.#act(async () => {
      const tab = await this.api.addTab(name);
      form.reset();
      return this.#t.tabAdded(tab.name);
    });
  }

  async #rename(tab: ReaderTab, input: HTMLInputElement): Promise<void> {
    const name = input.value.trim();
    if (name === '' || name === tab.name) {
      input.value = tab.name;
      return;
    }
    await this.#act(async () => {
      const renamed = await this.api.renameTab(tab.id, name);
      return this.#t.renamed(renamed.name);
    });
  }

  async #move(tab: ReaderTab, position: number): Promise<void> {
    if (position < 0 || position >= this.tabs.length) return;
    const direction = position < tab.position ? 'up' : 'down';
    await this.#act(async () => {
      await this.api.moveTab(tab.id, position);
      return '';
    });
    // The same button of the moved tab keeps focus, so a tab moves on with repeated presses.
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`li[data-tab="${tab.id}"] [data-move="${direction}"]`)
      ?.focus();
  }

  async #remove(tab: ReaderTab): Promise<void> {
    await this.#act(async () => {
      await this.api.removeTab(tab.id);
      return this.#t.tabDeleted(tab.name);
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#new-tab')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-tabs-editor': HeituTabsEditor;
  }
}
