import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A vertical splitter between the list and the reading pane: a focusable `separator` whose value
 * is the list's width in pixels. Arrow keys move it by 24 px (Home/End to the limits); a pointer
 * drags it.
 *
 * @fires resize - detail: the new width in px
 */
@customElement('heitu-splitter')
export class HeituSplitter extends LitElement {
  @property({ type: Number }) value = 420;
  @property({ type: Number }) min = 260;
  @property({ type: Number }) max = 900;
  @property() label = '';

  #dragFrom: { x: number; value: number } | null = null;

  static override styles = css`
    :host {
      flex: none;
      width: 6px;
      cursor: col-resize;
      touch-action: none;
      display: flex;
    }
    div {
      flex: 1;
      border-left: 1px solid var(--heitu-border);
      margin-left: 2px;
    }
    div:hover,
    div:focus-visible {
      border-left: 3px solid var(--heitu-focus);
      margin-left: 1px;
      outline: none;
    }
  `;

  override render() {
    return html`<div
      role="separator"
      aria-orientation="vertical"
      aria-label=${this.label}
      aria-valuemin=${this.min}
      aria-valuemax=${this.max}
      aria-valuenow=${Math.round(this.value)}
      tabindex="0"
      @keydown=${this.#onKeydown}
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerUp}
    ></div>`;
  }

  #set(value: number): void {
    const next = Math.round(Math.min(this.max, Math.max(this.min, value)));
    if (next === this.value) return;
    this.value = next;
    this.dispatchEvent(
      new CustomEvent<number>('resize', { detail: next, bubbles: true, composed: true }),
    );
  }

  #onKeydown(event: KeyboardEvent): void {
    const steps: Record<string, number> = { ArrowLeft: -24, ArrowRight: 24 };
    if (event.key in steps) this.#set(this.value + (steps[event.key] ?? 0));
    else if (event.key === 'Home') this.#set(this.min);
    else if (event.key === 'End') this.#set(this.max);
    else return;
    event.preventDefault();
  }

  #onPointerDown(event: PointerEvent): void {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.#dragFrom = { x: event.clientX, value: this.value };
  }

  #onPointerMove(event: PointerEvent): void {
    if (this.#dragFrom !== null) this.#set(this.#dragFrom.value + event.clientX - this.#dragFrom.x);
  }

  #onPointerUp(): void {
    this.#dragFrom = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-splitter': HeituSplitter;
  }
}
