/**
 * Turns the bytes of a feed or page into text. Chinese regional sites are the reason this is more
 * than `TextDecoder`: many still serve GBK or Big5, and a fair number declare one of those while
 * actually sending UTF-8 (a CMS was migrated and the template header was not).
 */
import { TextDecoder } from 'node:util';
import { decodeBig5 } from './big5.ts';

export type TextKind = 'html' | 'xml' | 'json';

export interface Decoded {
  readonly text: string;
  readonly charset: string;
  /** the declared charset was wrong and was overridden */
  readonly overridden: boolean;
}

// The WHATWG decoder for every GB label is GB18030, a superset, so a page labelled gb2312 that
// uses a GBK-only character still reads correctly.
const GB_LABELS = new Set(['gb2312', 'gbk', 'x-gbk', 'cp936', 'gb_2312-80', 'gb18030']);
// Node's Big5 decoder maps a number of Hong Kong characters (HKSCS) to private-use code points,
// which show as boxes; iconv-lite's big5hkscs table maps them to the real ideographs (big5.ts).
const BIG5_LABELS = new Set(['big5', 'big5-hkscs', 'x-x-big5', 'cn-big5']);

/** How far into an HTML document a `<meta charset>` is looked for, as browsers do. */
const HTML_SNIFF_BYTES = 2048;
/** The XML declaration must come first, so a short prefix is enough. */
const XML_SNIFF_BYTES = 512;

export function decodeText(bytes: Uint8Array, contentType: string | null, kind: TextKind): Decoded {
  const bom = bomOf(bytes);
  if (bom !== null) return decodeWith(bom.charset, bytes.subarray(bom.length), false);

  const declared = kind === 'json' ? null : (declaredCharset(bytes, contentType, kind) ?? null);
  if (declared === null) return decodeWith('utf-8', bytes, false);

  const decoder = webDecoder(declared);
  const family = familyOf(declared, decoder);
  if (family !== null && isNonAsciiUtf8(bytes)) return decodeWith('utf-8', bytes, true);
  if (family === 'gb') return decodeWith('gb18030', bytes, false);
  if (family === 'big5') return decodeWith('big5-hkscs', bytes, false);

  // A UTF-16 label found by reading the document as ASCII cannot be true (the label itself would
  // not have been readable), so browsers treat it as UTF-8 and so do we.
  if (decoder === null || decoder.encoding.startsWith('utf-16')) {
    return decodeWith('utf-8', bytes, false);
  }
  return { text: stripBom(decoder.decode(bytes)), charset: decoder.encoding, overridden: false };
}

/** Also catches the rarer WHATWG aliases (csgb2312, chinese, csbig5, ...) via the decoder. */
function familyOf(label: string, decoder: TextDecoder | null): 'gb' | 'big5' | null {
  if (GB_LABELS.has(label) || decoder?.encoding === 'gbk' || decoder?.encoding === 'gb18030') {
    return 'gb';
  }
  if (BIG5_LABELS.has(label) || decoder?.encoding === 'big5') return 'big5';
  return null;
}

function decodeWith(charset: string, bytes: Uint8Array, overridden: boolean): Decoded {
  const text =
    charset === 'big5-hkscs'
      ? decodeBig5(bytes)
      : new TextDecoder(charset, { ignoreBOM: true }).decode(bytes);
  return { text: stripBom(text), charset, overridden };
}

function bomOf(bytes: Uint8Array): { charset: string; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The charset label the server or the document claims, lower-cased, or undefined if none. */
function declaredCharset(
  bytes: Uint8Array,
  contentType: string | null,
  kind: 'html' | 'xml',
): string | undefined {
  const fromHeader = contentType === null ? undefined : charsetParam(contentType);
  if (fromHeader !== undefined) return fromHeader;
  return kind === 'xml' ? xmlDeclEncoding(bytes) : htmlMetaCharset(bytes);
}

function charsetParam(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  return normalizeLabel(match?.[1] ?? match?.[2]);
}

function xmlDeclEncoding(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, XML_SNIFF_BYTES);
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/i.exec(head);
  return normalizeLabel(match?.[1]);
}

function htmlMetaCharset(bytes: Uint8Array): string | undefined {
  // Comments are dropped first so a commented-out old meta tag does not win.
  const head = latin1(bytes, HTML_SNIFF_BYTES).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  // One pattern serves both `<meta charset=gbk>` and the http-equiv form, whose content
  // attribute ends in `charset=gbk`.
  const match = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(head);
  return normalizeLabel(match?.[1]);
}

function latin1(bytes: Uint8Array, limit: number): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, limit));
}

function normalizeLabel(label: string | undefined): string | undefined {
  const trimmed = label?.trim().toLowerCase();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function webDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
