import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { REGIONS, REGION_IDS, isRegionId, regionById } from './regions.ts';

test('the twelve tabs come in the channel’s order', () => {
  assert.equal(
    REGION_IDS.join(' '),
    'all changchun jilin siping liaoyuan tonghua baicheng baishan songyuan yanbian changbaishan bookmarks',
  );
  assert.deepEqual(
    REGIONS.map((r) => r.id),
    REGION_IDS,
  );
  assert.deepEqual(
    REGIONS.map((r) => r.labelHant).join(' '),
    '全部 長春 江城 四平 遼源 通化 白城 白山 松原 延邊 長白山保護開發區 收藏',
  );
  assert.deepEqual(
    REGIONS.map((r) => r.labelHans).join(' '),
    '全部 长春 江城 四平 辽源 通化 白城 白山 松原 延边 长白山保护开发区 收藏',
  );
});

test('the ten regions are the seed page’s region line', async () => {
  const { readFile } = await import('node:fs/promises');
  const seed = await readFile(
    new URL('../../test/fixtures/seed/cri-jilin-channel-article.txt', import.meta.url),
    'utf8',
  );
  const line = REGIONS.filter((r) => r.kind === 'place')
    .map((r) => r.labelHant)
    .join(' ');
  assert.ok(
    seed.split('\n').some((l) => l.trim() === line),
    `the seed page lists: ${line}`,
  );
});

test('Simplified labels are what OpenCC makes of the Traditional ones', () => {
  // opencc-js's .d.ts imports './core' without an extension, which NodeNext resolution cannot
  // follow; its types come out unresolved, so name the one function used here.
  const { Converter } = OpenCC as unknown as {
    Converter: (options: { from: string; to: string }) => (text: string) => string;
  };
  const toSimplified = Converter({ from: 'tw', to: 'cn' });
  for (const r of REGIONS) assert.equal(toSimplified(r.labelHant), r.labelHans, r.id);
});

test('every region has an English name, and ids are checked', () => {
  for (const r of REGIONS) assert.match(r.labelEn, /^[A-Z][A-Za-z ]+$/, r.id);
  assert.equal(isRegionId('yanbian'), true);
  assert.equal(isRegionId('Yanbian'), false);
  assert.equal(isRegionId(7), false);
  assert.equal(regionById('liaoyuan').labelHant, '遼源');
});
