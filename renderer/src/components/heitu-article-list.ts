import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ArticleSummary } from '../../../app/shared/articles.ts';
import { langFor } from '../../../app/shared/script-convert.ts';
import type { ScriptMode } from '../../../app/shared/settings.ts';

/**
 * The articles of the selected tab, newest first: title, time, 來源 and a one-line snippet.
 * (The full reader, with a virtualised listbox and a reading pane, is issue 5.)
 */
@customElement('heitu-article-list')
export class HeituArticleList extends LitElement {
  /** The page of articles to show. */
  @property({ attribute: false }) items: readonly ArticleSummary[] = [];
  /** Accessible name of the list. */
  @property() label = '';
  /** BCP 47 locale for dates. */
  @property() locale = 'zh-Hant-TW';
  /** The script the items are shown in; `original` keeps each article's own `lang`. */
  @property({ attribute: false }) mode: ScriptMode = 'original';

  static override styles = css`
    ol {
      list-style: none;
      margin: 0;
      padding: 0 16px;
    }
    li {
      padding: 10px 0;
      border-bottom: 1px solid var(--heitu-border);
    }
    .title {
      font-weight: 600;
    }
    .unread .title::before {
      content: '● ';
      color: var(--heitu-accent);
    }
    .meta,
    .snippet {
      color: var(--heitu-muted);
      font-size: 0.9em;
      margin-top: 2px;
    }
    .snippet {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `;

  override render() {
    const format = new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return html`<ol aria-label=${this.label}>
      ${this.items.map(
        (a) =>
          html`<li class=${a.unread ? 'unread' : ''} lang=${langFor(this.mode, a.script)}>
            <div class="title">${a.title}</div>
            <div class="meta">
              ${format.format(new Date(a.publishedAt))}${a.sourceName ? ` · ${a.sourceName}` : ''}
            </div>
            <div class="snippet">${a.snippet}</div>
          </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-article-list': HeituArticleList;
  }
}
