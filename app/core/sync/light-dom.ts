/**
 * The typed DOM view of extract.ts (HtmlDocument, HtmlElement) over htmlparser2's own tree
 * (domhandler) with css-select for selectors: what a portal's list and article pages are read
 * with. linkedom built a full DOM for every page, each node an EventTarget, which was most of the
 * CPU and the garbage of a portal sync (docs/technotes/0011-sync-speed.md). Readability still
 * gets linkedom's document (extract.ts), for the pages without a known template.
 */
import { compile, is, selectAll, selectOne } from 'css-select';
import render from 'dom-serializer';
import {
  isCDATA,
  isTag,
  isText,
  type AnyNode,
  type ChildNode,
  type Document,
  type Element,
  type ParentNode,
} from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { absoluteUrl, type HtmlDocument, type HtmlElement } from './extract.ts';

type Query = ReturnType<typeof compile<AnyNode, AnyNode>>;

/** Profiles use a handful of selectors over and over: each is compiled once. */
const compiled = new Map<string, Query>();

function query(selector: string): Query {
  let found = compiled.get(selector);
  if (found === undefined) {
    found = compile<AnyNode, AnyNode>(selector);
    if (compiled.size < 500) compiled.set(selector, found);
  }
  return found;
}

function one(selector: string, root: AnyNode): Element | null {
  const found = selectOne(query(selector), root);
  return found !== null && isTag(found) ? found : null;
}

function all(selector: string, root: ParentNode): Element[] {
  // Every element, in document order: what the portal readers scan a page with, several times per
  // page; a plain walk costs a fraction of css-select's matching of `*`.
  if (selector === '*') return descendants(root);
  return selectAll(query(selector), root).filter(isTag);
}

function descendants(root: ParentNode): Element[] {
  const out: Element[] = [];
  const pending: AnyNode[] = [];
  const pushChildren = (parent: ParentNode): void => {
    for (let i = parent.children.length - 1; i >= 0; i -= 1) {
      const child = parent.children[i];
      if (child !== undefined) pending.push(child);
    }
  };
  pushChildren(root);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (!isTag(next)) continue;
    out.push(next);
    pushChildren(next);
  }
  return out;
}

function textOf(node: ParentNode): string {
  let out = '';
  const pending: AnyNode[] = [...node.children].reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (isText(next)) out += next.data;
    else if (isTag(next) || isCDATA(next)) {
      for (let i = next.children.length - 1; i >= 0; i -= 1) {
        const child = next.children[i];
        if (child !== undefined) pending.push(child);
      }
    }
  }
  return out;
}

/** Replaces a node's children, keeping domhandler's parent and sibling links right. */
function setChildren(parent: ParentNode, children: ChildNode[]): void {
  for (const old of parent.children) {
    old.parent = null;
    old.prev = null;
    old.next = null;
  }
  children.forEach((child, i) => {
    child.parent = parent;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
  parent.children = children;
}

/**
 * Where an element keeps its wrapper. A property on the node, not a WeakMap: the portal readers
 * wrap every element of a page (`querySelectorAll('*')`), and WeakMap inserts were the largest
 * self time of a portal sync and a load on the collector (docs/technotes/0011-sync-speed.md).
 */
const WRAPPER = Symbol('LightElement');

interface Wrapped extends Element {
  [WRAPPER]: LightElement | undefined;
}

/** One wrapper per element, so that elements compare equal as DOM elements do. */
function wrap(element: Element): LightElement {
  const node = element as Wrapped;
  return (node[WRAPPER] ??= new LightElement(element));
}

function wrapOrNull(element: Element | null): LightElement | null {
  return element === null ? null : wrap(element);
}

class LightElement implements HtmlElement {
  readonly node: Element;

  constructor(node: Element) {
    this.node = node;
  }

  get tagName(): string {
    return this.node.name.toUpperCase();
  }

  get textContent(): string {
    return textOf(this.node);
  }

  get innerHTML(): string {
    return render(this.node.children, { encodeEntities: 'utf8' });
  }

  set innerHTML(html: string) {
    setChildren(this.node, parseDocument(html).children);
  }

  get parentElement(): LightElement | null {
    const parent = this.node.parent;
    return parent !== null && isTag(parent) ? wrap(parent) : null;
  }

  get nextElementSibling(): LightElement | null {
    for (let next = this.node.next; next !== null; next = next.next) {
      if (isTag(next)) return wrap(next);
    }
    return null;
  }

  get children(): LightElement[] {
    return this.node.children.filter(isTag).map(wrap);
  }

  getAttribute(name: string): string | null {
    return this.node.attribs[name.toLowerCase()] ?? null;
  }

  setAttribute(name: string, value: string): void {
    this.node.attribs[name.toLowerCase()] = value;
  }

  removeAttribute(name: string): void {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- an attribute map
    delete this.node.attribs[name.toLowerCase()];
  }

  querySelector(selector: string): LightElement | null {
    return wrapOrNull(one(selector, this.node));
  }

  querySelectorAll(selector: string): LightElement[] {
    return all(selector, this.node).map(wrap);
  }

  matches(selector: string): boolean {
    return is(this.node, query(selector));
  }

  contains(other: HtmlElement): boolean {
    if (!(other instanceof LightElement)) return false;
    for (let node: ParentNode | null = other.node; node !== null; node = node.parent) {
      if (node === this.node) return true;
    }
    return false;
  }

  remove(): void {
    const parent = this.node.parent;
    if (parent === null) return;
    setChildren(
      parent,
      parent.children.filter((child) => child !== this.node),
    );
  }
}

function firstTag(nodes: readonly ChildNode[], name: string): Element | null {
  for (const node of nodes) if (isTag(node) && node.name === name) return node;
  return null;
}

/**
 * A whole page (or a fragment, which is wrapped first) as an HtmlDocument. `baseURI` is the page's
 * `<base href>`, else `url`.
 */
export function parseLightDocument(html: string, url: string): HtmlDocument {
  return /<html[\s>]/i.test(html) ? parseMarkup(html, url) : parseLightFragment(html, url);
}

/** An HTML fragment as an HtmlDocument: its content is `body`. */
export function parseLightFragment(html: string, url: string): HtmlDocument {
  return parseMarkup(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`, url);
}

function parseMarkup(markup: string, url: string): HtmlDocument {
  const document: Document = parseDocument(markup);
  const root = firstTag(document.children, 'html');
  const rootElement = root ?? one('*', document);
  if (rootElement === null) return parseLightFragment('', url);
  // htmlparser2 makes no <body> a page leaves out: the whole page stands for it then.
  const body = firstTag(rootElement.children, 'body') ?? one('body', document) ?? rootElement;
  const base = one('base[href]', document)?.attribs.href ?? null;
  const baseURI = (base !== null ? absoluteUrl(base, url) : null) ?? url;
  return {
    documentElement: wrap(rootElement),
    body: wrap(body),
    baseURI,
    querySelector: (selector) => wrapOrNull(one(selector, document)),
    querySelectorAll: (selector) => all(selector, document).map(wrap),
  };
}
