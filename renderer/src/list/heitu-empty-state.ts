import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A quiet message for a view with nothing in it yet. */
@customElement('heitu-empty-state')
export class HeituEmptyState extends LitElement {
  /** The main line. */
  @property() heading = '';
  /** A second, smaller line that says what to do. */
  @property() hint = '';

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
  `;

  override render() {
    return html`<div>
      <p class="heading">${this.heading}</p>
      <p>${this.hint}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-empty-state': HeituEmptyState;
  }
}
