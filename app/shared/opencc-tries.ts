/**
 * OpenCC's dictionaries as tries, one per distinct dictionary group, shared by every converter
 * that uses the group (script-convert.ts). Made at once by trieFor(), or a slice at a time by
 * buildTrieInSlices() so that a UI thread keeps answering input meanwhile.
 *
 * A trie is opencc-js's own Trie, whose top level is filled lazily (LazyRoot): making it only
 * files each entry under its first character (the offset of its text in the dictionary string),
 * and the branch of a character is built, with opencc-js's addWord in the order loadDictGroup
 * adds, the first time a conversion looks that character up. Making the to-Traditional tries
 * costs a tenth of building them whole (which took 110–220 ms, the most of a first switch), and
 * a switch then builds the branches of the few hundred characters on screen only.
 */
import * as OpenCC from 'opencc-js';

export type ConvertFn = (text: string) => string;
export type DictLike = string | readonly (readonly [string, string])[];
export type DictGroup = readonly DictLike[];
interface OpenCCTrie {
  /** The top level: code point → branch (opencc-js reads it with get and set only). */
  map: Map<number, unknown>;
  addWord(source: string, replacement: string): void;
  loadDict(dict: DictLike): void;
  loadDictGroup(group: DictGroup): void;
  segment(text: string): string[];
  convert(text: string): string;
}
/** An OpenCC preset: normalize, then segment, then each conversion group over each segment. */
export interface Recipe {
  readonly normalizationChain?: readonly DictGroup[];
  readonly segmentation?: DictLike | DictGroup;
  readonly conversionChain: readonly DictGroup[];
}
export const { Trie, Locale } = OpenCC as unknown as {
  Trie: new () => OpenCCTrie;
  Locale: {
    to: Readonly<Record<string, readonly DictGroup[]>>;
    configs: Readonly<Record<string, Recipe>>;
  };
};

const dictIds = new Map<DictLike, number>();
const tries = new Map<string, OpenCCTrie>();

/** The same key for the same dictionaries, in order (dictionaries are compared by identity). */
function groupKey(group: DictGroup): string {
  return group
    .map((dict) => {
      let id = dictIds.get(dict);
      if (id === undefined) dictIds.set(dict, (id = dictIds.size));
      return id;
    })
    .join(',');
}

/**
 * A trie's top level that builds the branch of a code point on its first lookup, from the
 * entries filed under it: a string dictionary's entries by their offset (parsed then), a pair
 * list's by the pair. Entries are added in the order filed, as loadDictGroup would (the group's
 * last dictionary first, so that earlier ones win a key).
 */
class LazyRoot extends Map<number, unknown> {
  readonly #pending = new Map<number, (number | readonly [string, string])[]>();
  readonly #texts: string[] = [];
  #trie: OpenCCTrie | null = null;

  attach(trie: OpenCCTrie): void {
    this.#trie = trie;
    trie.map = this;
  }

  /**
   * Files every entry of `dict` under its first code point, yielding after each `sliceSize`
   * entries (so that a caller can pause between slices).
   */
  *file(dict: DictLike, sliceSize = Infinity): Generator<void> {
    if (typeof dict !== 'string') {
      for (const pair of dict) this.#add(pair[0].codePointAt(0), pair);
      return;
    }
    // Offsets into all the string dictionaries filed, one number per entry: no strings made yet.
    const base = this.#texts.reduce((n, text) => n + text.length + 1, 0);
    this.#texts.push(dict);
    let count = 0;
    for (let at = 0; at < dict.length;) {
      let end = dict.indexOf('|', at);
      if (end < 0) end = dict.length;
      if (end > at) {
        this.#add(dict.codePointAt(at), base + at);
        count += 1;
        if (count % sliceSize === 0) yield;
      }
      at = end + 1;
    }
  }

  #add(first: number | undefined, entry: number | readonly [string, string]): void {
    if (first === undefined) return;
    const list = this.#pending.get(first);
    if (list === undefined) this.#pending.set(first, [entry]);
    else list.push(entry);
  }

  override get(key: number): unknown {
    const list = this.#pending.get(key);
    if (list !== undefined && this.#trie !== null) {
      // Deleted first: addWord looks the key up again (and must find no pending entries).
      this.#pending.delete(key);
      for (const entry of list) {
        const [from, to] = typeof entry === 'number' ? this.#entryAt(entry) : entry;
        if (from !== undefined && to !== undefined) this.#trie.addWord(from, to);
      }
    }
    return super.get(key);
  }

  /** The entry at `offset` of the filed string dictionaries, as loadDict splits it. */
  #entryAt(offset: number): (string | undefined)[] {
    let at = offset;
    for (const text of this.#texts) {
      if (at < text.length) {
        let end = text.indexOf('|', at);
        if (end < 0) end = text.length;
        return text.slice(at, end).split(' ');
      }
      at -= text.length + 1;
    }
    return [];
  }
}

/** An empty trie with a lazily built top level. */
function lazyTrie(): { trie: OpenCCTrie; root: LazyRoot } {
  const trie = new Trie();
  const root = new LazyRoot();
  root.attach(trie);
  return { trie, root };
}

/** One trie per distinct dictionary group, shared by every converter that uses the group. */
function trieFor(group: DictGroup): OpenCCTrie {
  const key = groupKey(group);
  let trie = tries.get(key);
  if (trie === undefined) {
    const lazy = lazyTrie();
    for (const dict of [...group].reverse()) {
      const slices = lazy.root.file(dict);
      while (slices.next().done !== true);
    }
    trie = lazy.trie;
    tries.set(key, trie);
  }
  return trie;
}

/** Every dictionary group a preset uses, in the order build() asks for them. */
export function groupsOf(recipe: Recipe): DictGroup[] {
  return [
    ...(recipe.normalizationChain ?? []),
    ...(recipe.segmentation === undefined ? [] : [segmentationGroup(recipe.segmentation)]),
    ...recipe.conversionChain,
  ];
}

/** A preset's segmentation is a group of dictionary strings or one dictionary (as in opencc-js). */
function segmentationGroup(segmentation: DictLike | DictGroup): DictGroup {
  return Array.isArray(segmentation) && segmentation.every((d) => typeof d === 'string')
    ? segmentation
    : [segmentation as DictLike];
}

/** What opencc-js's Converter does with a preset, on shared tries. */
export function build(recipe: Recipe): ConvertFn {
  const normalize = (recipe.normalizationChain ?? []).map(trieFor);
  const segmenter =
    recipe.segmentation === undefined ? null : trieFor(segmentationGroup(recipe.segmentation));
  const chain = recipe.conversionChain.map(trieFor);
  return (text) => {
    let normalized = text;
    for (const trie of normalize) normalized = trie.convert(normalized);
    let parts = segmenter === null ? [normalized] : segmenter.segment(normalized);
    for (const trie of chain) parts = parts.map((part) => trie.convert(part));
    return parts.join('');
  };
}

/** Groups being made in slices, by key: a second caller waits for the first's work. */
const making = new Map<string, Promise<void>>();

/**
 * The group's trie, made `sliceSize` entries at a time with `pause()` awaited between slices
 * (the first caller's: later ones wait for the same work). The same trie as trieFor makes.
 */
export function buildTrieInSlices(
  group: DictGroup,
  pause: () => Promise<void>,
  sliceSize: number,
): Promise<void> {
  const key = groupKey(group);
  if (tries.has(key)) return Promise.resolve();
  let made = making.get(key);
  if (made === undefined) {
    made = fileInSlices(key, group, pause, sliceSize).finally(() => making.delete(key));
    making.set(key, made);
  }
  return made;
}

async function fileInSlices(
  key: string,
  group: DictGroup,
  pause: () => Promise<void>,
  sliceSize: number,
): Promise<void> {
  const { trie, root } = lazyTrie();
  for (const dict of [...group].reverse()) {
    const slices = root.file(dict, sliceSize);
    while (slices.next().done !== true) await pause();
  }
  // trieFor may have made the same group meanwhile: keep the first.
  if (!tries.has(key)) tries.set(key, trie);
  await pause();
}
