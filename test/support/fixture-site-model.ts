/**
 * The fixture site's deterministic article model: which corpus article each region list, feed and
 * special page carries, under which path, date and encoding, and the ground truth
 * (`FixtureArticle`) a page is rendered from. Everything follows from the seed.
 */
import type { RegionId } from '../../app/shared/regions.ts';
import { corpus, PLACE_REGIONS, rng, type Corpus } from './corpus.ts';
import { big5Safe, chinaParts, md5 } from './fixture-site-format.ts';

export type FeedName =
  | 'rss2'
  | 'rss091'
  | 'rdf'
  | 'atom'
  | 'json'
  | 'big5'
  | 'gb2312'
  | 'summary-only'
  | 'lying-charset';

/**
 * How a page's bytes are encoded. `gbk` and `gb18030` pages declare gb2312 in a meta tag and send
 * `Content-Type: text/html` without a charset; `utf-8-declared-gb2312` pages do the same but are
 * really UTF-8 bytes.
 */
export type PageEncoding = 'utf-8' | 'gbk' | 'gb18030' | 'utf-8-declared-gb2312';

export interface FixtureArticle {
  readonly path: string;
  readonly url: string;
  /** The region list that carries it; null for articles reached only from feeds. */
  readonly region: RegionId | null;
  /** The region whose place its title and body name (what a gazetteer should find). */
  readonly namedRegion: RegionId;
  readonly title: string;
  readonly originalTitle: string | null;
  /** Milliseconds since the epoch; the page prints it in China time (UTC+8). */
  readonly publishedAt: number;
  readonly script: 'hans' | 'hant';
  readonly sourceName: string;
  readonly editor: string;
  readonly responsibleEditor: string;
  /** Text paragraphs of the body, without the 原題 line and image paragraphs. */
  readonly paragraphs: readonly string[];
  /** Root-relative image paths in the body. */
  readonly images: readonly string[];
  readonly encoding: PageEncoding;
  /** False for the plain pages (no channel template) that summary-only feed items link to. */
  readonly template: boolean;
}

export interface SpecialPages {
  readonly withOriginalTitle: string;
  readonly withoutOriginalTitle: string;
  /** Declares gb2312, bytes are UTF-8. */
  readonly lyingCharset: string;
  /**
   * Declared gb2312 with no charset in the header: Simplified text in GBK bytes (if the lists are
   * too short to hold one, a stand-alone page in GBK or, for Traditional text, GB18030).
   */
  readonly gbk: string;
  readonly utf8: string;
  /** Template page whose body is full of things a sanitiser must remove. */
  readonly hostile: string;
}

export const FEEDS: readonly {
  readonly name: FeedName;
  readonly id: string;
  readonly path: string;
  readonly items: number;
}[] = [
  { name: 'rss2', id: 'feed-rss2', path: '/feeds/rss2.xml', items: 8 },
  { name: 'rss091', id: 'feed-rss091', path: '/feeds/rss091.xml', items: 6 },
  { name: 'rdf', id: 'feed-rdf', path: '/feeds/rdf.xml', items: 7 },
  { name: 'atom', id: 'feed-atom', path: '/feeds/atom.xml', items: 8 },
  { name: 'json', id: 'feed-json', path: '/feeds/feed.json', items: 6 },
  { name: 'big5', id: 'feed-big5', path: '/feeds/big5.xml', items: 5 },
  { name: 'gb2312', id: 'feed-gb2312', path: '/feeds/gb2312.xml', items: 6 },
  { name: 'summary-only', id: 'feed-summary-only', path: '/feeds/summary-only.xml', items: 5 },
  { name: 'lying-charset', id: 'feed-lying-charset', path: '/feeds/lying-charset.xml', items: 5 },
];

export const FIXTURE_REGIONS: readonly RegionId[] = PLACE_REGIONS;

/** The newest portal article: 2026-11-20 08:54:03 China time. */
export const NEWEST = Date.UTC(2026, 10, 20, 0, 54, 3);

/** Places feed items are about, Traditional and Simplified: cities a gazetteer must know. */
const FEED_PLACES: readonly (readonly [string, string])[] = [
  ['延吉', '延吉'],
  ['長春', '长春'],
  ['吉林市', '吉林市'],
  ['琿春', '珲春'],
  ['四平', '四平'],
  ['通化', '通化'],
  ['松原', '松原'],
  ['白城', '白城'],
  ['敦化', '敦化'],
  ['遼源', '辽源'],
  ['白山', '白山'],
  ['梅河口', '梅河口'],
  ['長白山保護開發區', '长白山保护开发区'],
  ['公主嶺', '公主岭'],
];

const REPORTERS_HANT = ['任勝章', '王堃', '李明遠', '張偉', '劉佳', '孫麗華'];
const REPORTERS_HANS = ['任胜章', '王堃', '李明远', '张伟', '刘佳', '孙丽华'];

export interface Spec {
  readonly path: string;
  readonly corpusIndex: number;
  readonly region: RegionId | null;
  readonly publishedAt: number;
  readonly encoding: PageEncoding;
  readonly originalTitle: 'auto' | 'yes' | 'no';
  readonly template: boolean;
  readonly hash: string;
  /** Forced reporter (the Big5 feed wants 王堃 somewhere). */
  readonly reporter?: string;
  /** Text transformation for pages whose text must survive a legacy encoding. */
  readonly big5?: boolean;
}

const corpusCache = new Map<number, Corpus>();
function corpusFor(seed: number): Corpus {
  let c = corpusCache.get(seed);
  if (c === undefined) {
    c = corpus({ seed });
    corpusCache.set(seed, c);
  }
  return c;
}

export class SiteModel {
  readonly seed: number;
  readonly articlesPerRegion: number;
  readonly pageSize: number;
  readonly corpus: Corpus;
  readonly routes = new Map<string, Spec>();
  readonly regionSpecs = new Map<RegionId, Spec[]>();
  readonly feedSpecs = new Map<FeedName, Spec[]>();
  readonly special: SpecialPages;

  constructor(seed: number, articlesPerRegion: number, pageSize: number) {
    this.seed = seed;
    this.articlesPerRegion = articlesPerRegion;
    this.pageSize = pageSize;
    this.corpus = corpusFor(seed);
    const n = articlesPerRegion;

    // Corpus articles whose place belongs to each region, in corpus order, so that a region's
    // list carries stories about that region.
    const buckets = new Map<RegionId, number[]>(FIXTURE_REGIONS.map((r) => [r, []]));
    const scripts = new Map<number, 'hans' | 'hant'>();
    let filled = n === 0 ? FIXTURE_REGIONS.length : 0;
    for (let i = 0; filled < FIXTURE_REGIONS.length; i += 1) {
      const a = this.corpus.article(i);
      const bucket = a.regions[0] === undefined ? undefined : buckets.get(a.regions[0]);
      if (bucket === undefined || bucket.length >= n) continue;
      bucket.push(i);
      scripts.set(i, a.script === 'hant' ? 'hant' : 'hans');
      if (bucket.length === n) filled += 1;
    }

    FIXTURE_REGIONS.forEach((region, ri) => {
      const next = rng(seed * 7919 + ri + 1);
      let t = NEWEST - ri * 7 * 60_000;
      const specs: Spec[] = [];
      (buckets.get(region) ?? []).forEach((corpusIndex, j) => {
        if (j > 0) t -= (25 + Math.floor(next() * 215)) * 60_000 + Math.floor(next() * 60) * 1000;
        const hash = md5(`portal/${seed}/${region}/${j}`);
        const gbFamily = (parseInt(hash.slice(-1), 16) & 1) === 1;
        const script = scripts.get(corpusIndex) ?? 'hans';
        const gb: PageEncoding = script === 'hans' ? 'gbk' : 'gb18030';
        specs.push({
          path: `/${chinaParts(t).ymd}/${hash}.html`,
          corpusIndex,
          region,
          publishedAt: t,
          encoding: gbFamily ? gb : 'utf-8',
          originalTitle: 'auto',
          template: true,
          hash,
        });
      });
      this.regionSpecs.set(region, specs);
    });

    // Pages with a known property: the first five of the changchun list (or stand-alone pages,
    // reachable by path only, when the list is shorter than that).
    const changchun = this.regionSpecs.get('changchun') ?? [];
    const overrides: ((s: Spec) => Spec)[] = [
      (s) => ({ ...s, originalTitle: 'yes' }),
      (s) => ({ ...s, originalTitle: 'no' }),
      (s) => ({ ...s, encoding: 'utf-8-declared-gb2312' }),
      (s) => ({ ...s, encoding: this.scriptOf(s) === 'hans' ? 'gbk' : 'gb18030' }),
      (s) => ({ ...s, encoding: 'utf-8' }),
    ];
    const specialPaths = overrides.map((override, k) => {
      const existing = changchun[k];
      if (existing !== undefined) {
        changchun[k] = override(existing);
        return existing.path;
      }
      const hash = md5(`special/${seed}/${k}`);
      const t = NEWEST - (k + 1) * 86_400_000;
      const spec = override({
        path: `/${chinaParts(t).ymd}/${hash}.html`,
        corpusIndex: 900_000 + k,
        region: null,
        publishedAt: t,
        encoding: 'utf-8',
        originalTitle: 'auto',
        template: true,
        hash,
      });
      this.routes.set(spec.path, spec);
      return spec.path;
    });
    for (const specs of this.regionSpecs.values()) {
      for (const spec of specs) this.routes.set(spec.path, spec);
    }
    const firstGbk = [...this.regionSpecs.values()].flat().find((s) => s.encoding === 'gbk');

    FEEDS.forEach((feed, f) => {
      const specs: Spec[] = [];
      const want = feed.name === 'big5' ? 'hant' : feed.name === 'gb2312' ? 'hans' : null;
      let i = 1_000_000 + f * 1000;
      for (let k = 0; k < feed.items; k += 1) {
        // Each item names a well-known place, cycling through the list so every feed covers
        // several regions (the corpus picks places at random; take the next one that fits).
        const place = FEED_PLACES[(f * 3 + k) % FEED_PLACES.length] ?? ['長春', '长春'];
        for (let tries = 0; tries < 100_000; tries += 1, i += 1) {
          const a = this.corpus.article(i);
          const named = a.title.startsWith(`${place[0]}:`) || a.title.startsWith(`${place[1]}:`);
          if ((want === null || a.script === want) && named) break;
        }
        const t = NEWEST - 30 * 60_000 - f * 11 * 60_000 - k * 53 * 60_000;
        const hash = md5(`feed/${seed}/${feed.name}/${k}`);
        const plain = feed.name === 'summary-only';
        const spec: Spec = {
          path: plain ? `/story/${hash}.html` : `/${chinaParts(t).ymd}/${hash}.html`,
          corpusIndex: i,
          region: null,
          publishedAt: t,
          encoding: 'utf-8',
          originalTitle: 'auto',
          template: !plain,
          hash,
          ...(feed.name === 'big5' ? { big5: true, ...(k === 0 ? { reporter: '王堃' } : {}) } : {}),
        };
        specs.push(spec);
        this.routes.set(spec.path, spec);
        i += 1;
      }
      this.feedSpecs.set(feed.name, specs);
    });

    this.special = {
      withOriginalTitle: specialPaths[0] ?? '',
      withoutOriginalTitle: specialPaths[1] ?? '',
      lyingCharset: specialPaths[2] ?? '',
      gbk: firstGbk?.path ?? specialPaths[3] ?? '',
      utf8: specialPaths[4] ?? '',
      hostile: '/faulty/hostile.html',
    };
  }

  private scriptOf(spec: Spec): 'hans' | 'hant' {
    return this.corpus.article(spec.corpusIndex).script === 'hant' ? 'hant' : 'hans';
  }

  materialise(spec: Spec, origin: string): FixtureArticle {
    const a = this.corpus.article(spec.corpusIndex);
    const hant = a.script === 'hant';
    const fix = spec.big5 === true ? big5Safe : (s: string): string => s;
    const sentences = a.text.split('\n').map(fix);
    const title = fix(a.title);
    const sourceName = fix(a.sourceName ?? '吉林日報');
    const reporters = hant ? REPORTERS_HANT : REPORTERS_HANS;
    const reporter =
      spec.reporter ?? reporters[parseInt(spec.hash.slice(0, 2), 16) % reporters.length] ?? '';
    const p = chinaParts(spec.publishedAt);
    const dateline = `${sourceName}${p.d.getUTCMonth() + 1}月${p.d.getUTCDate()}日${hant ? '訊' : '讯'}(${hant ? '記者' : '记者'}${reporter}):`;
    const paragraphs: string[] = [`${dateline}${sentences[0] ?? ''}`];
    for (let i = 1; i < sentences.length; i += 2) {
      paragraphs.push(sentences.slice(i, i + 2).join(''));
    }
    const wantsOriginal =
      spec.originalTitle === 'yes' || (spec.originalTitle === 'auto' && a.originalTitle != null);
    const clause = (sentences[0] ?? '').split(/[,,;;。:]/u)[0] ?? '';
    const stem = title.replace(/\(\d+\)$/u, '');
    const images: string[] = [];
    const nibble = parseInt(spec.hash.slice(1, 2), 16);
    if (nibble % 3 === 0) images.push(`/img/${spec.hash.slice(0, 16)}.jpg`);
    if (nibble % 5 === 0) images.push(`/img/${spec.hash.slice(16)}.png`);
    return {
      path: spec.path,
      url: `${origin}${spec.path}`,
      region: spec.region,
      namedRegion: a.regions[0] ?? 'changchun',
      title,
      originalTitle: wantsOriginal ? `${stem} ${clause}` : null,
      publishedAt: spec.publishedAt,
      script: hant ? 'hant' : 'hans',
      sourceName,
      editor: fix(a.editor ?? '田東艷'),
      responsibleEditor: fix(a.responsibleEditor ?? '劉徵宇'),
      paragraphs,
      images,
      encoding: spec.encoding,
      template: spec.template,
    };
  }
}
