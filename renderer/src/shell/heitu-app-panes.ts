import { html, nothing } from 'lit';
import type { ArticleId } from '../../../app/shared/articles.ts';
import type { Messages } from '../i18n/messages.ts';
import { viewKey, type ReaderState } from '../reader/reader-state.ts';
import type { RegionTab } from '../tabs/heitu-region-tabs.ts';
import type { LayoutController } from './layout-controller.ts';

/** What the tab panel's content is drawn from: the reader's state, the layout, two actions. */
export interface PanesModel {
  readonly reader: ReaderState;
  readonly layout: LayoutController;
  /** Article text size, percent (the setting). */
  textScale(): number;
  openArticle(id: ArticleId): void;
  closeArticle(): void;
}

type Toggle<K extends string> = CustomEvent<{ id: ArticleId } & Record<K, boolean>>;

/**
 * The selected tab's panel: the list and the reading pane side by side with a splitter between,
 * or one at a time in a narrow window.
 */
export function renderPanes(
  model: PanesModel,
  tabs: readonly RegionTab[],
  t: Messages,
  uiLang: string,
) {
  const { reader, layout } = model;
  const narrow = layout.narrow;
  const showPane = !narrow || reader.article !== null;
  const showList = !narrow || reader.article === null;
  const indexing =
    reader.loadedView?.kind === 'search' && reader.unindexed > 0
      ? html`<p class="indexing" role="status" lang=${uiLang}>${t.searchIndexing}</p>`
      : nothing;
  return html`<div class="panes ${narrow ? 'narrow' : ''}">
    ${
      showList
        ? html`<div class="list" aria-busy=${reader.loading ? 'true' : 'false'}>
            ${indexing}${renderList(model, tabs, t, uiLang)}
          </div>`
        : nothing
    }
    ${
      narrow
        ? nothing
        : html`<heitu-splitter
            .value=${layout.listWidth}
            label=${t.splitterLabel}
            @resize=${(e: CustomEvent<number>) => {
              layout.setListWidth(e.detail);
            }}
          ></heitu-splitter>`
    }
    ${
      showPane
        ? html`<div class="pane">
            ${
              narrow
                ? html`<button
                    type="button"
                    class="back"
                    @click=${() => {
                      model.closeArticle();
                    }}
                  >
                    ${t.backToList}
                  </button>`
                : nothing
            }
            <heitu-reading-pane
              .article=${reader.article}
              .textScale=${model.textScale()}
              @bookmark-toggle=${(e: Toggle<'on'>) =>
                void reader.setBookmark(e.detail.id, e.detail.on)}
              @read-toggle=${(e: Toggle<'read'>) => void reader.setRead(e.detail.id, e.detail.read)}
            ></heitu-reading-pane>
          </div>`
        : nothing
    }
  </div>`;
}

/**
 * The rows of the view loaded last, named after it: while the next view loads (`aria-busy` on the
 * list), they are not passed off as its rows.
 */
function renderList(model: PanesModel, tabs: readonly RegionTab[], t: Messages, uiLang: string) {
  const { reader, layout } = model;
  const view = reader.loadedView;
  if (view === null) return nothing;
  const key = viewKey(view);
  const tab = tabs.find((candidate) => candidate.id === key) ?? tabs[0];
  if (tab === undefined) return nothing;
  if (reader.items.length === 0) {
    const heading =
      view.kind === 'search'
        ? t.noResults(view.query)
        : tab.kind === 'bookmarks'
          ? t.emptyBookmarks
          : tab.kind === 'all'
            ? t.emptyAll
            : t.emptyRegion(tab.label);
    const hint = view.kind === 'search' || tab.kind === 'bookmarks' ? '' : t.emptyHint;
    return html`<heitu-empty-state
      lang=${uiLang}
      heading=${heading}
      hint=${hint}
    ></heitu-empty-state>`;
  }
  return html`<heitu-article-list
    .items=${reader.items}
    .hasMore=${reader.nextCursor !== null}
    .activeId=${reader.activeId}
    .openId=${reader.openId}
    .now=${layout.now}
    label=${view.kind === 'search' ? t.searchResults(view.query) : t.articlesIn(tab.label)}
    @article-activate=${(e: CustomEvent<ArticleId>) => {
      reader.setActive(e.detail);
    }}
    @article-open=${(e: CustomEvent<ArticleId>) => {
      model.openArticle(e.detail);
    }}
    @bookmark-toggle=${(e: Toggle<'on'>) => void reader.setBookmark(e.detail.id, e.detail.on)}
    @load-more=${() => void reader.loadMore()}
  ></heitu-article-list>`;
}
