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
