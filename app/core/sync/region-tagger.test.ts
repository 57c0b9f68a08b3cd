import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { tagRegions } from './region-tagger.ts';

type ConverterFn = (text: string) => string;
const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => ConverterFn;
};
const toSimplified = Converter({ from: 'tw', to: 'cn' });

const page = readFileSync(
  new URL('../../../test/fixtures/seed/cri-jilin-channel-article.txt', import.meta.url),
  'utf8',
);
const seedTitle = '天津市黨政代表團來吉林考察對口合作';
const seedBody = page.slice(page.indexOf('原題:'), page.indexOf('國際在線版權'));

test('the seed article, about Tianjin delegates in 長春, is tagged 長春 and not 江城', () => {
  // It names 吉林 (the province) two dozen times, 天津 throughout, and the 伊通河 twice.
  assert.ok(seedBody.includes('吉林省') && seedBody.includes('伊通河'));
  assert.deepEqual(tagRegions({ title: seedTitle, text: seedBody }), ['changchun']);
});

test('the seed article is tagged the same in Simplified script', () => {
  const title = toSimplified(seedTitle);
  const text = toSimplified(seedBody);
  assert.ok(text.includes('长春市'));
  assert.deepEqual(tagRegions({ title, text }), ['changchun']);
});

test('the region bar of the page, naming every region once, does not add regions', () => {
  assert.ok(page.includes('長春 江城 四平 遼源 通化 白城 白山 松原 延邊 長白山保護開發區'));
  assert.deepEqual(tagRegions({ title: seedTitle, text: page }), ['changchun']);
});

test('a district, county or city names its region, in either script', () => {
  const cases: [string, string, string][] = [
    ['延吉市啟動冬季供暖', '延吉市今天正式供暖。', 'yanbian'],
    ['长白山保护开发区池北区开展冰雪旅游推介', '池北区多家酒店参与。', 'changbaishan'],
    ['白山市江源區推進林下經濟', '江源區今年新增人參種植基地。', 'baishan'],
    ['吉林市船營區老舊小區改造完工', '船營區共改造小區十二個。', 'jilin'],
    ['二道江区新建供热管网', '二道江区居民今冬用上集中供热。', 'tonghua'],
    ['公主嶺玉米喜獲豐收', '公主嶺市農業農村局介紹,今年公主嶺玉米單產提高。', 'changchun'],
    [
      '查干湖冬捕开始',
      '松原市前郭尔罗斯蒙古族自治县查干湖第二十届冰雪渔猎文化旅游节开幕。',
      'songyuan',
    ],
    ['洮南市遭遇沙塵天氣', '白城市氣象台發布預警。', 'baicheng'],
    ['東豐梅花鹿産業', '遼源市東豐縣養殖梅花鹿十萬頭。', 'liaoyuan'],
    ['双辽风电项目并网', '四平市双辽市的风电项目正式并网发电。', 'siping'],
  ];
  for (const [title, text, region] of cases) {
    assert.deepEqual(tagRegions({ title, text }), [region], title);
  }
});

test('長白山保護開發區 is the zone only: the 白山 inside it is not Baishan', () => {
  const text = '長白山保護開發區管委會召開會議,部署長白山保護開發區池西區、池南區旅遊工作。';
  assert.deepEqual(tagRegions({ title: '', text }), ['changbaishan']);
});

test('長白山 alone is weaker evidence: enough in a title, not in one aside', () => {
  assert.deepEqual(tagRegions({ title: '长白山迎来今冬首场降雪', text: '' }), ['changbaishan']);
  const text = '白山市撫松縣依托長白山資源發展人參産業,撫松縣人參産量佔全國四成。';
  assert.deepEqual(tagRegions({ title: '撫松人參豐收', text }), ['baishan']);
});

test('吉林 and 吉林省 are the province: they tag nothing, and never 江城', () => {
  assert.deepEqual(tagRegions({ title: '吉林省', text: '' }), []);
  assert.deepEqual(
    tagRegions({
      title: '吉林省推進全面振興',
      text: '吉林省委、省政府部署全省工作。吉林要加快發展,吉林省市場監管部門加強檢查,吉林市場供應充足。',
    }),
    [],
  );
});

test('a name counts once however many shorter names are inside it', () => {
  // 通化縣 is one mention of 通化, so once in the body is still only in passing.
  assert.deepEqual(tagRegions({ title: '', text: '記者從通化縣獲悉,秋收過半。' }), []);
  assert.deepEqual(tagRegions({ title: '', text: '記者從通化縣獲悉,通化縣秋收過半。' }), [
    'tonghua',
  ]);
});

test('words that contain a place name are not the place', () => {
  const text =
    '普通化學課程改革進展四平八穩,伊通河畔的人們加強溝通化解矛盾,人員聚集安全隱患排查,' +
    '目前郭某已到案。白山黑水間,楊靖宇將軍的事跡廣為流傳。延長春節假期的建議,西湖龍井茶上市。' +
    '普通化學,四平八穩,龍井茶。';
  assert.deepEqual(tagRegions({ title: '普通化學四平八穩', text }), []);
});

test('a region named once in passing does not join the region the article is about', () => {
  const text =
    '長春市今天召開新聞發布會,介紹長春冰雪新天地的籌備情況。' +
    '今年長春冰雪新天地佔地面積比去年擴大,與延吉的冰雪項目相比各有特色。' +
    '長春市文旅局表示,冰雪新天地將於十二月中旬開園。';
  assert.deepEqual(tagRegions({ title: '長春冰雪新天地下月開園', text }), ['changchun']);
  // Without the title too.
  assert.deepEqual(tagRegions({ title: '冰雪新天地下月開園', text }), ['changchun']);
});

test('an article about two places is tagged with both, the more prominent first', () => {
  const text =
    '長春至延吉高鐵今日開通。延吉西站迎來首發列車,延吉市民乘車兩小時即可到達長春。' +
    '延吉市文旅部門推出乘車優惠。';
  assert.deepEqual(tagRegions({ title: '長春至延吉高鐵開通', text }), ['yanbian', 'changchun']);
  assert.deepEqual(tagRegions({ title: '長春至延吉高鐵開通', text }, { max: 1 }), ['yanbian']);
  assert.deepEqual(tagRegions({ title: '長春至延吉高鐵開通', text }, { max: 0 }), []);
});

test('a region in the title outranks one named a few times in the body only', () => {
  const text =
    '白城市與長春、長春新區、長春市、長春汽開區、長春高校開展合作。白城市表示將繼續推進。';
  assert.deepEqual(tagRegions({ title: '白城與省會高校簽約', text }), ['baicheng']);
});

test('between two regions named only in the body, the second needs a quarter of the mentions', () => {
  const body = (first: number, second: number): string =>
    '四平市召開會議。'.repeat(first) + '遼源市派員參加。'.repeat(second);
  assert.deepEqual(tagRegions({ title: '', text: body(8, 2) }), ['siping', 'liaoyuan']);
  assert.deepEqual(tagRegions({ title: '', text: body(9, 2) }), ['siping']);
});

test('a province-wide roundup that names each region once tags none', () => {
  const text =
    '全省各地迎來降雪。長春、吉林市、四平、遼源、通化、白城、白山、松原、延邊和長白山保護開發區' +
    '均出現中到大雪,省氣象台提醒注意交通安全。';
  assert.deepEqual(tagRegions({ title: '我省迎來大範圍降雪', text }), []);
});

test('text without place names tags nothing', () => {
  assert.deepEqual(tagRegions({ title: '', text: '' }), []);
  assert.deepEqual(tagRegions({ title: 'Weather', text: 'Snow is expected tomorrow.' }), []);
});
