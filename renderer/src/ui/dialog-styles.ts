import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { LocalizedElement } from '../i18n/localized-element.ts';
import { visuallyHidden } from './shared-styles.ts';

/**
 * What the reader's dialogs share: their CSS (theme colours from the CSS variables in
 * renderer/styles.css, visible focus rings, a full-window sheet in narrow windows) and
 * HeituModal, the open/close and focus bookkeeping around a native modal `<dialog>`.
 */
export const dialogStyles = [
  visuallyHidden,
  css`
    dialog {
      box-sizing: border-box;
      width: min(46rem, calc(100vw - 2rem));
      max-height: calc(100dvh - 2rem);
      padding: 0;
      border: 1px solid var(--heitu-border);
      border-radius: 10px;
      background: var(--heitu-bg);
      color: var(--heitu-text);
      font-family: var(--heitu-font);
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.35);
    }
    dialog[open] {
      display: flex;
      flex-direction: column;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    .dialog-header {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      border-bottom: 1px solid var(--heitu-border);
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: 1.2rem;
    }
    h3 {
      margin: 20px 0 8px;
      font-size: 1.05rem;
    }
    .dialog-body {
      overflow: auto;
      padding: 4px 16px 20px;
      overscroll-behavior: contain;
    }
    @media (max-width: 520px) {
      dialog {
        width: 100vw;
        max-width: 100vw;
        height: 100dvh;
        max-height: 100dvh;
        margin: 0;
        border: none;
        border-radius: 0;
      }
      .dialog-body {
        padding: 4px 12px 16px;
      }
    }
    button,
    input,
    select {
      font: inherit;
      color: inherit;
    }
    button {
      min-height: 2rem;
      padding: 4px 12px;
      border: 1px solid var(--heitu-border);
      border-radius: 6px;
      background: transparent;
      cursor: pointer;
    }
    button:hover {
      border-color: var(--heitu-muted);
    }
    button.primary {
      border-color: var(--heitu-accent);
      background: var(--heitu-accent);
      color: var(--heitu-bg);
    }
    button.danger {
      border-color: var(--heitu-error);
      color: var(--heitu-error);
    }
    button[aria-disabled='true'] {
      cursor: progress;
    }
    input:not([type='checkbox'], [type='radio'], [type='file']),
    select {
      box-sizing: border-box;
      max-width: 100%;
      min-height: 2rem;
      padding: 4px 8px;
      border: 1px solid var(--heitu-border);
      border-radius: 6px;
      background: var(--heitu-bg);
    }
    input[aria-invalid='true'] {
      border-color: var(--heitu-error);
    }
    input[type='checkbox'],
    input[type='radio'] {
      accent-color: var(--heitu-accent);
    }
    :focus-visible {
      outline: 2px solid var(--heitu-focus);
      outline-offset: 2px;
    }
    dialog:focus-visible,
    [tabindex='-1']:focus-visible {
      outline-offset: -2px;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: none;
    }
    legend {
      padding: 0;
    }
    .hint,
    [role='status'] {
      color: var(--heitu-muted);
      font-size: 0.9em;
    }
    [role='alert'] {
      color: var(--heitu-error);
    }
    [role='status']:empty,
    [role='alert']:empty {
      margin: 0;
    }
    .field {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 12px;
      margin: 10px 0;
    }
    .field > label:first-child,
    .field > legend {
      min-width: 10rem;
    }
    .field > legend {
      float: left;
      margin-right: 12px;
    }
    .choices,
    .buttons {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    input[type='number'] {
      width: 7rem;
    }
    /* A row of labelled fields, labels above, wrapping in narrow windows. */
    .inline-form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px 12px;
      margin-top: 12px;
    }
    .inline-form label {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      min-width: 100%;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--heitu-border);
      text-align: start;
    }
    tbody th {
      font-weight: normal;
    }
  `,
];

/** A form field's text, trimmed unless `trim` is false ('' for a missing field or a file). */
export function formText(data: FormData, name: string, trim = true): string {
  const value = data.get(name);
  if (typeof value !== 'string') return '';
  return trim ? value.trim() : value;
}

/**
 * The element that really has focus when `start` (or the document) does: a shadow host is only
 * a way in, and focusing it later would focus nothing.
 */
function focusedWithin(start: Element | null): HTMLElement | null {
  let active = start;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * A Lit element around a native `<dialog>` opened with showModal(), so the browser traps focus
 * inside and closes it on Esc. On close, focus returns to the element that opened it.
 *
 * Key presses inside the dialog other than Esc stop there, so the reader's single-key shortcuts
 * (j, k, s …) do not act on the page behind a modal.
 *
 * @fires dialog-close - when the dialog closes (close button, Esc or close()); bubbles, composed.
 */
export abstract class HeituModal extends LocalizedElement {
  #opener: HTMLElement | null = null;
  #opening = false;

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return this.#dialog?.open ?? false;
  }

  /**
   * Shows the dialog as a modal. `opener` gets focus back on close; by default, whatever had
   * focus when the dialog opened.
   */
  open(opener?: HTMLElement): void {
    // Opening an open dialog changes nothing (its opener stays the one outside it).
    if (this.isOpen) return;
    this.#opener = focusedWithin(opener ?? document.activeElement);
    // A closed dialog skips its updates (see shouldUpdate): bring it up to date, then show it.
    this.#opening = true;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.#opening = false;
      const dialog = this.#dialog;
      if (dialog === null || dialog.open) return;
      dialog.showModal();
      this.opened?.();
    });
  }

  /**
   * A closed dialog does not render: not when its properties change (a script switch changes
   * every message), and not at all until first opened, so that a page load does not build the
   * dialogs' DOM (and prepare their templates) before the first list is painted.
   */
  protected override shouldUpdate(): boolean {
    return this.#opening || this.isOpen;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('ui') && this.lang !== this.ui.uiLang) this.lang = this.ui.uiLang;
  }

  /** Closes the dialog; focus goes back to the opener. */
  close(): void {
    this.#dialog?.close();
  }

  /** Called each time the dialog has just opened. */
  protected opened?(): void;

  /** A key pressed inside the dialog, before it is kept from the page. */
  protected keydown?(event: KeyboardEvent): void;

  get #dialog(): HTMLDialogElement | null {
    return this.hasUpdated ? this.renderRoot.querySelector('dialog') : null;
  }

  /** The dialog: a header with the title (its accessible name) and a close button, then `body`. */
  protected renderDialog(title: string, closeLabel: string, body: TemplateResult) {
    return html`<dialog
      aria-labelledby="dialog-title"
      @close=${this.#onClose}
      @keydown=${this.#onKeydown}
    >
      <div class="dialog-header">
        <h2 id="dialog-title">${title}</h2>
        <button
          type="button"
          class="close"
          @click=${() => {
            this.close();
          }}
        >
          ${closeLabel}
        </button>
      </div>
      <div class="dialog-body">${body}</div>
    </dialog>`;
  }

  #onKeydown(event: KeyboardEvent): void {
    this.keydown?.(event);
    if (event.key !== 'Escape') event.stopPropagation();
  }

  #onClose(): void {
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new Event('dialog-close', { bubbles: true, composed: true }));
  }
}
