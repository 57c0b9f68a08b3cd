/**
 * Small helpers for reading portal pages through the typed linkedom view of extract.ts: selector
 * look-ups that survive a broken profile selector, element text in the shapes the parsers compare,
 * and the label pattern (`來源:`) of the meta line. Shared by portal.ts and portal-notice.ts, so
 * neither imports the other.
 */
import { htmlToText } from '../sanitize.ts';
import type { HtmlDocument, HtmlElement } from './extract.ts';
import { collapse } from './feed.ts';

/** A colon, full-width or not, with any spaces around it. */
export const COLON = String.raw`[\s\u3000\u00a0]*[:\uff1a\ufe55][\s\u3000\u00a0]*`;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiledRegExps = new Map<string, RegExp>();

/**
 * `new RegExp(source, flags)`, compiled once: a profile's patterns are read on every page of a
 * sync. Not for global or sticky patterns, whose lastIndex would be shared.
 */
export function regExp(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let found = compiledRegExps.get(key);
  if (found === undefined) {
    found = new RegExp(source, flags);
    if (compiledRegExps.size < 200) compiledRegExps.set(key, found);
  }
  return found;
}

/**
 * False when `collapse(text)` cannot match `labelPattern`, a pattern anchored at a label without
 * white space and followed by COLON: such a label reads the same at the start of the raw text
 * once trimmed. The scans of every element of a page test each one so, and collapsing each
 * element's text (the whole page's, for the outermost) was most of their time.
 */
export function mayStartWith(text: string, labelPattern: RegExp): boolean {
  return labelPattern.test(text.trimStart());
}

export function find(document: HtmlDocument, selector: string): HtmlElement | null {
  if (selector.trim() === '') return null;
  try {
    return document.querySelector(selector);
  } catch {
    return null; // a profile with a broken selector reads like a page without that field
  }
}

export function matches(element: HtmlElement, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

export function text(element: HtmlElement | null): string {
  return collapse(element?.textContent ?? '');
}

/** An element's text with its blocks and line breaks as spaces-separated parts, on one line. */
export function spaced(element: HtmlElement): string {
  return htmlToText(element.innerHTML)
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('  ');
}

/** An element's text, one block a line. */
export function blockText(element: HtmlElement): string {
  const html = /^li$/i.test(element.tagName) ? `<li>${element.innerHTML}</li>` : element.innerHTML;
  return htmlToText(`<div>${html}</div>`)
    .split('\n')
    .map((line) => collapse(line))
    .filter((line) => line !== '')
    .join('\n');
}

export function hasContent(element: HtmlElement): boolean {
  return collapse(element.textContent ?? '') !== '' || element.querySelector('img') !== null;
}
