/**
 * A feed item's body with its links and images made absolute, in one pass of htmlparser2's
 * tokenizer: the `<a>` and `<img>` tags that change are written anew and everything else is copied
 * from the source as it is, so no tree is built and nothing is serialized again. The same rules as
 * absolutizeBody (extract.ts), which works on a DOM for portal pages.
 * Why: docs/technotes/0011-sync-speed.md.
 */
import { Parser } from 'htmlparser2';
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

/**
 * Past this depth an element keeps only its text: a hostile body 10,000 elements deep is no
 * article's real markup, and whatever walks the stored body later (a DOM, a serializer) may
 * recurse.
 */
const MAX_DEPTH = 256;

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly html: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function tag(name: string, attrs: Readonly<Record<string, string>>): string {
  let html = `<${name}`;
  for (const key in attrs) html += ` ${key}="${escapeAttribute(attrs[key] ?? '')}"`;
  return `${html}>`;
}

/** The new `src` of an image (null: drop it; undefined: leave it), and its absolute URL. */
function imageSource(
  attrs: Readonly<Record<string, string>>,
  baseUrl: string,
): { src: string | null | undefined; url: string | null } {
  const src = attrs.src?.trim() ?? '';
  const lazy = LAZY_SOURCES.map((name) => attrs[name]?.trim() ?? '').find((v) => v !== '');
  const chosen = lazy !== undefined && (src === '' || PLACEHOLDER_SRC.test(src)) ? lazy : src;
  const url = absoluteUrl(chosen, baseUrl);
  if (url !== null) return { src: url, url };
  return { src: src !== '' && !src.startsWith('data:') ? null : undefined, url: null };
}

/**
 * `withHtml: false` is for a body that is only read for its text and images (a summary): its
 * links are left as they are and no new HTML is put together.
 */
export function absolutizeHtml(html: string, baseUrl: string, withHtml = true): AbsoluteBody {
  const images: string[] = [];
  const edits: Edit[] = [];
  const text: string[] = [];
  let depth = 0;
  let hidden = 0;
  const parser: Parser = new Parser({
    onopentag(name, attrs, implied) {
      depth += 1;
      if (NON_TEXT.has(name)) hidden += 1;
      if (implied) return;
      const from = parser.startIndex;
      const to = parser.endIndex + 1;
      if (depth > MAX_DEPTH) {
        edits.push({ from, to, html: '' });
        return;
      }
      if (!withHtml && name !== 'img') return;
      let changed = false;
      if (name === 'img') {
        const { src, url } = imageSource(attrs, baseUrl);
        if (url !== null && !images.includes(url)) images.push(url);
        if (src === null) {
          delete attrs.src;
          changed = true;
        } else if (src !== undefined && src !== attrs.src) {
          attrs.src = src;
          changed = true;
        }
      } else if (name === 'a' && attrs.href !== undefined) {
        const url = absoluteUrl(attrs.href, baseUrl);
        if (url !== null && url !== attrs.href) {
          attrs.href = url;
          changed = true;
        }
      }
      if (changed) edits.push({ from, to, html: tag(name, attrs) });
    },
    ontext(data) {
      if (hidden === 0) text.push(data);
    },
    onclosetag(name, implied) {
      if (NON_TEXT.has(name)) hidden -= 1;
      else if (hidden === 0 && BLOCK.test(name)) text.push('\n');
      // An end tag past the depth limit goes with its start tag; an implied one has no source.
      if (depth > MAX_DEPTH && !implied) {
        edits.push({ from: parser.startIndex, to: parser.endIndex + 1, html: '' });
      }
      depth -= 1;
    },
  });
  parser.end(html);
  if (!withHtml) return { html: '', images, text: text.join('') };
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += html.slice(at, edit.from) + edit.html;
    at = edit.to;
  }
  out += html.slice(at);
  return { html: out.trim(), images, text: text.join('') };
}
