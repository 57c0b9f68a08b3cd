/**
 * The one HTML allowlist for article bodies (synced or imported): text structure, links and
 * images only. No scripts, styles, event handlers, frames, forms; links http(s) only; images
 * http(s) or our own cache. sanitize-html does the parsing (htmlparser2), so nothing here parses
 * HTML by hand.
 */
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'small',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
    'div',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // No style attribute is allowed, so there is nothing to parse; the bundles leave postcss out
  // (scripts/postcss-stub.cjs), which this keeps from ever being asked.
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
  ],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
  },
};
// rel and target are added by us, after the allowlist check.
OPTIONS.allowedAttributes = {
  ...(OPTIONS.allowedAttributes as object),
  a: ['href', 'title', 'rel', 'target'],
};

/** Images served from the local cache keep their `/images/<id>` path. */
const LOCAL_IMAGE = /^\/images\/\d+$/;

export interface SanitizeOptions {
  /** The page's URL: relative links and image sources are resolved against it. */
  readonly baseUrl?: string;
  /** Maps an image's absolute URL to what the stored HTML should use (the local cache path). */
  readonly imageSrc?: (absoluteUrl: string) => string | null;
}

export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  const resolve = (value: string | undefined): string | undefined => {
    if (value === undefined || options.baseUrl === undefined || LOCAL_IMAGE.test(value))
      return value;
    try {
      return new URL(value, options.baseUrl).href;
    } catch {
      return undefined;
    }
  };
  return sanitizeHtml(html, {
    ...OPTIONS,
    transformTags: {
      ...OPTIONS.transformTags,
      a: (tagName, attribs) => {
        const href = resolve(attribs.href);
        return {
          tagName,
          attribs: {
            ...attribs,
            ...(href === undefined ? {} : { href }),
            rel: 'noopener noreferrer',
            target: '_blank',
          },
        };
      },
      img: (tagName, attribs) => {
        const absolute = resolve(attribs.src);
        const src =
          absolute !== undefined && options.imageSrc ? options.imageSrc(absolute) : absolute;
        const rest = Object.fromEntries(Object.entries(attribs).filter(([name]) => name !== 'src'));
        return { tagName, attribs: src === null || src === undefined ? rest : { ...rest, src } };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImage(frame.attribs.src),
  });
}

/** The absolute http(s) URLs of the images in an HTML fragment, in order, without duplicates. */
export function imageUrlsIn(html: string, baseUrl: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name !== 'img') return;
      const url = URL.parse(attribs.src ?? '', baseUrl);
      if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return;
      if (!found.includes(url.href)) found.push(url.href);
    },
  });
  parser.end(html);
  return found;
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Article HTML that sanitizeArticleHtml already cleaned, with each image pointing at what
 * `imageSrc` says (the local copy), or left out where it says null: what sanitizeArticleHtml's
 * `imageSrc` does, without sanitizing the whole body a second time. Only the `<img>` tags are
 * written anew; the rest is copied as it is.
 */
export function localizeImages(
  html: string,
  imageSrc: (absoluteUrl: string) => string | null,
): string {
  let out = '';
  let at = 0;
  const parser: Parser = new Parser({
    onopentag(name, attribs, implied) {
      if (name !== 'img' || implied) return;
      const src = attribs.src === undefined ? null : imageSrc(attribs.src);
      out += html.slice(at, parser.startIndex);
      at = parser.endIndex + 1;
      if (src === null) return;
      let tag = '<img';
      for (const key in attribs) {
        if (key !== 'src') tag += ` ${key}="${escapeAttribute(attribs[key] ?? '')}"`;
      }
      out += `${tag} src="${escapeAttribute(src)}" />`;
    },
  });
  parser.end(html);
  return out + html.slice(at);
}

function isAllowedImage(src: string | undefined): boolean {
  return src !== undefined && (LOCAL_IMAGE.test(src) || /^https?:\/\//i.test(src));
}

/** Plain text of an HTML fragment (for search and snippets). */
export function htmlToText(html: string): string {
  // Text with no tag and no entity is its own text: most feed summaries are, and sanitize-html
  // would only escape and decode it again.
  const text = /[<&]/.test(html) ? markupToText(html) : html;
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCK_END = /^(?:p|div|h\d|li|tr|blockquote|figcaption)$/;
const NON_TEXT = new Set(['script', 'style', 'textarea', 'noscript', 'template']);

/**
 * The text of an HTML fragment, a line break after each block and `<br>`, straight from
 * htmlparser2's events: sanitize-html built and escaped a whole output for it, the largest cost of
 * reading a feed item after the XML (docs/technotes/0011-sync-speed.md).
 */
function markupToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser({
    onopentag(name) {
      if (NON_TEXT.has(name)) hidden += 1;
      else if (name === 'br' && hidden === 0) parts.push('\n');
    },
    ontext(text) {
      if (hidden === 0) parts.push(text);
    },
    onclosetag(name, implied) {
      if (NON_TEXT.has(name)) hidden -= 1;
      else if (!implied && hidden === 0 && BLOCK_END.test(name)) parts.push('\n');
    },
  });
  parser.end(html);
  return parts.join('');
}
