import { css, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { NewsClient } from '../../../app/shared/contract.ts';
import type { SourceStatus } from '../../../app/shared/sync.ts';
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

/** The source's name: its title, or its address's host. */
function nameOf(source: SourceStatus): string {
  if (source.title !== null && source.title !== '') return source.title;
  try {
    return new URL(source.url).host;
  } catch {
    return source.url;
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
  #adding = false;

  get messages(): SourcesPanelMessages {
    return this.ui.localized(SOURCES_PANEL_MESSAGES);
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
    `,
  ];

  /** Reloads the list (the parent calls this when a sync finishes); only while open. */
  async refresh(): Promise<void> {
    if (!this.isOpen) return;
    try {
      this.sources = await this.api.listSources();
    } catch (error) {
      this.error = this.messages.failed((error as Error).message);
    }
  }

  protected override opened(): void {
    this.status = '';
    this.error = '';
    this.confirming = null;
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
        ${this.#renderAdd(t)} ${this.#renderOpml(t)}`,
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
        ${source.origin === 'user' ? this.#renderRemove(t, source, i) : nothing}
      </div>
    </li>`;
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
    let added: SourceStatus;
    try {
      added = await this.api.addSource(title === '' ? { url } : { url, title });
    } catch (error) {
      this.error = this.messages.failed((error as Error).message);
      return;
    } finally {
      this.#adding = false;
    }
    form.reset();
    this.status = this.messages.added(nameOf(added));
    await this.refresh();
    // The first sync runs in the background; the list shows its outcome when it ends.
    this.api
      .sync({ sourceIds: [added.id] })
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
    await this.#act(async () => {
      const result = await this.api.importOpml(await file.text());
      return this.messages.opmlImported(result.added, result.skipped, result.total);
    });
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-sources-panel': HeituSourcesPanel;
  }
}
