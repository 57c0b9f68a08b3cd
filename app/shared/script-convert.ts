/**
 * Script toggling: an article's text shown in 简体, 繁體, 臺灣 (with Taiwan phrases) or 香港,
 * whatever script it was published in. Conversion is OpenCC (opencc-js) with the project
 * dictionary (script-dictionary.ts) and the reader's own entries applied on top as protected
 * phrases: each one found in the text is swapped for a Private Use Area placeholder that OpenCC
 * leaves alone, the text is converted, and the right form for the target goes where the
 * placeholder was. The reader's entries win over the dictionary; within each, the longest phrase
 * wins.
 *
 * The converters are OpenCC's own presets (Locale.configs: s2tw, s2twp, s2hk, tw2s, t2tw, t2hk),
 * run the way opencc-js runs them, but built here from shared tries: the big Simplified→Traditional
 * phrase tries (about 300 ms to build) are built once and serve 繁體, 臺灣 and 香港 alike. Each is
 * built lazily on first use; warmConverters() builds them ahead, in idle time.
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

type Direction =
  'hans>cn' | 'hant>cn' | 'hans>tw' | 'hans>twp' | 'hans>hk' | 'hant>tw' | 'hant>twp' | 'hant>hk';

/** The OpenCC preset per direction (hans>cn is the identity). */
function recipeFor(direction: Exclude<Direction, 'hans>cn'>): Recipe {
  const { configs, to } = Locale;
  const preset = (name: string): Recipe => {
    const recipe = configs[name];
    if (recipe === undefined) throw new Error(`opencc-js has no ${name} preset`);
    return recipe;
  };
  switch (direction) {
    case 'hant>cn':
      return preset('tw2s');
    case 'hans>tw':
      return preset('s2tw');
    case 'hans>twp':
      return preset('s2twp');
    case 'hans>hk':
      return preset('s2hk');
    case 'hant>tw':
      return preset('t2tw');
    case 'hant>hk':
      return preset('t2hk');
    case 'hant>twp': {
      // opencc-js has no t2twp preset: Converter({ from: 't', to: 'twp' }) chains Locale.to.twp.
      const chain = to.twp;
      if (chain === undefined) throw new Error('opencc-js has no twp locale');
      return { conversionChain: chain };
    }
  }
}

const converters = new Map<Direction, ConvertFn>();
const identity: ConvertFn = (text) => text;

function converterFor(direction: Direction): ConvertFn {
  let fn = converters.get(direction);
  if (fn === undefined) {
    fn = direction === 'hans>cn' ? identity : build(recipeFor(direction));
    converters.set(direction, fn);
  }
  return fn;
}

function directionFor(mode: Exclude<ScriptMode, 'original'>, source: SourceScript): Direction {
  // Unknown script: treated as Simplified for the Traditional targets and as Traditional for 简体,
  // so that whichever it is, it gets converted (each converter leaves the other script mostly be).
  if (mode === 'cn') return source === 'hans' ? 'hans>cn' : 'hant>cn';
  return source === 'hant' ? `hant>${mode}` : `hans>${mode}`;
}

/**
 * Builds the dictionaries `modes` need (for either source script) a slice of `sliceSize` entries
 * at a time, awaiting `pause()` between slices, so that a UI thread keeps answering input while
 * they build (100–200 ms in all). Afterwards those converters are made without delay. The tries
 * are the same as loadDictGroup makes: the group's last dictionary first, so earlier ones win.
 */
export async function prepareConverters(
  modes: readonly ScriptMode[],
  pause: () => Promise<void>,
  sliceSize = 2000,
): Promise<void> {
  for (const mode of modes) {
    if (mode === 'original') continue;
    for (const source of ['hans', 'hant'] as const) {
      const direction = directionFor(mode, source);
      if (direction === 'hans>cn' || converters.has(direction)) continue;
      for (const group of groupsOf(recipeFor(direction))) {
        await buildTrieInSlices(group, pause, sliceSize);
      }
    }
  }
}

/** Builds now the converters `modes` need (for either source script), instead of on first use. */
export function warmConverters(modes: readonly ScriptMode[]): void {
  for (const mode of modes) {
    if (mode === 'original') continue;
    converterFor(directionFor(mode, 'hans'));
    converterFor(directionFor(mode, 'hant'));
  }
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
  return {
    mode,
    lang,
    convert: (text, source) => {
      if (text === '') return text;
      const direction = directionFor(mode, source);
      const convert = converterFor(direction);
      // Simplified shown as 简体 is left as published: only the reader's own entries apply.
      const dictionary = direction === 'hans>cn' ? null : dictionaryMatcher(mode);
      return convertProtected(text, convert, [user, dictionary]);
    },
  };
}
