/**
 * Feeds into items: RSS 0.9x/2.0, RSS 1.0 and 0.90 (RDF), Atom 0.3/1.0 (read by feed-xml.ts) and
 * JSON Feed 1.0/1.1, mapped onto one item shape that the portal parser (portal.ts) produces too.
 */
import { htmlToText } from '../sanitize.ts';
import { parseDate } from './dates.ts';
import { absolutizeHtml } from './body-links.ts';
import { absoluteUrl } from './extract.ts';
import { malformedJson, notAFeed, ParseError } from './feed-errors.ts';
import { nameOf, readXmlFeed, type XmlField, type XmlItem } from './feed-xml.ts';

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
  if (source.startsWith('<')) return fromXml(source, feedUrl);
  if (source.startsWith('{') || source.startsWith('[')) return fromJsonText(source, feedUrl);
  throw notAFeed(source);
}

function fromXml(source: string, feedUrl: string): ParsedFeed {
  const feed = readXmlFeed(source, feedUrl);
  const map =
    feed.format === 'atom'
      ? (item: XmlItem) => fromAtom(item, feed.author)
      : feed.format === 'rdf'
        ? fromRdf
        : fromRss;
  const items: ParsedItem[] = [];
  for (const item of feed.items) {
    const parsed = map(item);
    if (parsed !== null) items.push(parsed);
  }
  return { title: feedName(valueOf(feed.title), feedUrl), items };
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

// ---- Per format -----------------------------------------------------------------------------

/** A field's content: the raw markup if it holds elements (XHTML), else its text. */
function valueOf(field: XmlField | undefined): string | undefined {
  return field === undefined ? undefined : (field.markup ?? field.text);
}

function fromRss(item: XmlItem): ParsedItem | null {
  const { fields } = item;
  const value = (name: string): string | undefined => valueOf(fields.get(name));
  const guidField = fields.get('guid');
  const guid = nonEmpty(guidField?.text);
  // A guid is a permalink unless it says otherwise (RSS 2.0).
  const permalink = guidField?.attrs.isPermaLink?.trim() !== 'false' ? guid : null;
  const alternate = item.links.find((l) => {
    const rel = l.attrs.rel;
    return l.attrs.href !== undefined && (rel === undefined || rel === 'alternate');
  });
  const url = firstUrl([fields.get('link')?.text, permalink, alternate?.attrs.href], item.base);
  if (url === null) return null;
  return build({
    url,
    guid,
    title: value('title') ?? value('dc:title'),
    summaryHtml: value('description') ?? value('dc:description'),
    contentHtml: value('content:encoded'),
    author: value('dc:creator') ?? personName(fields.get('author')?.text),
    date:
      value('pubDate') ?? value('dc:date') ?? value('dcterms:issued') ?? value('dcterms:created'),
    sourceName: value('source'),
  });
}

function fromRdf(item: XmlItem): ParsedItem | null {
  const { fields } = item;
  const value = (name: string): string | undefined => valueOf(fields.get(name));
  const about = item.attrs['rdf:about'];
  const url = firstUrl([fields.get('link')?.text, about], item.base);
  if (url === null) return null;
  return build({
    url,
    guid: nonEmpty(about),
    title: value('title') ?? value('dc:title'),
    summaryHtml: value('description') ?? value('dc:description'),
    contentHtml: value('content:encoded'),
    author: value('dc:creator'),
    date: value('dc:date') ?? value('dcterms:issued') ?? value('dcterms:created'),
  });
}

function fromAtom(entry: XmlItem, feedAuthor: string | undefined): ParsedItem | null {
  const { fields } = entry;
  const value = (name: string): string | undefined => valueOf(fields.get(name));
  const isAlternate = (l: XmlField): boolean =>
    l.attrs.href !== undefined && (l.attrs.rel === undefined || l.attrs.rel === 'alternate');
  const alternate =
    entry.links.find((l) => isAlternate(l) && /html/i.test(l.attrs.type ?? '')) ??
    entry.links.find(isAlternate);
  const url = firstUrl([alternate?.attrs.href], entry.base);
  if (url === null) return null;
  const content = fields.get('content');
  let contentHtml: string | undefined;
  if (content !== undefined && content.attrs.src === undefined) {
    // Atom's default content type is text: its markup-looking characters are literal. XHTML
    // (and Atom 0.3's inline XML) arrives as markup.
    contentHtml =
      content.markup ??
      (isMarkupType(content.attrs.type) ? content.text : textToHtml(content.text));
  }
  return build({
    url,
    guid: nonEmpty(fields.get('id')?.text),
    title: value('title'),
    summaryHtml: value('summary'),
    contentHtml,
    author: nameOf(fields.get('author')) ?? value('dc:creator') ?? feedAuthor,
    // Atom 0.3 says issued, modified and created.
    date:
      value('published') ??
      value('issued') ??
      value('updated') ??
      value('modified') ??
      value('created') ??
      value('dc:date'),
  });
}

// ---- JSON Feed -------------------------------------------------------------------------------

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonString(object: Json, key: string): string | undefined {
  const value = object[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** JSON Feed 1.1's `authors`, or 1.0's `author`: the first name. */
function jsonAuthor(object: Json): string | undefined {
  const authors = Array.isArray(object.authors) ? (object.authors as unknown[]) : [object.author];
  for (const author of authors) {
    const name = isObject(author) ? jsonString(author, 'name')?.trim() : undefined;
    if (name !== undefined && name !== '') return name;
  }
  return undefined;
}

function fromJsonText(source: string, feedUrl: string): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(source);
  } catch (error) {
    throw malformedJson(error);
  }
  const isFeed = (value: unknown): value is Json =>
    isObject(value) &&
    (Array.isArray(value.items) || /jsonfeed\.org/i.test(jsonString(value, 'version') ?? ''));
  if (!isFeed(document)) throw notAFeed(source);
  const feedAuthor = jsonAuthor(document);
  const items: ParsedItem[] = [];
  for (const entry of Array.isArray(document.items) ? (document.items as unknown[]) : []) {
    const parsed = isObject(entry) ? fromJson(entry, feedUrl, feedAuthor) : null;
    if (parsed !== null) items.push(parsed);
  }
  return { title: feedName(jsonString(document, 'title'), feedUrl), items };
}

function fromJson(item: Json, feedUrl: string, feedAuthor: string | undefined): ParsedItem | null {
  const url = firstUrl([jsonString(item, 'url'), jsonString(item, 'external_url')], feedUrl);
  if (url === null) return null;
  const html = jsonString(item, 'content_html');
  const text = jsonString(item, 'content_text');
  const summary = jsonString(item, 'summary');
  const fromText = text !== undefined ? textToHtml(text) : undefined;
  return build({
    fromText: html === undefined && summary === undefined,
    url,
    guid: nonEmpty(jsonString(item, 'id')),
    title: jsonString(item, 'title'),
    summaryHtml: summary ?? fromText,
    contentHtml: html ?? fromText,
    author: jsonAuthor(item) ?? feedAuthor,
    date: jsonString(item, 'date_published') ?? jsonString(item, 'date_modified'),
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
    const body = absolutizeHtml(bodyHtml, raw.url, content !== undefined);
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

/** An RSS author ("editor@example.cn (Name)", "Name <editor@example.cn>", or a name): the name. */
function personName(raw: string | undefined): string | undefined {
  const text = raw?.trim().replace(/^mailto:/i, '');
  if (text === undefined || text === '') return undefined;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1] ?? /^(.+?)\s*<\S+@\S+>$/.exec(text)?.[1];
  return named ?? text;
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
  // No more UTF-16 units than the limit: no more characters either.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
