import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { SearchRequest, SearchScope } from '../reader/reader-state.ts';

/**
 * The search field (a `searchbox`) and its scope: the current tab or everything. The reader's
 * own input is never converted to another script; the index matches either script.
 *
 * @fires search-change - detail: SearchRequest, debounced while typing; query '' clears
 * @fires search-enter - Enter or ↓ in the field: the reader moves into the results
 */
@customElement('heitu-search-box')
export class HeituSearchBox extends LitElement {
  @property() label = '';
  @property() placeholder = '';
  @property() scopeLabel = '';
  @property() scopeTabText = '';
  @property() scopeAllText = '';
  @property() scope: SearchScope = 'tab';
  /** No scope to choose (the current tab already holds everything). */
  @property({ type: Boolean }) noScope = false;
  /** Typing pauses this long before a search starts. */
  @property({ type: Number }) debounceMs = 150;

  @query('input') private input!: HTMLInputElement;
  #timer: ReturnType<typeof setTimeout> | null = null;

  static override styles = css`
    :host {
      display: inline-flex;
      gap: 4px;
      align-items: center;
    }
    input,
    select {
      font: inherit;
      font-size: 0.9em;
      color: var(--heitu-text);
      background: var(--heitu-bg);
      border: 1px solid var(--heitu-border);
      border-radius: 6px;
      padding: 3px 8px;
    }
    input {
      width: 14em;
      max-width: 40vw;
    }
    input:focus-visible,
    select:focus-visible {
      outline: 2px solid var(--heitu-focus);
      outline-offset: 1px;
    }
  `;

  override render() {
    return html`<input
        type="search"
        aria-label=${this.label}
        placeholder=${this.placeholder}
        aria-keyshortcuts="/"
        autocomplete="off"
        spellcheck="false"
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
      />${this.noScope ? nothing : this.#renderScope()}`;
  }

  #renderScope() {
    return html`<select
      aria-label=${this.scopeLabel}
      .value=${this.scope}
      @change=${(e: Event) => {
        this.scope = (e.target as HTMLSelectElement).value as SearchScope;
        this.#emit();
      }}
    >
      <option value="tab" ?selected=${this.scope === 'tab'}>${this.scopeTabText}</option>
      <option value="all" ?selected=${this.scope === 'all'}>${this.scopeAllText}</option>
    </select>`;
  }

  /** Focuses the field and selects what is in it. */
  focusField(): void {
    this.input.focus();
    this.input.select();
  }

  get value(): string {
    return this.input.value;
  }

  /** Empties the field and tells the app the search is over. */
  clear(): void {
    this.input.value = '';
    this.#emit();
  }

  #onInput(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#emit();
    }, this.debounceMs);
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' || (event.key === 'ArrowDown' && this.input.value.trim() !== '')) {
      event.preventDefault();
      // Enter searches at once; ↓ keeps a search already shown (or starts the one typed).
      if (event.key === 'Enter' || this.#timer !== null) {
        if (this.#timer !== null) clearTimeout(this.#timer);
        this.#emit();
      }
      this.dispatchEvent(new CustomEvent('search-enter', { bubbles: true, composed: true }));
    } else if (event.key === 'Escape' && this.input.value !== '') {
      event.stopPropagation();
      this.clear();
    }
  }

  #emit(): void {
    this.#timer = null;
    this.dispatchEvent(
      new CustomEvent<SearchRequest>('search-change', {
        detail: { query: this.input.value.trim(), scope: this.scope },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-search-box': HeituSearchBox;
  }
}
