import type { ScriptConverter } from '../../../app/shared/script-convert.ts';
import { catalogueFor } from '../../../app/shared/locale.ts';
import { convertMessages, realizeMessages, type Locale } from './messages.ts';

/** Converted tables by table, converter (and so script and dictionary) and locale. */
const cache = new WeakMap<object, WeakMap<ScriptConverter, Map<Locale, unknown>>>();

/**
 * A Chinese message table in `converter`'s script, from the catalogue with that script's wording
 * (catalogueFor): once per table, converter and locale, not on every render or every switch.
 */
export function localizeTable<M extends object>(
  table: Readonly<Record<Locale, M>>,
  locale: Exclude<Locale, 'en'>,
  converter: ScriptConverter,
): M {
  let byConverter = cache.get(table);
  if (byConverter === undefined) cache.set(table, (byConverter = new WeakMap()));
  let byLocale = byConverter.get(converter);
  if (byLocale === undefined) byConverter.set(converter, (byLocale = new Map<Locale, unknown>()));
  const cached = byLocale.get(locale);
  if (cached !== undefined) return cached as M;
  const catalogue = catalogueFor(locale, converter.mode);
  const source = catalogue === 'zh-Hans' ? 'hans' : 'hant';
  const value = convertMessages(table[catalogue], (text) => converter.convert(text, source));
  byLocale.set(locale, value);
  return value;
}

/** A message table of every locale (MESSAGES, LIST_MESSAGES…). */
export type MessageTable = Readonly<Record<Locale, object>>;

/**
 * Converts `tables` to each of `converters` in idle time, at least one per idle callback, so that
 * the first switch to a script finds the UI's strings converted (localizeTable keeps them) and
 * spends its frame on showing them.
 */
export function localizeWhenIdle(
  tables: readonly MessageTable[],
  locale: Locale,
  converters: readonly ScriptConverter[],
  idle: (run: (deadline: IdleDeadline) => void) => unknown = requestIdleCallback,
): void {
  if (locale === 'en') return;
  const jobs = converters.flatMap((c) =>
    tables.map((t) => () => {
      realizeMessages(localizeTable(t, locale, c));
    }),
  );
  const run = (deadline: IdleDeadline): void => {
    do jobs.shift()?.();
    while (jobs.length > 0 && deadline.timeRemaining() > 1);
    if (jobs.length > 0) idle(run);
  };
  idle(run);
}
