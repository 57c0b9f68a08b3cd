/**
 * OpenCC's dictionaries as tries, one per distinct dictionary group, shared by every converter
 * that uses the group (script-convert.ts). Built at once by trieFor(), or a slice at a time by
 * buildTrieInSlices() so that a UI thread keeps answering input meanwhile.
 */
import * as OpenCC from 'opencc-js';

export type ConvertFn = (text: string) => string;
export type DictLike = string | readonly (readonly [string, string])[];
export type DictGroup = readonly DictLike[];
interface OpenCCTrie {
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

/** One trie per distinct dictionary group, shared by every converter that uses the group. */
function trieFor(group: DictGroup): OpenCCTrie {
  const key = groupKey(group);
  let trie = tries.get(key);
  if (trie === undefined) {
    trie = new Trie();
    trie.loadDictGroup(group);
    tries.set(key, trie);
  }
  return trie;
}

/** A dictionary's entries as opencc-js's loadDict reads them (`from to|from to…` or pairs). */
function* entriesOf(dict: DictLike): Generator<readonly [string, string]> {
  if (typeof dict !== 'string') {
    yield* dict;
    return;
  }
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from !== undefined && to !== undefined) yield [from, to];
  }
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

/**
 * The group's trie, built `sliceSize` entries at a time with `pause()` awaited between slices.
 * The same trie as loadDictGroup makes: the group's last dictionary first, so earlier ones win.
 */
export async function buildTrieInSlices(
  group: DictGroup,
  pause: () => Promise<void>,
  sliceSize: number,
): Promise<void> {
  const key = groupKey(group);
  if (tries.has(key)) return;
  const trie = new Trie();
  let added = 0;
  for (const dict of [...group].reverse()) {
    for (const [from, to] of entriesOf(dict)) {
      trie.addWord(from, to);
      added += 1;
      if (added % sliceSize === 0) await pause();
    }
  }
  // Another caller may have built the same group meanwhile: keep the first.
  if (!tries.has(key)) tries.set(key, trie);
  await pause();
}
