/**
 * A deterministic synthetic corpus of regional news in both scripts, for tests and benchmarks.
 * Sentences come from the seed article (the channel's own Traditional text) and their Simplified
 * conversions by OpenCC, so the text is real news prose, not random characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import type { NewArticle } from '../../app/core/db/articles-repo.ts';
import { REGION_IDS, type RegionId } from '../../app/shared/regions.ts';

const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
};

export const PLACE_REGIONS: readonly RegionId[] = REGION_IDS.filter(
  (r) => r !== 'all' && r !== 'bookmarks',
);

/** Place names per region in Traditional script (a few districts each). */
const PLACES: Readonly<Record<string, readonly string[]>> = {
  changchun: [
    '長春',
    '南關',
    '寬城',
    '朝陽',
    '二道',
    '綠園',
    '雙陽',
    '九台',
    '榆樹',
    '德惠',
    '公主嶺',
    '農安',
  ],
  jilin: ['吉林市', '昌邑', '龍潭', '船營', '豐滿', '蛟河', '樺甸', '舒蘭', '磐石', '永吉'],
  siping: ['四平', '鐵西', '鐵東', '雙遼', '梨樹', '伊通'],
  liaoyuan: ['遼源', '龍山', '西安區', '東豐', '東遼'],
  tonghua: ['通化', '東昌', '二道江', '梅河口', '集安', '柳河', '輝南'],
  baicheng: ['白城', '洮北', '洮南', '大安', '鎮賚', '通榆'],
  baishan: ['白山', '渾江', '江源', '臨江', '撫松', '靖宇', '長白'],
  songyuan: ['松原', '寧江', '前郭', '長嶺', '乾安', '扶餘'],
  yanbian: ['延邊', '延吉', '圖們', '敦化', '琿春', '龍井', '和龍', '汪清', '安圖'],
  changbaishan: ['長白山保護開發區', '池北區', '池西區', '池南區', '長白山天池'],
};

const TOPICS = [
  '冰雪旅遊',
  '玉米豐收',
  '汽車產業',
  '人參種植',
  '對口合作',
  '科技創新',
  '生態保護',
  '鄉村振興',
  '冬季供暖',
  '醫療改革',
  '中歐班列',
  '雪季開板',
];
const SOURCES = [
  '吉林日報',
  '長春日報',
  '江城日報',
  '延邊日報',
  '新華網',
  '國際在線',
  '中國吉林網',
  '四平日報',
];
const EDITORS = ['田東艷', '劉徵宇', '王曉明', '李雪', '張國華', '趙敏'];

function seedSentences(): string[] {
  const text = readFileSync(
    join(import.meta.dirname, '..', 'fixtures', 'seed', 'cri-jilin-channel-article.txt'),
    'utf8',
  );
  return text
    .split(/(?<=[。!?])/u)
    .map((s) => s.replace(/\s+/g, '').trim())
    .filter((s) => s.length >= 12 && s.length <= 200 && !/[•“]/.test(s));
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusOptions {
  readonly seed?: number;
  /** Newest publish time (ms); articles spread back over `spanDays`. */
  readonly newest?: number;
  readonly spanDays?: number;
  readonly sources?: number;
  /** Sentences per body, inclusive range. */
  readonly bodySentences?: readonly [number, number];
}

export interface Corpus {
  readonly sourceIds: readonly string[];
  article(index: number): NewArticle;
}

export function corpus(options: CorpusOptions = {}): Corpus {
  const hant = seedSentences();
  const toHans = Converter({ from: 'tw', to: 'cn' });
  const hans = hant.map(toHans);
  const placesHans = Object.fromEntries(Object.entries(PLACES).map(([k, v]) => [k, v.map(toHans)]));
  const topicsHans = TOPICS.map(toHans);
  const sourcesHans = SOURCES.map(toHans);
  const newest = options.newest ?? Date.UTC(2026, 10, 1);
  const span = (options.spanDays ?? 365) * 86_400_000;
  const sourceCount = options.sources ?? 40;
  const sourceIds = Array.from(
    { length: sourceCount },
    (_, i) => `source-${String(i + 1).padStart(2, '0')}`,
  );
  const [minS, maxS] = options.bodySentences ?? [3, 10];
  const seed = options.seed ?? 1;

  return {
    sourceIds,
    article(index) {
      const r = rng(seed * 1_000_003 + index);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
      const traditional = r() < 0.5;
      const sentences = traditional ? hant : hans;
      const region = pick(PLACE_REGIONS);
      const places = (traditional ? PLACES : placesHans)[region] ?? [];
      const place = pick(places);
      const topic = pick(traditional ? TOPICS : topicsHans);
      const count = minS + Math.floor(r() * (maxS - minS + 1));
      const body: string[] = [];
      for (let i = 0; i < count; i += 1) {
        // Weave the place into the prose so that region names are searchable in the body.
        body.push(i === 1 ? `${place}${pick(sentences)}` : pick(sentences));
      }
      const title = `${place}:${topic}${traditional ? '工作取得新進展' : '工作取得新进展'}(${index})`;
      const regions: RegionId[] = [region];
      if (r() < 0.1) regions.push(pick(PLACE_REGIONS));
      return {
        url: `https://news.example.cn/${20250000 + (index % 9999)}/${index.toString(16).padStart(8, '0')}.html`,
        guid: null,
        contentHash: null,
        sourceId: pick(sourceIds),
        title,
        summary: body[0] ?? '',
        contentHtml: body.map((s) => `<p>${s}</p>`).join(''),
        text: body.join('\n'),
        sourceName: pick(traditional ? SOURCES : sourcesHans),
        editor: pick(EDITORS),
        responsibleEditor: pick(EDITORS),
        originalTitle: r() < 0.3 ? `${title}(原題)` : null,
        copyright: null,
        publishedAt: newest - Math.floor(r() * span),
        fetchedAt: newest,
        script: traditional ? 'hant' : 'hans',
        regions,
      };
    },
  };
}
