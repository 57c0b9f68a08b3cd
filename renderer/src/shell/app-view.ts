import { html, nothing } from 'lit';
import type { ArticleId } from '../../../app/shared/articles.ts';
import type { RegionId } from '../../../app/shared/regions.ts';
import type { ScriptMode, SettingsPatch } from '../../../app/shared/settings.ts';
import { LIST_MESSAGES } from '../i18n/list-messages.ts';
import { langTag, MESSAGES, type Messages } from '../i18n/messages.ts';
import { afterPaint } from './perf.ts';
import { PANE_MESSAGES } from '../i18n/pane-messages.ts';
import {
  HELP_OVERLAY_MESSAGES,
  SETTINGS_PANEL_MESSAGES,
  SOURCES_PANEL_MESSAGES,
} from '../i18n/panel-messages.ts';
import type { MessageTable } from '../i18n/localize.ts';
import type { HeituApp } from './heitu-app.ts';
import type { RegionTab } from '../tabs/heitu-region-tabs.ts';
import type { SearchRequest } from '../reader/reader-state.ts';

/** The tables of the UI's strings (converted to every script ahead: localizeWhenIdle). */
export const UI_TABLES: readonly MessageTable[] = [
  MESSAGES,
  LIST_MESSAGES,
  PANE_MESSAGES,
  SETTINGS_PANEL_MESSAGES,
  SOURCES_PANEL_MESSAGES,
  HELP_OVERLAY_MESSAGES,
];

/**
 * What the app shows outside its own element: the document's language and theme, the list's
 * width, the window title. Each only when it changed: a write, even of the same value, can cost a
 * style pass.
 */
export function reflectOnDocument(app: HeituApp): void {
  const root = document.documentElement;
  // The document's language is the UI's; text in the reader's script carries its own `lang`
  // (uiLang on the UI's containers, each list row and article layer its own), so that a switch
  // restyles those containers only, not the whole document.
  const lang = langTag(app.locale);
  if (root.lang !== lang) root.lang = lang;
  const theme = app.settings?.theme ?? 'system';
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
  // Through the CSSOM: the CSP allows no inline style attributes.
  const width = `${app.listWidth}px`;
  if (app.style.getPropertyValue('--heitu-list-width') !== width)
    app.style.setProperty('--heitu-list-width', width);
  // The window title is drawn outside the page: set after the frame, not inside it.
  const title = app.messages.appName;
  if (document.title !== title) void afterPaint().then(() => (document.title = title));
}

/** The shell's markup, apart from the element's logic (heitu-app.ts). */
export function renderApp(app: HeituApp) {
  const t = app.messages;
  if (app.fatal !== null) return html`<p class="error" role="alert">${t.loadFailed(app.fatal)}</p>`;
  const settings = app.settings;
  if (settings === null) return nothing;
  const counts = new Map(app.reader.counts.map((c) => [c.region, c.unread]));
  const tabs: RegionTab[] = app.regions.map((region) => ({
    region,
    label: app.label(region),
    hint: app.locale === 'en' ? region.labelEn : '',
    unread: region.kind === 'bookmarks' ? 0 : (counts.get(region.id) ?? 0),
    unreadText: t.unreadSuffix(counts.get(region.id) ?? 0),
  }));
  const current = tabs.find((tab) => tab.region.id === app.selected) ?? tabs[0];
  const lang = langTag(app.locale);
  return html`
    <header lang=${app.uiLang}>
      <h1>${t.appName}</h1>
      <span class="channel">${t.channelName}</span>
      <heitu-search-box
        label=${t.searchLabel}
        placeholder=${t.searchPlaceholder}
        scopeLabel=${t.searchScopeLabel}
        scopeTabText=${t.searchScopeTab(current?.label ?? '')}
        scopeAllText=${t.searchScopeAll}
        ?noScope=${app.selected === 'all'}
        @search-change=${(e: CustomEvent<SearchRequest>) => {
          app.search(e.detail);
        }}
      ></heitu-search-box>
      <heitu-script-switch
        .mode=${app.mode}
        label=${t.scriptLabel}
        @script-select=${(e: CustomEvent<ScriptMode>) => void app.setScript(e.detail)}
      ></heitu-script-switch>
      <heitu-sync-status
        .status=${app.status?.sync ?? null}
        .messages=${t}
        locale=${lang}
        ?online=${app.online}
        outcome=${app.outcome}
        @sync-request=${() => {
          app.sync();
        }}
        @sync-cancel=${() => void app.api.cancelSync()}
        @sources-open=${(e: CustomEvent<HTMLElement>) => {
          app.sourcesPanel.open(e.detail);
        }}
      ></heitu-sync-status>
      <button
        type="button"
        @click=${(e: Event) => app.settingsPanel.open(e.currentTarget as HTMLElement)}
      >
        ${t.settingsButton}
      </button>
      <button
        type="button"
        aria-keyshortcuts="?"
        @click=${(e: Event) => app.helpOverlay.open(e.currentTarget as HTMLElement)}
      >
        ${t.helpButton}
      </button>
    </header>
    <main>
      ${renderBanners(app, t)}
      <heitu-region-tabs
        .uiLang=${app.uiLang}
        .tabs=${tabs}
        .selected=${app.selected}
        label=${t.regionTabsLabel}
        @region-select=${(e: CustomEvent<RegionId>) => void app.selectRegion(e.detail)}
      >
        ${current ? renderPanes(app, tabs, t) : nothing}
      </heitu-region-tabs>
    </main>
    <heitu-settings-panel
      lang=${app.uiLang}
      .settings=${settings}
      .messages=${app.localized(SETTINGS_PANEL_MESSAGES)}
      .api=${app.api}
      @settings-change=${(e: CustomEvent<SettingsPatch>) => void app.saveSettings(e.detail)}
    ></heitu-settings-panel>
    <heitu-sources-panel
      lang=${app.uiLang}
      .api=${app.api}
      .messages=${app.localized(SOURCES_PANEL_MESSAGES)}
      .locale=${app.locale}
    ></heitu-sources-panel>
    <heitu-help-overlay
      lang=${app.uiLang}
      .messages=${app.localized(HELP_OVERLAY_MESSAGES)}
    ></heitu-help-overlay>
  `;
}

function renderBanners(app: HeituApp, t: Messages) {
  const notices = app.dismissedNotices ? [] : (app.status?.notices ?? []);
  const error = app.reader.error;
  if (notices.length === 0 && error === null) return nothing;
  return html`<div class="banner" role="alert" lang=${app.uiLang}>
    ${[...notices, ...(error === null ? [] : [error])].map((text) => html`<p>${text}</p>`)}
    <button
      type="button"
      @click=${() => {
        app.dismissedNotices = true;
        app.reader.error = null;
        app.requestUpdate();
      }}
    >
      ${t.dismiss}
    </button>
  </div>`;
}

function renderPanes(app: HeituApp, tabs: readonly RegionTab[], t: Messages) {
  const reader = app.reader;
  const showPane = !app.narrow || reader.article !== null;
  const showList = !app.narrow || reader.article === null;
  return html`<div class="panes ${app.narrow ? 'narrow' : ''}">
    ${
      showList
        ? html`<div class="list" aria-busy=${reader.loading ? 'true' : 'false'}>
            ${renderIndexing(app, t)}${renderList(app, tabs, t)}
          </div>`
        : nothing
    }
    ${
      app.narrow
        ? nothing
        : html`<heitu-splitter
            .value=${app.listWidth}
            label=${t.splitterLabel}
            @resize=${(e: CustomEvent<number>) => (app.listWidth = e.detail)}
          ></heitu-splitter>`
    }
    ${
      showPane
        ? html`<div class="pane">
            ${
              app.narrow
                ? html`<button type="button" class="back" @click=${() => void app.closeArticle()}>
                    ${t.backToList}
                  </button>`
                : nothing
            }
            <heitu-reading-pane
              .article=${reader.article}
              .mode=${app.mode}
              .convert=${app.converter.convert}
              .scripts=${app.scripts}
              .uiLang=${app.uiLang}
              .locale=${app.locale}
              .messages=${app.localized(PANE_MESSAGES)}
              .textScale=${app.settings?.textScale ?? 100}
              @bookmark-toggle=${(e: CustomEvent<{ id: ArticleId; on: boolean }>) =>
                void reader.setBookmark(e.detail.id, e.detail.on)}
              @read-toggle=${(e: CustomEvent<{ id: ArticleId; read: boolean }>) =>
                void reader.setRead(e.detail.id, e.detail.read)}
            ></heitu-reading-pane>
          </div>`
        : nothing
    }
  </div>`;
}

/** Above search results that the index could not complete yet (it is being rebuilt). */
function renderIndexing(app: HeituApp, t: Messages) {
  const reader = app.reader;
  return reader.loadedView?.kind === 'search' && reader.unindexed > 0
    ? html`<p class="indexing" role="status" lang=${app.uiLang}>${t.searchIndexing}</p>`
    : nothing;
}

/**
 * The rows of the view loaded last, named after it: while the next view loads (`aria-busy` on the
 * list), they are not passed off as its rows.
 */
function renderList(app: HeituApp, tabs: readonly RegionTab[], t: Messages) {
  const reader = app.reader;
  const view = reader.loadedView;
  if (view === null) return nothing;
  const tab = tabs.find((candidate) => candidate.region.id === view.region) ?? tabs[0];
  if (tab === undefined) return nothing;
  if (reader.items.length === 0) {
    const heading =
      view.kind === 'search'
        ? t.noResults(view.query)
        : tab.region.kind === 'bookmarks'
          ? t.emptyBookmarks
          : tab.region.kind === 'all'
            ? t.emptyAll
            : t.emptyRegion(tab.label);
    const hint = view.kind === 'search' || tab.region.kind === 'bookmarks' ? '' : t.emptyHint;
    return html`<heitu-empty-state
      lang=${app.uiLang}
      heading=${heading}
      hint=${hint}
    ></heitu-empty-state>`;
  }
  return html`<heitu-article-list
    .items=${reader.items}
    .hasMore=${reader.nextCursor !== null}
    .activeId=${reader.activeId}
    .openId=${reader.openId}
    .convert=${app.converter.convert}
    .scripts=${app.scripts}
    .uiLang=${app.uiLang}
    .mode=${app.mode}
    .locale=${app.locale}
    .now=${app.now}
    .messages=${app.localized(LIST_MESSAGES)}
    label=${view.kind === 'search' ? t.searchResults(view.query) : t.articlesIn(tab.label)}
    @article-activate=${(e: CustomEvent<ArticleId>) => {
      reader.setActive(e.detail);
    }}
    @article-open=${(e: CustomEvent<ArticleId>) => void app.openArticle(e.detail)}
    @bookmark-toggle=${(e: CustomEvent<{ id: ArticleId; on: boolean }>) =>
      void reader.setBookmark(e.detail.id, e.detail.on)}
    @load-more=${() => void reader.loadMore()}
  ></heitu-article-list>`;
}
