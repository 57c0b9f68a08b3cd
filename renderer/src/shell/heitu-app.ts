import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { NewsClient, NewsEvent } from '../../../app/shared/contract.ts';
import type { ArticleId } from '../../../app/shared/articles.ts';
import type { Region, RegionId } from '../../../app/shared/regions.ts';
import {
  effectiveScript,
  type ScriptMode,
  type SettingsPatch,
} from '../../../app/shared/settings.ts';
import { apiContext } from '../api/api-context.ts';
import { connect } from '../api/client.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { langTag, resolveLocale, type Messages } from '../i18n/messages.ts';
import { prepareListTimes } from '../list/list-time.ts';
import { NOTICE_MESSAGES, noticeInWords } from '../i18n/notice-messages.ts';
import { SYNC_MESSAGES } from '../i18n/sync-messages.ts';
import { readNotice } from '../../../app/shared/notices.ts';
import type { HeituArticleList } from '../list/heitu-article-list.ts';
import type { HeituReadingPane } from '../pane/heitu-reading-pane.ts';
import { ReaderState, type ListView, type SearchRequest } from '../reader/reader-state.ts';
import { tabView } from '../reader/tab-view.ts';
import { TriageController } from '../reader/triage-controller.ts';
import { TRIAGE_MESSAGES } from '../i18n/triage-messages.ts';
import { FontWarmupController } from '../script/font-warmup-controller.ts';
import { ScriptController } from '../script/script-controller.ts';
import type { HeituSearchBox } from '../search/heitu-search-box.ts';
import { SettingsController } from '../settings/settings-controller.ts';
import type { HeituSettingsPanel } from '../settings/heitu-settings-panel.ts';
import type { HeituSourcesPanel } from '../sources/heitu-sources-panel.ts';
import { SyncController } from '../sync/sync-controller.ts';
import { WebNotifier } from '../sync/web-notifier.ts';
import type { HeituRegionTabs, RegionTab } from '../tabs/heitu-region-tabs.ts';
import { appStyles } from './heitu-app-styles.ts';
import { triageStyles } from './triage-styles.ts';
import { triageShortcuts } from './app-triage.ts';
import type { HeituHelpOverlay } from './heitu-help-overlay.ts';
import { LayoutController } from './layout-controller.ts';
import { afterPaint, markPainted, markStart, whenIdle } from './perf.ts';
import { ShortcutsController } from './shortcuts-controller.ts';
import { renderPanes, type PanesModel } from './heitu-app-panes.ts';
import '../list/heitu-article-list.ts';
import '../list/heitu-empty-state.ts';
import '../pane/heitu-reading-pane.ts';
import '../script/heitu-script-switch.ts';
import '../search/heitu-search-box.ts';
import '../settings/heitu-settings-panel.ts';
import '../sources/heitu-sources-panel.ts';
import '../sync/heitu-sync-status.ts';
import '../tabs/heitu-region-tabs.ts';
import { readerTabKey, readerTabOf, withOwnTabs, type TabKey } from '../tabs/tab-key.ts';
import type { ReaderTab } from '../../../app/shared/tabs.ts';
import './heitu-help-overlay.ts';
import './heitu-splitter.ts';

/**
 * The application shell: header (channel, search, script, sync), region tabs with unread counts,
 * the article list and the reading pane side by side (one at a time in a narrow window), and the
 * settings, sources and shortcut dialogs. It composes the controllers that hold the state (reader,
 * settings, script, locale, sync, layout, shortcuts, font warm-up), provides the API client,
 * script and locale to the elements below (context), and lays out the page.
 */
@customElement('heitu-app')
export class HeituApp extends LitElement {
  @state() regions: readonly Region[] = [];
  @state() selected: TabKey = 'all';
  /** The reader's own tabs, shown after the region tabs (before 收藏). */
  @state() readerTabs: readonly ReaderTab[] = [];
  @state() fatal: string | null = null;
  /** Notices the reader dismissed, each as said by one run of the library (startedAt). */
  @state() dismissedNotices: ReadonlySet<string> = new Set();

  readonly api: NewsClient = connect();
  readonly reader = new ReaderState(this, this.api, afterPaint);
  readonly settings = new SettingsController(this, this.api, (message) => {
    this.reader.error = message;
  });
  readonly script = new ScriptController(this, this.settings);
  readonly i18n = new LocaleController(this, () => ({
    uiLanguage: this.settings.settings?.uiLanguage ?? 'system',
    mode: this.script.mode,
    converter: this.script.converter,
    scripts: this.script.scripts,
    converters: this.script.converters,
  }));
  readonly #notifier = new WebNotifier(this.api);
  readonly sync = new SyncController(this, this.api);
  readonly layout = new LayoutController(this, () => ({
    lang: langTag(this.i18n.locale),
    theme: this.settings.settings?.theme ?? 'system',
    title: this.i18n.messages.appName,
  }));

  readonly triage = new TriageController(this, {
    api: this.api,
    reader: this.reader,
    messages: () => this.i18n.localized(TRIAGE_MESSAGES),
    tab: () => this.selected,
    unreadOnlyTabs: () => this.settings.settings?.unreadOnlyTabs ?? [],
    saveUnreadOnlyTabs: (tabs) => this.settings.save({ unreadOnlyTabs: [...tabs] }),
    openArticle: (id) => this.openArticle(id),
  });

  @query('heitu-article-list') list!: HeituArticleList | null;
  @query('heitu-reading-pane') pane!: HeituReadingPane | null;
  @query('heitu-region-tabs') tabs!: HeituRegionTabs | null;
  @query('heitu-search-box') searchBox!: HeituSearchBox | null;
  @query('heitu-settings-panel') settingsPanel!: HeituSettingsPanel;
  @query('heitu-sources-panel') sourcesPanel!: HeituSourcesPanel;
  @query('heitu-help-overlay') helpOverlay!: HeituHelpOverlay;

  #unsubscribe: (() => void) | null = null;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #firstPaint = true;
  /** The view asked for last, settled once it is shown. */
  #shown: Promise<void> = Promise.resolve();
  readonly #panes: PanesModel = {
    reader: this.reader,
    layout: this.layout,
    triage: this.triage,
    triageMessages: () => this.i18n.localized(TRIAGE_MESSAGES),
    textScale: () => this.settings.settings?.textScale ?? 100,
    openArticle: (id) => void this.openArticle(id),
    closeArticle: () => void this.closeArticle(),
    sync: this.sync,
    syncTexts: () => this.i18n.localized(SYNC_MESSAGES),
    startSync: () => {
      this.sync.sync();
    },
    openSources: (opener) => {
      this.sourcesPanel.open(opener);
    },
  };

  static override styles = [appStyles, triageStyles];

  constructor() {
    super();
    new ContextProvider(this, { context: apiContext, initialValue: this.api });
    new ShortcutsController(this, {
      reader: this.reader,
      element: this,
      openArticle: (id) => void this.openArticle(id),
      sync: () => {
        this.sync.sync();
      },
      cycleScript: () => void this.setScript(this.script.next()),
      selectTab: (index) => {
        const region = this.regions[index];
        if (region !== undefined) this.tabs?.selectTab(region.id);
        return region !== undefined;
      },
      focusList: () => this.list?.focusList(),
      focusSearch: () => this.searchBox?.focusField(),
      openHelp: (opener) => {
        this.helpOverlay.open(opener);
      },
      ...triageShortcuts(this),
    });
    // The UI's characters in every script's face, ahead of a switch.
    new FontWarmupController(
      this,
      () => this.script.scripts,
      () =>
        JSON.stringify([
          this.i18n.locale,
          this.selected,
          this.reader.loadedView,
          this.reader.openId,
        ]),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = this.api.subscribe((event) => {
      this.#onEvent(event);
    });
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  async #load(): Promise<void> {
    this.script.prewarm();
    try {
      const first = Promise.all([
        this.api.listRegions(),
        this.api.getSettings(),
        this.api.getStatus(),
        this.api.listTabs(),
      ]);
      // While the library answers: the list's time formats (the settings' language is a guess
      // until they come; the system's is the usual one).
      prepareListTimes(resolveLocale('system', navigator.languages));
      const [regions, settings, status, readerTabs] = await first;
      this.readerTabs = readerTabs;
      // The first list, its counts and (when the reader's script needs them) the dictionaries
      // load together; nothing is painted until all are here, so no text flashes unconverted.
      await Promise.all([
        this.script.load(effectiveScript(settings, navigator.languages)),
        this.reader.show(tabView(settings.lastRegion, settings.unreadOnlyTabs)),
        this.reader.refreshCounts(),
      ]);
      this.regions = regions;
      this.sync.show(status);
      this.#notifier.start(this.reader.counts);
      this.selected = settings.lastRegion;
      this.settings.apply(settings);
    } catch (error) {
      this.fatal = (error as Error).message;
      return;
    }
    await this.#painted('list');
    // Every tab's first page, in idle time: a switch then shows its rows in the click's frame.
    void this.reader.prefetchTabs(
      this.regions.map((region) => region.id),
      whenIdle,
    );
  }

  #onEvent(event: NewsEvent): void {
    if (this.sync.handle(event)) {
      if (event.type !== 'syncFinished') return;
      void this.#notifier.finished(this.settings.settings, this.i18n.locale, this.script.mode);
      void this.sourcesPanel.refresh();
      void this.reader.refresh(true);
      return;
    }
    switch (event.type) {
      case 'settingsChanged':
        this.settings.apply(event.settings);
        void this.script.load(this.script.mode);
        break;
      case 'sourcesChanged':
        void this.sourcesPanel.refresh();
        void this.#refreshReaderTabs(true);
        break;
      case 'libraryChanged':
        // Several changes in a row (a sync storing source after source) refresh once.
        if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
        this.#refreshTimer = setTimeout(() => {
          this.#refreshTimer = null;
          void this.reader.refresh();
          void this.#refreshReaderTabs(false);
        }, 250);
        break;
      default:
        break;
    }
  }

  /** Marks `what` painted once this element and the list have rendered. */
  async #painted(what: 'list' | 'tab' | 'open' | 'script'): Promise<void> {
    await this.updateComplete;
    await this.list?.updateComplete;
    await this.pane?.updateComplete;
    if (what === 'list' && !this.#firstPaint) return;
    if (what === 'list') this.#firstPaint = false;
    markPainted(what);
  }

  // ---- Actions (also used by the keyboard shortcuts) ----------------------------------------

  async selectRegion(key: TabKey): Promise<void> {
    if (key === this.selected) return;
    markStart('tab');
    this.selected = key;
    const tab = readerTabOf(key);
    // A search of the reader's own tab looks everywhere: the index knows regions, not tabs.
    const region: RegionId = tab === null ? (key as RegionId) : 'all';
    const view = this.reader.view;
    await (view.kind === 'search' && view.scope === 'tab'
      ? this.reader.show({ ...view, region })
      : this.reader.show(this.#tabView(key)));
    await this.#painted('tab');
    if (tab !== null) return;
    this.api.setSettings({ lastRegion: region }).catch((error: unknown) => {
      this.reader.error = (error as Error).message;
    });
  }

  /** The reader's tabs again (and their counts); away from one that was deleted. */
  async #refreshReaderTabs(listToo: boolean): Promise<void> {
    try {
      this.readerTabs = await this.api.listTabs();
    } catch (error) {
      this.reader.error = (error as Error).message;
      return;
    }
    const tab = readerTabOf(this.selected);
    if (tab !== null && !this.readerTabs.some((t) => t.id === tab)) await this.selectRegion('all');
    else if (listToo && tab !== null) await this.reader.refresh();
  }

  async openArticle(id: ArticleId): Promise<void> {
    markStart('open');
    const article = await this.reader.open(id, this.settings.settings?.markReadOnOpen ?? true);
    if (article === null) return;
    await this.#painted('open');
    // The next rows' articles, in idle time: reading on opens them in the frame of the click.
    void whenIdle().then(() => this.reader.prefetchAfter(id));
    // In a narrow window the list that had focus is gone: the article's title takes it.
    if (this.layout.narrow) await this.pane?.focusTitle();
  }

  /** Back from the article to the list (narrow windows), focus with it. */
  async closeArticle(): Promise<void> {
    this.reader.closeArticle();
    await this.updateComplete;
    this.list?.focusList();
  }

  async setScript(mode: ScriptMode): Promise<void> {
    markStart('script');
    if (!(await this.script.switchTo(mode))) return;
    await this.#painted('script');
    // Saved once the switch is painted: the request is no work of the frame that shows it.
    await afterPaint();
    await this.settings.save({ script: mode, scriptChosen: true });
  }

  search(request: SearchRequest): void {
    const tab = readerTabOf(this.selected);
    const region: RegionId = tab === null ? (this.selected as RegionId) : 'all';
    this.#shown =
      request.query === ''
        ? this.reader.show(this.#tabView(this.selected))
        : this.reader.show({
            kind: 'search',
            region,
            ...(tab === null ? {} : { tab }),
            ...request,
          });
  }

  /** Enter or ↓ in the search box: into the results, once they are shown. */
  async enterResults(): Promise<void> {
    await this.#shown;
    await this.updateComplete;
    this.list?.focusList();
  }

  /** Every tab of the tab bar, in its order: what `[` and `]` step through. */
  tabKeys(): readonly TabKey[] {
    return withOwnTabs(
      this.regions.map((region): TabKey => region.id),
      this.readerTabs.map((tab) => readerTabKey(tab.id)),
      (key) => key === 'bookmarks',
    );
  }

  #tabView(key: TabKey): ListView {
    return tabView(key, this.settings.settings?.unreadOnlyTabs ?? []);
  }

  // ---- Layout ---------------------------------------------------------------------------------

  override render() {
    const t = this.i18n.messages;
    if (this.fatal !== null)
      return html`<p class="error" role="alert">${t.loadFailed(this.fatal)}</p>`;
    const settings = this.settings.settings;
    if (settings === null) return nothing;
    const counts = new Map(this.reader.counts.map((c) => [c.region, c.unread]));
    const regionTabs: RegionTab[] = this.regions.map((region) => ({
      id: region.id,
      kind: region.kind,
      label: this.i18n.label(region),
      hint: this.i18n.locale === 'en' && region.kind === 'place' ? region.labelEn : '',
      unread: region.kind === 'bookmarks' ? 0 : (counts.get(region.id) ?? 0),
      unreadText: t.unreadSuffix(counts.get(region.id) ?? 0),
    }));
    const own = this.readerTabs.map((tab): RegionTab => ({
      id: readerTabKey(tab.id),
      kind: 'reader',
      label: tab.name,
      unread: tab.unread,
      unreadText: t.unreadSuffix(tab.unread),
    }));
    const tabs = withOwnTabs(regionTabs, own, (tab) => tab.kind === 'bookmarks');
    const current = tabs.find((tab) => tab.id === this.selected) ?? tabs[0];
    const uiLang = this.i18n.uiLang;
    return html`
      <header lang=${uiLang}>
        <h1>${t.appName}</h1>
        <span class="channel">${t.channelName}</span>
        <heitu-search-box
          label=${t.searchLabel}
          placeholder=${t.searchPlaceholder}
          scopeLabel=${t.searchScopeLabel}
          scopeTabText=${t.searchScopeTab(current?.label ?? '')}
          scopeAllText=${t.searchScopeAll}
          ?noScope=${this.selected === 'all'}
          @search-change=${(e: CustomEvent<SearchRequest>) => {
            this.search(e.detail);
          }}
          @search-enter=${() => void this.enterResults()}
        ></heitu-search-box>
        <heitu-script-switch
          .mode=${this.script.mode}
          label=${t.scriptLabel}
          @script-select=${(e: CustomEvent<ScriptMode>) => void this.setScript(e.detail)}
        ></heitu-script-switch>
        <heitu-sync-status
          .status=${this.sync.status?.sync ?? null}
          ?online=${this.sync.online}
          outcome=${this.sync.outcome(t, this.i18n.localized(SYNC_MESSAGES))}
          ?failed=${this.sync.failed}
          @sync-request=${() => {
            this.sync.sync();
          }}
          @sync-cancel=${() => {
            this.sync.cancel();
          }}
          @sources-open=${(e: CustomEvent<HTMLElement>) => {
            this.sourcesPanel.open(e.detail);
          }}
        ></heitu-sync-status>
        <button
          type="button"
          @click=${(e: Event) => {
            this.settingsPanel.open(e.currentTarget as HTMLElement);
          }}
        >
          ${t.settingsButton}
        </button>
        <button
          type="button"
          aria-keyshortcuts="?"
          @click=${(e: Event) => {
            this.helpOverlay.open(e.currentTarget as HTMLElement);
          }}
        >
          ${t.helpButton}
        </button>
      </header>
      <main>
        ${this.#renderBanners(t, uiLang)}
        <heitu-region-tabs
          .tabs=${tabs}
          .selected=${this.selected}
          label=${t.regionTabsLabel}
          @region-select=${(e: CustomEvent<TabKey>) => void this.selectRegion(e.detail)}
        >
          ${current ? renderPanes(this.#panes, tabs, t, uiLang) : nothing}
        </heitu-region-tabs>
      </main>
      <heitu-settings-panel
        .settings=${settings}
        @settings-change=${(e: CustomEvent<SettingsPatch>) => void this.settings.save(e.detail)}
      ></heitu-settings-panel>
      <heitu-sources-panel></heitu-sources-panel>
      <heitu-help-overlay></heitu-help-overlay>
    `;
  }

  #renderBanners(t: Messages, uiLang: string) {
    const status = this.sync.status;
    const key = (text: string): string => `${status?.startedAt ?? ''}\n${text}`;
    // A notice said again by a library started since (a second restart) is shown again.
    const notices = (status?.notices ?? []).filter((text) => !this.dismissedNotices.has(key(text)));
    const error = this.reader.error;
    if (notices.length === 0 && error === null) return nothing;
    const said = this.i18n.localized(NOTICE_MESSAGES);
    return html`<div class="banner" role="alert" lang=${uiLang}>
      ${[
        ...notices.map((text) => noticeInWords(text, readNotice(text), said)),
        ...(error === null ? [] : [error]),
      ].map((text) => html`<p>${text}</p>`)}
      <button
        type="button"
        @click=${() => {
          this.dismissedNotices = new Set([...this.dismissedNotices, ...notices.map(key)]);
          this.reader.error = null;
          this.requestUpdate();
        }}
      >
        ${t.dismiss}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-app': HeituApp;
  }
}
