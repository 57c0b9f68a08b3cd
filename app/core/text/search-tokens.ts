/**
 * Tokens for the full-text index (docs/technotes/0004-search.md). Text is folded (fold.ts), then
 * cut into runs: a run of CJK characters becomes its overlapping bigrams plus its last character
 * alone; a run of letters and digits becomes one lower-case word. FTS5 indexes these with the
 * `ascii` tokenizer (space-separated, no positions), which is several times faster to fill than
 * the trigram tokenizer and answers 1-character (prefix index), 2-character (one bigram) and
 * longer queries (all bigrams, then checked against the text).
 */
import { fold, foldTable } from './fold.ts';

const Kind = { Other: 0, Cjk: 1, Word: 2 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function kindOf(code: number): Kind {
  if (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0xac00 && code <= 0xd7af) // hangul syllables
  ) {
    return Kind.Cjk;
  }
  if (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f)
  ) {
    return Kind.Word;
  }
  return Kind.Other;
}

/** Runs of CJK characters and of word characters in already folded text. */
export function runsOf(folded: string): { text: string; cjk: boolean }[] {
  const runs: { text: string; cjk: boolean }[] = [];
  let start = 0;
  let kind: Kind = Kind.Other;
  for (let i = 0; i <= folded.length; i += 1) {
    const k = i < folded.length ? kindOf(folded.charCodeAt(i)) : Kind.Other;
    if (k !== kind) {
      if (kind !== Kind.Other) runs.push({ text: folded.slice(start, i), cjk: kind === Kind.Cjk });
      start = i;
      kind = k;
    }
  }
  return runs;
}

let kinds: Uint8Array | null = null;

function kindTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < t.length; c += 1) t[c] = kindOf(c);
  return t;
}

const SPACE = 0x20;
const utf16 = new TextDecoder('utf-16le');

/**
 * The token string stored in the index for a document: folded, CJK runs as bigrams plus their
 * last character, words whole. One pass over the text, no intermediate strings: this is the hot
 * path of every insert.
 */
export function indexTokens(text: string): string {
  const map = foldTable();
  const kind = (kinds ??= kindTable());
  const out = new Uint16Array(text.length * 3 + 1);
  // The index keeps no positions or counts, so each bigram is written once per document.
  const seen = seenTable(text.length);
  let o = 0;
  let prevKind: number = Kind.Other;
  let prev = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = map[text.charCodeAt(i)] ?? 0;
    const k = kind[code] ?? Kind.Other;
    if (k === Kind.Cjk) {
      if (prevKind === Kind.Cjk && firstSighting(seen, (prev << 16) | code)) {
        out[o++] = prev;
        out[o++] = code;
        out[o++] = SPACE;
      } else if (prevKind === Kind.Word) out[o++] = SPACE;
      prev = code;
    } else {
      if (prevKind === Kind.Cjk && firstSighting(seen, prev)) {
        out[o++] = prev;
        out[o++] = SPACE;
      }
      if (k === Kind.Word) out[o++] = code;
      else if (prevKind === Kind.Word) out[o++] = SPACE;
    }
    prevKind = k;
  }
  if (prevKind === Kind.Cjk && firstSighting(seen, prev)) out[o++] = prev;
  return utf16.decode(out.subarray(0, o));
}

/** An open-addressing set of 32-bit keys (0 means empty), sized for one document. */
function seenTable(length: number): Int32Array {
  let size = 64;
  while (size < length * 2) size <<= 1;
  return new Int32Array(size);
}

function firstSighting(table: Int32Array, key: number): boolean {
  const mask = table.length - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> 0;
  for (;;) {
    slot &= mask;
    const held = table[slot];
    if (held === key) return false;
    if (held === 0) {
      table[slot] = key;
      return true;
    }
    slot += 1;
  }
}

export interface ParsedQuery {
  /** FTS5 MATCH expression; empty when the query has nothing searchable. */
  readonly match: string;
  /** Folded runs that must each occur in a hit's folded text. */
  readonly runs: readonly string[];
  /** True when the index alone can give false positives (3+ characters, several bigrams). */
  readonly needsCheck: boolean;
}

const quote = (token: string): string => `"${token.replaceAll('"', '""')}"`;

export function parseQuery(query: string): ParsedQuery {
  const runs = runsOf(fold(query.normalize('NFKC')));
  const terms: string[] = [];
  let needsCheck = false;
  for (const [index, run] of runs.entries()) {
    const t = run.text;
    if (!run.cjk) {
      // The last word may be unfinished: match it as a prefix.
      terms.push(index === runs.length - 1 ? `${quote(t)}*` : quote(t));
      needsCheck ||= index !== runs.length - 1;
    } else if (t.length === 1) {
      terms.push(`${quote(t)}*`);
    } else {
      const bigrams = new Set<string>();
      for (let i = 0; i + 1 < t.length; i += 1) bigrams.add(t.slice(i, i + 2));
      for (const b of bigrams) terms.push(quote(b));
      needsCheck ||= t.length > 2;
    }
  }
  // Word tokens are whole words in the index, so a word inside a longer word needs the check too.
  needsCheck ||= runs.length > 1;
  return { match: terms.join(' AND '), runs: runs.map((r) => r.text), needsCheck };
}
