import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Article, ArticleId } from '../../../app/shared/articles.ts';
import { langFor } from '../../../app/shared/script-lang.ts';
import type { ScriptMode } from '../../../app/shared/settings.ts';
import { PANE_MESSAGES } from '../i18n/pane-messages.ts';
import { articleHeader, type ArticleHeader } from './article-meta.ts';
import { BodyLayers } from '../script/body-layers.ts';
import type { Convert } from '../script/convert.ts';
import type { ScriptView } from '../script/script-context.ts';
import { ScriptedElement } from '../script/scripted-element.ts';
import { layerStyles, showMode } from '../script/script-layers.ts';
import { buttonStyles, scriptFonts } from '../ui/shared-styles.ts';
import { isOpenableUrl } from '../reader/triage-controller.ts';
import './heitu-full-text.ts';

export interface BookmarkToggleDetail {
  readonly id: ArticleId;
  /** The state asked for: true to bookmark, false to remove the bookmark. */
  readonly on: boolean;
}

export interface ReadToggleDetail {
  readonly id: ArticleId;
  /** The state asked for: true to mark read, false to mark unread. */
  readonly read: boolean;
}

export const MIN_TEXT_SCALE = 75;
export const MAX_TEXT_SCALE = 200;

/** The text scale in force: clamped to 75–200 %, 100 for anything that is not a number. */
function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 100;
  return Math.min(MAX_TEXT_SCALE, Math.max(MIN_TEXT_SCALE, scale));
}

/**
 * The reading pane: one article, as the channel lays it out (title; time, 來源, 編輯, 責編;
 * 原題; body; copyright notice), in the script the reader chose, with bookmark and read toggles
 * and a link to the original.
 *
 * Script conversion touches text only (body-layers.ts): the body is parsed once per article and
 * shown as one layer per script, made once per article and mode, the other scripts' in idle
 * time; 原文 mode shows the parse unconverted.
 *
 * @fires bookmark-toggle - detail: BookmarkToggleDetail
 * @fires read-toggle - detail: ReadToggleDetail
 */
@customElement('heitu-reading-pane')
export class HeituReadingPane extends ScriptedElement {
  /** The article shown; null for the empty state. */
  @property({ attribute: false }) article: Article | null = null;
  /** Article text size, percent of the default (75–200). */
  @property({ attribute: false }) textScale = 100;

  #header: ArticleHeader | null = null;
  /** The open article's header per mode (with the converter it was made by): switching back is free. */
  readonly #headers = new Map<ScriptMode, { convert: Convert; header: ArticleHeader }>();
  readonly #body = new BodyLayers();
  #shownId: ArticleId | null = null;
  /**
   * Whether the reader has scrolled the pane from the top, as its scroll events say: opening
   * another article resets the scroll only then, without reading scrollTop (which lays out).
   */
  #scrolled = false;

  constructor() {
    super();
    this.addEventListener(
      'scroll',
      () => {
        this.#scrolled = this.scrollTop > 0;
      },
      { passive: true },
    );
  }

  static override styles = [
    buttonStyles,
    scriptFonts,
    layerStyles,
    css`
      :host {
        display: block;
        box-sizing: border-box;
        height: 100%;
        overflow: auto;
        color: var(--heitu-text);
        background: var(--heitu-bg);
        --heitu-reading-size: 1.125rem;
      }
      .pane {
        box-sizing: border-box;
        max-width: calc(42em + 48px);
        margin: 0 auto;
        padding: 16px 24px 48px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        margin-bottom: 16px;
        font-size: 0.875rem;
      }
      .icon {
        margin-inline-end: 4px;
      }
      button[aria-pressed='true'] .icon {
        color: var(--heitu-accent);
      }
      a {
        color: var(--heitu-accent);
      }
      .original {
        margin-inline-start: auto;
      }
      button:focus-visible,
      a:focus-visible,
      h1:focus-visible {
        outline: 2px solid var(--heitu-focus);
        outline-offset: 2px;
        border-radius: 4px;
      }
      .note {
        margin: 0 0 16px;
        padding: 6px 12px;
        border-inline-start: 3px solid var(--heitu-accent);
        color: var(--heitu-muted);
        font-size: 0.875rem;
      }
      .empty-text {
        margin: 0;
        padding: 64px 24px;
        text-align: center;
        color: var(--heitu-muted);
      }
      article {
        max-width: 42em;
        font-size: calc(var(--heitu-reading-size) * var(--heitu-text-scale, 1));
        line-height: 1.8;
        overflow-wrap: anywhere;
      }
      h1 {
        margin: 0 0 0.5em;
        font-size: 1.5em;
        line-height: 1.4;
      }
      .meta,
      .original-title {
        margin: 0 0 0.5em;
        font-size: 0.85em;
        line-height: 1.6;
        color: var(--heitu-muted);
      }
      .body {
        margin-top: 1.5em;
      }
      .layer p {
        margin: 0 0 1em;
      }
      /* Blocks out of view are laid out only when scrolled to, so a script switch re-lays out what
       is on screen, however long the article. */
      .body > .layer {
        display: block;
      }
      .layer > *,
      footer {
        content-visibility: auto;
        contain-intrinsic-size: auto 6em;
      }
      .body h2,
      .body h3,
      .body h4,
      .body h5,
      .body h6 {
        line-height: 1.4;
        color: var(--heitu-text);
      }
      .body img,
      .body video {
        max-width: 100%;
        height: auto;
      }
      .body figure {
        margin: 1em 0;
      }
      .body figcaption {
        font-size: 0.85em;
        color: var(--heitu-muted);
      }
      .body pre {
        overflow: auto;
        white-space: pre-wrap;
      }
      .body table {
        display: block;
        max-width: 100%;
        overflow-x: auto;
        border-collapse: collapse;
      }
      .body blockquote {
        margin: 1em 0;
        padding-inline-start: 1em;
        border-inline-start: 3px solid var(--heitu-border);
        color: var(--heitu-muted);
      }
      footer {
        margin-top: 2em;
        padding-top: 1em;
        border-top: 1px solid var(--heitu-border);
      }
      .copyright {
        margin: 0;
        font-size: 0.8em;
        line-height: 1.7;
        white-space: pre-line;
        color: var(--heitu-muted);
      }
    `,
  ];

  /** The body container (the body's script layers); null in the empty state. */
  get bodyElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#body');
  }

  /** Moves focus to the title (after opening an article, so screen readers start there). */
  async focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Scrolls the article down by most of a screen; false when it is already at its end. */
  pageDown(): boolean {
    if (this.article === null) return false;
    const left = this.scrollHeight - this.clientHeight - this.scrollTop;
    if (left <= 1) return false;
    this.scrollBy({ top: Math.min(left, Math.max(40, this.clientHeight * 0.85)) });
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#body.cancel();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // On the host, through the CSSOM: the CSP refuses style attributes, which is how Lit's
    // styleMap first renders (so an article opened with 150 % showed at 100 %).
    if (changed.has('textScale'))
      this.style.setProperty('--heitu-text-scale', String(clampScale(this.textScale) / 100));
    const before = changed.get('script');
    const scriptChanged = changed.has('script') && before?.convert !== this.script.convert;
    if (changed.has('script') && before?.mode !== this.script.mode)
      showMode(this, before?.mode, this.script.mode);
    if (changed.has('article')) this.#headers.clear();
    if (changed.has('article') || scriptChanged) this.#header = this.#headerIn(this.script);
  }

  /** The open article's header in `script`'s mode, made once per mode and converter. */
  #headerIn({ mode, convert }: ScriptView): ArticleHeader | null {
    const article = this.article;
    if (article === null) return null;
    const made = this.#headers.get(mode);
    if (made?.convert === convert) return made.header;
    const header = articleHeader(article, mode, convert);
    this.#headers.set(mode, { convert, header });
    return header;
  }

  override render() {
    const t = this.ui.localized(PANE_MESSAGES);
    const article = this.article;
    const header = this.#header;
    if (article === null || header === null) {
      return html`<section class="pane" aria-label=${t.paneLabel}>
        <p class="empty-text" lang=${this.ui.uiLang || nothing}>${t.selectArticle}</p>
      </section>`;
    }
    // The header's and the footer's language; the body's layers have their own (body-layers.ts),
    // so that a switch does not restyle every paragraph of every layer under a new lang.
    const lang = langFor(this.script.mode, article.script);
    return html`<section class="pane" aria-label=${t.paneLabel}>
      <div
        class="actions"
        role="group"
        lang=${this.ui.uiLang || nothing}
        aria-label=${t.actionsLabel}
      >
        <button
          type="button"
          class="bookmark"
          aria-pressed=${article.bookmarked ? 'true' : 'false'}
          title=${article.bookmarked ? t.removeBookmark : t.addBookmark}
          @click=${this.#onBookmark}
        >
          <span class="icon" aria-hidden="true">${article.bookmarked ? '★' : '☆'}</span
          >${t.bookmark}
        </button>
        <button type="button" class="read" @click=${this.#onRead}>
          ${article.unread ? t.markRead : t.markUnread}
        </button>
        ${
          isOpenableUrl(article.url)
            ? html`<a class="original" href=${article.url} target="_blank" rel="noopener noreferrer"
                >${t.openOriginal}</a
              >`
            : nothing
        }
      </div>
      ${article.fromBookmark ? html`<p class="note" role="note" lang=${this.ui.uiLang || nothing}>${t.fromBookmark}</p>` : nothing}
      <article aria-labelledby="title">
        <header lang=${lang}>
          <h1 id="title" tabindex="-1">${header.title}</h1>
          ${header.meta === '' ? nothing : html`<p class="meta">${header.meta}</p>`}
          ${
            header.originalTitle === null
              ? nothing
              : html`<p class="original-title">${header.originalTitle}</p>`
          }
        </header>
        <div class="body stack" id="body"></div>
        ${article.summaryOnly === true ? html`<heitu-full-text .article=${article}></heitu-full-text>` : nothing}
        ${
          header.copyright === null
            ? nothing
            : html`<footer lang=${lang}><p class="copyright">${header.copyright}</p></footer>`
        }
      </article>
    </section>`;
  }

  override updated(): void {
    const article = this.article;
    const container = this.bodyElement;
    if (article === null || container === null) {
      this.#body.cancel();
      this.#shownId = null;
      return;
    }
    this.#body.show(container, article, this.script.mode, this.script.convert, this.script.scripts);
    // After the body is in: scrolling lays the pane out, once, with the new article whole.
    if (article.id !== this.#shownId) {
      this.#shownId = article.id;
      if (this.#scrolled) this.scrollTop = 0;
      this.#scrolled = false;
    }
  }

  #onBookmark(): void {
    const article = this.article;
    if (article === null) return;
    this.#fire('bookmark-toggle', {
      id: article.id,
      on: !article.bookmarked,
    });
  }

  #onRead(): void {
    const article = this.article;
    if (article === null) return;
    this.#fire('read-toggle', { id: article.id, read: article.unread });
  }

  #fire<K extends 'bookmark-toggle' | 'read-toggle'>(
    type: K,
    detail: HTMLElementEventMap[K]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-reading-pane': HeituReadingPane;
  }
  interface HTMLElementEventMap {
    'bookmark-toggle': CustomEvent<BookmarkToggleDetail>;
    'read-toggle': CustomEvent<ReadToggleDetail>;
  }
}
