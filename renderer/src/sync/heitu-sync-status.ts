import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SyncStatus } from '../../../app/shared/contract.ts';
import { LocalizedElement } from '../i18n/localized-element.ts';
import { langTag, MESSAGES } from '../i18n/messages.ts';
import { SYNC_MESSAGES } from '../i18n/sync-messages.ts';
import { buttonStyles } from '../ui/shared-styles.ts';

const SHORT_TIME: Intl.DateTimeFormatOptions = {
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

/**
 * The header's sync corner: a sync (or stop) button, a progress bar while syncing (sources
 * done/total), the last sync time, an offline indicator, and the way into the sources panel.
 *
 * @fires sync-request - the reader asked for a sync
 * @fires sync-cancel - the reader stopped the running sync
 * @fires sources-open - detail: the button that opened it (focus returns there)
 */
@customElement('heitu-sync-status')
export class HeituSyncStatus extends LocalizedElement {
  @property({ attribute: false }) status: SyncStatus | null = null;
  /** False when the browser reports no network. */
  @property({ type: Boolean }) online = true;
  /** The last sync's outcome in words, shown until the next one. */
  @property() outcome = '';
  /** The last sync failed (wholly or in part): the outcome is an error, the button says Retry. */
  @property({ type: Boolean }) failed = false;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 8px;
        min-width: 0;
        font-size: 0.9em;
        color: var(--heitu-muted);
      }
      button,
      progress,
      .offline,
      .count {
        flex: none;
      }
      /* A long outcome is cut to the room left; its full text is its tooltip and what is read out. */
      .line {
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .line.failed {
        color: var(--heitu-error);
      }
      progress {
        width: 96px;
        accent-color: var(--heitu-accent);
      }
      .offline {
        color: var(--heitu-error);
        font-weight: 600;
      }
    `,
  ];

  override render() {
    const t = this.ui.localized(MESSAGES);
    const sync = this.status;
    const syncing = sync?.state === 'syncing';
    const progress = sync?.progress ?? null;
    const offline = !this.online || sync?.offline === true;
    const line = syncing
      ? t.syncing
      : this.outcome ||
        (sync?.lastSyncedAt
          ? t.lastSynced(
              new Date(sync.lastSyncedAt).toLocaleString(langTag(this.ui.locale), SHORT_TIME),
            )
          : t.neverSynced);
    return html`
      ${
        syncing
          ? html`<button type="button" @click=${() => this.#fire('sync-cancel')}>
              ${t.cancelSync}
            </button>`
          : html`<button
              type="button"
              aria-keyshortcuts="r"
              @click=${() => this.#fire('sync-request')}
            >
              ${this.failed ? this.ui.localized(SYNC_MESSAGES).retry : t.syncNow}
            </button>`
      }
      ${
        syncing
          ? html`<progress
                aria-label=${t.syncProgressLabel}
                max=${Math.max(1, progress?.total ?? 1)}
                value=${progress?.done ?? 0}
                aria-valuetext=${t.syncProgress(progress?.done ?? 0, progress?.total ?? 0)}
              ></progress
              ><span class="count"
                >${t.syncProgress(progress?.done ?? 0, progress?.total ?? 0)}</span
              >`
          : nothing
      }
      ${offline ? html`<span class="offline" title=${t.offlineHint}>${t.offline}</span>` : nothing}
      <span
        role="status"
        class=${`line${this.failed && !syncing && this.outcome !== '' ? ' failed' : ''}`}
        title=${line}
        >${line}</span
      >
      <button type="button" @click=${(e: Event) => this.#fire('sources-open', e.currentTarget)}>
        ${t.sourcesButton}
      </button>
    `;
  }

  #fire(type: string, detail: unknown = null): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-sync-status': HeituSyncStatus;
  }
}
