/**
 * Articles as the CLI shows them in a chosen script: every text field converted from the
 * article's own script, HTML converted in its text nodes only (never tags, attributes, URLs, or
 * <code>/<pre>), and search highlights kept on the converted match.
 */
import sanitizeHtml from 'sanitize-html';
import type { Article, ArticleSummary, Highlight, SearchHit } from '../../shared/articles.ts';
import {
  createScriptConverter,
  type ScriptConverter,
  type UserEntry,
} from '../../shared/script-convert.ts';
import type { ScriptMode } from '../../shared/settings.ts';

/** A converter to `mode` with the reader's own dictionary (settings.userDictionary) on top. */
export function converterFor(
  mode: ScriptMode,
  userDictionary: readonly UserEntry[] = [],
): ScriptConverter {
  return createScriptConverter(mode, userDictionary);
}

const nullable = (
  c: ScriptConverter,
  text: string | null,
  source: Article['script'],
): string | null => (text === null ? null : c.convert(text, source));

export function convertSummary<T extends ArticleSummary>(c: ScriptConverter, a: T): T {
  if (c.mode === 'original') return a;
  return {
    ...a,
    title: c.convert(a.title, a.script),
    snippet: c.convert(a.snippet, a.script),
    sourceName: nullable(c, a.sourceName, a.script),
  };
}

export function convertHit(c: ScriptConverter, hit: SearchHit): SearchHit {
  if (c.mode === 'original') return hit;
  const snippet = convertMarked(c, hit.snippet, hit.highlights, hit.script);
  const title = convertMarked(c, hit.title, hit.titleHighlights, hit.script);
  return {
    ...convertSummary(c, hit),
    title: title.text,
    titleHighlights: title.highlights,
    snippet: snippet.text,
    highlights: snippet.highlights,
  };
}

/**
 * Converts `text` piece by piece, so a highlight still covers exactly the match even when a
 * conversion (臺灣 phrases) changes the length.
 */
function convertMarked(
  c: ScriptConverter,
  text: string,
  marks: readonly Highlight[],
  script: SearchHit['script'],
): { text: string; highlights: Highlight[] } {
  let out = '';
  let at = 0;
  const highlights: Highlight[] = [];
  for (const h of marks) {
    out += c.convert(text.slice(at, h.start), script);
    const match = c.convert(text.slice(h.start, h.start + h.length), script);
    highlights.push({ start: out.length, length: match.length });
    out += match;
    at = h.start + h.length;
  }
  out += c.convert(text.slice(at), script);
  return { text: out, highlights };
}

export function convertArticle(c: ScriptConverter, a: Article): Article {
  if (c.mode === 'original') return a;
  return {
    ...convertSummary(c, a),
    editor: nullable(c, a.editor, a.script),
    responsibleEditor: nullable(c, a.responsibleEditor, a.script),
    originalTitle: nullable(c, a.originalTitle, a.script),
    copyright: nullable(c, a.copyright, a.script),
    author: nullable(c, a.author, a.script),
    contentHtml: convertHtmlText(a.contentHtml, (text) => c.convert(text, a.script)),
  };
}

/** Applies `convert` to the text nodes of (already sanitised) HTML, outside <code> and <pre>. */
export function convertHtmlText(html: string, convert: (text: string) => string): string {
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: false,
    // Attributes pass as they are: postcss (left out of the bundles) is never asked.
    parseStyleAttributes: false,
    textFilter: (text, tagName) => (tagName === 'code' || tagName === 'pre' ? text : convert(text)),
  });
}
