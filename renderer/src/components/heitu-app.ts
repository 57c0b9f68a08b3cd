import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { NewsClient, Status } from '../../../app/shared/contract.ts';
import type { ArticleSummary } from '../../../app/shared/articles.ts';
import type { Region, RegionId } from '../../../app/shared/regions.ts';
import {
  SCRIPT_MODES,
  effectiveScript,
  type ScriptMode,
  type Settings,
} from '../../../app/shared/settings.ts';
import {
  createScriptConverter,
  warmConverters,
  type ScriptConverter,
} from '../../../app/shared/script-convert.ts';
import { connect } from '../api/client.ts';
import {
  convertMessages,
  langTag,
  messagesFor,
  regionLabel,
  resolveLocale,
  type Locale,
  type Messages,
} from '../i18n/messages.ts';
import type { RegionTab } from './heitu-region-tabs.ts';
import './heitu-article-list.ts';
import './heitu-empty-state.ts';
import './heitu-region-tabs.ts';
import './heitu-script-switch.ts';

/** The application shell: header, region tabs and the selected tab's panel. */
@customElement('heitu-app')
export class HeituApp extends LitElement {
  @state() private regions: readonly Region[] = [];
  @state() private settings: Settings | null = null;
  @state() private status: Status | null = null;
  @state() private selected: RegionId = 'all';
  @state() private error: string | null = null;
  @state() private articles: readonly ArticleSummary[] = [];
  /** Which tab `articles` belongs to (null while loading). */
  @state() private articlesFor: RegionId | null = null;

  readonly #api: NewsClient = connect();
  #unsubscribe: (() => void) | null = null;
  #converter: ScriptConverter | null = null;
  readonly #onKey = (event: KeyboardEvent): void => {
    this.#shortcut(event);
  };

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      color: var(--heitu-text);
      background: var(--heitu-bg);
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 16px;
      padding: 10px 16px 6px;
    }
    h1 {
      font-size: 1.2rem;
      margin: 0;
    }
    .channel {
      color: var(--heitu-muted);
    }
    .sync {
      margin-left: auto;
      color: var(--heitu-muted);
      font-size: 0.9em;
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    heitu-region-tabs {
      flex: 1;
    }
    .error {
      color: var(--heitu-error);
      padding: 16px;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKey);
    this.#unsubscribe = this.#api.subscribe((event) => {
      if (event.type === 'settingsChanged') this.settings = event.settings;
      else if (event.type === 'statusChanged') this.status = event.status;
      else if (event.type === 'libraryChanged') void this.#loadArticles(this.selected);
    });
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
    this.#unsubscribe?.();
  }

  async #load(): Promise<void> {
    try {
      const [regions, settings, status] = await Promise.all([
        this.#api.listRegions(),
        this.#api.getSettings(),
        this.#api.getStatus(),
      ]);
      this.regions = regions;
      this.settings = settings;
      this.status = status;
      this.selected = settings.lastRegion;
    } catch (error) {
      this.error = (error as Error).message;
    }
    await this.#loadArticles(this.selected);
    // Building the to-Traditional converters takes 100–200 ms: do it while the reader reads,
    // not in the middle of the first toggle.
    requestIdleCallback(() => {
      warmConverters(['cn', 'tw', 'hk']);
    });
  }

  get #mode(): ScriptMode {
    return this.settings === null
      ? 'original'
      : effectiveScript(this.settings, navigator.languages);
  }

  get #script(): ScriptConverter {
    if (this.#converter?.mode !== this.#mode) this.#converter = createScriptConverter(this.#mode);
    return this.#converter;
  }

  /** UI strings in the chosen script when the UI is Chinese. */
  #messages(locale: Locale): Messages {
    const t = messagesFor(locale);
    if (this.#mode === 'original' || locale === 'en') return t;
    const source = locale === 'zh-Hans' ? 'hans' : 'hant';
    return convertMessages(t, (text) => this.#script.convert(text, source));
  }

  #shortcut(event: KeyboardEvent): void {
    if (event.key !== 't' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    const at = SCRIPT_MODES.indexOf(this.#mode);
    const next = SCRIPT_MODES[(at + 1) % SCRIPT_MODES.length] ?? 'original';
    void this.#setScript(next);
  }

  async #setScript(mode: ScriptMode): Promise<void> {
    if (this.settings !== null)
      this.settings = { ...this.settings, script: mode, scriptChosen: true };
    try {
      this.settings = await this.#api.setSettings({ script: mode, scriptChosen: true });
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  async #loadArticles(region: RegionId): Promise<void> {
    try {
      const page = await this.#api.listArticles({ region, limit: 50 });
      // A slower answer for a tab the reader has already left is dropped.
      if (region !== this.selected) return;
      this.articles = page.items;
      this.articlesFor = region;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  get #locale(): Locale {
    return resolveLocale(this.settings?.uiLanguage ?? 'system', navigator.languages);
  }

  protected override updated(): void {
    const root = document.documentElement;
    root.lang = this.#mode === 'original' ? langTag(this.#locale) : this.#script.lang;
    root.dataset.theme = this.settings?.theme ?? 'system';
    document.title = messagesFor(this.#locale).appName;
  }

  override render() {
    const locale = this.#locale;
    const t = this.#messages(locale);
    if (this.error !== null)
      return html`<p class="error" role="alert">${t.loadFailed(this.error)}</p>`;
    if (this.settings === null) return nothing;
    const tabs: RegionTab[] = this.regions.map((region) => ({
      region,
      label:
        this.#mode === 'original'
          ? regionLabel(region, locale)
          : this.#script.convert(region.labelHant, 'hant'),
      hint: locale === 'en' ? region.labelEn : '',
    }));
    const current = tabs.find((tab) => tab.region.id === this.selected) ?? tabs[0];
    const synced = this.status?.sync.lastSyncedAt;
    return html`
      <header>
        <h1>${t.appName}</h1>
        <span class="channel">${t.channelName}</span>
        <heitu-script-switch
          .mode=${this.#mode}
          label=${t.scriptLabel}
          @script-select=${(e: CustomEvent<ScriptMode>) => void this.#setScript(e.detail)}
        ></heitu-script-switch>
        <span class="sync" role="status"
          >${synced ? t.lastSynced(new Date(synced).toLocaleString(locale)) : t.neverSynced}</span
        >
      </header>
      <main>
        <heitu-region-tabs
          .tabs=${tabs}
          .selected=${this.selected}
          label=${t.regionTabsLabel}
          @region-select=${this.#onSelect}
        >
          ${current ? this.#renderPanel(current, t, locale) : nothing}
        </heitu-region-tabs>
      </main>
    `;
  }

  #renderPanel(tab: RegionTab, t: Messages, locale: Locale) {
    if (this.articlesFor !== tab.region.id) return nothing;
    if (this.articles.length === 0) return this.#renderEmpty(tab, t);
    const script = this.#script;
    const items =
      this.#mode === 'original'
        ? this.articles
        : this.articles.map((a) => ({
            ...a,
            title: script.convert(a.title, a.script),
            snippet: script.convert(a.snippet, a.script),
            sourceName: a.sourceName === null ? null : script.convert(a.sourceName, a.script),
          }));
    return html`<heitu-article-list
      .items=${items}
      .mode=${this.#mode}
      label=${t.articlesIn(tab.label)}
      locale=${langTag(locale)}
    ></heitu-article-list>`;
  }

  #renderEmpty(tab: RegionTab, t: Messages) {
    const heading =
      tab.region.kind === 'bookmarks'
        ? t.emptyBookmarks
        : tab.region.kind === 'all'
          ? t.emptyAll
          : t.emptyRegion(tab.label);
    return html`<heitu-empty-state
      heading=${heading}
      hint=${tab.region.kind === 'bookmarks' ? '' : t.emptyHint}
    ></heitu-empty-state>`;
  }

  #onSelect(event: CustomEvent<RegionId>): void {
    this.selected = event.detail;
    void this.#loadArticles(event.detail);
    this.#api.setSettings({ lastRegion: event.detail }).catch((error: unknown) => {
      this.error = (error as Error).message;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-app': HeituApp;
  }
}
