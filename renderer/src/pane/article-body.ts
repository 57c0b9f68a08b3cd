/**
 * An article's body HTML, parsed once into an inert fragment ready to be cloned into the reading
 * pane. The server has already sanitised the HTML; this is a second, defensive pass plus the
 * attributes the pane wants (links open outside, images load lazily).
 *
 * DOM API only, through the parser and nodes it is given (no globals), so it runs on linkedom in
 * unit tests.
 */

/** What the pane needs of a DOMParser: text/html parsing into an inert document. */
export interface HtmlParser {
  parseFromString(html: string, type: 'text/html'): Document;
}

/** Elements that never belong in an article body: removed with everything inside them. */
const DROPPED = 'script, iframe, frame, frameset, object, embed, applet, base, meta, link, portal';

/** Attributes holding a URL, checked for script schemes. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster']);

/** javascript:, vbscript: (control characters and whitespace in the scheme are ignored). */
const SCRIPT_URL = /^(?:java|vb)script:/i;
// eslint-disable-next-line no-control-regex -- browsers drop these from a URL's scheme.
const URL_NOISE = /[\u0000-\u0020\u007f]+/g;

function isScriptUrl(value: string): boolean {
  return SCRIPT_URL.test(value.replace(URL_NOISE, ''));
}

/** Drops event handler attributes, srcdoc and script URLs from one element. */
function scrubAttributes(element: Element): void {
  for (const name of element.getAttributeNames()) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'srcdoc') element.removeAttribute(name);
    else if (URL_ATTRIBUTES.has(lower) && isScriptUrl(element.getAttribute(name) ?? '')) {
      element.removeAttribute(name);
    }
  }
}

/** An h1 in the body becomes an h2: the pane's one h1 is the article's title. */
function demoteHeading(heading: Element): void {
  const doc = heading.ownerDocument;
  const h2 = doc.createElement('h2');
  for (const name of heading.getAttributeNames()) {
    h2.setAttribute(name, heading.getAttribute(name) ?? '');
  }
  h2.append(...Array.from(heading.childNodes));
  heading.replaceWith(h2);
}

/**
 * The body of a parsed document, made safe and ready for the pane: dangerous elements and
 * attributes dropped, every link opening outside (target=_blank, rel=noopener noreferrer), every
 * image lazy (loading=lazy, decoding=async; src kept), h1 demoted to h2. Text is left as
 * published. The nodes stay owned by `doc`, so while they are not in a live document they are
 * inert (no image loads, no scripts).
 */
export function prepareArticleBody(doc: Document): DocumentFragment {
  const body = doc.body;
  for (const element of Array.from(body.querySelectorAll(DROPPED))) element.remove();
  for (const element of Array.from(body.querySelectorAll('*'))) scrubAttributes(element);
  for (const link of Array.from(body.querySelectorAll('a[href], area[href]'))) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  for (const image of Array.from(body.querySelectorAll('img'))) {
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
  }
  for (const heading of Array.from(body.querySelectorAll('h1'))) demoteHeading(heading);
  const fragment = doc.createDocumentFragment();
  fragment.append(...Array.from(body.childNodes));
  return fragment;
}

/** Parses `html` (inert: scripts never run, images never load) and prepares its body. */
export function parseArticleBody(html: string, parser: HtmlParser): DocumentFragment {
  return prepareArticleBody(parser.parseFromString(html, 'text/html'));
}
