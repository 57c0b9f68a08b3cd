import { consume } from '@lit/context';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Article } from '../../../app/shared/articles.ts';
import type { NewsClient } from '../../../app/shared/contract.ts';
import type { FullTextResult } from '../../../app/shared/triage.ts';
import { apiContext } from '../api/api-context.ts';
import { LocalizedElement } from '../i18n/localized-element.ts';
import { TRIAGE_MESSAGES, type TriageMessages } from '../i18n/triage-messages.ts';
import { buttonStyles } from '../ui/shared-styles.ts';

/** The reason a full text could not be fetched, in the UI's language. */
function failureText(t: TriageMessages, result: Extract<FullTextResult, { ok: false }>): string {
  switch (result.reason) {
    case 'network':
      return t.fullTextNetwork;
    case 'http':
      return t.fullTextHttp(result.detail);
    case 'unreadable':
      return t.fullTextUnreadable;
    case 'no-article':
      return t.fullTextNoArticle;
    case 'unavailable':
      return t.fullTextUnavailable;
  }
}

/**
 * Under an article whose feed gave only a summary: says so, and fetches the full text on demand
 * (NewsApi.fetchFullText: extracted, sanitised and kept by the library, so it reads offline
 * afterwards). A failure is said in the UI's language, and the summary stays.
 *
 * @fires full-text - detail: Article, the article with its full text
 */
@customElement('heitu-full-text')
export class HeituFullText extends LocalizedElement {
  /** The summary-only article shown. */
  @property({ attribute: false }) article: Article | null = null;
  @consume({ context: apiContext })
  api!: NewsClient;
  @state() private busy = false;
  @state() private failure = '';

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        margin: 1.5em 0 0;
        padding: 8px 12px;
        border-inline-start: 3px solid var(--heitu-accent);
        font-size: 0.875rem;
        color: var(--heitu-muted);
      }
      p {
        margin: 0 0 8px;
      }
      .error {
        color: var(--heitu-text);
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('article') && changed.get('article')?.id !== this.article?.id) {
      this.busy = false;
      this.failure = '';
    }
  }

  override render() {
    const t = this.ui.localized(TRIAGE_MESSAGES);
    return html`<div lang=${this.ui.uiLang || nothing}>
      <p>${t.summaryOnly}</p>
      <button type="button" class="fetch" ?disabled=${this.busy} @click=${this.#fetch}>
        ${this.busy ? t.fetchingFullText : t.fetchFullText}
      </button>
      <p class="error" role="alert">${this.failure}</p>
    </div>`;
  }

  async #fetch(): Promise<void> {
    const article = this.article;
    if (article === null || this.busy) return;
    const t = this.ui.localized(TRIAGE_MESSAGES);
    this.busy = true;
    this.failure = '';
    let result: FullTextResult;
    try {
      result = await this.api.fetchFullText(article.id);
    } catch (error) {
      result = { ok: false, reason: 'unavailable', detail: (error as Error).message };
    }
    if (this.article?.id !== article.id) return;
    this.busy = false;
    if (!result.ok) {
      this.failure = failureText(t, result);
      return;
    }
    this.dispatchEvent(
      new CustomEvent('full-text', { detail: result.article, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-full-text': HeituFullText;
  }
}
