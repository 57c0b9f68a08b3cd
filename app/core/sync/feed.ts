/**
 * Feeds into items: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1, read by feedsmith
 * and mapped onto one item shape that the portal parser (portal.ts) produces too.
 */
import {
  parseFeed,
  ParseError as EmptyFeedError,
  type AnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import { htmlToText } from '../sanitize.ts';
import { parseDate } from './dates.ts';
import { absolutizeHtml } from './body-links.ts';
import { absoluteUrl } from './extract.ts';
import { explain, ParseError } from './feed-errors.ts';

// ParseError is part of this module's contract (parseFeedText throws it), so it stays importable
// from here; it lives in feed-errors.ts so that the error explanation needs nothing from this file.
export { ParseError } from './feed-errors.ts';

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
  /** The feed's own title, else its host, else its URL: a feed without a title still has a name. */
  readonly title: string;
  readonly items: readonly ParsedItem[];
}

export const SUMMARY_MAX = 500;

/**
 * Reads a feed. Throws ParseError for malformed XML or JSON and for documents that are not a
 * feed; a feed with no items (and perhaps no title) is an empty feed, not an error. Items without
 * a usable link are left out; relative links are resolved against `xml:base` (the root's, the
 * channel's, the item's), then `feedUrl`. Times without a zone are taken as China time (UTC+8).
 */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  const source = text.replace(/^\uFEFF/, '').trim();
  if (source === '') throw new ParseError('The feed is empty.');
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(source);
  } catch (error) {
    // feedsmith's ParseError: a feed it recognised, well-formed, with nothing in it.
    if (error instanceof EmptyFeedError) return { title: feedName(undefined, feedUrl), items: [] };
    throw explain(error, source);
  }
  const bases = source.startsWith('<') ? xmlBases(source, feedUrl) : null;
  const baseOf = (index: number): string => bases?.items[index] ?? bases?.feed ?? feedUrl;
  switch (parsed.format) {
    case 'rss':
      return {
        title: feedName(parsed.feed.title, feedUrl),
        items: collect(parsed.feed.items, (item, i) => fromRss(item, baseOf(i))),
      };
    case 'rdf':
      return {
        title: feedName(parsed.feed.title, feedUrl),
        items: collect(parsed.feed.items, (item, i) => fromRdf(item, baseOf(i))),
      };
    case 'atom': {
      const feedAuthor = firstName(parsed.feed.authors);
      return {
        title: feedName(parsed.feed.title?.value, feedUrl),
        items: collect(parsed.feed.entries, (entry, i) => fromAtom(entry, baseOf(i), feedAuthor)),
      };
    }
    case 'json': {
      const feedAuthor = firstName(parsed.feed.authors);
      return {
        title: feedName(parsed.feed.title, feedUrl),
        items: collect(parsed.feed.items, (item) => fromJson(item, feedUrl, feedAuthor)),
      };
    }
  }
}

/** The feed's title as text, else the host of its URL, else the URL itself. */
function feedName(title: string | undefined, feedUrl: string): string {
  const own = plain(title);
  if (own !== null) return own;
  try {
    const host = new URL(feedUrl).hostname;
    return host === '' ? feedUrl : host;
  } catch {
    return feedUrl;
  }
}

const START_TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(rss|feed|channel|rdf:RDF|item|entry)\b([^>]*)>/g;
const XML_BASE = /\sxml:base\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * The base URL of the feed and of each item, from `xml:base` attributes (feedsmith drops them).
 * Items are matched to the parsed ones by their order in the document.
 */
function xmlBases(source: string, feedUrl: string): { feed: string; items: string[] } {
  let feed = feedUrl;
  const items: string[] = [];
  for (const m of source.matchAll(START_TAG)) {
    const tag = m[1];
    if (tag === undefined) continue;
    const attr = XML_BASE.exec(m[2] ?? '');
    const raw = attr?.[1] ?? attr?.[2];
    const base = raw === undefined ? null : resolved(raw, feed);
    if (tag === 'item' || tag === 'entry') items.push(base ?? feed);
    else if (base !== null) feed = base;
  }
  return { feed, items };
}

function resolved(raw: string, base: string): string | null {
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return null;
  }
}

function collect<T>(
  list: readonly T[] | undefined,
  map: (entry: T, index: number) => ParsedItem | null,
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
    fromText: item.content_html === undefined && item.summary === undefined,
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

/** Anything that makes parsing an HTML body worth it: a tag, an entity, a character it escapes. */
const MARKUP = /[<>&\u00a0]/;

interface RawItem {
  readonly url: string;
  readonly guid: string | null;
  readonly title: string | undefined;
  readonly summaryHtml: string | undefined;
  readonly contentHtml: string | undefined;
  readonly author: string | undefined;
  readonly date: string | undefined;
  readonly sourceName?: string | undefined;
  /** The bodies were made here from plain text (textToHtml): already safe and absolute. */
  readonly fromText?: boolean;
}

function build(raw: RawItem): ParsedItem {
  const content = nonEmpty(raw.contentHtml) === null ? undefined : raw.contentHtml;
  // Images are looked for in the full body, else in the summary (many feeds put one there).
  const bodyHtml = content ?? raw.summaryHtml ?? '';
  let contentHtml: string | null = null;
  let imageUrls: string[] = [];
  let summaryText: string | null = null;
  if (raw.fromText !== true && MARKUP.test(bodyHtml)) {
    const body = absolutizeHtml(bodyHtml, raw.url);
    imageUrls = [...body.images];
    if (content !== undefined) contentHtml = body.html;
    else summaryText = body.text;
  } else if (content !== undefined) {
    // Text with nothing a parser would change (no tags, entities or characters it escapes), or
    // HTML made here from text: it is its own HTML, and a DOM for it would cost more than the
    // rest of the item.
    contentHtml = content.trim();
  }
  let summary = summarize(summaryText ?? htmlToText(raw.summaryHtml ?? ''));
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
export function textToHtml(text: string): string {
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
