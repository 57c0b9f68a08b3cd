/**
 * Which script an article was published in, from the characters only one script uses.
 *
 * A character is Traditional-only when OpenCC's Traditional-to-Simplified conversion changes it
 * (長, 發), and Simplified-only when the Simplified-to-Traditional conversion changes it (长, 发).
 * Most characters are neither (四, 平, 通): they say nothing. The few that change both ways (麼,
 * 蘊 and their like, variants of each other) are left out too. Both sets come from opencc-js's own
 * dictionaries, one character at a time, read at build time (opencc-chars.ts).
 */
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './char-tables.generated.ts';
import type { SourceScript } from '../../shared/articles.ts';

/** Only the start of a long text is read: a few thousand characters decide as well as all. */
const SAMPLE_LENGTH = 4000;
/** Fewer distinctive characters than this is not enough to tell. */
const MIN_EVIDENCE = 2;
/** The winning script needs at least this many times the other's distinctive characters. */
const MARGIN = 2;

const NEITHER = 0;
const TRADITIONAL = 1;
const SIMPLIFIED = 2;

let table: Uint8Array | null = null;

function buildTable(): Uint8Array {
  const map = new Uint8Array(0x10000);
  for (let i = 0; i < TRADITIONAL_ONLY.length; i += 1)
    map[TRADITIONAL_ONLY.charCodeAt(i)] = TRADITIONAL;
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i += 1)
    map[SIMPLIFIED_ONLY.charCodeAt(i)] = SIMPLIFIED;
  return map;
}

/**
 * 'hant' or 'hans' when the text's script-specific characters are clearly one script's (at least
 * two of them, and at least twice as many as the other's); 'unknown' when there are too few to
 * tell (short titles, shared characters only, other languages) or the two are close.
 */
export function detectScript(text: string): SourceScript {
  const map = (table ??= buildTable());
  const end = Math.min(text.length, SAMPLE_LENGTH);
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < end; i += 1) {
    const kind = map[text.charCodeAt(i)] ?? NEITHER;
    if (kind === TRADITIONAL) traditional += 1;
    else if (kind === SIMPLIFIED) simplified += 1;
  }
  if (traditional >= MIN_EVIDENCE && traditional >= MARGIN * simplified) return 'hant';
  if (simplified >= MIN_EVIDENCE && simplified >= MARGIN * traditional) return 'hans';
  return 'unknown';
}
