/**
 * Script toggling: an article's text shown in 简体, 繁體, 臺灣 (with Taiwan phrases) or 香港,
 * whatever script it was published in. Conversion is OpenCC (opencc-js) with the project
 * dictionary (script-dictionary.ts) and the reader's own entries applied on top as protected
 * phrases: each one found in the text is swapped for a Private Use Area placeholder that OpenCC
 * leaves alone, the text is converted, and the right form for the target goes where the
 * placeholder was. The reader's entries win over the dictionary; within each, the longest phrase
 * wins.
 *
 * The converters are OpenCC's own presets (Locale.configs: tw2s, s2tw, s2twp, s2hk), one per mode
 * whatever script the text is in, run the way opencc-js runs them, but built here from shared
 * tries: the big Simplified→Traditional phrase tries (about 300 ms to build) are built once and
 * serve 繁體, 臺灣 and 香港 alike. Each is built lazily on first use; warmConverters() builds them
 * ahead, in idle time.
 *
 * Callers convert text nodes only; markup never goes through here.
 */
import type { SourceScript } from './articles.ts';
import { MODE_LANG } from './script-lang.ts';
import {
  Locale,
  build,
  buildTrieInSlices,
  groupsOf,
  type ConvertFn,
  type Recipe,
} from './opencc-tries.ts';
import { SCRIPT_DICTIONARY, type ScriptDictionaryEntry } from './script-dictionary.ts';
import type { ScriptMode, UserEntry } from './settings.ts';

/** A phrase the reader added in settings (`userDictionary`); validated by UserEntrySchema. */
export type { UserEntry };

export interface ScriptConverter {
  /**
   * `text` (one text node's worth) in this converter's script; `source` is the article's. A plain
   * function (no `this`): one identity per converter, so callers can pass it on and memoise by it.
   */
  readonly convert: (text: string, source: SourceScript) => string;
  readonly mode: ScriptMode;
  /** BCP 47 tag for the converted container's lang attribute; '' for 'original'. */
  readonly lang: string;
}

export { langFor } from './script-lang.ts';

// ---- OpenCC converters ----------------------------------------------------------------------

/**
 * One OpenCC preset per mode, whatever script the text was published in: a text that mixes
 * scripts (a Simplified name quoted in a Traditional article, "长春市發展新闻") comes out whole in
 * the mode's script, and the part already in it goes through unchanged (OpenCC's dictionaries
 * map a character of the target script to itself, bar the few the project dictionary guards).
 * docs/technotes/0007-script-conversion.md.
 */
type Direction = 'cn' | 'tw' | 'twp' | 'hk';

function recipeFor(direction: Direction): Recipe {
  const name = { cn: 'tw2s', tw: 's2tw', twp: 's2twp', hk: 's2hk' }[direction];
  const recipe = Locale.configs[name];
  if (recipe === undefined) throw new Error(`opencc-js has no ${name} preset`);
  return recipe;
}

const converters = new Map<Direction, ConvertFn>();

function converterFor(direction: Direction): ConvertFn {
  let fn = converters.get(direction);
  if (fn === undefined) {
    fn = build(recipeFor(direction));
    converters.set(direction, fn);
  }
  return fn;
}

/**
 * Builds the dictionaries `modes` need a slice of `sliceSize` entries at a time, awaiting
 * `pause()` between slices, so that a UI thread keeps answering input while they build (100–200
 * ms in all). Afterwards those converters are made without delay. The tries are the same as
 * loadDictGroup makes: the group's last dictionary first, so earlier ones win.
 */
export async function prepareConverters(
  modes: readonly ScriptMode[],
  pause: () => Promise<void>,
  sliceSize = 2000,
): Promise<void> {
  for (const mode of modes) {
    if (mode === 'original' || converters.has(mode)) continue;
    for (const group of groupsOf(recipeFor(mode))) {
      await buildTrieInSlices(group, pause, sliceSize);
    }
  }
}

/** Builds now the converters `modes` need, instead of on first use. */
export function warmConverters(modes: readonly ScriptMode[]): void {
  for (const mode of modes) if (mode !== 'original') converterFor(mode);
}

// ---- Protected phrases ----------------------------------------------------------------------

interface Rule {
  readonly key: string;
  readonly value: string;
}
/** Rules by the first UTF-16 unit of their key, longest key first. */
type Matcher = ReadonlyMap<number, readonly Rule[]>;

function buildMatcher(pairs: Iterable<readonly [string, string]>): Matcher | null {
  const byKey = new Map<string, string>();
  for (const [key, value] of pairs) if (key !== '') byKey.set(key, value);
  if (byKey.size === 0) return null;
  const matcher = new Map<number, Rule[]>();
  for (const [key, value] of byKey) {
    const first = key.charCodeAt(0);
    const rules = matcher.get(first) ?? [];
    rules.push({ key, value });
    matcher.set(first, rules);
  }
  for (const rules of matcher.values()) rules.sort((a, b) => b.key.length - a.key.length);
  return matcher;
}

function targetForm(entry: ScriptDictionaryEntry, mode: Exclude<ScriptMode, 'original'>): string {
  switch (mode) {
    case 'cn':
      return entry.hans;
    case 'tw':
      return entry.tw;
    case 'twp':
      return entry.twp ?? entry.tw;
    case 'hk':
      return entry.hk;
  }
}

const dictionaryMatchers = new Map<Exclude<ScriptMode, 'original'>, Matcher | null>();

/**
 * The project dictionary for a target: every form of an entry (简体, 繁體, 臺灣, 香港) maps to the
 * target's form, so it applies whatever script the source is in. The first entry wins a key.
 */
function dictionaryMatcher(mode: Exclude<ScriptMode, 'original'>): Matcher | null {
  let matcher = dictionaryMatchers.get(mode);
  if (matcher === undefined) {
    const pairs: [string, string][] = [];
    const seen = new Set<string>();
    for (const entry of SCRIPT_DICTIONARY) {
      const target = targetForm(entry, mode);
      for (const key of [entry.hans, entry.tw, entry.twp ?? entry.tw, entry.hk]) {
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([key, target]);
      }
    }
    matcher = buildMatcher(pairs);
    dictionaryMatchers.set(mode, matcher);
  }
  return matcher;
}

/** Plain text still to convert, or a protected replacement. */
type Piece = string | { readonly value: string };

function applyMatcher(pieces: readonly Piece[], matcher: Matcher): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      out.push(piece);
      continue;
    }
    let start = 0;
    let i = 0;
    while (i < piece.length) {
      let rule: Rule | undefined;
      const rules = matcher.get(piece.charCodeAt(i));
      if (rules !== undefined) {
        for (const candidate of rules) {
          if (piece.startsWith(candidate.key, i)) {
            rule = candidate;
            break;
          }
        }
      }
      if (rule === undefined) {
        i += 1;
        continue;
      }
      if (i > start) out.push(piece.slice(start, i));
      out.push({ value: rule.value });
      i += rule.key.length;
      start = i;
    }
    if (start === 0) out.push(piece);
    else if (start < piece.length) out.push(piece.slice(start));
  }
  return out;
}

/** Private Use Area, Basic Multilingual Plane: placeholders, and escaped when already present. */
const PUA = /[\uE000-\uF8FF]/;
const PUA_ALL = /[\uE000-\uF8FF]/g;
const PLACEHOLDER = '\uE000';
const PLACEHOLDER_ALL = /\uE000/g;

function convertProtected(
  text: string,
  convert: ConvertFn,
  matchers: readonly (Matcher | null)[],
): string {
  let pieces: Piece[] = [text];
  for (const matcher of matchers) if (matcher !== null) pieces = applyMatcher(pieces, matcher);
  if (pieces.length === 1 && typeof pieces[0] === 'string' && !PUA.test(text)) {
    return convert(text);
  }
  // Every placeholder is U+E000 and they are restored in order; Private Use characters already in
  // the text are protected too, so none of them is taken for a placeholder.
  const replacements: string[] = [];
  let marked = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      marked += piece.replace(PUA_ALL, (c) => {
        replacements.push(c);
        return PLACEHOLDER;
      });
    } else {
      replacements.push(piece.value);
      marked += PLACEHOLDER;
    }
  }
  const converted = convert(marked);
  let count = 0;
  for (let i = converted.indexOf(PLACEHOLDER); i !== -1; i = converted.indexOf(PLACEHOLDER, i + 1))
    count += 1;
  // OpenCC's dictionaries hold no Private Use characters, so this holds; if it ever did not, the
  // text is converted without protection rather than with misplaced phrases.
  if (count !== replacements.length) return convert(text);
  let next = 0;
  return converted.replace(PLACEHOLDER_ALL, () => replacements[next++] ?? '');
}

// ---- Public converter -----------------------------------------------------------------------

/**
 * A converter to `mode`. Cheap to create; the OpenCC converters behind it are built on first use
 * (or by warmConverters) and shared by every ScriptConverter. `userEntries` (from settings) are
 * applied before the project dictionary and win over it; a later entry wins an equal `from`.
 */
export function createScriptConverter(
  mode: ScriptMode,
  userEntries: readonly UserEntry[] = [],
): ScriptConverter {
  const lang = MODE_LANG[mode];
  if (mode === 'original') return { mode, lang, convert: (text) => text };
  const user = buildMatcher(
    userEntries
      .filter((entry) => entry.mode === undefined || entry.mode === mode)
      .map((entry) => [entry.from, entry.to] as const),
  );
  const dictionary = dictionaryMatcher(mode);
  return {
    mode,
    lang,
    // The source script does not choose the conversion: every text is converted whole.
    convert: (text) =>
      text === '' ? text : convertProtected(text, converterFor(mode), [user, dictionary]),
  };
}
