/**
 * Sources as OPML 2.0 and back, with feedsmith's OPML reader and writer. Feeds are outlines of
 * type "rss" with an xmlUrl, portals outlines of type "link" with a url (OPML 2.0's own types);
 * a source's region travels as the category "/<region>", the reader's tab as a folder (an outline
 * without a URL holding the tab's sources), the way NetNewsWire, Fluent Reader and Inoreader
 * write their folders.
 */
import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import * as v from 'valibot';
import { NewsApiError } from '../../shared/errors.ts';
import { PLACE_REGION_IDS, type PlaceRegionId } from '../../shared/regions.ts';
import { FeedUrlSchema, type SourceStatus } from '../../shared/sync.ts';
import { MAX_TAB_NAME } from '../../shared/tabs.ts';
import { hostOf } from './source-names.ts';

/** A feed found in an OPML file. `url` is null when the xmlUrl is not an http(s) URL. */
export interface OpmlFeed {
  readonly url: string | null;
  readonly title: string | null;
  readonly region: PlaceRegionId | null;
  /** The innermost folder (outline without xmlUrl) holding it, by its text; null at the top. */
  readonly folder: string | null;
}

const TITLE = 'Heitu Reader sources';

/**
 * OPML 2.0 requires at least one outline, and feedsmith refuses to write a body without one; a
 * library without sources (an empty sources file) still exports a document the importer reads.
 */
const EMPTY = `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head>
    <title>${TITLE}</title>
  </head>
  <body/>
</opml>
`;

/** Every source under its name, the reader's tabs as folders (`tabs`: id → name, in order). */
export function sourcesToOpml(
  sources: readonly SourceStatus[],
  tabs: ReadonlyMap<number, string>,
  now: number,
): string {
  if (sources.length === 0) return EMPTY;
  const outline = (s: SourceStatus): Opml.Outline<Date> => {
    const named = { text: s.name, title: s.name };
    const place = s.region === null ? {} : { category: `/${s.region}` };
    return s.type === 'feed'
      ? { ...named, type: 'rss', xmlUrl: s.url, ...place }
      : { ...named, type: 'link', url: s.url, ...place };
  };
  const loose = sources.filter((s) => s.tab === null || !tabs.has(s.tab)).map(outline);
  const folders = [...tabs]
    .map(([id, name]): Opml.Outline<Date> => ({
      text: name,
      title: name,
      outlines: sources.filter((s) => s.tab === id).map(outline),
    }))
    .filter((folder) => (folder.outlines?.length ?? 0) > 0);
  const outlines = [...loose, ...folders];
  return generateOpml({
    head: { title: TITLE, dateCreated: new Date(now) },
    body: { outlines },
  });
}

/** Every outline with an xmlUrl, nested ones too, in document order. BAD_ARGUMENT if not OPML. */
export function feedsInOpml(text: string): OpmlFeed[] {
  const depth = outlineDepth(text);
  if (depth > MAX_OUTLINE_DEPTH)
    throw new NewsApiError(
      'BAD_ARGUMENT',
      `That OPML file nests its outlines ${depth} deep; Heitu Reader reads folders up to ${MAX_OUTLINE_DEPTH} deep. Nothing was imported.`,
    );
  let document: Opml.Document<string>;
  try {
    document = parseOpml(text);
  } catch (error) {
    throw new NewsApiError(
      'BAD_ARGUMENT',
      `That is not an OPML file (${(error as Error).message}). Nothing was imported.`,
      { cause: error },
    );
  }
  const feeds: OpmlFeed[] = [];
  // Depth first, in document order, without recursion (a hostile file may nest deeply).
  type Held = readonly [Opml.Outline<string>, string | null];
  const top = document.body?.outlines ?? [];
  const stack: Held[] = top.map((o): Held => [o, null]).reverse();
  for (let held = stack.pop(); held !== undefined; held = stack.pop()) {
    const [outline, folder] = held;
    const raw: unknown = outline.xmlUrl;
    const isFeed = typeof raw === 'string' && raw.trim() !== '';
    const inner = isFeed ? folder : (folderName(outline) ?? folder);
    for (const child of [...(outline.outlines ?? [])].reverse()) stack.push([child, inner]);
    if (!isFeed) continue;
    const parsed = v.safeParse(FeedUrlSchema, raw);
    feeds.push({
      url: parsed.success ? parsed.output : null,
      title: titleOf(outline, raw.trim()),
      region: regionOf(outline.category),
      folder,
    });
  }
  return feeds;
}

/** feedsmith's parser refuses deeper nesting with only "Invalid OPML format". */
const MAX_OUTLINE_DEPTH = 100;

/** How deep outline elements nest, by their tags alone (without parsing, which a depth breaks). */
function outlineDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const tag of text.matchAll(/<(\/?)outline\b[^>]*?(\/?)>/gi)) {
    if (tag[1] === '/') depth -= 1;
    else {
      deepest = Math.max(deepest, depth + 1);
      if (tag[2] !== '/') depth += 1;
    }
  }
  return deepest;
}

/**
 * The outline's title or text; none when it only repeats the URL or its host (as an export names a
 * feed that has no title), so the feed's own title names it once fetched.
 */
function titleOf(outline: Opml.Outline<string>, url: string): string | null {
  for (const candidate of [outline.title, outline.text]) {
    if (typeof candidate !== 'string') continue;
    const title = candidate.trim().slice(0, 200);
    if (title !== '' && title !== url && title !== hostOf(url)) return title;
  }
  return null;
}

/** A folder's name: its text (or title), cut to a tab name's length. */
function folderName(outline: Opml.Outline<string>): string | null {
  for (const candidate of [outline.text, outline.title]) {
    if (typeof candidate !== 'string') continue;
    const name = candidate.trim().slice(0, MAX_TAB_NAME).trim();
    if (name !== '') return name;
  }
  return null;
}

/** The first place named in a category ("/yanbian", "news/changchun,foo"), if any. */
function regionOf(category: unknown): PlaceRegionId | null {
  if (typeof category !== 'string') return null;
  for (const part of category.split(/[,/]/)) {
    const id = part.trim().toLowerCase();
    const found = PLACE_REGION_IDS.find((r) => r === id);
    if (found !== undefined) return found;
  }
  return null;
}
