/**
 * A feed item's body with its links and images made absolute, read with htmlparser2 alone: the
 * same rules as absolutizeBody (extract.ts), without building a full DOM document (linkedom) for
 * each item, which was half the cost of reading a feed (docs/technotes/0008-sync-speed.md).
 */
import render from 'dom-serializer';
import { isTag, isText, Text, type ChildNode, type Document, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { absoluteUrl, LAZY_SOURCES, PLACEHOLDER_SRC } from './extract.ts';

export interface AbsoluteBody {
  readonly html: string;
  /** The images' absolute URLs, in order, once each. */
  readonly images: readonly string[];
  /**
   * Its text, a line break after each block and `<br>` (as htmlToText, before its clean-up), from
   * the same parse: a summary needs no second one.
   */
  readonly text: string;
}

const BLOCK = /^(?:p|div|h\d|li|tr|blockquote|figcaption|br)$/;
const NON_TEXT = new Set(['script', 'style', 'textarea', 'noscript', 'template']);

function textOf(nodes: readonly ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (isText(node)) out.push(node.data);
    else if (isTag(node)) {
      if (NON_TEXT.has(node.name)) continue;
      textOf(node.children, out);
      if (BLOCK.test(node.name)) out.push('\n');
    }
  }
}

/**
 * Past this depth an element keeps only its text: the walks below and the serializer recurse, and a
 * hostile body 10,000 elements deep would overflow the stack (and is no article's real markup).
 */
const MAX_DEPTH = 256;

/** Flattens every element at MAX_DEPTH into its text, without recursion. */
function flattenDeep(document: Document): void {
  const pending: [ChildNode, number][] = document.children.map((c) => [c, 1]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (!isTag(node)) continue;
    if (depth < MAX_DEPTH) {
      for (const child of node.children) pending.push([child, depth + 1]);
      continue;
    }
    const parts: string[] = [];
    const inside: ChildNode[] = [...node.children].reverse();
    for (let n = inside.pop(); n !== undefined; n = inside.pop()) {
      if (isText(n)) parts.push(n.data);
      else if (isTag(n)) for (const child of [...n.children].reverse()) inside.push(child);
    }
    const text = new Text(parts.join(''));
    text.parent = node;
    node.children = [text];
  }
}

export function absolutizeHtml(html: string, baseUrl: string): AbsoluteBody {
  const document = parseDocument(html);
  flattenDeep(document);
  const images: string[] = [];
  const visit = (element: Element): void => {
    if (element.name === 'img') {
      const attrs = element.attribs;
      const src = attrs.src?.trim() ?? '';
      const lazy = LAZY_SOURCES.map((name) => attrs[name]?.trim() ?? '').find((v) => v !== '');
      const chosen = lazy !== undefined && (src === '' || PLACEHOLDER_SRC.test(src)) ? lazy : src;
      const absolute = absoluteUrl(chosen, baseUrl);
      if (absolute === null) {
        if (src !== '' && !src.startsWith('data:')) delete attrs.src;
      } else {
        attrs.src = absolute;
        if (!images.includes(absolute)) images.push(absolute);
      }
    } else if (element.name === 'a' && element.attribs.href !== undefined) {
      const absolute = absoluteUrl(element.attribs.href, baseUrl);
      if (absolute !== null) element.attribs.href = absolute;
    }
    for (const child of element.children) if (isTag(child)) visit(child);
  };
  for (const child of document.children) if (isTag(child)) visit(child);
  const text: string[] = [];
  textOf(document.children, text);
  return { html: render(document, { encodeEntities: 'utf8' }).trim(), images, text: text.join('') };
}
