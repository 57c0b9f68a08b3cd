import { createContext } from '@lit/context';
import type { Locale } from './messages.ts';

/**
 * The UI's language as the elements need it: the locale (times, plurals), the `lang` of the UI's
 * strings (the reader's script when the UI is Chinese), and a message table's strings in that
 * language and script.
 */
export interface UiLocale {
  readonly locale: Locale;
  readonly uiLang: string;
  localized<M extends object>(table: Readonly<Record<Locale, M>>): M;
}

export const ENGLISH: UiLocale = { locale: 'en', uiLang: '', localized: (table) => table.en };

/** Provided by the shell's LocaleController (locale-controller.ts). */
export const localeContext = createContext<UiLocale>(Symbol('heitu-locale'));
