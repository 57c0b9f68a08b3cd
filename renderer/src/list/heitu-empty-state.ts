import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A quiet message for a view with nothing in it yet; slotted buttons say what to do. */
@customElement('heitu-empty-state')
export class HeituEmptyState extends LitElement {
  /** The main line. */
  @property() heading = '';
  /** A second, smaller line that says what to do. */
  @property() hint = '';
  /** Something went wrong: the heading is announced (role=alert). */
  @property({ type: Boolean }) alert = false;

  static override styles = css`
    :host {
      display: grid;
      place-items: center;
      padding: 64px 24px;
      text-align: center;
      color: var(--heitu-muted);
    }
    p {
      margin: 0.25em 0;
    }
    .heading {
      font-size: 1.15em;
      color: var(--heitu-text);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
      margin-top: 12px;
    }
  `;

  override render() {
    return html`<div>
      <p class="heading" role=${this.alert ? 'alert' : nothing}>${this.heading}</p>
      <p>${this.hint}</p>
      <div class="actions"><slot></slot></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-empty-state': HeituEmptyState;
  }
}
