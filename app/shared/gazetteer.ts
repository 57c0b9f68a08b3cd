/**
 * The place names that tell which of the channel's ten place regions an article is about.
 *
 * Every name is listed in Traditional script and, right after it, in Simplified script (once when
 * both scripts write it the same way). The tagger folds both scripts to one form before matching,
 * so the pairs are there to be read and checked, not because matching needs them.
 *
 * Choosing the strings is most of the work: a short place name is easily part of an unrelated word
 * or of a longer name. The rules followed here:
 * - 吉林 alone is the province, never 江城 (Jilin City): only 吉林市 and 江城 name the city.
 * - A name that is also a common word or a place elsewhere is listed with its suffix only:
 *   豐滿區 (豐滿 "plump"), 磐石市 (磐石 "rock"), 榆樹市 and 梨樹縣 (trees), 西安區 (西安 the
 *   city in Shaanxi), 大安市, 臨江市, 昌邑區 (昌邑 is also in Shandong), 寬城區 (寬城 is also in
 *   Hebei).
 * - A name that is a common word but is still used bare for the place is `weak`: it counts half.
 *   長白山 is the mountain that 白山 and 延邊 share as much as it is the 長白山保護開發區; 龍井 is
 *   also tea; 朝陽區 is also Beijing's; 鐵西區 and 鐵東區 are also Shenyang's and Anshan's.
 * - Longer names win over the shorter names inside them (the tagger matches the longest first):
 *   長白山保護開發區 is not 白山, 二道江 is not 二道區, 長白縣 is not 長白山.
 * - Where a name still turns up inside ordinary words, those words are listed in `NOT_PLACES`.
 */
import type { RegionId } from './regions.ts';

export type PlaceRegionId = Exclude<RegionId, 'all' | 'bookmarks'>;

export interface GazetteerEntry {
  readonly region: PlaceRegionId;
  /** The region's own names, in both scripts. */
  readonly names: readonly string[];
  /** Its districts, counties, county-level cities and well-known areas, in both scripts. */
  readonly places: readonly string[];
  /** Names that are often something else: evidence, but weaker than the others. */
  readonly weak?: readonly string[];
}

export const GAZETTEER: readonly GazetteerEntry[] = [
  {
    region: 'changchun',
    names: ['長春', '长春'],
    places: [
      '南關區',
      '南关区',
      '寬城區',
      '宽城区',
      '二道區',
      '二道区',
      '綠園區',
      '绿园区',
      '雙陽',
      '双阳',
      '九臺區',
      '九台區',
      '九台区',
      '榆樹市',
      '榆树市',
      '德惠',
      '公主嶺',
      '公主岭',
      '農安',
      '农安',
      '淨月',
      '净月',
      '汽開區',
      '汽开区',
    ],
    // 九台 alone is also "nine machines"; 朝陽區 is also Beijing's.
    weak: ['九臺', '九台', '朝陽區', '朝阳区'],
  },
  {
    region: 'jilin',
    // 吉林 alone is the province: it is deliberately absent.
    names: ['吉林市', '江城'],
    places: [
      '昌邑區',
      '昌邑区',
      '龍潭區',
      '龙潭区',
      '船營',
      '船营',
      '豐滿區',
      '丰满区',
      '蛟河',
      '樺甸',
      '桦甸',
      '舒蘭',
      '舒兰',
      '磐石市',
      '永吉',
      '松花湖',
      '北大湖',
    ],
  },
  {
    region: 'siping',
    names: ['四平'],
    places: ['雙遼', '双辽', '梨樹縣', '梨树县', '伊通'],
    weak: ['鐵西區', '铁西区', '鐵東區', '铁东区', '梨樹', '梨树'],
  },
  {
    region: 'liaoyuan',
    names: ['遼源', '辽源'],
    places: ['龍山區', '龙山区', '西安區', '西安区', '東豐', '东丰', '東遼', '东辽'],
  },
  {
    region: 'tonghua',
    names: ['通化'],
    places: [
      '通化縣',
      '通化县',
      '東昌區',
      '东昌区',
      '二道江',
      '梅河口',
      '集安',
      '柳河',
      '輝南',
      '辉南',
    ],
  },
  {
    region: 'baicheng',
    names: ['白城'],
    places: ['洮北', '洮南', '大安市', '鎮賚', '镇赉', '通榆'],
  },
  {
    region: 'baishan',
    names: ['白山'],
    places: [
      '渾江區',
      '浑江区',
      '江源區',
      '江源区',
      '臨江市',
      '临江市',
      '撫松',
      '抚松',
      '靖宇',
      '長白縣',
      '长白县',
      '長白朝鮮族自治縣',
      '长白朝鲜族自治县',
    ],
  },
  {
    region: 'songyuan',
    names: ['松原'],
    places: [
      '寧江區',
      '宁江区',
      '前郭縣',
      '前郭县',
      '前郭爾羅斯',
      '前郭尔罗斯',
      '長嶺縣',
      '长岭县',
      // 乾安 is written the same in both scripts (乾 here is qián, not the 干 of "dry").
      '乾安',
      '乾安縣',
      '乾安县',
      '扶餘',
      '扶余',
      '查干湖',
    ],
    // 前郭 alone turns up in 目前郭…, 此前郭… (a surname after "before"); see NOT_PLACES too.
    weak: ['前郭'],
  },
  {
    region: 'yanbian',
    names: ['延邊', '延边', '延邊朝鮮族自治州', '延边朝鲜族自治州'],
    places: [
      '延吉',
      '圖們',
      '图们',
      '敦化',
      '琿春',
      '珲春',
      '龍井市',
      '龙井市',
      '和龍市',
      '和龙市',
      '汪清',
      '安圖',
      '安图',
    ],
    // 龍井 is also tea; 和龍 is also "and dragon" (和龍頭企業, 和龍舟).
    weak: ['龍井', '龙井', '和龍', '和龙'],
  },
  {
    region: 'changbaishan',
    names: [
      '長白山保護開發區',
      '长白山保护开发区',
      '長白山管委會',
      '长白山管委会',
      '長白山管理委員會',
      '长白山管理委员会',
    ],
    places: ['池北區', '池北区', '池西區', '池西区', '池南區', '池南区', '二道白河'],
    // The mountain itself: the zone governs most of it, but it is also 白山's and 延邊's.
    weak: ['長白山', '长白山'],
  },
];

/**
 * Words that contain, or run into, a place name without naming the place. The tagger matches them
 * like names, counts them for nobody and carries on after them, so the place name is not read
 * there. Each is either a whole phrase that starts like a place (四平八穩, 伊通河) or an ordinary
 * word that ends on the first character of a place name (普通 in 普通化學, so 通化 is not read
 * in it, while 普通通化 still is).
 */
export const NOT_PLACES: readonly string[] = [
  // 吉林 + 市場/市州/市縣: the province's markets, cities and counties, not 吉林市.
  '吉林市場',
  '吉林市场',
  '吉林市州',
  '吉林市縣',
  '吉林市县',
  // 長春: 延長春節 "extend the Spring Festival", 萬古長春 "evergreen", 長春藤 "ivy".
  '延長',
  '延长',
  '萬古長春',
  '万古长春',
  '四季長春',
  '四季长春',
  '長春藤',
  '长春藤',
  '長春花',
  '长春花',
  // 江城 is also Wuhan, and a tune title.
  '江城子',
  '江城武漢',
  '江城武汉',
  // Beijing's 朝陽區.
  '北京市朝陽區',
  '北京市朝阳区',
  '北京朝陽',
  '北京朝阳',
  // 四平: 四平八穩 "steady", 四平方公里 "four square kilometres".
  '四平八穩',
  '四平八稳',
  '四平方',
  '四平米',
  // The 伊通河 runs through Changchun; it is not 伊通 county.
  '伊通河',
  // Words ending in 通, before 化: 普通化學, 溝通化解, 交通化…
  '普通',
  '溝通',
  '沟通',
  '交通',
  '疏通',
  '流通',
  '暢通',
  '畅通',
  '融通',
  '打通',
  '開通',
  '开通',
  '貫通',
  '贯通',
  '互通',
  '連通',
  '连通',
  '變通',
  '变通',
  '精通',
  '聯通',
  '联通',
  '卡通',
  // Words ending in 集, before 安: 聚集安全, 密集安排…
  '聚集',
  '密集',
  '收集',
  '採集',
  '采集',
  '召集',
  '匯集',
  '汇集',
  '彙集',
  '籌集',
  '筹集',
  '搜集',
  '募集',
  '雲集',
  '云集',
  // Words ending in 前, before the surname 郭: 目前郭…
  '目前',
  '此前',
  '之前',
  '日前',
  // Words ending in 延, before 吉林: 蔓延吉林…
  '蔓延',
  '綿延',
  '绵延',
  '順延',
  '顺延',
  // 白山黑水 is the whole Northeast; 楊靖宇 is the general the county is named after.
  '白山黑水',
  '楊靖宇',
  '杨靖宇',
  // 扶餘國 is the ancient kingdom.
  '扶餘國',
  '扶余国',
  // 龍井 the tea; 敦化 the Taipei roads; 和龍 the conjunction.
  '龍井茶',
  '龙井茶',
  '西湖龍井',
  '西湖龙井',
  '敦化南路',
  '敦化北路',
  '和龍頭',
  '和龙头',
  '和龍舟',
  '和龙舟',
];
