/**
 * The article header's text as the channel prints it: the title, the meta line
 * `2019-05-30 08:54 | 來源:吉林日報 | 編輯:田東艷 | 責編:劉徵宇`, the `原題:…` line and the
 * copyright notice, in the script the reader chose. Pure: no DOM.
 *
 * The labels (來源, 編輯, 責編, 原題) are the channel's own text, in Traditional: they are
 * converted like article text (from 'hant'), and shown as published — in the article's own
 * script — in 原文 mode. The time is the reader's, as in the list (issue 18: one rule everywhere);
 * when the channel's clock (Beijing time) reads differently, its time follows, named
 * (`2019-05-30 02:54（北京時間 08:54）`), since that is the time the article itself may speak of.
 */
import type { Article, SourceScript } from '../../../app/shared/articles.ts';
import type { ScriptMode } from '../../../app/shared/settings.ts';
import type { Convert } from '../script/convert.ts';

/** The channel's time zone: its times are printed in Beijing time. */
export const CHANNEL_TIME_ZONE = 'Asia/Shanghai';

/** One converter call: `text` of an article published in `script`, in the reader's script. */

export interface MetaLabels {
  /** 來源 */
  readonly source: string;
  /** 編輯 */
  readonly editor: string;
  /** 責編 */
  readonly responsibleEditor: string;
  /** 原題 */
  readonly originalTitle: string;
  /** 北京時間: names the channel's clock beside the reader's. */
  readonly channelZone: string;
}

export const LABELS_HANT: MetaLabels = {
  source: '來源',
  editor: '編輯',
  responsibleEditor: '責編',
  originalTitle: '原題',
  channelZone: '北京時間',
};

export const LABELS_HANS: MetaLabels = {
  source: '来源',
  editor: '编辑',
  responsibleEditor: '责编',
  originalTitle: '原题',
  channelZone: '北京时间',
};

/** What the channel puts between the meta line's parts, and between a label and its value. */
export const META_SEPARATOR = ' | ';
export const LABEL_SEPARATOR = ':';

let zone: { readonly name: string; readonly at: number } | null = null;

/**
 * The reader's time zone: the system's, as the list's times use it. Asked of Intl at most once a
 * minute (a traveller's new zone shows within one): resolvedOptions() takes ~0.4 ms, and every
 * script switch formats the open article's header again.
 */
export function readerTimeZone(now: number = Date.now()): string {
  if (zone === null || now - zone.at >= 60_000 || now < zone.at)
    zone = { name: new Intl.DateTimeFormat().resolvedOptions().timeZone, at: now };
  return zone.name;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function clock(timeZone: string): Intl.DateTimeFormat {
  let format = clocks.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, format);
  }
  return format;
}

/** `YYYY-MM-DD HH:mm` in the channel's time zone; null for a time that does not parse. */
export function channelTime(iso: string): string | null {
  return clockTime(iso, CHANNEL_TIME_ZONE);
}

/**
 * The meta line's time: `YYYY-MM-DD HH:mm` on the reader's clock, then the channel's, named,
 * when it reads differently (only its time of day when the day is the same); null for a time
 * that does not parse.
 */
export function metaTime(iso: string, channelZone: string, timeZone: string): string | null {
  const reader = clockTime(iso, timeZone);
  const channel = clockTime(iso, CHANNEL_TIME_ZONE);
  if (reader === null || channel === null || reader === channel) return reader;
  const sameDay = reader.slice(0, 10) === channel.slice(0, 10);
  return `${reader}（${channelZone} ${sameDay ? channel.slice(11) : channel}）`;
}

/** `YYYY-MM-DD HH:mm` in `timeZone`; null for a time that does not parse. */
function clockTime(iso: string, timeZone: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of clock(timeZone).formatToParts(time)) parts[part.type] = part.value;
  const { year, month, day, hour, minute } = parts;
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined
  ) {
    return null;
  }
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/** The labels for `mode`: converted from the channel's Traditional, or the article's own script. */
export function metaLabels(mode: ScriptMode, script: SourceScript, convert: Convert): MetaLabels {
  if (mode === 'original') return script === 'hans' ? LABELS_HANS : LABELS_HANT;
  return {
    source: convert(LABELS_HANT.source, 'hant'),
    editor: convert(LABELS_HANT.editor, 'hant'),
    responsibleEditor: convert(LABELS_HANT.responsibleEditor, 'hant'),
    originalTitle: convert(LABELS_HANT.originalTitle, 'hant'),
    channelZone: convert(LABELS_HANT.channelZone, 'hant'),
  };
}

/** A value worth printing: null, empty and whitespace-only values are left out. */
function present(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}

export interface MetaFields {
  /** ISO 8601, UTC. */
  readonly publishedAt: string;
  readonly sourceName: string | null;
  readonly editor: string | null;
  readonly responsibleEditor: string | null;
}

/**
 * `2019-05-30 08:54 | 來源:吉林日報 | 編輯:田東艷 | 責編:劉徵宇`, with absent parts left out; the
 * time on the clock of `timeZone` (the reader's by default: metaTime).
 * `labels` and the values are used as given (convert them first).
 */
export function formatMetaLine(
  fields: MetaFields,
  labels: MetaLabels,
  timeZone: string = readerTimeZone(),
): string {
  const parts: string[] = [];
  const time = metaTime(fields.publishedAt, labels.channelZone, timeZone);
  if (time !== null) parts.push(time);
  const labelled: readonly (readonly [string, string | null])[] = [
    [labels.source, fields.sourceName],
    [labels.editor, fields.editor],
    [labels.responsibleEditor, fields.responsibleEditor],
  ];
  for (const [label, value] of labelled) {
    if (present(value)) parts.push(`${label}${LABEL_SEPARATOR}${value.trim()}`);
  }
  return parts.join(META_SEPARATOR);
}

/** `原題:…` */
export function formatOriginalTitle(originalTitle: string, labels: MetaLabels): string {
  return `${labels.originalTitle}${LABEL_SEPARATOR}${originalTitle.trim()}`;
}

export type HeaderSource = Pick<
  Article,
  | 'title'
  | 'publishedAt'
  | 'sourceName'
  | 'editor'
  | 'responsibleEditor'
  | 'originalTitle'
  | 'copyright'
  | 'script'
>;

/** The article's header and footer text, ready to show. */
export interface ArticleHeader {
  readonly title: string;
  /** The meta line; '' when it has no parts. */
  readonly meta: string;
  /** The `原題:…` line, or null. */
  readonly originalTitle: string | null;
  /** The copyright notice, or null. */
  readonly copyright: string | null;
}

/**
 * Title, meta line, 原題 line and copyright in `mode`. In 原文 mode nothing is converted. The
 * article's text is converted from its own script; the copyright notice is the channel's
 * boilerplate whatever the article's script, so it is converted as 'unknown' (each direction is
 * tried), which converts it whichever script it is in.
 */
export function articleHeader(
  article: HeaderSource,
  mode: ScriptMode,
  convert: Convert,
  timeZone: string = readerTimeZone(),
): ArticleHeader {
  const text: (value: string, script?: SourceScript) => string =
    mode === 'original'
      ? (value) => value
      : (value, script = article.script) => convert(value, script);
  const orNull = (value: string | null, script?: SourceScript): string | null =>
    present(value) ? text(value, script) : null;
  const labels = metaLabels(mode, article.script, convert);
  const originalTitle = orNull(article.originalTitle);
  return {
    title: text(article.title),
    meta: formatMetaLine(
      {
        publishedAt: article.publishedAt,
        sourceName: orNull(article.sourceName),
        editor: orNull(article.editor),
        responsibleEditor: orNull(article.responsibleEditor),
      },
      labels,
      timeZone,
    ),
    originalTitle: originalTitle === null ? null : formatOriginalTitle(originalTitle, labels),
    copyright: orNull(article.copyright, 'unknown'),
  };
}
