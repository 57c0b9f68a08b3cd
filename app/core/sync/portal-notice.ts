/**
 * The copyright notice and the 原題 (original title) line of portal articles: found, taken out of
 * the body, and returned as fields. Apart from portal.ts because it is a self-contained block of
 * DOM surgery that the rest of the article reader only calls.
 */
import { htmlToText } from '../sanitize.ts';
import { blockText, COLON, escapeRegExp, mayStartWith, text } from './dom.ts';
import type { HtmlDocument, HtmlElement } from './extract.ts';
import { collapse } from './feed.ts';

const BLOCK =
  /^(?:p|div|section|article|blockquote|h[1-6]|li|ul|ol|dl|table|tbody|tr|td|center|pre)$/i;
/** Longer than this, a block that starts with the notice holds more than the notice. */
const NOTICE_MAX = 3000;

export interface Notice {
  readonly elements: readonly HtmlElement[];
  readonly text: string;
}

/**
 * The copyright notice: the first block after the body that starts with it, or (on a page without
 * the template's body) the last one. A heading alone ("…的聲明:") takes the list after it along.
 */
export function findNotice(
  document: HtmlDocument,
  body: HtmlElement | null,
  pattern: RegExp,
): Notice | null {
  const all = [...document.body.querySelectorAll('*')];
  const start = body === null ? 0 : all.indexOf(body) + 1;
  const outermost: HtmlElement[] = [];
  for (const element of all.slice(start)) {
    if (body?.contains(element) === true) continue;
    if (/^(?:script|style|noscript|template)$/i.test(element.tagName)) continue;
    if (outermost.some((o) => o.contains(element))) continue;
    if (startsWithNotice(element, pattern)) outermost.push(element);
  }
  let element = body === null ? outermost.at(-1) : outermost[0];
  if (element === undefined) return null;
  // Down to the block that starts with the notice (a footer may start with it and hold more).
  for (;;) {
    const inner: HtmlElement | undefined = Array.from(element.children).find(
      (child) => BLOCK.test(child.tagName) && startsWithNotice(child, pattern),
    );
    if (inner === undefined) break;
    element = inner;
  }
  const elements = [element, ...noticeContinuation(element)];
  return {
    elements,
    text: elements
      .map(blockText)
      .filter((t) => t !== '')
      .join('\n'),
  };
}

function startsWithNotice(element: HtmlElement, pattern: RegExp): boolean {
  return pattern.test(collapse(element.textContent ?? ''));
}

/** The list (or numbered paragraphs) after a notice that is only a heading. */
function noticeContinuation(heading: HtmlElement): HtmlElement[] {
  if (collapse(heading.textContent ?? '').length > 80) return [];
  const more: HtmlElement[] = [];
  let total = 0;
  for (let next = heading.nextElementSibling; next !== null; next = next.nextElementSibling) {
    const content = collapse(next.textContent ?? '');
    const isList = /^(?:ul|ol|dl)$/i.test(next.tagName);
    if (!isList && !/^[•·\-*]?\s*\d{1,2}\s*[、.．)\uff09]/.test(content)) break;
    total += content.length;
    if (total > NOTICE_MAX) break;
    more.push(next);
  }
  return more;
}

/**
 * A notice at the very end of the body (inside it): removed, its text returned. Only a block that
 * ends the body, or a heading followed by nothing but its list, counts.
 */
export function removeTrailingNotice(root: HtmlElement, pattern: RegExp): string | null {
  let scope = root;
  // Through wrappers that hold everything (Readability's page div, an <article>).
  while (scope.children.length === 1) {
    const only = scope.children[0];
    if (only === undefined || !BLOCK.test(only.tagName)) break;
    scope = only;
  }
  const children = Array.from(scope.children);
  for (let i = children.length - 1; i >= 0 && i >= children.length - 3; i -= 1) {
    const child = children[i];
    if (child === undefined || !startsWithNotice(child, pattern)) continue;
    const parts = children.slice(i);
    const continuation = noticeContinuation(child);
    if (parts.length !== 1 + continuation.length) return null;
    const noticeText = parts
      .map(blockText)
      .filter((t) => t !== '')
      .join('\n');
    parts.forEach((part) => {
      part.remove();
    });
    return noticeText;
  }
  return null;
}

const originalTitlePatterns = new WeakMap<
  readonly string[],
  { readonly starts: RegExp; readonly plain: boolean }
>();

/** A text that starts with one of these 原題 labels; built once per profile. */
function originalTitlePattern(labels: readonly string[]): {
  readonly starts: RegExp;
  readonly plain: boolean;
} {
  let found = originalTitlePatterns.get(labels);
  if (found === undefined) {
    found = {
      starts: new RegExp(`^(?:${labels.map(escapeRegExp).join('|')})${COLON}`),
      plain: labels.every((label) => !/\s/.test(label)),
    };
    originalTitlePatterns.set(labels, found);
  }
  return found;
}

/** Removes the 原題 paragraph from the body; returns the original title without its label. */
export function removeOriginalTitle(root: HtmlElement, labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  const { starts, plain } = originalTitlePattern(labels);
  let paragraph: HtmlElement | null = null;
  for (const element of root.querySelectorAll('*')) {
    const raw = element.textContent ?? '';
    if (plain && !mayStartWith(raw, starts)) continue;
    if (starts.test(collapse(raw))) {
      paragraph = element;
      break;
    }
  }
  if (paragraph === null) return null;
  // The outermost match may be a wrapper of the whole body: go down to the paragraph itself.
  for (;;) {
    const inner: HtmlElement | undefined = Array.from(paragraph.children).find(
      (child) => BLOCK.test(child.tagName) && starts.test(collapse(child.textContent ?? '')),
    );
    if (inner === undefined) break;
    paragraph = inner;
  }
  // 原題:…<br>the first paragraph: only the first line is the original title.
  const lines = paragraph.innerHTML.split(/<br\s*\/?>/i);
  const rest = lines.slice(1).join('<br>');
  const firstLine = collapse(htmlToText(lines[0] ?? ''));
  const value = collapse((rest.trim() === '' ? text(paragraph) : firstLine).replace(starts, ''));
  if (collapse(htmlToText(rest)) === '') paragraph.remove();
  else paragraph.innerHTML = rest.replace(/^(?:\s|&nbsp;|<br\s*\/?>)+/i, '');
  return value === '' ? null : value;
}
