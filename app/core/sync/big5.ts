/**
 * Big5 decoding: iconv-lite's big5hkscs table is the one that reads Hong Kong characters (HKSCS)
 * right, where Node's decoder gives private-use code points (boxes), U+FFFD, or, for some byte
 * pairs, nothing at all. But iconv-lite decodes in JavaScript, ≈ 3× slower than Node's decoder:
 * it was 15 % of the feed-parsing benchmark (docs/technotes/0011-sync-speed.md). So a document
 * goes through Node's decoder when every byte of it decodes there exactly as in iconv-lite, and
 * through iconv-lite otherwise. Which byte pairs those are is worked out once, from the two
 * decoders themselves, the first time a Big5 document is read.
 */
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';

const FIRST_LEAD = 0x81;
const LAST_LEAD = 0xfe;
const FIRST_TRAIL = 0x40;
const LAST_TRAIL = 0xfe;
const TRAILS = LAST_TRAIL - FIRST_TRAIL + 1;

const native = new TextDecoder('big5');
/** Byte pairs that Node's decoder reads as iconv-lite does: 1 at (lead − 0x81) × TRAILS + … */
let samePairs: Uint8Array | null = null;

function pairIndex(lead: number, trail: number): number {
  return (lead - FIRST_LEAD) * TRAILS + (trail - FIRST_TRAIL);
}

/**
 * Every candidate pair, each followed by a line feed, decoded by both: a line feed is never part
 * of a pair, so each decoder's output splits into one piece per pair whatever it made of it.
 */
function comparePairs(): Uint8Array {
  const count = (LAST_LEAD - FIRST_LEAD + 1) * TRAILS;
  const bytes = new Uint8Array(count * 3);
  for (let lead = FIRST_LEAD; lead <= LAST_LEAD; lead += 1)
    for (let trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail += 1) {
      const at = pairIndex(lead, trail) * 3;
      bytes[at] = lead;
      bytes[at + 1] = trail;
      bytes[at + 2] = 0x0a;
    }
  const ours = native.decode(bytes).split('\n');
  const theirs = iconv.decode(Buffer.from(bytes), 'big5hkscs').split('\n');
  const same = new Uint8Array(count);
  // Should either decoder ever swallow a line feed, the pieces would not line up: then no pair is
  // trusted and every document goes through iconv-lite.
  if (ours.length !== count + 1 || theirs.length !== count + 1) return same;
  for (let i = 0; i < count; i += 1) {
    const piece = ours[i] ?? '';
    if (piece === theirs[i] && piece.length > 0 && !/[\ue000-\uf8ff\ufffd]/.test(piece))
      same[i] = 1;
  }
  return same;
}

/** True when Node's decoder reads all of `bytes` as iconv-lite's big5hkscs would. */
function nativeReadsAlike(bytes: Uint8Array): boolean {
  const same = (samePairs ??= comparePairs());
  const n = bytes.length;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    if (b < FIRST_LEAD || b > LAST_LEAD || trail < FIRST_TRAIL || trail > LAST_TRAIL) return false;
    if (same[pairIndex(b, trail)] !== 1) return false;
    i += 1;
  }
  return true;
}

/** Big5 (with HKSCS) bytes as text; a byte order mark, if any, is kept. */
export function decodeBig5(bytes: Uint8Array): string {
  return nativeReadsAlike(bytes)
    ? native.decode(bytes)
    : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5hkscs', {
        stripBOM: false,
      });
}
