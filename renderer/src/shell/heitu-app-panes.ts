import { html, nothing } from 'lit';
import type { Article, ArticleId } from '../../../app/shared/articles.ts';
import type { Messages } from '../i18n/messages.ts';
import type { TriageMessages } from '../i18n/triage-messages.ts';
import { viewKey, type ReaderState } from '../reader/reader-state.ts';
import type { TriageController } from '../reader/triage-controller.ts';
import type { RegionTab } from '../tabs/heitu-region-tabs.ts';
import type { SyncMessages } from '../i18n/sync-messages.ts';
import type { SyncController } from '../sync/sync-controller.ts';
import { runResult } from '../sync/sync-text.ts';
import type { LayoutController } from './layout-controller.ts';
import { whenIdle } from './perf.ts';

/** What the tab panel's content is drawn from: the reader's state, the layout, two actions. */
export interface PanesModel {
  readonly reader: ReaderState;
  readonly layout: LayoutController;
  readonly triage: TriageController;
  triageMessages(): TriageMessages;
  /** Article text size, percent (the setting). */
  textScale(): number;
  openArticle(id: ArticleId): void;
  closeArticle(): void;
  readonly sync: SyncController;
  /** SYNC_MESSAGES in the UI language. */
  syncTexts(): SyncMessages;
  startSync(): void;
  /** Opens the sources panel (where feeds are added); focus returns to `opener`. */
  openSources(opener: HTMLElement): void;
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
  // Nothing to choose from: no "select an article" beside an empty list; the list takes the room.
  const nothingToRead =
    reader.article === null && reader.loadedView !== null && reader.items.length === 0;
  const showPane = (!narrow || reader.article !== null) && !nothingToRead;
  const showList = !narrow || reader.article === null;
  const indexing =
    reader.loadedView?.kind === 'search' && reader.unindexed > 0
      ? html`<p class="indexing" role="status" lang=${uiLang}>${t.searchIndexing}</p>`
      : nothing;
  return html`<div class="panes ${narrow ? 'narrow' : ''} ${showPane ? '' : 'list-only'}">
    ${
      showList
        ? html`<div class="list" aria-busy=${reader.loading ? 'true' : 'false'}>
            ${renderListBar(model, uiLang)}${indexing}${renderList(model, tabs, t, uiLang)}
            ${renderNotice(model, uiLang)}
          </div>`
        : nothing
    }
    ${
      narrow || !showPane
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
              @full-text=${(e: CustomEvent<Article>) => {
                reader.replaceArticle(e.detail);
              }}
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
    const libraryEmpty = (reader.counts.find((c) => c.region === 'all')?.total ?? 0) === 0;
    if (view.kind === 'region' && tab.kind !== 'bookmarks' && libraryEmpty) {
      return renderFirstRun(model, uiLang);
    }
    const heading =
      view.kind === 'search'
        ? t.noResults(view.query)
        : view.unreadOnly === true
          ? model.triageMessages().emptyUnread
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
    @rows-shown=${(e: CustomEvent<readonly ArticleId[]>) =>
      void reader.prefetchShown(e.detail, whenIdle)}
  ></heitu-article-list>`;
}

/**
 * An empty library says what happened and what to do: the first sync running, no network, every
 * source failing, or nothing synced yet, with the buttons that help (sync or retry, add a feed,
 * see the sources).
 */
function renderFirstRun(model: PanesModel, uiLang: string) {
  const s = model.syncTexts();
  const { sync } = model;
  const run = sync.lastRun;
  const result = run === null ? null : runResult(run);
  const openSources = (e: Event) => {
    model.openSources(e.currentTarget as HTMLElement);
  };
  const button = (label: string, onClick: (e: Event) => void) =>
    html`<button type="button" @click=${onClick}>${label}</button>`;
  const retry = button(s.tryAgain, () => {
    model.startSync();
  });
  if (sync.status?.sync.state === 'syncing') {
    return html`<heitu-empty-state lang=${uiLang} heading=${s.firstSyncing}></heitu-empty-state>`;
  }
  const [heading, hint, actions] =
    result === 'offline'
      ? [s.offlineHeading, s.offlineHint, [retry, button(s.addFeed, openSources)]]
      : result === 'failed'
        ? [s.failedHeading, s.failedHint, [retry, button(s.showSources, openSources)]]
        : [
            s.firstRunHeading,
            s.firstRunHint,
            [
              button(s.syncFirst, () => {
                model.startSync();
              }),
              button(s.addFeed, openSources),
            ],
          ];
  return html`<heitu-empty-state
    lang=${uiLang}
    heading=${heading}
    hint=${hint}
    ?alert=${result === 'offline' || result === 'failed'}
    >${actions}</heitu-empty-state
  >`;
}

/**
 * Above the list: how many results a search found, or the tab's "unread only" toggle and "mark
 * read" (issue 18). The count is a status, read out when it changes.
 */
function renderListBar(model: PanesModel, uiLang: string) {
  const { reader, triage } = model;
  const view = reader.loadedView;
  if (view === null) return nothing;
  const t = model.triageMessages();
  if (view.kind === 'search') {
    return html`<div class="list-bar" lang=${uiLang}>
      <span class="count" role="status"
        >${reader.loading ? '' : t.resultCount(reader.items.length, reader.nextCursor !== null)}</span
      >
    </div>`;
  }
  // One tab stop (the toolbar pattern): ← and → move between its buttons.
  return html`<div
    class="list-bar"
    role="toolbar"
    aria-label=${t.listToolbar}
    lang=${uiLang}
    @keydown=${moveInToolbar}
  >
    <span class="count"></span>
    ${
      view.region === 'bookmarks'
        ? nothing
        : html`<button
            type="button"
            class="unread-only"
            aria-pressed=${view.unreadOnly === true ? 'true' : 'false'}
            aria-keyshortcuts="u"
            tabindex="-1"
            @click=${() => void triage.toggleUnreadOnly()}
          >
            ${t.unreadOnly}
          </button>`
    }
    <button
      type="button"
      class="mark-read"
      aria-keyshortcuts="Shift+A"
      @click=${() => void triage.markTabRead()}
    >
      ${view.region === 'all' ? t.markAllRead : t.markTabRead}
    </button>
  </div>`;
}

/** Below the list: what was just done (marked read, link copied), with Undo where it undoes. */
function renderNotice(model: PanesModel, uiLang: string) {
  const notice = model.triage.notice;
  const t = model.triageMessages();
  return html`<div class=${notice === null ? 'notice idle' : 'notice'} role="status" lang=${uiLang}>
    ${
      notice === null
        ? nothing
        : html`<span>${notice.text}</span>${
              notice.undo === null
                ? nothing
                : html`<button
                    type="button"
                    aria-keyshortcuts="Control+Z Meta+Z"
                    @click=${() => void model.triage.undo()}
                  >
                    ${t.undo}
                  </button>`
            }`
    }
  </div>`;
}

/** ← and → (Home, End) move focus between a toolbar's buttons; the one focused is its tab stop. */
function moveInToolbar(event: KeyboardEvent): void {
  const bar = event.currentTarget as HTMLElement;
  const buttons = [...bar.querySelectorAll('button')];
  const at = buttons.findIndex((b) => b === event.target);
  if (at < 0) return;
  const to =
    event.key === 'ArrowRight'
      ? (at + 1) % buttons.length
      : event.key === 'ArrowLeft'
        ? (at - 1 + buttons.length) % buttons.length
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? buttons.length - 1
            : -1;
  const next = buttons[to];
  if (next === undefined) return;
  event.preventDefault();
  for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
  next.focus();
}
