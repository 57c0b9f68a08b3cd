/**
 * Feeds into items: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1, read by feedsmith
 * and mapped onto one item shape that the portal parser (portal.ts) produces too.
 */
import {
  DetectError,
  MalformedError,
  parseFeed,
  type AnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import { htmlToText } from '../sanitize.ts';
import { absoluteUrl, absolutizeBody, parseHtmlFragment } from './extract.ts';

export interface ParsedItem {
  /** absolute, resolved against the feed/page URL; tracking parameters not yet removed */
  readonly url: string;
  readonly guid: string | null;
  /** plain text, trimmed, entities decoded */
  readonly title: string;
  /** plain text, at most SUMMARY_MAX characters */
  readonly summary: string;
  /** raw (unsanitised) HTML of the full body if the source carries it, else null; links and
   * image sources are absolute */
  readonly contentHtml: string | null;
  readonly author: string | null;
  /** ms since the epoch (UTC); null if absent or unparseable */
  readonly publishedAt: number | null;
  /** 來源, without the label */
  readonly sourceName: string | null;
  /** 編輯 */
  readonly editor: string | null;
  /** 責編 */
  readonly responsibleEditor: string | null;
  /** 原題, without the label */
  readonly originalTitle: string | null;
  /** the copyright notice (text), if the page has one */
  readonly copyright: string | null;
  /** absolute URLs of the images in the body, in order */
  readonly imageUrls: readonly string[];
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly items: readonly ParsedItem[];
}

/** A feed or page that cannot be read; the message is written for the reader. */
export class ParseError extends Error {
  override name = 'ParseError';
}

export const SUMMARY_MAX = 500;
/** China Standard Time: what a Chinese site means by a time without a zone. */
export const CHINA_OFFSET_MINUTES = 480;

/**
 * Reads a feed. Throws ParseError for malformed XML or JSON and for documents that are not a
 * feed. Items without a usable link are left out; relative links are resolved against `feedUrl`.
 * Times without a zone are taken as China time (UTC+8).
 */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  const source = text.replace(/^\uFEFF/, '').trim();
  if (source === '') throw new ParseError('The feed is empty.');
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(source);
  } catch (error) {
    throw explain(error, source);
  }
  switch (parsed.format) {
    case 'rss':
      return {
        title: plain(parsed.feed.title),
        items: collect(parsed.feed.items, (item) => fromRss(item, feedUrl)),
      };
    case 'rdf':
      return {
        title: plain(parsed.feed.title),
        items: collect(parsed.feed.items, (item) => fromRdf(item, feedUrl)),
      };
    case 'atom': {
      const feedAuthor = firstName(parsed.feed.authors);
      return {
        title: plain(parsed.feed.title?.value),
        items: collect(parsed.feed.entries, (entry) => fromAtom(entry, feedUrl, feedAuthor)),
      };
    }
    case 'json': {
      const feedAuthor = firstName(parsed.feed.authors);
      return {
        title: plain(parsed.feed.title),
        items: collect(parsed.feed.items, (item) => fromJson(item, feedUrl, feedAuthor)),
      };
    }
  }
}

function collect<T>(
  list: readonly T[] | undefined,
  map: (entry: T) => ParsedItem | null,
): ParsedItem[] {
  return (list ?? []).map(map).filter((item): item is ParsedItem => item !== null);
}

// ---- Per format -----------------------------------------------------------------------------

function fromRss(item: RssFeed.Item<string>, feedUrl: string): ParsedItem | null {
  const guid = nonEmpty(item.guid?.value);
  // A guid is a permalink unless it says otherwise (RSS 2.0).
  const permalink = item.guid?.isPermaLink !== false ? guid : null;
  const alternate = item.atom?.links?.find((l) => l.rel === undefined || l.rel === 'alternate');
  const url = firstUrl([item.link, permalink, alternate?.href], feedUrl);
  if (url === null) return null;
  return build({
    url,
    guid,
    title: item.title ?? item.dc?.titles?.[0],
    summaryHtml: item.description ?? item.dc?.descriptions?.[0],
    contentHtml: item.content?.encoded,
    author: item.dc?.creators?.[0] ?? personName(item.authors?.[0]),
    date:
      item.pubDate ??
      item.dc?.dates?.[0] ??
      item.dcterms?.issued?.[0] ??
      item.dcterms?.created?.[0],
    sourceName: item.source?.title,
  });
}

function fromRdf(item: RdfFeed.Item<string>, feedUrl: string): ParsedItem | null {
  const url = firstUrl([item.link, item.rdf?.about], feedUrl);
  if (url === null) return null;
  return build({
    url,
    guid: nonEmpty(item.rdf?.about),
    title: item.title ?? item.dc?.titles?.[0],
    summaryHtml: item.description ?? item.dc?.descriptions?.[0],
    contentHtml: item.content?.encoded,
    author: item.dc?.creators?.[0],
    date: item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0] ?? item.dcterms?.created?.[0],
  });
}

function fromAtom(
  entry: AtomFeed.Entry<string>,
  feedUrl: string,
  feedAuthor: string | undefined,
): ParsedItem | null {
  const links = entry.links ?? [];
  const alternate =
    links.find(
      (l) => (l.rel === undefined || l.rel === 'alternate') && /html/i.test(l.type ?? ''),
    ) ?? links.find((l) => l.rel === undefined || l.rel === 'alternate');
  const url = firstUrl([alternate?.href], feedUrl);
  if (url === null) return null;
  const content = entry.content;
  let contentHtml: string | undefined;
  if (content?.value !== undefined && content.src === undefined) {
    // Atom's default content type is text: its markup-looking characters are literal.
    contentHtml = isMarkupType(content.type) ? content.value : textToHtml(content.value);
  }
  return build({
    url,
    guid: nonEmpty(entry.id),
    title: entry.title?.value,
    summaryHtml: entry.summary?.value,
    contentHtml,
    author: firstName(entry.authors) ?? entry.dc?.creators?.[0] ?? feedAuthor,
    date: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
  });
}

function fromJson(
  item: JsonFeed.Item<string>,
  feedUrl: string,
  feedAuthor: string | undefined,
): ParsedItem | null {
  const url = firstUrl([item.url, item.external_url], feedUrl);
  if (url === null) return null;
  const contentHtml =
    item.content_html ??
    (item.content_text !== undefined ? textToHtml(item.content_text) : undefined);
  return build({
    url,
    guid: nonEmpty(item.id),
    title: item.title,
    summaryHtml:
      item.summary ?? (item.content_text !== undefined ? textToHtml(item.content_text) : undefined),
    contentHtml,
    author: firstName(item.authors) ?? feedAuthor,
    date: item.date_published ?? item.date_modified,
  });
}

interface RawItem {
  readonly url: string;
  readonly guid: string | null;
  readonly title: string | undefined;
  readonly summaryHtml: string | undefined;
  readonly contentHtml: string | undefined;
  readonly author: string | undefined;
  readonly date: string | undefined;
  readonly sourceName?: string | undefined;
}

function build(raw: RawItem): ParsedItem {
  const content = nonEmpty(raw.contentHtml) === null ? undefined : raw.contentHtml;
  // Images are looked for in the full body, else in the summary (many feeds put one there).
  const bodyHtml = content ?? raw.summaryHtml ?? '';
  let contentHtml: string | null = null;
  let imageUrls: string[] = [];
  if (bodyHtml.trim() !== '') {
    const fragment = parseHtmlFragment(bodyHtml, raw.url);
    imageUrls = absolutizeBody(fragment.body, raw.url);
    if (content !== undefined) contentHtml = fragment.body.innerHTML.trim();
  }
  let summary = summarize(htmlToText(raw.summaryHtml ?? ''));
  if (summary === '' && contentHtml !== null) summary = summarize(htmlToText(contentHtml));
  const title = plain(raw.title) ?? (summary === '' ? '' : truncate(summary, 80));
  return {
    url: raw.url,
    guid: raw.guid,
    title,
    summary,
    contentHtml,
    author: plain(raw.author),
    publishedAt: raw.date === undefined ? null : parseDate(raw.date),
    sourceName: plain(raw.sourceName),
    editor: null,
    responsibleEditor: null,
    originalTitle: null,
    copyright: null,
    imageUrls,
  };
}

// ---- Small helpers ---------------------------------------------------------------------------

function firstUrl(candidates: readonly (string | null | undefined)[], base: string): string | null {
  for (const candidate of candidates) {
    if (candidate === null || candidate === undefined) continue;
    const url = absoluteUrl(candidate, base);
    if (url !== null) return url;
  }
  return null;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function firstName(people: readonly { name?: string }[] | undefined): string | undefined {
  return people?.map((p) => p.name?.trim()).find((name) => name !== undefined && name !== '');
}

function personName(person: RssFeed.Person | undefined): string | undefined {
  return person?.name ?? person?.email;
}

function isMarkupType(type: string | undefined): boolean {
  return type !== undefined && /html/i.test(type);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text as HTML paragraphs (one per blank-line-separated block). */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** The text of a snippet of HTML on one line, or null if there is none. */
export function plain(html: string | null | undefined): string | null {
  if (html === null || html === undefined) return null;
  const text = collapse(htmlToText(html));
  return text === '' ? null : text;
}

/** Runs of white space (including ideographic spaces) as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** One-line plain text, at most SUMMARY_MAX characters. */
export function summarize(text: string): string {
  return truncate(collapse(text), SUMMARY_MAX);
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

// ---- Dates ------------------------------------------------------------------------------------

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Zone names, in minutes east of UTC. CST is China Standard Time here, not US Central: Chinese
 * sites (Java's Date.toString in particular) write it, and this reader is for Chinese sites.
 */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  CST: 480,
  BJT: 480,
  HKT: 480,
  JST: 540,
  KST: 540,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  BST: 60,
};

const ZONE = String.raw`(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})`;
/** 2019-05-30, 2019/5/30, 2019.05.30, 2019年5月30日, each with an optional time and zone. */
const ISO = new RegExp(
  String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?` +
    String.raw`(?:(?:T|\s+)?(\d{1,2})\s*[:\uff1a時时]\s*(\d{1,2})(?:\s*[:\uff1a分]\s*(\d{1,2})(?:[.,](\d{1,9}))?\s*秒?)?)?` +
    String.raw`\s*${ZONE}?$`,
);
/** RFC 822 / 1123: [Thu,] 30 May 2019 08:54[:03] [+0800 | GMT]. */
const RFC822 = new RegExp(
  String.raw`^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2,4}),?\s+` +
    String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*${ZONE}?$`,
);
/** Java's Date.toString: Thu May 30 08:54:03 CST 2019. */
const JAVA = new RegExp(
  String.raw`^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+${ZONE}\s+(\d{4})$`,
);

/**
 * A date in RFC 822 or ISO 8601 form (and the common Chinese variants) as ms since the epoch.
 * A time without a zone is in `defaultOffsetMinutes` (China time unless told otherwise); null
 * for anything that is not a valid date.
 */
export function parseDate(raw: string, defaultOffsetMinutes = CHINA_OFFSET_MINUTES): number | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(text);
  if (m !== null) {
    return assemble(
      {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
        ms: m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000),
      },
      m[8],
      defaultOffsetMinutes,
    );
  }
  m = RFC822.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    if (month === undefined) return null;
    let year = Number(m[3]);
    if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
    return assemble(
      {
        year,
        month,
        day: Number(m[1]),
        hour: Number(m[4]),
        minute: Number(m[5]),
        second: Number(m[6] ?? 0),
        ms: 0,
      },
      m[7],
      defaultOffsetMinutes,
    );
  }
  m = JAVA.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month === undefined) return null;
    return assemble(
      {
        year: Number(m[7]),
        month,
        day: Number(m[2]),
        hour: Number(m[3]),
        minute: Number(m[4]),
        second: Number(m[5]),
        ms: 0,
      },
      m[6],
      defaultOffsetMinutes,
    );
  }
  return null;
}

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

function assemble(p: DateParts, zone: string | undefined, defaultOffset: number): number | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return null;
  if (p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  const offset = zone === undefined ? defaultOffset : zoneOffset(zone, defaultOffset);
  if (offset === null) return null;
  const local = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms));
  // Date.UTC rolls 31 June over into July: a day the month does not have is not a date.
  if (local.getUTCDate() !== p.day && p.hour !== 24) return null;
  return local.getTime() - offset * 60_000;
}

function zoneOffset(zone: string, defaultOffset: number): number | null {
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric !== null) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  // Single military letters and unknown abbreviations: the time is still worth more than nothing.
  return /^[A-Za-z]+$/.test(zone) ? defaultOffset : null;
}

// ---- Errors -----------------------------------------------------------------------------------

function explain(error: unknown, source: string): ParseError {
  if (error instanceof MalformedError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new ParseError(xmlProblem(source) ?? `The feed is not valid XML${cause}.`);
  }
  if (error instanceof DetectError) {
    if (/^[[{]/.test(source)) {
      try {
        JSON.parse(source);
      } catch (jsonError) {
        const detail = jsonError instanceof Error ? `: ${jsonError.message}` : '';
        return new ParseError(`The feed is not valid JSON${detail}.`);
      }
      return new ParseError('The document is JSON but not a JSON Feed (it has no "items").');
    }
    if (/^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/i.test(source)) {
      return new ParseError('The address returned a web page (HTML), not a feed.');
    }
    if (source.startsWith('<')) {
      const problem = xmlProblem(source);
      if (problem !== null) return new ParseError(problem);
      const root = /<([A-Za-z_][\w:.-]*)/.exec(source.replace(/<[?!][\s\S]*?>/g, ''))?.[1];
      return new ParseError(
        `The document is XML but not an RSS, Atom or RDF feed (its root is <${root ?? '?'}>).`,
      );
    }
    return new ParseError('The document is not a feed (neither XML nor JSON).');
  }
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new ParseError(`The feed could not be read${detail}.`);
}

const XML_TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|</g;

/**
 * Where a document stops being well-formed XML, as a message with a line number ("The feed is
 * not valid XML (line 3): …"), or null if the tags balance. Only for the error message: feedsmith
 * decides what is malformed.
 */
export function xmlProblem(source: string): string | null {
  const stack: { name: string; at: number }[] = [];
  const lineAt = (index: number): number => source.slice(0, index).split('\n').length;
  const fail = (index: number, what: string): string =>
    `The feed is not valid XML (line ${lineAt(index)}): ${what}.`;
  for (const m of source.matchAll(XML_TOKEN)) {
    const [token] = m;
    const closing = m[1];
    const opening = m[2];
    if (closing !== undefined) {
      const open = stack.pop();
      if (open === undefined) return fail(m.index, `</${closing}> closes nothing`);
      if (open.name !== closing) {
        return fail(m.index, `</${closing}> where </${open.name}> was expected`);
      }
    } else if (opening !== undefined) {
      if (m[3] !== '/') stack.push({ name: opening, at: m.index });
    } else if (token === '<') {
      const truncated = !source.includes('>', m.index);
      return fail(
        m.index,
        truncated ? 'the document ends inside a tag' : 'a “<” that starts no tag',
      );
    }
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) return fail(unclosed.at, `<${unclosed.name}> is never closed`);
  return null;
}
