/**
 * Which of the channel's place regions an article is about, from the place names in its title and
 * text (app/shared/gazetteer.ts).
 *
 * Both the text and the gazetteer go through the search fold (fold.ts), so a name matches in either
 * script. The text is read left to right, taking at each position the longest name (or `NOT_PLACES`
 * phrase) that starts there and carrying on after it: 長白山保護開發區 is one mention of the zone,
 * not also one of 白山; 二道江 is not 二道區; 通化縣 is one mention of 通化; 普通化學 is none.
 */
import { GAZETTEER, NOT_PLACES, type PlaceRegionId } from '../../shared/gazetteer.ts';
import { REGION_IDS } from '../../shared/regions.ts';
import { fold } from '../text/fold.ts';

/** A mention in the title counts as much as this many in the body (before diminishing returns). */
const TITLE_WEIGHT = 5;
/** A `weak` name counts this much of a mention. */
const WEAK_WEIGHT = 0.5;
/**
 * A region is kept only when it scores at least this share of the best region. Body mentions score
 * the square root of their count, so between two regions named only in the body this keeps the
 * second when it has at least a quarter of the first's mentions (2 against 8 is kept, 2 against 9
 * is not): an article about 長春 that also covers a visit to 延吉 in a paragraph or two is tagged
 * with both, one that names 延吉 in a couple of asides is not. A region in the title scores at
 * least 5, so a body-only region beside it needs several mentions.
 */
const KEEP_SHARE = 0.5;
/**
 * A region must also be in the title or be named at least twice in the body: a single mention in
 * passing ("as in 延吉…", a list of every city in the province) is not what the article is about,
 * and with a threshold relative to the best one it would otherwise survive in short articles.
 */
const MIN_BODY_MENTIONS = 2;
const DEFAULT_MAX = 2;

interface Pattern {
  /** Folded. */
  readonly text: string;
  /** null for a `NOT_PLACES` phrase: matched, then counted for nobody. */
  readonly region: PlaceRegionId | null;
  readonly weight: number;
}

/** Patterns by their first (folded) character, longest first. */
let index: Map<string, Pattern[]> | null = null;

function buildIndex(): Map<string, Pattern[]> {
  const byText = new Map<string, Pattern>();
  const add = (name: string, region: PlaceRegionId | null, weight: number): void => {
    const text = fold(name);
    // The first one listed wins: strong names before weak ones, both before NOT_PLACES.
    if (text.length > 0 && !byText.has(text)) byText.set(text, { text, region, weight });
  };
  for (const entry of GAZETTEER) {
    for (const name of [...entry.names, ...entry.places]) add(name, entry.region, 1);
  }
  for (const entry of GAZETTEER) {
    for (const name of entry.weak ?? []) add(name, entry.region, WEAK_WEIGHT);
  }
  for (const phrase of NOT_PLACES) add(phrase, null, 0);

  const result = new Map<string, Pattern[]>();
  for (const pattern of byText.values()) {
    const first = pattern.text.charAt(0);
    const list = result.get(first);
    if (list === undefined) result.set(first, [pattern]);
    else list.push(pattern);
  }
  for (const list of result.values()) list.sort((a, b) => b.text.length - a.text.length);
  return result;
}

/** Adds the weighted mentions of each region in `text` to `counts`. */
function countMentions(text: string, counts: Map<PlaceRegionId, number>): void {
  const patterns = (index ??= buildIndex());
  const folded = fold(text);
  let i = 0;
  while (i < folded.length) {
    const candidates = patterns.get(folded.charAt(i));
    const match = candidates?.find((p) => folded.startsWith(p.text, i));
    if (match === undefined) {
      i += 1;
      continue;
    }
    if (match.region !== null) {
      counts.set(match.region, (counts.get(match.region) ?? 0) + match.weight);
    }
    i += match.text.length;
  }
}

/**
 * The place regions the article is about, most likely first; [] when it names none, or names
 * places only in passing (a province-wide article is for the `all` view only).
 */
export function tagRegions(
  input: { title: string; text: string },
  options?: { max?: number },
): PlaceRegionId[] {
  const max = Math.floor(options?.max ?? DEFAULT_MAX);
  if (max <= 0) return [];

  const inTitle = new Map<PlaceRegionId, number>();
  const inBody = new Map<PlaceRegionId, number>();
  countMentions(input.title, inTitle);
  countMentions(input.text, inBody);

  const scored: { region: PlaceRegionId; score: number; order: number }[] = [];
  REGION_IDS.forEach((id, order) => {
    if (id === 'all' || id === 'bookmarks') return;
    const title = inTitle.get(id) ?? 0;
    const body = inBody.get(id) ?? 0;
    if (title === 0 && body < MIN_BODY_MENTIONS) return;
    scored.push({ region: id, score: TITLE_WEIGHT * title + Math.sqrt(body), order });
  });
  if (scored.length === 0) return [];

  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  // The small allowance keeps the boundary case (√2 against √8) on the side the comment says.
  const cutoff = KEEP_SHARE * (scored[0]?.score ?? 0) - 1e-9;
  return scored
    .filter((s) => s.score >= cutoff)
    .slice(0, max)
    .map((s) => s.region);
}
