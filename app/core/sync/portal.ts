/**
 * Portal pages into items, driven by a site profile (profiles.ts). List pages are read by the
 * shape of article URLs, not by list markup, so a redesign of the list does not break them.
 * Article pages are read by the template's ids, with fallbacks (the `<h1>`, the `<title>`, the
 * reader-mode extraction of extract.ts) for pages without them.
 */
import { htmlToText } from '../sanitize.ts';
import {
  absoluteUrl,
  absolutizeBody,
  extractReadable,
  type HtmlDocument,
  type HtmlElement,
} from './extract.ts';
import { parseDate } from './dates.ts';
import { parseLightDocument, parseLightFragment } from './light-dom.ts';
import {
  COLON,
  escapeRegExp,
  find,
  hasContent,
  matches,
  mayStartWith,
  regExp,
  spaced,
  text,
} from './dom.ts';
import { ParseError } from './feed-errors.ts';
import { collapse, summarize, truncate, type ParsedItem } from './feed.ts';
import { findNotice, removeOriginalTitle, removeTrailingNotice } from './portal-notice.ts';
import {
  DEFAULT_COPYRIGHT,
  DEFAULT_LABELS,
  DEFAULT_NEXT_PAGE,
  type ProfileLabels,
  type SiteProfile,
} from './profiles.ts';

export { PROFILES } from './profiles.ts';
export type { SiteProfile } from './profiles.ts';

export interface ListPage {
  /** absolute, in page order, without duplicates */
  articleUrls: string[];
  nextPageUrl: string | null;
}

/** The article links of a list page (by their URL pattern, anywhere in the page) and its next page. */
export function parseListPage(html: string, pageUrl: string, profile: SiteProfile): ListPage {
  const document = parseLightDocument(html, pageUrl);
  const base = document.baseURI;
  const pattern = regExp(profile.articleUrlPattern, 'i');
  const ownHost = hostOf(pageUrl);
  const hostPattern =
    profile.articleHostPattern === undefined ? null : regExp(profile.articleHostPattern, 'i');
  const articleUrls: string[] = [];
  for (const link of document.querySelectorAll('a[href]')) {
    const url = withoutHash(absoluteUrl(link.getAttribute('href') ?? '', base));
    if (url === null || articleUrls.includes(url)) continue;
    const { hostname, pathname } = new URL(url);
    if (!pattern.test(pathname)) continue;
    if (hostPattern === null ? hostname !== ownHost : !hostPattern.test(hostname)) continue;
    articleUrls.push(url);
  }
  return { articleUrls, nextPageUrl: nextPage(document, pageUrl, profile) };
}

function nextPage(document: HtmlDocument, pageUrl: string, profile: SiteProfile): string | null {
  const texts = new Set(profile.nextPageTexts.map(linkLabel));
  const selector = profile.selectors.nextPage ?? DEFAULT_NEXT_PAGE;
  const here = withoutHash(pageUrl);
  for (const link of document.querySelectorAll('a[href], link[href]')) {
    const named = [link.textContent, link.getAttribute('title'), link.getAttribute('aria-label')]
      .map((label) => linkLabel(label ?? ''))
      .some((label) => label !== '' && texts.has(label));
    if (!named && !matches(link, selector)) continue;
    const url = withoutHash(absoluteUrl(link.getAttribute('href') ?? '', document.baseURI));
    if (url !== null && url !== here) return url;
  }
  return null;
}

/** A link's text without spaces, arrows and brackets, lower-case: "下一頁 >" → "下一頁". */
function linkLabel(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0<>«»‹›→←〈〉《》[\]()\uff08\uff09|\uff5c]+/g, '')
    .toLowerCase();
}

// ---- Article pages ----------------------------------------------------------------------------

/**
 * One article page. Throws ParseError if the page has neither a title nor a body. Times without a
 * zone are in the profile's zone.
 */
export async function parseArticlePage(
  html: string,
  pageUrl: string,
  profile: SiteProfile,
): Promise<ParsedItem> {
  const document = parseLightDocument(html, pageUrl);
  const labels = profile.labels ?? DEFAULT_LABELS;
  const copyrightPattern = regExp(profile.copyrightPattern ?? DEFAULT_COPYRIGHT, 'u');
  const { selectors } = profile;

  // The template's fields.
  const titleElement = find(document, selectors.title);
  const timeElement = find(document, selectors.time);
  const sourceElement = find(document, selectors.source);
  const editorElement = find(document, selectors.editor);
  const templateBody = find(document, selectors.body);
  const bodyElement = templateBody !== null && hasContent(templateBody) ? templateBody : null;

  // The copyright notice: after the body, or the last one on a page without the template.
  const notice = findNotice(document, bodyElement, copyrightPattern);

  // The body: the template's, else the largest text block.
  let root: HtmlElement | null = bodyElement;
  let readableTitle: string | null = null;
  if (root === null) {
    const readable = await extractReadable(html, pageUrl);
    if (readable !== null) {
      root = parseLightFragment(readable.contentHtml, pageUrl).body;
      readableTitle = readable.title;
    }
  }
  let copyright = notice?.text ?? null;
  let originalTitle: string | null = null;
  let contentHtml: string | null = null;
  let imageUrls: string[] = [];
  if (root !== null) {
    const trailing = removeTrailingNotice(root, copyrightPattern);
    copyright ??= trailing;
    originalTitle = removeOriginalTitle(root, labels.originalTitle);
    imageUrls = absolutizeBody(root, document.baseURI);
    contentHtml = hasContent(root) ? root.innerHTML.trim() : null;
    if (contentHtml === null) imageUrls = [];
  }

  // The meta line: 2019-05-30 08:54:03 | 來源:吉林日報 | 編輯:田東艷 | 責編:劉徵宇
  const infoLine =
    lineAround(timeElement) ??
    lineAround(sourceElement) ??
    lineAround(editorElement) ??
    findInfoLine(document, labels, [root, ...(notice?.elements ?? [])]);
  const fromLine = labelled(infoLine ?? '', labels);

  const title =
    text(titleElement) ||
    text(document.querySelector('h1')) ||
    stripSuffix(text(document.querySelector('title')), profile) ||
    stripSuffix(readableTitle ?? '', profile);
  if (title === '' && contentHtml === null) {
    throw new ParseError(`The page has no article (no title and no text): ${pageUrl}`);
  }
  const summary = contentHtml === null ? '' : summarize(htmlToText(contentHtml));

  return {
    url: pageUrl,
    guid: null,
    title: title === '' ? truncate(summary, 80) : title,
    summary,
    contentHtml,
    author: null,
    publishedAt: publishTime(document, timeElement, infoLine, profile.timeZoneOffsetMinutes),
    sourceName: fieldOf(sourceElement, labels, 'source') ?? fromLine.source,
    editor: fieldOf(editorElement, labels, 'editor') ?? fromLine.editor,
    responsibleEditor: responsibleEditor(document, profile, labels) ?? fromLine.responsibleEditor,
    originalTitle,
    copyright,
    imageUrls,
  };
}

// ---- Fields -----------------------------------------------------------------------------------

type Field = keyof ProfileLabels;
const FIELDS: readonly Field[] = ['source', 'editor', 'responsibleEditor', 'originalTitle'];

/** What the readers below match a profile's labels with: built once per set of labels. */
interface LabelPatterns {
  /** Every label with its field, the longest first (責任編輯 before 編輯). */
  readonly all: readonly { readonly field: Field; readonly label: string }[];
  /** Any label and its colon, anywhere (global: for matchAll). */
  readonly anyLabel: RegExp | null;
  /** A text that starts with any label. */
  readonly startsWithLabel: RegExp;
  /** A text that starts with a 責編 label. */
  readonly startsWithResponsible: RegExp;
  /** A source, editor or 責編 label, anywhere: the meta line of a page without the template. */
  readonly metaLabel: RegExp;
  /** No label holds white space: see `mayStartWith` in dom.ts. */
  readonly plain: boolean;
}

const patternsByLabels = new WeakMap<ProfileLabels, LabelPatterns>();

function patternsOf(labels: ProfileLabels): LabelPatterns {
  let found = patternsByLabels.get(labels);
  if (found !== undefined) return found;
  const alternatives = (list: readonly string[]): string => list.map(escapeRegExp).join('|');
  const all = FIELDS.flatMap((field) => labels[field].map((label) => ({ field, label }))).sort(
    (a, b) => b.label.length - a.label.length,
  );
  found = {
    all,
    anyLabel:
      all.length === 0
        ? null
        : new RegExp(`(${alternatives(all.map((a) => a.label))})${COLON}`, 'g'),
    startsWithLabel: new RegExp(`^(?:${alternatives(FIELDS.flatMap((f) => labels[f]))})${COLON}`),
    startsWithResponsible: new RegExp(`^(?:${alternatives(labels.responsibleEditor)})${COLON}`),
    metaLabel: new RegExp(
      `(?:${alternatives([...labels.source, ...labels.editor, ...labels.responsibleEditor])})${COLON}`,
    ),
    plain: all.every((a) => !/\s/.test(a.label)),
  };
  patternsByLabels.set(labels, found);
  return found;
}

/**
 * The labelled fields of a line such as `來源:吉林日報 | 編輯:田東艷 | 責編:劉徵宇`. A value ends at
 * a separator (|, a run of spaces, a line break) or at the next label; longer labels win, so
 * 責任編輯 is not read as 編輯.
 */
function labelled(line: string, labels: ProfileLabels): Record<Field, string | null> {
  const result: Record<Field, string | null> = {
    source: null,
    editor: null,
    responsibleEditor: null,
    originalTitle: null,
  };
  const { all, anyLabel } = patternsOf(labels);
  if (anyLabel === null) return result;
  const found = [...line.matchAll(anyLabel)];
  found.forEach((match, i) => {
    const field = all.find((a) => a.label === match[1])?.field;
    if (field === undefined || result[field] !== null) return;
    const end = found[i + 1]?.index ?? line.length;
    let value = line.slice(match.index + match[0].length, end);
    if (field !== 'originalTitle') {
      value = value.split(/[|\uff5c\n\r\u3000]|\s{2,}/)[0] ?? '';
      value = value.replace(/^[\s"“「]+|[\s"”」,;。\uff0c\uff1b]+$/g, '');
      if (Array.from(value).length > 40) return;
    }
    value = collapse(value);
    if (value !== '') result[field] = value;
  });
  return result;
}

/** A template field (`來源:吉林日報`, or just `吉林日報`) without its label. */
function fieldOf(element: HtmlElement | null, labels: ProfileLabels, field: Field): string | null {
  const content = element?.textContent ?? '';
  if (collapse(content) === '') return null;
  const value = labelled(content, labels)[field];
  if (value !== null) return value;
  // No label of this kind: the element holds just the value (unless it is some other field).
  const bare = collapse(content);
  return patternsOf(labels).startsWithLabel.test(bare) ? null : bare;
}

/** 責編: its own element if the profile names one, else an element starting with the label. */
function responsibleEditor(
  document: HtmlDocument,
  profile: SiteProfile,
  labels: ProfileLabels,
): string | null {
  const named = profile.selectors.responsibleEditor;
  if (named !== undefined) {
    const value = fieldOf(find(document, named), labels, 'responsibleEditor');
    if (value !== null) return value;
  }
  const { startsWithResponsible: starts, plain } = patternsOf(labels);
  for (const element of document.body.querySelectorAll('*')) {
    const raw = element.textContent ?? '';
    if (plain && !mayStartWith(raw, starts)) continue;
    const content = collapse(raw);
    if (content.length > 60 || !starts.test(content)) continue;
    const value = labelled(content, labels).responsibleEditor;
    if (value !== null) return value;
  }
  return null;
}

/** The text of the line that holds a meta field (its parent), if that line is short. */
function lineAround(element: HtmlElement | null): string | null {
  if (element === null) return null;
  const parent = element.parentElement;
  const line = parent === null ? '' : spaced(parent);
  return line !== '' && line.length <= 300 ? line : spaced(element) || null;
}

/** Without the template: the first short element with a label or a time, outside the body. */
function findInfoLine(
  document: HtmlDocument,
  labels: ProfileLabels,
  outside: readonly (HtmlElement | null)[],
): string | null {
  const anyLabel = patternsOf(labels).metaLabel;
  for (const element of document.body.querySelectorAll('*')) {
    if (outside.some((o) => o !== null && (o === element || o.contains(element)))) continue;
    if (/^(?:script|style|noscript|template)$/i.test(element.tagName)) continue;
    const line = spaced(element);
    if (line.length > 200) continue;
    if (anyLabel.test(line) || DATE_TIME.test(line)) return line;
  }
  return null;
}

const DATE_TIME =
  /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:\uff1a時时]\s*\d{1,2}(?:\s*[:\uff1a分]\s*\d{1,2})?/;

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="publishdate"]',
  'meta[name="PubDate"]',
  'meta[name="pubdate"]',
  'meta[itemprop="datePublished"]',
];

function publishTime(
  document: HtmlDocument,
  timeElement: HtmlElement | null,
  infoLine: string | null,
  offset: number,
): number | null {
  // Tried in order, each only if the ones before it gave no date: the meta look-ups each walk
  // the whole page.
  const candidates: (() => string | null | undefined)[] = [
    () => timeElement?.getAttribute('datetime'),
    () => DATE_TIME.exec(timeElement?.textContent ?? '')?.[0],
    () => timeElement?.textContent,
    ...PUBLISHED_META.map(
      (selector) => () => document.querySelector(selector)?.getAttribute('content'),
    ),
    () => DATE_TIME.exec(infoLine ?? '')?.[0],
  ];
  for (const next of candidates) {
    const candidate = next();
    if (candidate === null || candidate === undefined || candidate.trim() === '') continue;
    const time = parseDate(candidate, offset);
    if (time !== null) return time;
  }
  return null;
}

// ---- Small helpers ----------------------------------------------------------------------------

function stripSuffix(title: string, profile: SiteProfile): string {
  if (profile.titleSuffixPattern === undefined) return collapse(title);
  return collapse(title.replace(regExp(profile.titleSuffixPattern, 'u'), ''));
}

function withoutHash(url: string | null): string | null {
  if (url === null) return null;
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
