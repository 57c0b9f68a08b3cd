import { LitElement, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { NewsClient, NewsEvent, Status } from '../../../app/shared/contract.ts';
import type { ArticleId } from '../../../app/shared/articles.ts';
import type { Region, RegionId } from '../../../app/shared/regions.ts';
import {
  SCRIPT_MODES,
  effectiveScript,
  type ScriptMode,
  type Settings,
  type SettingsPatch,
} from '../../../app/shared/settings.ts';
import type { ScriptConverter } from '../../../app/shared/script-convert.ts';
import { MODE_LANG } from '../../../app/shared/script-lang.ts';
import { connect } from '../api/client.ts';
import { langTag, MESSAGES, regionLabel, resolveLocale } from '../i18n/messages.ts';
import type { Locale, Messages } from '../i18n/messages.ts';
import { afterPaint, markPainted, markStart } from '../perf.ts';
import { ORIGINAL, loadConverters, type ScriptModule } from '../script-loader.ts';
import { localizeTable, localizeWhenIdle } from '../i18n/localize.ts';
import { ReaderState, type SearchRequest } from '../state/reader.ts';
import { appStyles } from './app-styles.ts';
import { reflectOnDocument, renderApp, UI_TABLES } from './app-view.ts';
import { warmFacesWhenIdle } from './app-font-warmup.ts';
import { handleShortcut } from './app-shortcuts.ts';
import type { HeituArticleList } from './heitu-article-list.ts';
import type { HeituReadingPane } from './heitu-reading-pane.ts';
import type { HeituRegionTabs } from './heitu-region-tabs.ts';
import type { HeituSearchBox } from './heitu-search-box.ts';
import type { HeituSettingsPanel } from './heitu-settings-panel.ts';
import type { HeituSourcesPanel } from './heitu-sources-panel.ts';
import type { HeituHelpOverlay } from './heitu-help-overlay.ts';
import './heitu-article-list.ts';
import './heitu-empty-state.ts';
import './heitu-help-overlay.ts';
import './heitu-reading-pane.ts';
import './heitu-region-tabs.ts';
import './heitu-script-switch.ts';
import './heitu-search-box.ts';
import './heitu-settings-panel.ts';
import './heitu-sources-panel.ts';
import './heitu-splitter.ts';
import './heitu-sync-status.ts';

const LIST_WIDTH_KEY = 'heitu.listWidth';
const NARROW = '(max-width: 760px)';

/**
 * The application shell: header (channel, search, script, sync), region tabs with unread counts,
 * the article list and the reading pane side by side (one at a time in a narrow window), and the
 * settings, sources and shortcut dialogs. State lives in ReaderState; this element wires events.
 */
@customElement('heitu-app')
export class HeituApp extends LitElement {
  @state() regions: readonly Region[] = [];
  @state() settings: Settings | null = null;
  @state() status: Status | null = null;
  @state() selected: RegionId = 'all';
  @state() fatal: string | null = null;
  @state() online = navigator.onLine;
  @state() outcome = '';
  @state() listWidth = Number(localStorage.getItem(LIST_WIDTH_KEY) ?? '') || 440;
  @state() narrow = matchMedia(NARROW).matches;
  @state() dismissedNotices = false;
  /** The time relative dates are counted from; ticks every minute. */
  @state() now = Date.now();
  /** OpenCC and the project dictionary, once loaded (script-loader.ts). */
  @state() scriptModule: ScriptModule | null = null;
  /** Every mode's dictionaries are built: the list and pane can prepare every script. */
  @state() allScriptsReady = false;

  readonly api: NewsClient = connect();
  readonly reader = new ReaderState(this, this.api);

  @query('heitu-article-list') list!: HeituArticleList | null;
  @query('heitu-reading-pane') pane!: HeituReadingPane | null;
  @query('heitu-region-tabs') tabs!: HeituRegionTabs | null;
  @query('heitu-search-box') searchBox!: HeituSearchBox | null;
  @query('heitu-settings-panel') settingsPanel!: HeituSettingsPanel;
  @query('heitu-sources-panel') sourcesPanel!: HeituSourcesPanel;
  @query('heitu-help-overlay') helpOverlay!: HeituHelpOverlay;

  #unsubscribe: (() => void) | null = null;
  /** One converter per mode, kept while the reader's dictionary stays the same. */
  #converters = new Map<ScriptMode, ScriptConverter>();
  #convertersFor: unknown = null;
  #scripts: ReadonlyMap<ScriptMode, ScriptConverter['convert']> | null = null;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #firstPaint = true;
  #scriptSeq = 0;
  /** The script a switch is on its way to (its dictionaries still building), for `t` to go on from. */
  #pendingMode: ScriptMode | null = null;
  #clock: ReturnType<typeof setInterval> | null = null;
  readonly #media = matchMedia(NARROW);
  readonly #onKey = (event: KeyboardEvent): void => {
    handleShortcut(this, event);
  };
  readonly #onOnline = (): void => {
    this.online = navigator.onLine;
  };
  readonly #onMedia = (): void => {
    this.narrow = this.#media.matches;
  };

  static override styles = appStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKey);
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOnline);
    this.#media.addEventListener('change', this.#onMedia);
    this.#clock = setInterval(() => (this.now = Date.now()), 60_000);
    this.#unsubscribe = this.api.subscribe((event) => {
      this.#onEvent(event);
    });
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOnline);
    this.#media.removeEventListener('change', this.#onMedia);
    this.#unsubscribe?.();
    if (this.#clock !== null) clearInterval(this.#clock);
  }

  async #load(): Promise<void> {
    try {
      const [regions, settings, status] = await Promise.all([
        this.api.listRegions(),
        this.api.getSettings(),
        this.api.getStatus(),
      ]);
      // The first list, its counts and (when the reader's script needs them) the dictionaries
      // load together; nothing is painted until all are here, so no text flashes unconverted.
      const mode = effectiveScript(settings, navigator.languages);
      const [module] = await Promise.all([
        mode === 'original' ? null : loadConverters([mode]),
        this.reader.show({ kind: 'region', region: settings.lastRegion }),
        this.reader.refreshCounts(),
      ]);
      this.scriptModule = module;
      this.regions = regions;
      this.status = status;
      this.selected = settings.lastRegion;
      this.settings = settings;
    } catch (error) {
      this.fatal = (error as Error).message;
      return;
    }
    await this.#painted('list');
    // Building the to-Traditional converters takes 100–200 ms: do it while the reader reads,
    // not in the middle of the first toggle.
    requestIdleCallback(() => {
      void loadConverters(['cn', 'tw', 'hk', 'twp']).then((module) => {
        this.scriptModule = module;
        this.allScriptsReady = true;
      });
    });
  }

  #onEvent(event: NewsEvent): void {
    switch (event.type) {
      case 'settingsChanged':
        this.#applySettings(event.settings);
        if (this.mode !== 'original' && this.scriptModule === null)
          void loadConverters([this.mode]).then((module) => (this.scriptModule = module));
        break;
      case 'statusChanged':
        this.status = event.status;
        break;
      case 'syncProgress':
        if (this.status !== null)
          this.status = {
            ...this.status,
            sync: { ...this.status.sync, state: 'syncing', progress: event.progress },
          };
        break;
      case 'syncFinished':
        this.outcome = this.messages.syncDone(event.summary.inserted, event.summary.failed);
        if (this.status !== null)
          this.status = {
            ...this.status,
            sync: { ...this.status.sync, state: 'idle', progress: null },
          };
        void this.api.getStatus().then((status) => (this.status = status));
        void this.sourcesPanel.refresh();
        void this.reader.refresh();
        break;
      case 'sourcesChanged':
        void this.sourcesPanel.refresh();
        break;
      case 'updateReady':
        // A quiet line where sync outcomes appear; the update installs on quit anyway.
        this.outcome = this.messages.updateReady(event.version);
        break;
      case 'libraryChanged':
        // Several changes in a row (a sync storing source after source) refresh once.
        if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
        this.#refreshTimer = setTimeout(() => {
          this.#refreshTimer = null;
          void this.reader.refresh();
        }, 250);
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

  get mode(): ScriptMode {
    return this.settings === null
      ? 'original'
      : effectiveScript(this.settings, navigator.languages);
  }

  /** The converter for the script in force (identity until the dictionaries are loaded). */
  get converter(): ScriptConverter {
    return this.#converterFor(this.mode) ?? ORIGINAL;
  }

  /** Every mode's convert, once all are built: list, pane and UI strings get every script ahead. */
  get scripts(): ReadonlyMap<ScriptMode, ScriptConverter['convert']> | null {
    if (!this.allScriptsReady) return null;
    if (this.#scripts?.get('cn') !== this.#converterFor('cn')?.convert) {
      this.#scripts = new Map(
        SCRIPT_MODES.map((m) => [m, (this.#converterFor(m) ?? ORIGINAL).convert]),
      );
      localizeWhenIdle(UI_TABLES, this.locale, [...this.#converters.values()]); // UI strings too
    }
    return this.#scripts;
  }

  #converterFor(mode: ScriptMode): ScriptConverter | null {
    const module = this.scriptModule;
    if (mode === 'original' || module === null) return null;
    const entries = this.settings?.userDictionary ?? [];
    if (this.#convertersFor !== entries) {
      this.#converters = new Map();
      this.#convertersFor = entries;
    }
    let converter = this.#converters.get(mode);
    if (converter === undefined) {
      converter = module.createScriptConverter(mode, entries);
      this.#converters.set(mode, converter);
    }
    return converter;
  }

  get locale(): Locale {
    return resolveLocale(this.settings?.uiLanguage ?? 'system', navigator.languages);
  }

  /** The `lang` of the UI's strings: the UI language, in the reader's script when Chinese. */
  get uiLang(): string {
    const locale = this.locale;
    return this.mode === 'original' || locale === 'en' ? langTag(locale) : MODE_LANG[this.mode];
  }

  /** Strings of a message table in the UI language, converted to the chosen script. */
  localized<M extends object>(table: Readonly<Record<Locale, M>>): M {
    const locale = this.locale;
    return this.mode === 'original' || locale === 'en'
      ? table[locale]
      : localizeTable(table, locale, this.converter);
  }

  get messages(): Messages {
    return this.localized(MESSAGES);
  }

  /** The region's label as shown: the UI's script, then the reader's script mode. */
  label(region: Region): string {
    return this.mode === 'original'
      ? regionLabel(region, this.locale)
      : this.converter.convert(region.labelHant, 'hant');
  }

  // ---- Actions (also used by the keyboard shortcuts) ----------------------------------------

  async selectRegion(region: RegionId): Promise<void> {
    if (region === this.selected) return;
    markStart('tab');
    this.selected = region;
    const view = this.reader.view;
    await (view.kind === 'search' && view.scope === 'tab'
      ? this.reader.show({ ...view, region })
      : this.reader.show({ kind: 'region', region }));
    await this.#painted('tab');
    this.api.setSettings({ lastRegion: region }).catch((error: unknown) => {
      this.reader.error = (error as Error).message;
    });
  }

  async openArticle(id: ArticleId): Promise<void> {
    markStart('open');
    const article = await this.reader.open(id, this.settings?.markReadOnOpen ?? true);
    if (article === null) return;
    await this.#painted('open');
    // In a narrow window the list that had focus is gone: the article's title takes it.
    if (this.narrow) await this.pane?.focusTitle();
  }

  /** Back from the article to the list (narrow windows), focus with it. */
  async closeArticle(): Promise<void> {
    this.reader.closeArticle();
    await this.updateComplete;
    this.list?.focusList();
  }

  async setScript(mode: ScriptMode): Promise<void> {
    markStart('script');
    // The first switch away from 原文 may have to fetch the dictionaries (asynchronously).
    const seq = ++this.#scriptSeq;
    this.#pendingMode = mode;
    if (mode !== 'original') {
      const module = await loadConverters([mode]);
      // A later switch made while this one waited for its dictionaries wins.
      if (seq !== this.#scriptSeq) return;
      this.scriptModule = module;
    }
    this.#pendingMode = null;
    if (this.settings !== null)
      this.settings = { ...this.settings, script: mode, scriptChosen: true };
    await this.#painted('script');
    // Saved once the switch is painted: the request is no work of the frame that shows it.
    await afterPaint();
    await this.saveSettings({ script: mode, scriptChosen: true });
  }

  cycleScript(): void {
    const at = SCRIPT_MODES.indexOf(this.#pendingMode ?? this.mode);
    void this.setScript(SCRIPT_MODES[(at + 1) % SCRIPT_MODES.length] ?? 'original');
  }

  /** Takes settings from the app, re-rendering only when they differ from what is shown. */
  #applySettings(next: Settings): void {
    if (JSON.stringify(next) !== JSON.stringify(this.settings)) this.settings = next;
  }

  async saveSettings(patch: SettingsPatch): Promise<void> {
    try {
      this.#applySettings(await this.api.setSettings(patch));
    } catch (error) {
      this.reader.error = (error as Error).message;
      this.requestUpdate();
    }
  }

  sync(): void {
    this.outcome = '';
    this.api.sync().catch((error: unknown) => {
      this.outcome = (error as Error).message;
    });
  }

  search(request: SearchRequest): void {
    if (request.query === '') void this.reader.show({ kind: 'region', region: this.selected });
    else void this.reader.show({ kind: 'search', region: this.selected, ...request });
  }

  // ---- Rendering ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('listWidth')) localStorage.setItem(LIST_WIDTH_KEY, String(this.listWidth));
  }

  protected override updated(): void {
    reflectOnDocument(this);
    warmFacesWhenIdle(this); // the UI's characters in every script's face, ahead of a switch
  }

  override render() {
    return renderApp(this);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-app': HeituApp;
  }
}
