import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { GAZETTEER, NOT_PLACES, type GazetteerEntry } from './gazetteer.ts';
import { REGIONS } from './regions.ts';

type ConverterFn = (text: string) => string;
const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => ConverterFn;
};
const toSimplified = Converter({ from: 'tw', to: 'cn' });

/**
 * Where OpenCC is wrong about a place name: 乾安 is qián'ān in both scripts, but OpenCC reads 乾
 * as "dry" (干) unless it sees the whole Traditional 乾安縣.
 */
const OPENCC_MISREADS: Readonly<Record<string, string>> = { 乾安: '乾安', 乾安县: '乾安县' };

function simplifiedOf(name: string): string {
  return OPENCC_MISREADS[name] ?? toSimplified(name);
}

function allNames(entry: GazetteerEntry): string[] {
  return [...entry.names, ...entry.places, ...(entry.weak ?? [])];
}

test('every place region of the channel has its own names and its places', () => {
  const places = REGIONS.filter((r) => r.kind === 'place').map((r) => r.id);
  assert.equal(places.length, 10);
  assert.deepEqual(
    GAZETTEER.map((e) => e.region),
    places,
  );
  for (const entry of GAZETTEER) {
    assert.ok(entry.names.length > 0, `${entry.region} has names`);
    assert.ok(entry.places.length > 0, `${entry.region} has places`);
  }
});

test('each region is listed under the name its tab shows, in both scripts', () => {
  for (const entry of GAZETTEER) {
    const region = REGIONS.find((r) => r.id === entry.region)!;
    assert.ok(entry.names.includes(region.labelHant), `${region.labelHant} for ${entry.region}`);
    assert.ok(entry.names.includes(region.labelHans), `${region.labelHans} for ${entry.region}`);
  }
});

test('every Traditional name has its Simplified counterpart beside it', () => {
  for (const entry of GAZETTEER) {
    const names = allNames(entry);
    for (const name of names) {
      const simplified = simplifiedOf(name);
      assert.ok(names.includes(simplified), `${entry.region}: ${name} needs ${simplified}`);
    }
  }
  for (const phrase of NOT_PLACES) {
    const simplified = simplifiedOf(phrase);
    assert.ok(NOT_PLACES.includes(simplified), `NOT_PLACES: ${phrase} needs ${simplified}`);
  }
});

test('no name belongs to two regions, whichever script it is written in', () => {
  const owner = new Map<string, string>();
  for (const entry of GAZETTEER) {
    for (const name of new Set(allNames(entry).map(simplifiedOf))) {
      const previous = owner.get(name);
      assert.equal(previous, undefined, `${name} is in ${previous ?? ''} and ${entry.region}`);
      owner.set(name, entry.region);
    }
  }
  // A phrase that is not a place must not also be one.
  for (const phrase of NOT_PLACES) {
    assert.equal(owner.get(simplifiedOf(phrase)), undefined, phrase);
  }
});

test('吉林 alone is the province: no region owns it, Jilin City is 吉林市 or 江城', () => {
  const names = GAZETTEER.flatMap(allNames);
  assert.ok(!names.includes('吉林'));
  assert.ok(!names.includes('吉林省'));
  const jilin = GAZETTEER.find((e) => e.region === 'jilin')!;
  assert.ok(jilin.names.includes('吉林市'));
  assert.ok(jilin.names.includes('江城'));
});

test('names that are common words elsewhere are listed only in a form that is not', () => {
  const names = new Set(GAZETTEER.flatMap(allNames));
  // 朝陽 (Beijing, "morning sun"), 西安 (Shaanxi), 大安, 豐滿 "plump", 磐石 "rock".
  for (const bare of ['朝陽', '西安', '大安', '豐滿', '磐石', '榆樹', '二道', '長白']) {
    assert.ok(!names.has(bare), `${bare} alone is not a place name here`);
  }
  const changbaishan = GAZETTEER.find((e) => e.region === 'changbaishan')!;
  assert.ok(changbaishan.weak?.includes('長白山'), '長白山 alone is weak evidence');
});
