import { html } from 'lit';
import { consume } from '@lit/context';
import { customElement, property, state } from 'lit/decorators.js';
import {
  bookmarkFileName,
  formatBookmarkFile,
  readBookmarkFile,
} from '../../../app/shared/bookmark-file.ts';
import { bookmarkProblemText } from '../../../app/shared/bookmark-file-messages.ts';
import type { NewsClient } from '../../../app/shared/contract.ts';
import {
  CONVERTING_MODES,
  DEFAULT_SETTINGS,
  RETENTION_MAX,
  RETENTION_MIN,
  RETENTION_NEVER,
  THEMES,
  USER_DICTIONARY_MAX,
  applySettingsPatch,
  type ConvertingMode,
  type Settings,
  type SettingsPatch,
  type UiLanguage,
  type UserEntry,
} from '../../../app/shared/settings.ts';
import { apiContext } from '../api/api-context.ts';
import { saveTextFile } from '../ui/download.ts';
import { renderFilePicker } from '../ui/file-picker.ts';
import { NOTIFY_MESSAGES } from '../i18n/notify-messages.ts';
import { renderNotifySection } from './notify-section.ts';
import { SETTINGS_PANEL_MESSAGES, type SettingsPanelMessages } from '../i18n/panel-messages.ts';
import { HeituModal, dialogStyles, formText } from '../ui/dialog-styles.ts';

const TEXT_SCALES = [75, 90, 100, 110, 125, 150, 175, 200];
const REFRESH_INTERVALS = [0, 15, 30, 60, 180];
const THEME_KEYS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;
const MODE_KEYS = {
  cn: 'modeCn',
  tw: 'modeTw',
  twp: 'modeTwp',
  hk: 'modeHk',
} as const satisfies Record<ConvertingMode, keyof SettingsPanelMessages>;

/** Each UI language's name in its own script: names, so never translated or converted. */
const LANGUAGE_NAMES: Readonly<Record<Exclude<UiLanguage, 'system'>, [string, string]>> = {
  'zh-Hans': ['简体中文', 'zh-Hans'],
  'zh-Hant': ['繁體中文', 'zh-Hant'],
  en: ['English', 'en'],
};

/** The choices of a select: the usual ones plus the current value if it is not among them. */
function withCurrent(choices: readonly number[], current: number): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}

/**
 * The settings dialog: appearance, reading, sync, the reader's own script dictionary and the
 * bookmark file. It never saves: each change is announced and the parent saves it.
 *
 * @fires settings-change - detail: SettingsPatch, for every change; bubbles, composed.
 * @fires dialog-close - when the dialog closes.
 */
@customElement('heitu-settings-panel')
export class HeituSettingsPanel extends HeituModal {
  /** The settings as saved; the panel shows them and reports changes to them. */
  @property({ attribute: false }) settings: Settings = DEFAULT_SETTINGS;
  /** Used for the bookmark export and import only. */
  @consume({ context: apiContext })
  api!: NewsClient;

  @state() private retentionError = '';
  @state() private dictionaryError = '';
  @state() private bookmarkStatus = '';
  @state() private bookmarkError = '';
  #busy = false;

  static override styles = dialogStyles;

  get messages(): SettingsPanelMessages {
    return this.ui.localized(SETTINGS_PANEL_MESSAGES);
  }

  override render() {
    const t = this.messages;
    return this.renderDialog(
      t.title,
      t.close,
      html`${this.#renderAppearance(t)} ${this.#renderReading(t)} ${this.#renderSync(t)}
      ${renderNotifySection({
        settings: this.settings,
        t: this.ui.localized(NOTIFY_MESSAGES),
        locale: this.ui.locale,
        change: (patch) => {
          this.#change(patch);
        },
      })}
      ${this.#renderDictionary(t)} ${this.#renderBookmarks(t)}`,
    );
  }

  #renderAppearance(t: SettingsPanelMessages) {
    const s = this.settings;
    return html`<section aria-labelledby="h-appearance">
      <h3 id="h-appearance">${t.appearance}</h3>
      <fieldset class="field">
        <legend>${t.theme}</legend>
        <div class="choices">
          ${THEMES.map(
            (theme) =>
              html`<label
                ><input
                  type="radio"
                  name="theme"
                  value=${theme}
                  .checked=${s.theme === theme}
                  @change=${() => {
                    this.#change({ theme });
                  }}
                />
                ${t[THEME_KEYS[theme]]}</label
              >`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="text-scale">${t.textSize}</label>
        <select id="text-scale" @change=${this.#onTextScale}>
          ${withCurrent(TEXT_SCALES, s.textScale).map(
            (n) => html`<option value=${n} ?selected=${n === s.textScale}>${t.percent(n)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="ui-language">${t.uiLanguage}</label>
        <select id="ui-language" @change=${this.#onUiLanguage}>
          <option value="system" ?selected=${s.uiLanguage === 'system'}>${t.followSystem}</option>
          ${Object.entries(LANGUAGE_NAMES).map(
            ([value, [label, lang]]) =>
              html`<option value=${value} lang=${lang} ?selected=${s.uiLanguage === value}>
                ${label}
              </option>`,
          )}
        </select>
      </div>
    </section>`;
  }

  #renderReading(t: SettingsPanelMessages) {
    return html`<section aria-labelledby="h-reading">
      <h3 id="h-reading">${t.reading}</h3>
      <div class="field">
        <input
          type="checkbox"
          id="mark-read"
          .checked=${this.settings.markReadOnOpen}
          @change=${(event: Event) => {
            this.#change({ markReadOnOpen: (event.target as HTMLInputElement).checked });
          }}
        />
        <label for="mark-read">${t.markReadOnOpen}</label>
      </div>
    </section>`;
  }

  #renderSync(t: SettingsPanelMessages) {
    const s = this.settings;
    const invalid = this.retentionError !== '';
    const never = s.retentionDays === RETENTION_NEVER;
    return html`<section aria-labelledby="h-sync">
      <h3 id="h-sync">${t.sync}</h3>
      <div class="field">
        <label for="refresh">${t.refreshInterval}</label>
        <select id="refresh" @change=${this.#onRefresh}>
          ${withCurrent(REFRESH_INTERVALS, s.refreshIntervalMinutes).map(
            (n) =>
              html`<option value=${n} ?selected=${n === s.refreshIntervalMinutes}>
                ${n === 0 ? t.refreshOff : t.everyMinutes(n)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="retention">${t.retentionDays}</label>
        <input
          type="number"
          id="retention"
          inputmode="numeric"
          min=${RETENTION_MIN}
          max=${RETENTION_MAX}
          step="1"
          required
          .value=${String(never ? DEFAULT_SETTINGS.retentionDays : s.retentionDays)}
          ?disabled=${never}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="retention-hint retention-error"
          @change=${this.#onRetention}
        />
        <span id="retention-hint" class="hint">${t.retentionHint}</span>
      </div>
      <div class="field">
        <input
          type="checkbox"
          id="retention-never"
          .checked=${never}
          @change=${(event: Event) => {
            this.retentionError = '';
            this.#change({
              retentionDays: (event.target as HTMLInputElement).checked
                ? RETENTION_NEVER
                : DEFAULT_SETTINGS.retentionDays,
            });
          }}
        />
        <label for="retention-never">${t.retentionNever}</label>
      </div>
      <p id="retention-error" role="alert">${this.retentionError}</p>
      <div class="field">
        <input
          type="checkbox"
          id="update-checks"
          .checked=${s.updateChecks}
          @change=${(event: Event) => {
            this.#change({ updateChecks: (event.target as HTMLInputElement).checked });
          }}
        />
        <label for="update-checks">${t.updateChecks}</label>
      </div>
    </section>`;
  }

  #renderDictionary(t: SettingsPanelMessages) {
    const entries = this.settings.userDictionary;
    const modeLabel = (mode: ConvertingMode | undefined) =>
      mode ? t[MODE_KEYS[mode]] : t.allModes;
    return html`<section aria-labelledby="h-dictionary">
      <h3 id="h-dictionary">${t.dictionary}</h3>
      <p class="hint">${t.dictionaryHint}</p>
      ${
        entries.length === 0
          ? html`<p>${t.dictionaryEmpty}</p>`
          : html`<div class="table-wrap">
              <table aria-labelledby="h-dictionary">
                <thead>
                  <tr>
                    <th scope="col">${t.from}</th>
                    <th scope="col">${t.to}</th>
                    <th scope="col">${t.mode}</th>
                    <td></td>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(
                    (entry, i) =>
                      html`<tr>
                        <th scope="row">${entry.from}</th>
                        <td>${entry.to}</td>
                        <td>${modeLabel(entry.mode)}</td>
                        <td>
                          <button
                            type="button"
                            data-entry=${i}
                            @click=${() => {
                              this.#removeEntry(i);
                            }}
                          >
                            ${t.removeEntry(entry.from)}
                          </button>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      <form class="inline-form" @submit=${this.#addEntry}>
        <label>${t.from}<input id="dict-from" name="from" required maxlength="50" /></label>
        <label>${t.to}<input id="dict-to" name="to" maxlength="50" /></label>
        <label
          >${t.mode}
          <select name="mode">
            <option value="">${t.allModes}</option>
            ${CONVERTING_MODES.map(
              (mode) => html`<option value=${mode}>${t[MODE_KEYS[mode]]}</option>`,
            )}
          </select>
        </label>
        <button type="submit">${t.addEntry}</button>
      </form>
      <p role="alert">${this.dictionaryError}</p>
    </section>`;
  }

  #renderBookmarks(t: SettingsPanelMessages) {
    return html`<section aria-labelledby="h-bookmarks">
      <h3 id="h-bookmarks">${t.bookmarks}</h3>
      <div class="buttons">
        <button type="button" @click=${this.#exportBookmarks}>${t.exportBookmarks}</button>
        ${renderFilePicker({
          label: t.importBookmarks,
          accept: 'application/json,.json',
          onChange: (input) => void this.#importBookmarks(input),
        })}
      </div>
      <p role="status">${this.bookmarkStatus}</p>
      <p role="alert">${this.bookmarkError}</p>
    </section>`;
  }

  /** Shows the change at once and asks the parent to save it. */
  #change(patch: SettingsPatch): void {
    this.settings = applySettingsPatch(this.settings, patch);
    this.dispatchEvent(
      new CustomEvent<SettingsPatch>('settings-change', {
        detail: patch,
        bubbles: true,
        composed: true,
      }),
    );
  }

  #onTextScale(event: Event): void {
    this.#change({ textScale: Number((event.target as HTMLSelectElement).value) });
  }

  #onUiLanguage(event: Event): void {
    this.#change({ uiLanguage: (event.target as HTMLSelectElement).value as UiLanguage });
  }

  #onRefresh(event: Event): void {
    this.#change({ refreshIntervalMinutes: Number((event.target as HTMLSelectElement).value) });
  }

  #onRetention(event: Event): void {
    const input = event.target as HTMLInputElement;
    const days = Number(input.value);
    // required, min, max and step="1" say it all: empty, out of range or a fraction is invalid.
    if (!input.validity.valid) {
      this.retentionError = this.messages.retentionInvalid(RETENTION_MIN, RETENTION_MAX);
      return;
    }
    this.retentionError = '';
    if (days !== this.settings.retentionDays) this.#change({ retentionDays: days });
  }

  #addEntry(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const from = formText(data, 'from');
    const to = formText(data, 'to', false);
    const mode = formText(data, 'mode') as ConvertingMode | '';
    if (from === '') return;
    const entry: UserEntry = mode === '' ? { from, to } : { from, to, mode };
    const entries = [...this.settings.userDictionary];
    // The same word for the same mode replaces the old entry.
    const at = entries.findIndex((e) => e.from === from && (e.mode ?? '') === mode);
    if (at >= 0) entries[at] = entry;
    else if (entries.length >= USER_DICTIONARY_MAX) {
      this.dictionaryError = this.messages.dictionaryFull(USER_DICTIONARY_MAX);
      return;
    } else entries.push(entry);
    this.dictionaryError = '';
    this.#change({ userDictionary: entries });
    form.reset();
    this.renderRoot.querySelector<HTMLInputElement>('#dict-from')?.focus();
  }

  #removeEntry(index: number): void {
    const entries = this.settings.userDictionary.filter((_, i) => i !== index);
    this.dictionaryError = '';
    this.#change({ userDictionary: entries });
    // The pressed button is gone: focus the next row's, the previous row's, or the form.
    void this.updateComplete.then(() => {
      const next = Math.min(index, entries.length - 1);
      const target =
        this.renderRoot.querySelector<HTMLElement>(`button[data-entry="${next}"]`) ??
        this.renderRoot.querySelector<HTMLElement>('#dict-from');
      target?.focus();
    });
  }

  async #exportBookmarks(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.bookmarkError = '';
    this.bookmarkStatus = '';
    try {
      const file = await this.api.exportBookmarks();
      saveTextFile(bookmarkFileName(), formatBookmarkFile(file), 'application/json');
    } catch (error) {
      this.bookmarkError = this.messages.failed((error as Error).message);
    } finally {
      this.#busy = false;
    }
  }

  async #importBookmarks(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (file === undefined) return;
    const t = this.messages;
    this.bookmarkStatus = '';
    this.bookmarkError = '';
    try {
      const parsed = await readBookmarkFile({ size: () => file.size, text: () => file.text() });
      if (!parsed.ok) {
        this.bookmarkError = bookmarkProblemText(parsed.problem, t);
        return;
      }
      const result = await this.api.importBookmarks(parsed.file);
      this.bookmarkStatus = t.imported(result.added, result.updated);
    } catch (error) {
      this.bookmarkError = t.failed((error as Error).message);
    } finally {
      // The same file can be chosen again (after fixing it, say).
      input.value = '';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heitu-settings-panel': HeituSettingsPanel;
  }
}
