/**
 * An XML feed (RSS 0.9x/2.0, RSS 1.0 and 0.90 as RDF, Atom 0.3/1.0) read in one streaming pass
 * with htmlparser2's Parser in XML mode: each item's child elements are kept as text (or, for a
 * body written as markup, the raw markup between its tags), and nothing else of the document is
 * built. Mapping those fields to items is feed.ts's work. Why not a feed library:
 * docs/technotes/0011-sync-speed.md.
 */
import { Parser } from 'htmlparser2';
import { malformedXml, notAFeed } from './feed-errors.ts';

export type XmlFormat = 'rss' | 'rdf' | 'atom';

export interface XmlField {
  readonly attrs: Readonly<Record<string, string>>;
  /** The text inside, entities decoded, CDATA as is. */
  readonly text: string;
  /** The raw markup inside, if there were elements in it (an XHTML body, unescaped HTML). */
  readonly markup: string | null;
  /** The text of each element directly inside, by name (the first of each): an author's name. */
  readonly children: Readonly<Record<string, string>> | null;
}

export interface XmlItem {
  /** The first of each child element, by name ("title", "dc:creator", "atom:link"…). */
  readonly fields: ReadonlyMap<string, XmlField>;
  /** Every `link` and `atom:link` child, in order (Atom has one per relation). */
  readonly links: readonly XmlField[];
  readonly attrs: Readonly<Record<string, string>>;
  /** The item's `xml:base`, resolved against the feed's, else the feed's base, else its URL. */
  readonly base: string;
}

export interface XmlFeed {
  readonly format: XmlFormat;
  readonly title: XmlField | undefined;
  /** An Atom feed's own author, for entries without one. */
  readonly author: string | undefined;
  readonly items: readonly XmlItem[];
}

/**
 * Namespaces by the short name they are matched under, whatever prefix a feed gives them. The
 * vocabularies of the feed formats themselves (and no namespace) are plain names; Atom inside
 * RSS is `atom:`.
 */
const NAMESPACES: Readonly<Record<string, string>> = {
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
};

type Scope = Readonly<Record<string, string>>;

/** Feeds that fail to declare a prefix they use (`dc:creator` with no xmlns:dc) keep the prefix. */
const XML_SCOPE: Scope = { xml: 'http://www.w3.org/XML/1998/namespace' };

function withDeclarations(scope: Scope, attrs: Record<string, string>): Scope {
  let next: Record<string, string> | null = null;
  for (const name in attrs) {
    if (!name.startsWith('xmlns')) continue;
    if (name !== 'xmlns' && name[5] !== ':') continue;
    next ??= { ...scope };
    next[name === 'xmlns' ? '' : name.slice(6)] = attrs[name] ?? '';
  }
  return next ?? scope;
}

interface Open {
  readonly name: string;
  readonly scope: Scope;
}

interface Capture {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly depth: number;
  /** Where the markup inside starts (after the start tag's `>`). */
  readonly from: number;
  text: string;
  elements: boolean;
  children: Record<string, string> | null;
  child: string | null;
  childText: string;
}

interface ItemState {
  readonly depth: number;
  readonly fields: Map<string, XmlField>;
  readonly links: XmlField[];
  readonly attrs: Record<string, string>;
  readonly base: string;
}

/**
 * htmlparser2 mends broken XML in silence: it closes open elements at a mismatched end tag (and
 * reports them as implied, as it does for `<a/>`) and passes over stray end tags. This tells them
 * apart, so that a broken feed is an error, as it was with a strict parser.
 */
class CheckedParser extends Parser {
  /** True while the end of a self-closing tag is being reported: an implied end that is fine. */
  selfClosing = false;
  private readonly source: string;
  private readonly isOpen: (name: string) => boolean;
  private readonly stray: () => void;

  constructor(
    handler: ConstructorParameters<typeof Parser>[0],
    source: string,
    isOpen: (name: string) => boolean,
    stray: () => void,
  ) {
    super(handler, { xmlMode: true, decodeEntities: false });
    this.source = source;
    this.isOpen = isOpen;
    this.stray = stray;
  }

  override onselfclosingtag(endIndex: number): void {
    this.selfClosing = true;
    super.onselfclosingtag(endIndex);
    this.selfClosing = false;
  }

  override onclosetag(start: number, endIndex: number): void {
    if (!this.isOpen(this.source.slice(start, endIndex))) this.stray();
    super.onclosetag(start, endIndex);
  }
}

const NAMED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * XML's five entities and character references, decoded. The parser leaves them to this: its own
 * decoder (a trie for every HTML entity) cost more than the rest of its tokenizing, and only the
 * text of the fields kept needs it. A scan rather than a replace with a callback: escaped HTML
 * bodies hold an entity every few characters, and the callback per match was a tenth of the
 * feed parse. Anything else that starts with `&` is left as it is.
 */
export function decodeXml(text: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let copied = 0;
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1) break;
    const decoded = entity(text.slice(amp + 1, semi));
    if (decoded === null) {
      amp = text.indexOf('&', amp + 1);
    } else {
      out += text.slice(copied, amp) + decoded;
      copied = semi + 1;
      amp = text.indexOf('&', copied);
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const DECIMAL = /^#\d{1,7}$/;
const HEX = /^#[xX][0-9a-fA-F]{1,6}$/;

/** The text of one reference (`amp`, `#38`, `#x26`), or null if it is none of XML's. */
function entity(body: string): string | null {
  const named = NAMED.get(body);
  if (named !== undefined) return named;
  let code: number;
  if (DECIMAL.test(body)) code = Number(body.slice(1));
  else if (HEX.test(body)) code = parseInt(body.slice(2), 16);
  else return null;
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

function decodedAttributes(attrs: Record<string, string>): Record<string, string> {
  for (const name in attrs) attrs[name] = decodeXml(attrs[name] ?? '');
  return attrs;
}

const XHTML_DIV = /^\s*<(?:[\w.-]+:)?div\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?div>\s*$/;

/** Reads an XML feed; throws ParseError for malformed XML and for XML that is not a feed. */
export function readXmlFeed(source: string, feedUrl: string): XmlFeed {
  // Set from the parser's callbacks, which TypeScript's flow analysis does not follow.
  const state: { format: XmlFormat | null; malformed: boolean } = {
    format: null,
    malformed: false,
  };
  let base = feedUrl;
  const stack: Open[] = [];
  let container = -1; // depth of the channel (RSS, RDF) or the feed (Atom), when inside it
  let item: ItemState | null = null;
  let capture: Capture | null = null;
  let cdata = false;
  let title: XmlField | undefined;
  let author: string | undefined;
  const items: XmlItem[] = [];

  const canonical = (raw: string, scope: Scope): string => {
    const colon = raw.indexOf(':');
    const prefix = colon === -1 ? '' : raw.slice(0, colon);
    const local = colon === -1 ? raw : raw.slice(colon + 1);
    const uri = scope[prefix];
    if (uri === undefined) return raw;
    const short = NAMESPACES[uri];
    if (short === undefined) return raw;
    if (short === '' || (short === 'atom' && state.format === 'atom')) return local;
    return `${short}:${local}`;
  };

  const finish = (open: Capture, end: number): XmlField => {
    let markup: string | null = null;
    if (open.elements) {
      markup = source.slice(open.from, end);
      markup = XHTML_DIV.exec(markup)?.[1] ?? markup;
    }
    return { attrs: open.attrs, text: open.text, markup, children: open.children };
  };

  const parser: CheckedParser = new CheckedParser(
    {
      onopentag(raw, rawAttrs) {
        const attrs = decodedAttributes(rawAttrs);
        const parent = stack[stack.length - 1];
        const scope = withDeclarations(parent?.scope ?? XML_SCOPE, attrs);
        stack.push({ name: raw, scope });
        const depth = stack.length;
        if (capture !== null) {
          capture.elements = true;
          if (depth === capture.depth + 1) {
            capture.child = canonical(raw, scope);
            capture.childText = '';
          }
          return;
        }
        const name = canonical(raw, scope);
        if (state.format === null) {
          state.format = formatOf(name);
          if (state.format === null) throw NOT_A_FEED;
          base = baseOf(attrs, base);
          if (state.format === 'atom') container = depth;
          return;
        }
        if (item !== null) {
          if (depth === item.depth + 1) capture = open(name, attrs, depth);
          return;
        }
        if (name === (state.format === 'atom' ? 'entry' : 'item')) {
          item = { depth, fields: new Map(), links: [], attrs, base: baseOf(attrs, base) };
        } else if (name === 'channel' && state.format !== 'atom' && container === -1) {
          container = depth;
          base = baseOf(attrs, base);
        } else if (depth === container + 1 && (name === 'title' || name === 'author')) {
          capture = open(name, attrs, depth);
        }
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
      },
      ontext(raw) {
        if (capture === null) return;
        const text = cdata ? raw : decodeXml(raw);
        capture.text += text;
        if (capture.child !== null) capture.childText += text;
      },
      onclosetag(_raw, implied) {
        if (implied && !parser.selfClosing) state.malformed = true;
        const depth = stack.length;
        stack.pop();
        if (capture !== null) {
          if (depth === capture.depth + 1 && capture.child !== null) {
            capture.children ??= {};
            capture.children[capture.child] ??= capture.childText;
            capture.child = null;
          }
          if (depth !== capture.depth) return;
          const field = finish(capture, parser.startIndex);
          if (item !== null) {
            if (capture.name === 'link' || capture.name === 'atom:link') item.links.push(field);
            if (!item.fields.has(capture.name)) item.fields.set(capture.name, field);
          } else if (capture.name === 'title') title ??= field;
          else author ??= nameOf(field);
          capture = null;
          return;
        }
        if (item !== null && depth === item.depth) {
          items.push(item);
          item = null;
        } else if (depth === container) container = -1;
      },
    },
    source,
    (name) => stack.some((open) => open.name === name),
    () => {
      state.malformed = true;
    },
  );

  const open = (name: string, attrs: Record<string, string>, depth: number): Capture => ({
    name,
    attrs,
    depth,
    from: parser.endIndex + 1,
    text: '',
    elements: false,
    children: null,
    child: null,
    childText: '',
  });

  try {
    parser.end(source);
  } catch (error) {
    if (error === NOT_A_FEED) throw notAFeed(source);
    throw error;
  }
  if (state.format === null) throw notAFeed(source);
  if (state.malformed) throw malformedXml(source);
  return { format: state.format, title, author, items };
}

/** Thrown from inside the parser to stop it at a root that is no feed's. */
const NOT_A_FEED = new Error('not a feed');

/** A person's name: the text of their `name` element (Atom), if any. */
export function nameOf(person: XmlField | undefined): string | undefined {
  const name = person?.children?.name?.trim() ?? '';
  return name === '' ? undefined : name;
}

function formatOf(root: string): XmlFormat | null {
  switch (root) {
    case 'rss':
    case 'channel':
      return 'rss';
    case 'rdf:RDF':
      return 'rdf';
    case 'feed':
    case 'atom:feed':
      return 'atom';
    default:
      return null;
  }
}

function baseOf(attrs: Record<string, string>, base: string): string {
  const raw = attrs['xml:base'];
  if (raw === undefined) return base;
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return base;
  }
}
