import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { HELP_OVERLAY_MESSAGES, type HelpOverlayMessages } from '../i18n/panel-messages.ts';
import { TRIAGE_MESSAGES, type TriageMessages } from '../i18n/triage-messages.ts';
import { HeituModal, dialogStyles } from '../ui/dialog-styles.ts';

/** Keys as printed on the keycaps: the same in every language. */
type Keys = { readonly any: readonly string[] } | { readonly from: string; readonly to: string };

type Action = Exclude<keyof HelpOverlayMessages, 'title' | 'close' | 'or'>;

/** Every shortcut, in the order the overlay lists them (see renderer/src/shell/keyboard.ts). */
const SHORTCUTS: readonly (readonly [Keys, Action])[] = [
  [{ any: ['j'] }, 'nextArticle'],
  [{ any: ['k'] }, 'previousArticle'],
  [{ any: ['o', 'Enter'] }, 'openArticle'],
  [{ any: ['s'] }, 'bookmark'],
  [{ any: ['m'] }, 'toggleRead'],
  [{ any: ['r'] }, 'sync'],
  [{ from: '1', to: '9' }, 'tabs'],
  [{ any: ['0'] }, 'tenthTab'],
  [{ any: ['/'] }, 'search'],
  [{ any: ['t'] }, 'cycleScript'],
  [{ any: ['?'] }, 'help'],
  [{ any: ['Esc'] }, 'closeDialogs'],
];

/** The triage keys (issue 18), listed after the others; their words are in TRIAGE_MESSAGES. */
const TRIAGE_SHORTCUTS: readonly (readonly [Keys, keyof TriageMessages])[] = [
  [{ any: ['n'] }, 'keyNextUnread'],
  [{ any: ['Space'] }, 'keyPage'],
  [{ any: ['v'] }, 'keyOpenOriginal'],
  [{ any: ['c'] }, 'keyCopyLink'],
  [{ any: ['Shift+A'] }, 'keyMarkTabRead'],
  [{ any: ['Ctrl+Z', '⌘Z'] }, 'keyUndo'],
  [{ any: ['u'] }, 'keyUnreadOnly'],
  [{ any: ['[', ']'] }, 'keyTabsAround'],
  [{ any: ['Enter', '↓'] }, 'keySearchResults'],
];

/**
 * The keyboard help: every shortcut, keys in `<kbd>`. `?` (like Esc) closes it again.
 *
 * @fires dialog-close - when the dialog closes.
 */
@customElement('heitu-help-overlay')
export class HeituHelpOverlay extends HeituModal {
  get messages(): HelpOverlayMessages {
    return this.ui.localized(HELP_OVERLAY_MESSAGES);
  }

  static override styles = [
    dialogStyles,
    css`
      dialog {
        width: min(34rem, calc(100vw - 2rem));
      }
      dl {
        display: grid;
        grid-template-columns: minmax(6rem, max-content) 1fr;
        gap: 8px 16px;
        margin: 12px 0 0;
      }
      .row {
        display: contents;
      }
      dt {
        white-space: nowrap;
      }
      dd {
        margin: 0;
      }
      kbd {
        display: inline-block;
        min-width: 1.2em;
        padding: 1px 6px;
        border: 1px solid var(--heitu-border);
        border-bottom-width: 2px;
        border-radius: 4px;
        font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 0.9em;
        text-align: center;
      }
    `,
  ];

  protected override keydown(event: KeyboardEvent): void {
    if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.close();
    }
  }

  override render() {
    const t = this.messages;
    const triage = this.ui.localized(TRIAGE_MESSAGES);
    const rows: readonly (readonly [Keys, string])[] = [
      ...SHORTCUTS.map(([keys, action]) => [keys, t[action]] as const),
      ...TRIAGE_SHORTCUTS.map(([keys, action]) => [keys, String(triage[action])] as const),
    ];
    return this.renderDialog(
      t.title,
      t.close,
      // Focusable: the list is longer than a short window, and the keyboard must reach its end.
      html`<dl tabindex="0">
        ${rows.map(
          ([keys, text]) =>
            html`<div class="row">
              <dt>${this.#renderKeys(keys)}</dt>
              <dd>${text}</dd>
            </div>`,
        )}
      </dl>`,
    );
  }

  #renderKeys(keys: Keys) {
    if ('from' in keys) return html`<kbd>${keys.from}</kbd>–<kbd>${keys.to}</kbd>`;
    return keys.any.map((key, i) => html`${i > 0 ? ` ${this.messages.or} ` : ''}<kbd>${key}</kbd>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-help-overlay': HeituHelpOverlay;
  }
}
