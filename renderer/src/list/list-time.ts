/**
 * The time on an article-list row: relative for today ("3 小時前", "12 分鐘前", "現在"), a date
 * and time for earlier this year ("5月3日 14:20"), a date for earlier years ("2023年5月3日").
 * Pure (no DOM); the Intl formatters are built once per locale and time zone.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Kind = 'day' | 'dateTime' | 'date';
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(locale: string, kind: Kind, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    const zone: Intl.DateTimeFormatOptions = timeZone === undefined ? {} : { timeZone };
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { year: 'numeric', month: 'numeric', day: 'numeric' }
        : kind === 'date'
          ? { year: 'numeric', month: 'short', day: 'numeric' }
          : {
              month: 'short',
              day: 'numeric',
              minute: '2-digit',
              // Chinese news gives times on the 24-hour clock (14:20, 09:05; not 下午2:20).
              ...(locale.startsWith('zh')
                ? { hour: '2-digit' as const, hourCycle: 'h23' as const }
                : { hour: 'numeric' as const }),
            };
    // The calendar day is compared in a fixed locale so that its parts are plain numbers.
    format = new Intl.DateTimeFormat(kind === 'day' ? 'en-US' : locale, { ...options, ...zone });
    dateFormats.set(key, format);
  }
  return format;
}

function relativeFormat(locale: string, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat {
  const key = `${locale}|${numeric}`;
  let format = relativeFormats.get(key);
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(locale, { numeric });
    relativeFormats.set(key, format);
  }
  return format;
}

/** The calendar day of `time` in the zone, as [year, month, day]. */
function dayOf(time: number, timeZone: string | undefined): readonly [number, number, number] {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of dateFormat('en-US', 'day', timeZone).formatToParts(time)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return [year, month, day];
}

/** Times already formatted for the current `now`, locale and zone (a row re-renders often). */
const memo = { key: '', today: [0, 0, 0] as readonly [number, number, number] };
const formatted = new Map<string, string>();
const MEMO_SIZE = 1000;

/**
 * `iso` (ISO 8601, UTC) as shown in the list at `now` (ms since the epoch), in `locale`, with
 * calendar days in `timeZone` (default: the system's). '' when `iso` is not a time.
 */
export function formatListTime(
  iso: string,
  now: number,
  locale: string,
  timeZone?: string,
): string {
  const key = `${now}|${locale}|${timeZone ?? ''}`;
  if (memo.key !== key || formatted.size >= MEMO_SIZE) {
    if (memo.key !== key) memo.today = dayOf(now, timeZone);
    memo.key = key;
    formatted.clear();
  }
  let text = formatted.get(iso);
  if (text === undefined) {
    text = format(iso, now, locale, timeZone, memo.today);
    formatted.set(iso, text);
  }
  return text;
}

function format(
  iso: string,
  now: number,
  locale: string,
  timeZone: string | undefined,
  [thisYear, thisMonth, today]: readonly [number, number, number],
): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const [year, month, day] = dayOf(time, timeZone);
  if (year === thisYear && month === thisMonth && day === today) {
    // A time a little in the future (clocks differ) reads as now.
    const ago = Math.max(0, now - time);
    if (ago < MINUTE) return relativeFormat(locale, 'auto').format(0, 'second');
    if (ago < HOUR) {
      return relativeFormat(locale, 'always').format(-Math.floor(ago / MINUTE), 'minute');
    }
    return relativeFormat(locale, 'always').format(-Math.floor(ago / HOUR), 'hour');
  }
  return dateFormat(locale, year === thisYear ? 'dateTime' : 'date', timeZone).format(time);
}

/**
 * Builds the formatters a list in `locale` uses, and so loads Intl's data for it (~25 ms the
 * first time in a page): called while the first page's data is on its way, so that the first
 * list does not wait for it.
 */
export function prepareListTimes(locale: string, timeZone?: string): void {
  const now = Date.now();
  for (const kind of ['day', 'dateTime', 'date'] as const) dateFormat(locale, kind, timeZone);
  relativeFormat(locale, 'auto').format(0, 'second');
  relativeFormat(locale, 'always').format(-1, 'minute');
  dateFormat(locale, 'dateTime', timeZone).format(now);
  dayOf(now, timeZone);
}
