/**
 * Script folding for search: every character is mapped to one representative, so that text in
 * Simplified and Traditional script (and Taiwan and Hong Kong variants) fold to the same string.
 * The index and the query go through the same fold, so a query in either script finds both.
 *
 * The fold is character by character and length-preserving (one UTF-16 unit in, one out), which
 * keeps match offsets in folded text valid in the original: that is how snippets are highlighted.
 * It comes from OpenCC's own dictionaries (opencc-js, read at build time into
 * char-tables.generated.ts), not from a hand-made table, plus a few variants OpenCC leaves alone
 * (docs/technotes/0004-search.md).
 */
import { FOLD_FROM, FOLD_TO } from './char-tables.generated.ts';

/** Variants OpenCC keeps apart that readers treat as the same character. */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  馀: '余',
  枱: '台',
  着: '著',
  峯: '峰',
  羣: '群',
  綫: '线',
};

let table: Uint16Array | null = null;
const utf16 = new TextDecoder('utf-16le');

function buildTable(): Uint16Array {
  const map = new Uint16Array(0x10000);
  for (let i = 0; i < map.length; i += 1) map[i] = i;
  // ASCII and full-width forms fold to lower-case ASCII.
  for (let c = 0x41; c <= 0x5a; c += 1) map[c] = c + 0x20;
  for (let c = 0xff01; c <= 0xff5e; c += 1) {
    const ascii = c - 0xfee0;
    map[c] = ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
  }
  map[0x3000] = 0x20; // ideographic space
  // Latin letters with diacritics (the tokenizer's word characters, U+00C0–U+024F) fold to lower
  // case too, where lower case is one unit: Ü → ü, É → é (İ, whose lower case is two, stays).
  for (let c = 0xc0; c <= 0x24f; c += 1) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) map[c] = lower.charCodeAt(0);
  }

  // Traditional (OpenCC standard), Taiwan and Hong Kong forms, each to Simplified: read from
  // OpenCC's dictionaries at build time (opencc-chars.ts), not on a reader's first search.
  for (let i = 0; i < FOLD_FROM.length; i += 1)
    map[FOLD_FROM.charCodeAt(i)] = FOLD_TO.charCodeAt(i);
  for (const [variant, target] of Object.entries(EXTRA_FOLDS)) {
    if (variant.length === 1 && target.length === 1)
      map[variant.charCodeAt(0)] = map[target.charCodeAt(0)] ?? 0;
  }
  return map;
}

/** The fold table itself, for hot loops that fold and tokenize in one pass. */
export function foldTable(): Uint16Array {
  return (table ??= buildTable());
}

/** The folded form of `text`: same length, one representative per character. */
export function fold(text: string): string {
  const map = (table ??= buildTable());
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = map[text.charCodeAt(i)] ?? 0;
  return utf16.decode(out);
}
