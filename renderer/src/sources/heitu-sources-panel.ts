import { css, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { NewsClient } from '../../../app/shared/contract.ts';
import type { AddFeedResult, SourceStatus } from '../../../app/shared/sync.ts';
import type { ReaderTab } from '../../../app/shared/tabs.ts';
import { SOURCE_TAB_MESSAGES, type SourceTabMessages } from '../i18n/source-tab-messages.ts';
import './heitu-tabs-editor.ts';
import { apiContext } from '../api/api-context.ts';
import { saveTextFile } from '../ui/download.ts';
import { renderFilePicker } from '../ui/file-picker.ts';
import { SYNC_MESSAGES } from '../i18n/sync-messages.ts';
import { sourceErrorText } from '../sync/sync-text.ts';
import { langTag } from '../i18n/messages.ts';
import { SOURCES_PANEL_MESSAGES, type SourcesPanelMessages } from '../i18n/panel-messages.ts';
import { HeituModal, dialogStyles, formText } from '../ui/dialog-styles.ts';

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** `iso` relative to now ("3 hours ago", "in 20 minutes"), or its date when a week or more off. */
export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  const time = Date.parse(iso);
  let value = (time - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return new Date(time).toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** The source's name (the library names every source: its title, channel and region, or host). */
const nameOf = (source: SourceStatus): string => source.name;

/** What adding a feed found, in the UI's words. */
function addedInWords(t: SourceTabMessages, result: AddFeedResult): string {
  switch (result.outcome) {
    case 'added':
      return t.addFeedFound(result.source.name, result.items);
    case 'duplicate':
      return t.addFeedDuplicate(result.source.name);
    case 'failed':
      switch (result.reason) {
        case 'http':
          return t.addFeedHttp(result.status ?? 0);
        case 'not-a-feed':
          return t.addFeedNotFeed;
        case 'network':
          return t.addFeedNetwork;
        case 'timeout':
          return t.addFeedTimeout;
        case 'too-large':
          return t.addFeedTooLarge;
        case 'redirect':
          return t.addFeedRedirect;
      }
  }
}

/**
 * The sources dialog: every source with its state in words, a switch to turn it off, Sync now,
 * Remove for the reader's own feeds; a form to add a feed; OPML export and import.
 *
 * @fires dialog-close - when the dialog closes.
 */
@customElement('heitu-sources-panel')
export class HeituSourcesPanel extends HeituModal {
  @consume({ context: apiContext })
  api!: NewsClient;
  /** Null until the first load. */
  @state() private sources: readonly SourceStatus[] | null = null;
  @state() private status = '';
  @state() private error = '';
  /** Sources with a Sync now running. */
  @state() private syncing: ReadonlySet<string> = new Set();
  /** The source whose Remove waits for confirmation. */
  @state() private confirming: string | null = null;
  /** The source being renamed. */
  @state() private renaming: string | null = null;
  /** The reader's own tabs, for each feed's tab choice and the tabs editor. */
  @state() private tabs: readonly ReaderTab[] = [];
  #adding = false;

  get messages(): SourcesPanelMessages {
    return this.ui.localized(SOURCES_PANEL_MESSAGES);
  }

  get #more(): SourceTabMessages {
    return this.ui.localized(SOURCE_TAB_MESSAGES);
  }

  static override styles = [
    dialogStyles,
    css`
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 10px 0;
        border-bottom: 1px solid var(--heitu-border);
      }
      .source-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 4px 12px;
      }
      h4 {
        margin: 0;
        font-size: 1rem;
      }
      li p {
        margin: 4px 0;
      }
      .url {
        color: var(--heitu-muted);
        font-size: 0.9em;
        overflow-wrap: anywhere;
      }
      .failing {
        color: var(--heitu-error);
      }
      .disabled h4 {
        color: var(--heitu-muted);
      }
      #list-heading:focus {
        outline-offset: 2px;
      }
      input[type='url'] {
        width: min(24rem, 100%);
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 16px;
      }
    `,
  ];

  /** Reloads the list (the parent calls this when a sync finishes); only while open. */
  async refresh(): Promise<void> {
    if (!this.isOpen) return;
    try {
      [this.sources, this.tabs] = await Promise.all([this.api.listSources(), this.api.listTabs()]);
    } catch (error) {
      this.error = this.messages.failed((error as Error).message);
    }
  }

  protected override opened(): void {
    this.status = '';
    this.error = '';
    this.confirming = null;
    this.renaming = null;
    void this.refresh();
  }

  override render() {
    const t = this.messages;
    return this.renderDialog(
      t.title,
      t.close,
      html`<p role="status">${this.status}</p>
        <p role="alert">${this.error}</p>
        <section aria-labelledby="list-heading">
          <h3 id="list-heading" tabindex="-1">${t.listHeading}</h3>
          ${this.#renderList(t)}
        </section>
        <heitu-tabs-editor
          .tabs=${this.tabs}
          @tabs-change=${() => void this.refresh()}
        ></heitu-tabs-editor>
        ${this.#renderAdd(t)} ${this.#renderOpml(t)}
        <p id="full-text-hint" hidden>${this.#more.fullTextHint}</p>`,
    );
  }

  #renderList(t: SourcesPanelMessages) {
    if (this.sources === null) return html`<p>${t.loading}</p>`;
    if (this.sources.length === 0) return html`<p>${t.empty}</p>`;
    return html`<ul>
      ${repeat(
        this.sources,
        (source) => source.id,
        (source, i) => this.#renderSource(t, source, i),
      )}
    </ul>`;
  }

  #renderSource(t: SourcesPanelMessages, source: SourceStatus, i: number) {
    const name = nameOf(source);
    const syncing = this.syncing.has(source.id);
    return html`<li class=${source.enabled ? '' : 'disabled'}>
      <div class="source-head">
        <h4 id=${`name-${i}`}>${name}</h4>
        <span>
          <input
            type="checkbox"
            role="switch"
            id=${`enabled-${i}`}
            .checked=${source.enabled}
            aria-labelledby=${`enabled-label-${i} name-${i}`}
            @change=${(event: Event) =>
              void this.#setEnabled(source, (event.target as HTMLInputElement).checked)}
          />
          <label id=${`enabled-label-${i}`} for=${`enabled-${i}`}>${t.enabled}</label>
        </span>
      </div>
      <p class="url" dir="ltr">${source.url}</p>
      ${source.type === 'feed' ? this.#renderChoices(source, i) : nothing}
      <p class=${source.lastError === null ? '' : 'failing'} title=${source.lastError ?? ''}>
        ${this.#state(t, source)}
      </p>
      ${
        source.enabled && source.nextDueAt !== null
          ? html`<p>${t.nextDue(this.#when(source.nextDueAt, true))}</p>`
          : nothing
      }
      <div class="buttons">
        <button
          type="button"
          id=${`sync-${i}`}
          aria-labelledby=${`sync-${i} name-${i}`}
          aria-disabled=${syncing ? 'true' : 'false'}
          @click=${() => void this.#syncOne(source)}
        >
          ${syncing ? t.syncing : t.syncNow}
        </button>
        <button
          type="button"
          id=${`rename-${i}`}
          data-rename=${source.id}
          aria-labelledby=${`rename-${i} name-${i}`}
          aria-expanded=${this.renaming === source.id ? 'true' : 'false'}
          @click=${() => {
            this.#startRename(source.id);
          }}
        >
          ${this.#more.rename}
        </button>
        ${source.origin === 'user' ? this.#renderRemove(t, source, i) : nothing}
      </div>
      ${this.renaming === source.id ? this.#renderRename(source, i) : nothing}
    </li>`;
  }

  /** The full-text switch, and (for feeds) the reader's tab it belongs to. */
  #renderChoices(source: SourceStatus, i: number) {
    const m = this.#more;
    return html`<p class="choices">
      <span>
        <input
          type="checkbox"
          role="switch"
          id=${`full-text-${i}`}
          .checked=${source.fullText}
          aria-labelledby=${`full-text-label-${i} name-${i}`}
          aria-describedby=${`full-text-hint`}
          @change=${(event: Event) =>
            void this.#change(source, { fullText: (event.target as HTMLInputElement).checked })}
        />
        <label id=${`full-text-label-${i}`} for=${`full-text-${i}`}>${m.fullText}</label>
      </span>
      ${
        this.tabs.length === 0
          ? nothing
          : html`<label
              >${m.tabLabel}
              <select
                data-tab-of=${source.id}
                aria-describedby=${`name-${i}`}
                @change=${(event: Event) => {
                  const value = (event.target as HTMLSelectElement).value;
                  void this.#change(source, { tab: value === '' ? null : Number(value) });
                }}
              >
                <option value="" ?selected=${source.tab === null}>${m.noTab}</option>
                ${this.tabs.map(
                  (tab) =>
                    html`<option value=${tab.id} ?selected=${source.tab === tab.id}>
                      ${tab.name}
                    </option>`,
                )}
              </select>
            </label>`
      }
    </p>`;
  }

  #renderRename(source: SourceStatus, i: number) {
    const m = this.#more;
    return html`<form
      class="inline-form"
      data-rename-form=${source.id}
      @submit=${(event: SubmitEvent) => void this.#rename(event, source, i)}
    >
      <label
        >${m.nameLabel}
        <input name="title" maxlength="200" .value=${source.title ?? ''} />
      </label>
      <button type="submit" class="primary">${m.save}</button>
      <button
        type="button"
        @click=${() => {
          this.renaming = null;
        }}
      >
        ${this.messages.cancel}
      </button>
    </form>`;
  }

  #renderRemove(t: SourcesPanelMessages, source: SourceStatus, i: number) {
    if (this.confirming !== source.id)
      return html`<button
        type="button"
        id=${`remove-${i}`}
        data-remove=${source.id}
        aria-labelledby=${`remove-${i} name-${i}`}
        @click=${() => {
          this.#confirm(source.id, '[data-cancel]');
        }}
      >
        ${t.remove}
      </button>`;
    return html`<span role="group" aria-labelledby=${`confirm-${i}`}>
      <span id=${`confirm-${i}`}>${t.confirmRemove(nameOf(source))}</span>
      <button type="button" class="danger" @click=${() => void this.#remove(source)}>
        ${t.remove}
      </button>
      <button
        type="button"
        data-cancel
        @click=${() => {
          this.#confirm(null, `[data-remove="${CSS.escape(source.id)}"]`);
        }}
      >
        ${t.cancel}
      </button>
    </span>`;
  }

  #renderAdd(t: SourcesPanelMessages) {
    return html`<section aria-labelledby="add-heading">
      <h3 id="add-heading">${t.addHeading}</h3>
      <form class="inline-form" @submit=${this.#add}>
        <label
          >${t.feedUrl}
          <input type="url" id="feed-url" name="url" required autocomplete="url" dir="ltr" />
        </label>
        <label>${t.feedTitle}<input id="feed-title" name="title" maxlength="200" /></label>
        <button type="submit" class="primary">${t.add}</button>
      </form>
    </section>`;
  }

  #startRename(id: string): void {
    this.renaming = this.renaming === id ? null : id;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLInputElement>('form[data-rename-form] input')?.focus();
    });
  }

  async #rename(event: SubmitEvent, source: SourceStatus, i: number): Promise<void> {
    event.preventDefault();
    const title = formText(new FormData(event.target as HTMLFormElement), 'title');
    await this.#act(async () => {
      const renamed = await this.api.updateSource(source.id, {
        title: title === '' ? null : title,
      });
      return this.#more.renamed(renamed.name);
    });
    this.renaming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#rename-${i}`)?.focus();
  }

  async #change(
    source: SourceStatus,
    patch: { readonly fullText?: boolean; readonly tab?: number | null },
  ): Promise<void> {
    await this.#act(async () => {
      await this.api.updateSource(source.id, patch);
      return '';
    });
  }

  #renderOpml(t: SourcesPanelMessages) {
    return html`<section aria-labelledby="opml-heading">
      <h3 id="opml-heading">${t.opmlHeading}</h3>
      <div class="buttons">
        <button type="button" @click=${() => void this.#exportOpml()}>${t.exportOpml}</button>
        ${renderFilePicker({
          label: t.importOpml,
          accept: '.opml,.xml,text/x-opml,text/xml,application/xml',
          onChange: (input) => void this.#importOpml(input),
        })}
      </div>
    </section>`;
  }

  #state(t: SourcesPanelMessages, source: SourceStatus): string {
    if (source.lastError !== null) {
      const why = sourceErrorText(source.lastError, source.url, this.ui.localized(SYNC_MESSAGES));
      return t.failing(why, source.errorCount);
    }
    if (source.lastSuccessAt !== null) return t.okSince(this.#when(source.lastSuccessAt, false));
    return t.neverSynced;
  }

  /** A time in words; a due time already past reads as now. */
  #when(iso: string, future: boolean): string {
    const now = Date.now();
    const time = future ? new Date(Math.max(Date.parse(iso), now)).toISOString() : iso;
    return relativeTime(time, langTag(this.ui.locale), now);
  }

  /** Shows (or hides) a Remove confirmation, then focuses `selector` in the new state. */
  #confirm(id: string | null, selector: string): void {
    this.confirming = id;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    });
  }

  /** Runs an action with the status and alert lines cleared, and reloads the list after it. */
  async #act(action: () => Promise<string>): Promise<void> {
    this.status = '';
    this.error = '';
    try {
      this.status = await action();
    } catch (error) {
      this.error = this.messages.failed((error as Error).message);
    }
    await this.refresh();
  }

  async #setEnabled(source: SourceStatus, enabled: boolean): Promise<void> {
    await this.#act(async () => {
      await this.api.updateSource(source.id, { enabled });
      return '';
    });
  }

  async #syncOne(source: SourceStatus): Promise<void> {
    if (this.syncing.has(source.id)) return;
    this.syncing = new Set([...this.syncing, source.id]);
    await this.#act(async () => {
      try {
        const summary = await this.api.sync({ sourceIds: [source.id] });
        const failure = summary.errors[0];
        if (failure !== undefined) throw new Error(failure.message);
        return this.messages.synced(summary.inserted);
      } finally {
        this.syncing = new Set([...this.syncing].filter((id) => id !== source.id));
      }
    });
  }

  async #remove(source: SourceStatus): Promise<void> {
    await this.#act(async () => {
      await this.api.removeSource(source.id);
      return this.messages.removed(nameOf(source));
    });
    this.confirming = null;
    // The buttons pressed are gone: focus goes to the list's heading.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus();
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#adding) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const url = formText(data, 'url');
    const title = formText(data, 'title');
    this.#adding = true;
    this.status = '';
    this.error = '';
    this.status = this.#more.addFeedChecking;
    let result: AddFeedResult;
    try {
      result = await this.api.addFeed(title === '' ? { url } : { url, title });
    } catch (error) {
      this.status = '';
      this.error = this.messages.failed((error as Error).message);
      return;
    } finally {
      this.#adding = false;
    }
    const words = addedInWords(this.#more, result);
    if (result.outcome !== 'added') {
      this.status = '';
      this.error = words;
      return;
    }
    form.reset();
    this.status = words;
    await this.refresh();
    // The first sync runs in the background; the list shows its outcome when it ends.
    this.#syncAdded([result.source.id]);
  }

  /** Syncs sources just added, in the background; the list shows the outcome when it ends. */
  #syncAdded(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.api
      .sync({ sourceIds: [...ids] })
      .then(() => this.refresh())
      .catch((error: unknown) => {
        this.error = this.messages.failed((error as Error).message);
      });
  }

  async #exportOpml(): Promise<void> {
    this.status = '';
    this.error = '';
    try {
      saveTextFile('heitu-sources.opml', await this.api.exportOpml(), 'text/x-opml');
    } catch (error) {
      this.error = this.messages.failed((error as Error).message);
    }
  }

  async #importOpml(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file === undefined) return;
    let added: readonly string[] = [];
    await this.#act(async () => {
      const result = await this.api.importOpml(await file.text());
      added = result.addedIds;
      return this.#more.opmlReport(result.added, result.existing, result.invalid, result.tabsAdded);
    });
    input.value = '';
    this.#syncAdded(added);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-sources-panel': HeituSourcesPanel;
  }
}
