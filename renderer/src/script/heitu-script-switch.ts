import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SCRIPT_MODES, type ScriptMode } from '../../../app/shared/settings.ts';

/** Each mode's name in its own script: they are names, so they are never converted. */
const NAMES: Readonly<Record<ScriptMode, { label: string; lang: string }>> = {
  original: { label: '原文', lang: 'zh-Hant' },
  cn: { label: '简体', lang: 'zh-Hans' },
  tw: { label: '繁體', lang: 'zh-Hant-TW' },
  twp: { label: '臺灣', lang: 'zh-Hant-TW' },
  hk: { label: '香港', lang: 'zh-Hant-HK' },
};

/**
 * The script switch: a radiogroup (arrow keys move and select, one tab stop).
 *
 * @fires script-select - detail: ScriptMode
 */
@customElement('heitu-script-switch')
export class HeituScriptSwitch extends LitElement {
  /** The mode in force. */
  @property() mode: ScriptMode = 'original';
  /** Accessible name of the group (文字 / Script). */
  @property() label = '';

  static override styles = css`
    [role='radiogroup'] {
      display: inline-flex;
      border: 1px solid var(--heitu-border);
      border-radius: 6px;
      overflow: hidden;
    }
    [role='radio'] {
      font: inherit;
      font-size: 0.85em;
      padding: 3px 8px;
      border: none;
      background: none;
      color: var(--heitu-muted);
      cursor: pointer;
    }
    [role='radio'][aria-checked='true'] {
      background: var(--heitu-accent);
      color: var(--heitu-bg);
    }
    [role='radio']:focus-visible {
      outline: 2px solid var(--heitu-focus);
      outline-offset: -2px;
    }
  `;

  override render() {
    return html`<div role="radiogroup" aria-label=${this.label} @keydown=${this.#onKeydown}>
      ${SCRIPT_MODES.map(
        (mode) =>
          html`<button
            role="radio"
            id=${`script-${mode}`}
            lang=${NAMES[mode].lang}
            aria-checked=${mode === this.mode ? 'true' : 'false'}
            tabindex=${mode === this.mode ? 0 : -1}
            @click=${() => this.#select(mode, false)}
          >
            ${NAMES[mode].label}
          </button>`,
      )}
    </div>`;
  }

  #onKeydown(event: KeyboardEvent): void {
    const at = SCRIPT_MODES.indexOf(this.mode);
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = SCRIPT_MODES[(at + step + SCRIPT_MODES.length) % SCRIPT_MODES.length];
    if (next !== undefined) this.#select(next, true);
  }

  #select(mode: ScriptMode, moveFocus: boolean): void {
    if (mode !== this.mode) {
      this.mode = mode;
      this.dispatchEvent(
        new CustomEvent<ScriptMode>('script-select', {
          detail: mode,
          bubbles: true,
          composed: true,
        }),
      );
    }
    if (moveFocus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#script-${mode}`)?.focus(),
      );
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-script-switch': HeituScriptSwitch;
  }
}
