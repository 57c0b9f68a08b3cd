import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Region } from '../../../app/shared/regions.ts';
import type { ScriptConverter } from '../../../app/shared/script-convert.ts';
import type { ScriptMode, UiLanguage } from '../../../app/shared/settings.ts';
import { MODE_LANG } from '../../../app/shared/script-lang.ts';
import type { Scripts } from '../script/convert.ts';
import { LIST_MESSAGES } from './list-messages.ts';
import { ENGLISH, localeContext } from './locale-context.ts';
import { localizeTable, localizeWhenIdle, type MessageTable } from './localize.ts';
import {
  langTag,
  MESSAGES,
  regionLabel,
  resolveLocale,
  type Locale,
  type Messages,
} from './messages.ts';
import { PANE_MESSAGES } from './pane-messages.ts';
import { SYNC_MESSAGES } from './sync-messages.ts';
import { NOTIFY_MESSAGES } from './notify-messages.ts';
import { NOTICE_MESSAGES } from './notice-messages.ts';
import {
  HELP_OVERLAY_MESSAGES,
  SETTINGS_PANEL_MESSAGES,
  SOURCES_PANEL_MESSAGES,
} from './panel-messages.ts';

/** The tables of the UI's strings (converted to every script ahead: localizeWhenIdle). */
export const UI_TABLES: readonly MessageTable[] = [
  MESSAGES,
  LIST_MESSAGES,
  PANE_MESSAGES,
  SETTINGS_PANEL_MESSAGES,
  SOURCES_PANEL_MESSAGES,
  HELP_OVERLAY_MESSAGES,
  SYNC_MESSAGES,
  NOTIFY_MESSAGES,
  NOTICE_MESSAGES,
];

/** What the UI's language depends on, read from the host's other controllers. */
export interface LocaleSource {
  /** The `uiLanguage` setting ('system' until the settings are loaded). */
  readonly uiLanguage: UiLanguage;
  readonly mode: ScriptMode;
  readonly converter: ScriptConverter;
  /** Every mode's convert once built (ScriptController.scripts), with the converters. */
  readonly scripts: Scripts | null;
  readonly converters: readonly ScriptConverter[];
}

/**
 * The UI's language: the locale from the setting (or the system's languages), the UI's strings
 * in the reader's script when Chinese, and their `lang`. Provides `localeContext`; converts every
 * table to every script in idle time once all converters are built.
 */
export class LocaleController implements ReactiveController {
  readonly #source: () => LocaleSource;
  readonly #provider: ContextProvider<typeof localeContext>;
  #localizedFor: Scripts | null = null;
  /** The converter the provided strings are in (null: as written). */
  #converter: ScriptConverter | null = null;

  constructor(host: ReactiveElement, source: () => LocaleSource) {
    this.#source = source;
    this.#provider = new ContextProvider(host, { context: localeContext, initialValue: ENGLISH });
    host.addController(this);
  }

  hostConnected(): void {
    // Derived from the settings and the script at each update (hostUpdate).
  }

  hostUpdate(): void {
    const source = this.#source();
    const locale = this.locale;
    const uiLang = this.uiLang;
    const converter = source.mode === 'original' || locale === 'en' ? null : source.converter;
    const value = this.#provider.value;
    if (value.locale !== locale || value.uiLang !== uiLang || this.#converter !== converter) {
      this.#converter = converter;
      this.#provider.setValue({
        locale,
        uiLang,
        localized: (table) =>
          converter === null || locale === 'en'
            ? table[locale]
            : localizeTable(table, locale, converter),
      });
    }
    if (source.scripts !== null && source.scripts !== this.#localizedFor) {
      this.#localizedFor = source.scripts;
      localizeWhenIdle(UI_TABLES, locale, source.converters); // UI strings in every script, ahead
    }
  }

  get locale(): Locale {
    return resolveLocale(this.#source().uiLanguage, navigator.languages);
  }

  /** The `lang` of the UI's strings: the UI language, in the reader's script when Chinese. */
  get uiLang(): string {
    const locale = this.locale;
    const mode = this.#source().mode;
    return mode === 'original' || locale === 'en' ? langTag(locale) : MODE_LANG[mode];
  }

  /** Strings of a message table in the UI language, converted to the reader's script. */
  localized<M extends object>(table: Readonly<Record<Locale, M>>): M {
    return this.#provider.value.localized(table);
  }

  get messages(): Messages {
    return this.localized(MESSAGES);
  }

  /**
   * The region's label as shown: the UI's script, then the reader's script mode. In English the
   * two views (全部, 收藏) are the UI's own words and are translated; the ten places keep the
   * names the channel and its articles use (with an English gloss: HeituApp's tab hint).
   */
  label(region: Region): string {
    if (this.locale === 'en' && region.kind !== 'place') return region.labelEn;
    const source = this.#source();
    return source.mode === 'original'
      ? regionLabel(region, this.locale)
      : source.converter.convert(region.labelHant, 'hant');
  }
}
