/**
 * The HTML side of sync: a typed view of linkedom's DOM (app/core has no DOM lib, so the few
 * members the parsers use are declared here), URL clean-up of article bodies, and the reader-mode
 * extraction (@mozilla/readability) for pages without a known template and for feeds that carry
 * only a summary.
 *
 * linkedom and Readability are loaded on the first page that needs them: most syncs read feeds
 * and portal pages with a template (light-dom.ts) and never do, and loading them at start was
 * about a tenth of the process's memory (docs/technotes/0011-sync-speed.md).
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { htmlToText } from '../sanitize.ts';

interface ReaderMode {
  readonly Readability: typeof ReadabilityClass;
  readonly parseHTML: typeof ParseHtml;
}

let readerMode: Promise<ReaderMode> | null = null;

/** linkedom and Readability, imported once, when first asked for. */
function loadReaderMode(): Promise<ReaderMode> {
  readerMode ??= Promise.all([import('@mozilla/readability'), import('linkedom')]).then(
    ([readability, linkedom]) => ({
      Readability: readability.Readability,
      parseHTML: linkedom.parseHTML,
    }),
  );
  return readerMode;
}

/** The members of a DOM element that the parsers use (linkedom implements them). */
export interface HtmlElement {
  readonly tagName: string;
  readonly textContent: string | null;
  innerHTML: string;
  readonly parentElement: HtmlElement | null;
  readonly nextElementSibling: HtmlElement | null;
  readonly children: ArrayLike<HtmlElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): Iterable<HtmlElement>;
  matches(selectors: string): boolean;
  contains(other: HtmlElement): boolean;
  remove(): void;
}

export interface HtmlDocument {
  readonly documentElement: HtmlElement;
  readonly body: HtmlElement;
  /** the page's address, or its `<base href>` */
  readonly baseURI: string;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): Iterable<HtmlElement>;
}

/**
 * Parses a whole page (or a fragment: it is wrapped first, because linkedom builds a broken tree
 * from markup without `<html>`). `url` becomes the document's address, so that anything resolving
 * links against the document (Readability does) resolves them against the page.
 */
function parseHtmlDocument(lib: ReaderMode, html: string, url: string): HtmlDocument {
  const markup = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const window = lib.parseHTML(markup) as unknown as { document: HtmlDocument };
  const document = window.document;
  const base = document.querySelector('base[href]')?.getAttribute('href') ?? null;
  const baseUrl = (base !== null ? absoluteUrl(base, url) : null) ?? url;
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  Object.defineProperty(document, 'URL', { value: url, configurable: true });
  Object.defineProperty(document, 'baseURI', { value: baseUrl, configurable: true });
  return document;
}

/** Parses an HTML fragment; its content is `document.body`. */
function parseHtmlFragment(lib: ReaderMode, html: string, url: string): HtmlDocument {
  return parseHtmlDocument(
    lib,
    `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
    url,
  );
}

/**
 * An absolute http(s) URL that the URL parser gives back as it is: a lower-case host name (not
 * an IP address, not an internationalised one), no user or port, and a path, query and fragment
 * of characters it leaves alone. Most links in feeds are such; `new URL` was ≈ 8 % of feed
 * parsing (docs/technotes/0011-sync-speed.md).
 */
const AS_IS =
  /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z][a-z0-9-]*\/[\w\-.~!$&'()*+,;=:@/]*(?:\?[\w\-.~!$&()*+,;=:@/?%]*)?(?:#[\w\-.~!$&'()*+,;=:@/?%]*)?$/;
/** A `.` or `..` path segment, which the parser would resolve. */
const DOT_SEGMENT = /\/\.{1,2}(?:[/?#]|$)/;

/** `raw` resolved against `base`, if it is an http(s) URL; null otherwise. */
export function absoluteUrl(raw: string, base: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || /^(javascript|mailto|tel|data):/i.test(trimmed)) return null;
  if (AS_IS.test(trimmed) && !DOT_SEGMENT.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Attributes that lazy-loading scripts read the real image address from. */
export const LAZY_SOURCES = [
  'data-original',
  'data-src',
  'data-lazy-src',
  'data-actualsrc',
  'data-url',
];
/** A `src` that only holds the place of a lazily loaded image. */
export const PLACEHOLDER_SRC =
  /^data:|(?:blank|loading|placeholder|lazy|spacer|grey|gray|pixel)\.(?:gif|png|jpe?g|svg)/i;

/**
 * Makes the links and images of an article body absolute (against `baseUrl`), puts the real
 * address of lazily loaded images into `src`, and returns the image URLs in order, without
 * duplicates.
 */
export function absolutizeBody(root: HtmlElement, baseUrl: string): string[] {
  const images: string[] = [];
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src')?.trim() ?? '';
    const lazy = LAZY_SOURCES.map((name) => img.getAttribute(name)?.trim() ?? '').find(
      (value) => value !== '',
    );
    const chosen = lazy !== undefined && (src === '' || PLACEHOLDER_SRC.test(src)) ? lazy : src;
    const absolute = absoluteUrl(chosen, baseUrl);
    if (absolute === null) {
      if (src !== '' && !src.startsWith('data:')) img.removeAttribute('src');
      continue;
    }
    img.setAttribute('src', absolute);
    if (!images.includes(absolute)) images.push(absolute);
  }
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    const absolute = absoluteUrl(href, baseUrl);
    if (absolute !== null) link.setAttribute('href', absolute);
  }
  return images;
}

/** Fewer visible characters than this is not an article (Chinese is dense: 30 is a sentence). */
const MIN_ARTICLE_CHARS = 30;
/** More of the text in links than this is navigation. */
const MAX_LINK_DENSITY = 0.5;

function visibleLength(text: string): number {
  return Array.from(text.replace(/[\s\u3000]+/g, '')).length;
}

/** The document type Readability's constructor declares (a DOM `Document`). */
type ReadabilityDocument = ConstructorParameters<typeof ReadabilityClass>[0];

/**
 * linkedom's document stands in for a DOM `Document` (app/core has no DOM types; the layers that
 * do type-check this file see the real one).
 */
function isReadabilityDocument(document: HtmlDocument | object): document is ReadabilityDocument {
  return 'documentElement' in document;
}

export interface Readable {
  readonly title: string | null;
  /** The article's HTML (unsanitised), links and images absolute. */
  readonly contentHtml: string;
  /** Its plain text, one paragraph a line. */
  readonly text: string;
}

/**
 * The article of a web page without its navigation, ads and footer, or null if the page does
 * not look like it has one.
 */
export async function extractReadable(html: string, url: string): Promise<Readable | null> {
  const lib = await loadReaderMode();
  const document = parseHtmlDocument(lib, html, url);
  let article: ReturnType<ReadabilityClass['parse']>;
  try {
    if (!isReadabilityDocument(document)) return null;
    article = new lib.Readability(document, {
      charThreshold: 200,
    }).parse();
  } catch {
    return null;
  }
  const content = article?.content ?? '';
  if (article === null || content.trim() === '') return null;
  const fragment = parseHtmlFragment(lib, content, url);
  absolutizeBody(fragment.body, url);
  const contentHtml = fragment.body.innerHTML.trim();
  const text = htmlToText(contentHtml);
  // A list of links (a page that is all navigation) or a line of text is not an article.
  const size = visibleLength(text);
  const linked = [...fragment.body.querySelectorAll('a')].reduce(
    (sum, link) => sum + visibleLength(link.textContent ?? ''),
    0,
  );
  if (size < MIN_ARTICLE_CHARS || linked > size * MAX_LINK_DENSITY) return null;
  const title = article.title?.replace(/\s+/g, ' ').trim() ?? '';
  return { title: title === '' ? null : title, contentHtml, text };
}
