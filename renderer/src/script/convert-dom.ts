/**
 * Script conversion of a DOM subtree: text nodes only. Markup, attributes (href, src, alt,
 * title…) and text that is not prose (code, preformatted text, elements marked translate="no")
 * are left exactly as published.
 *
 * DOM API only, through the nodes it is given (no `document`, `Node` or other globals), so it runs
 * on a live document, an inert DOMParser document or linkedom in unit tests alike.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose text is not converted, nor anything inside them. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

const BLANK = /^\s*$/;

/** True for an element whose subtree keeps its text as published. */
function isVerbatim(element: Element): boolean {
  if (VERBATIM.has(element.localName.toLowerCase())) return true;
  const translate = element.getAttribute('translate');
  return translate !== null && translate.trim().toLowerCase() === 'no';
}

function convertText(text: Text, convert: (text: string) => string): void {
  const data = text.data;
  if (BLANK.test(data)) return;
  const converted = convert(data);
  // Only write when something changed: no needless mutation (or layout) for unchanged text.
  if (converted !== data) text.data = converted;
}

/**
 * Converts the data of every Text node under `root` (and `root` itself if it is one) with
 * `convert`, except inside code, pre, kbd, samp, script, style, textarea and elements with
 * translate="no" (the whole subtree). Attributes are never touched; empty and whitespace-only
 * nodes are not passed to `convert`.
 */
export function convertTextNodes(root: Node, convert: (text: string) => string): void {
  if (root.nodeType === TEXT_NODE) {
    convertText(root as Text, convert);
    return;
  }
  if (root.nodeType === ELEMENT_NODE && isVerbatim(root as Element)) return;
  // Iterative depth-first walk: no recursion, so deep markup cannot overflow the stack.
  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) convertText(node as Text, convert);
    else if (node.nodeType === ELEMENT_NODE) descend = !isVerbatim(node as Element);
    if (descend && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    // Next sibling, or the next sibling of the nearest ancestor that has one (below root).
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    node = node === null || node === root ? null : node.nextSibling;
  }
}
