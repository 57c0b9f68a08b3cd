/**
 * Tokens for the full-text index (docs/technotes/0004-search.md). Text is folded (fold.ts), then
 * cut into runs: a run of CJK characters becomes each of its characters alone plus its
 * overlapping bigrams; a run of letters and digits becomes one lower-case word plus its first
 * character alone. FTS5 indexes these with the `ascii` tokenizer (space-separated, no positions),
 * which is several times faster to fill than the trigram tokenizer and answers 1-character (one
 * exact unigram), 2-character (one bigram) and longer queries (all bigrams, then checked against
 * the text).
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

// Scratch space reused by every call (the tokenizer is synchronous): the output buffer (UTF-8),
// and two "seen in this document" sets that a new document empties by bumping a stamp.
let out = Buffer.allocUnsafe(16384);
/** Per UTF-16 code: the stamp of the last document it was emitted for as a unigram. */
const charSeen = new Uint32Array(0x10000);
/** Open addressing over bigram keys (prev << 16 | next); a slot counts only with this stamp. */
let pairKeys = new Int32Array(4096);
let pairSeen = new Uint32Array(4096);
let stamp = 0;

function nextStamp(length: number): void {
  if (pairKeys.length < length * 2) {
    let size = pairKeys.length;
    while (size < length * 2) size <<= 1;
    pairKeys = new Int32Array(size);
    pairSeen = new Uint32Array(size);
  }
  stamp += 1;
  if (stamp === 0xffffffff) {
    charSeen.fill(0);
    pairSeen.fill(0);
    stamp = 1;
  }
}

function firstPair(key: number): boolean {
  const mask = pairKeys.length - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> 0;
  for (;;) {
    slot &= mask;
    if (pairSeen[slot] !== stamp) {
      pairSeen[slot] = stamp;
      pairKeys[slot] = key;
      return true;
    }
    if (pairKeys[slot] === key) return false;
    slot += 1;
  }
}

/** Writes one BMP code unit as UTF-8 at `o`; returns the new offset. Tokens hold no surrogates. */
function put(buf: Buffer, o: number, code: number): number {
  if (code < 0x80) {
    buf[o] = code;
    return o + 1;
  }
  if (code < 0x800) {
    buf[o] = 0xc0 | (code >> 6);
    buf[o + 1] = 0x80 | (code & 0x3f);
    return o + 2;
  }
  buf[o] = 0xe0 | (code >> 12);
  buf[o + 1] = 0x80 | ((code >> 6) & 0x3f);
  buf[o + 2] = 0x80 | (code & 0x3f);
  return o + 3;
}

/**
 * The tokens stored in the index for a document, as UTF-8 (what SQLite stores; writing the bytes
 * directly saves decoding a string and better-sqlite3 encoding it again), from its parts (title, summary, body; no
 * token spans two parts): folded, every distinct CJK character alone and every distinct bigram of
 * a CJK run; words whole, plus their first character alone (so a 1-character query is one exact
 * token, never a prefix scan). Each token is written once per document, since the index keeps
 * no positions or counts. One pass, no intermediate strings: this is the hot path of every insert.
 */
export function indexTokenBytes(...parts: readonly string[]): Buffer {
  const map = foldTable();
  const kind = (kinds ??= kindTable());
  let length = 0;
  for (const part of parts) length += part.length;
  // Worst case: a space, a new unigram and a new bigram for every character: 12 bytes.
  if (out.length < length * 12 + 1) out = Buffer.allocUnsafe(length * 12 + 1);
  nextStamp(length);
  const buf = out;
  const seen = charSeen;
  const now = stamp;
  let o = 0;
  for (const text of parts) {
    let prevKind: number = Kind.Other;
    let prev = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = map[text.charCodeAt(i)] ?? 0;
      const k = kind[code] ?? Kind.Other;
      if (k === Kind.Cjk) {
        if (prevKind === Kind.Word) buf[o++] = SPACE;
        if (seen[code] !== now) {
          seen[code] = now;
          o = put(buf, o, code);
          buf[o++] = SPACE;
        }
        if (prevKind === Kind.Cjk && firstPair((prev << 16) | code)) {
          o = put(buf, put(buf, o, prev), code);
          buf[o++] = SPACE;
        }
        prev = code;
      } else if (k === Kind.Word) {
        if (prevKind !== Kind.Word && seen[code] !== now) {
          seen[code] = now;
          o = put(buf, o, code);
          buf[o++] = SPACE;
        }
        o = put(buf, o, code);
      } else if (prevKind === Kind.Word) buf[o++] = SPACE;
      prevKind = k;
    }
    if (prevKind === Kind.Word) buf[o++] = SPACE;
  }
  if (o > 0 && buf[o - 1] === SPACE) o -= 1;
  // A copy: the scratch buffer is reused, and a batch keeps its tokens until it writes the index.
  return Buffer.from(buf.subarray(0, o));
}

/** indexTokenBytes as a string (migrations, tests). */
export function indexTokens(...parts: readonly string[]): string {
  return indexTokenBytes(...parts).toString('utf8');
}

/**
 * The index tokens of an article. A summary that is the start of the body (as feeds often make
 * it) adds no token the body does not have, so it is not tokenized twice.
 */
export function searchTokenBytes(title: string, summary: string, text: string): Buffer {
  return summaryInBody(summary, text)
    ? indexTokenBytes(title, text)
    : indexTokenBytes(title, summary, text);
}

/** searchTokenBytes as a string (migrations, tests). */
export function searchTokens(title: string, summary: string, text: string): string {
  return searchTokenBytes(title, summary, text).toString('utf8');
}

function summaryInBody(summary: string, text: string): boolean {
  if (summary.length === 0) return true;
  if (!text.startsWith(summary)) return false;
  // A word cut short at the end of the summary would be a token of its own.
  const kind = (kinds ??= kindTable());
  const map = foldTable();
  const lastKind = kind[map[summary.charCodeAt(summary.length - 1)] ?? 0];
  const nextKind =
    summary.length < text.length ? kind[map[text.charCodeAt(summary.length)] ?? 0] : Kind.Other;
  return !(lastKind === Kind.Word && nextKind === Kind.Word);
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
      // The last word may be unfinished: match it as a prefix; a single letter or digit is the
      // token the index keeps for every word's first character.
      const last = index === runs.length - 1;
      terms.push(last && t.length > 1 ? `${quote(t)}*` : quote(t));
      needsCheck ||= !last;
    } else if (t.length === 1) {
      terms.push(quote(t));
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
