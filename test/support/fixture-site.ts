/**
 * A local HTTP fixture site modelled on the portal's Jilin province channel, for the sync engine's
 * tests and benchmark. It serves paged region lists, article pages in the channel's template (in
 * UTF-8, GBK and GB18030, plus one page that lies about its charset), hot-link-protected images,
 * feeds in every common format and encoding, and a set of faulty routes.
 *
 * Everything is generated from `seed` (article text comes from test/support/corpus.ts), so pages
 * are byte-for-byte the same for a seed, apart from list and feed pages, which carry the origin.
 * Static hostile and broken documents live in test/fixtures/site/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { REGIONS, type RegionId } from '../../app/shared/regions.ts';
import { corpus, PLACE_REGIONS, rng, type Corpus } from './corpus.ts';

// ---- Public API ---------------------------------------------------------------------------------

export interface FixtureSite {
  readonly origin: string; // http://127.0.0.1:PORT
  /** How many times each path was requested, and the request headers of the last one. */
  readonly hits: Map<string, number>;
  lastHeaders(path: string): Record<string, string | string[] | undefined> | undefined;
  /** Writes a sources file (the app's JSON shape, below) for this site into dir; returns its path. */
  writeSourcesFile(dir: string, which?: 'portal' | 'feeds' | 'all'): string;
  /** Articles the portal serves per region (ground truth for tests). */
  readonly articlesPerRegion: number;
  close(): Promise<void>;

  // Ground truth beyond the brief's minimum, for tests that want to compare what they parsed.
  readonly pageSize: number;
  readonly seed: number;
  /** The articles of one region's list, newest first, as the list pages order them. */
  portalArticles(region: RegionId): readonly FixtureArticle[];
  /** The articles a feed's items link to, in item order. */
  feedArticles(feed: FeedName): readonly FixtureArticle[];
  /** Any article page by path (portal, feed or special), or undefined. */
  article(path: string): FixtureArticle | undefined;
  /**
   * Paths of article pages with a particular property. They are the first five of the changchun
   * list (gbk: the first GBK page of any list) when the lists are long enough, else stand-alone
   * pages reachable by path only.
   */
  readonly special: SpecialPages;
}

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

export interface FixtureSiteOptions {
  /** Default 50 (three list pages of 20, within the sources file's default maxPages of 3). */
  readonly articlesPerRegion?: number;
  /** Default 20. */
  readonly pageSize?: number;
  /** Default 1. */
  readonly seed?: number;
  /** Delay before every answer, in ms (default 0): lets a UI test see a sync in progress. */
  readonly latencyMs?: number;
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

// ---- Fixed bytes ----------------------------------------------------------------------------------

/** A valid 1×1 RGB PNG (one brick-red pixel). */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da633860' +
    'a90d0002e10125c443ce410000000049454e44ae426082',
  'hex',
);

/**
 * A valid baseline 1×1 greyscale JFIF JPEG (mid grey): one-entry Huffman tables, DC 0 and EOB.
 * libjpeg decodes it without warnings.
 */
export const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb004300' +
    '01'.repeat(64) +
    'ffc0000b080001000101011100' +
    'ffc4001400' +
    '01' +
    '00'.repeat(16) +
    'ffc4001410' +
    '01' +
    '00'.repeat(16) +
    'ffda0008010100003f003fffd9',
  'hex',
);

const HUGE_IMAGE_BYTES = 30 * 1024 * 1024;
const HUGE_BODY_BYTES = 200 * 1024 * 1024;
const BOMB_BYTES = 50 * 1024 * 1024;
const FIXED_LAST_MODIFIED = Date.UTC(2026, 0, 1);

let gzipBombCache: Buffer | undefined;
/** ~50 MB of zeros, gzip-compressed once per process (about 50 KB). */
function gzipBomb(): Buffer {
  gzipBombCache ??= gzipSync(Buffer.alloc(BOMB_BYTES), { level: 9 });
  return gzipBombCache;
}

const JUNK = (() => {
  const next = rng(20261120);
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(next() * 256);
  return bytes;
})();

// ---- Static content -----------------------------------------------------------------------------

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const readStatic = (name: string): Buffer => readFileSync(join(FIXTURES, 'site', name));

/** The channel's copyright notice, as the seed page prints it. */
const COPYRIGHT_ITEMS: readonly string[] = (() => {
  const seed = readFileSync(join(FIXTURES, 'seed', 'cri-jilin-channel-article.txt'), 'utf8');
  const after = seed.slice(seed.indexOf('國際在線版權與信息産品內容銷售的聲明'));
  return after
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('•'))
    .map((line) => line.replace(/^•\s*/u, ''));
})();

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
const CONTACT = '熱線:0431-81126178 郵箱:jilin@cri.cn';
const CHANNEL = '國際在線吉林頻道';

// ---- Small helpers ------------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const CHINA_OFFSET = 8 * 3_600_000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function chinaParts(ms: number): { ymd: string; date: string; time: string; d: Date } {
  const d = new Date(ms + CHINA_OFFSET);
  const y = d.getUTCFullYear();
  const mo = pad(d.getUTCMonth() + 1);
  const da = pad(d.getUTCDate());
  return {
    ymd: `${y}${mo}${da}`,
    date: `${y}-${mo}-${da}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    d,
  };
}

/** `2026-11-20 08:54:03`, China time, as the channel prints it. */
export function chinaTime(ms: number): string {
  const p = chinaParts(ms);
  return `${p.date} ${p.time}`;
}

function rfc822China(ms: number): string {
  const p = chinaParts(ms);
  const dayName = DAYS[p.d.getUTCDay()] ?? 'Mon';
  const month = MONTHS[p.d.getUTCMonth()] ?? 'Jan';
  return `${dayName}, ${pad(p.d.getUTCDate())} ${month} ${p.d.getUTCFullYear()} ${p.time} +0800`;
}

function isoChina(ms: number): string {
  const p = chinaParts(ms);
  return `${p.date}T${p.time}+08:00`;
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** True when the request's validators match: If-None-Match first, else If-Modified-Since. */
function notModified(req: IncomingMessage, etag: string, lastModified: number): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(lastModified / 1000) * 1000 <= since;
}

function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

/** Strings a Big5 page can carry: the usual Traditional variants where the corpus uses others. */
function big5Safe(text: string): string {
  const swapped = text.replace(/説/g, '說').replace(/産/g, '產');
  let out = '';
  for (const ch of swapped) {
    if (
      ch.charCodeAt(0) < 0x80 ||
      iconv.decode(iconv.encode(ch, 'big5hkscs'), 'big5hkscs') === ch
    ) {
      out += ch;
    }
  }
  return out;
}

// ---- The site model -----------------------------------------------------------------------------

interface Spec {
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

interface Rendered {
  readonly status?: number;
  readonly body: Buffer;
  readonly type: string;
  readonly lastModified: number;
  readonly headers?: Readonly<Record<string, string>>;
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

const regionLabel = (id: RegionId): string => REGIONS.find((r) => r.id === id)?.labelHant ?? id;

class SiteModel {
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

// ---- Page rendering -----------------------------------------------------------------------------

function regionNav(): string {
  return FIXTURE_REGIONS.map(
    (id) => `<li><a href="/jilin/${id}/index.html">${regionLabel(id)}</a></li>`,
  ).join('');
}

function pageHead(title: string, charsetMeta: string, description = ''): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    charsetMeta,
    `<title>${escapeHtml(title)}</title>`,
    '<meta name="keywords" content="吉林,長春,國際在線,關東黑土">',
    `<meta name="description" content="${escapeHtml(description)}">`,
    '<link rel="stylesheet" href="/css/jilin.css">',
    '<script src="/js/jquery.min.js"></script>',
    '</head>',
  ].join('\n');
}

function header(): string {
  return [
    '<div class="header"><div class="header-inner">',
    '<div class="logo"><a href="/jilin/index.html"><img src="/img/logo.png" alt="國際在線"></a></div>',
    '<div class="channel-name">關東黑土</div>',
    '<div class="top-links"><a href="http://www.cri.cn/">國際在線首頁</a> <a href="/about.html">關於我們</a></div>',
    '</div></div>',
    `<div class="nav"><ul class="nav-list"><li><a href="/jilin/index.html">首頁</a></li>${regionNav()}</ul></div>`,
    `<div class="contact"><span>熱線:0431-81126178</span> <span>郵箱:jilin@cri.cn</span></div>`,
  ].join('\n');
}

function footer(): string {
  return [
    '<div class="footer">',
    `<div class="footer-regions"><ul>${regionNav()}</ul></div>`,
    `<p>${CONTACT}</p>`,
    '<p><a href="/about.html">關於我們</a> | <a href="/news/contact.html">聯繫我們</a> | <a href="http://www.cri.cn/">國際在線</a></p>',
    '<p>國際在線版權所有 Copyright © CRI Online. All Rights Reserved.</p>',
    '</div>',
    '<script>var _hmt = _hmt || [];</script>',
  ].join('\n');
}

function articleBodyHtml(x: FixtureArticle, imageBase = ''): string {
  const parts: string[] = [];
  if (x.originalTitle !== null) parts.push(`<p>原題:${escapeHtml(x.originalTitle)}</p>`);
  x.paragraphs.forEach((text, i) => {
    parts.push(`<p>${escapeHtml(text)}</p>`);
    if (i === 0) {
      for (const img of x.images) {
        parts.push(`<p style="text-align: center;"><img src="${imageBase}${img}" alt=""></p>`);
      }
    }
  });
  return parts.join('\n');
}

function templatePage(x: FixtureArticle, charsetMeta: string): string {
  return [
    pageHead(`${x.title}_國際在線`, charsetMeta, x.paragraphs[0] ?? ''),
    '<body>',
    header(),
    '<div class="wrap"><div class="main-left"><div class="article-box">',
    `<div class="crumbs"><a href="/jilin/index.html">關東黑土</a> &gt; ${x.region === null ? '要聞' : `<a href="/jilin/${x.region}/index.html">${regionLabel(x.region)}</a>`}</div>`,
    `<h1 id="atitle">${escapeHtml(x.title)}</h1>`,
    `<div class="info"><span id="apublishtime">${chinaTime(x.publishedAt)}</span> | <span id="asource">來源:${escapeHtml(x.sourceName)}</span> | <span id="aeditor">編輯:${escapeHtml(x.editor)}</span> | <span>責編:${escapeHtml(x.responsibleEditor)}</span></div>`,
    `<div id="abody">\n${articleBodyHtml(x)}\n</div>`,
    `<div class="copyright">國際在線版權與信息産品內容銷售的聲明:<ul>${COPYRIGHT_ITEMS.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul></div>`,
    '</div></div>',
    '<div class="main-right"><div class="ad"><a href="http://ad.cri.cn/click?id=jl-article-300x250" target="_blank"><img src="/img/ad-300x250.jpg" alt="廣告"></a></div>',
    '<div class="hot"><h3>熱點推薦</h3><ul><li><a href="/news/world/index.html">國際新聞</a></li><li><a href="/news/china/index.html">國內新聞</a></li><li><a href="/video/index.html">視頻</a></li></ul></div></div>',
    '</div>',
    footer(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function plainPage(x: FixtureArticle): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(x.title)} - 東北新聞速遞</title>`,
    '</head>',
    '<body>',
    '<header><nav><a href="/">首頁</a> <a href="/about.html">關於</a> <a href="/feeds/summary-only.xml">訂閱</a></nav></header>',
    '<main>',
    '<article>',
    `<h1>${escapeHtml(x.title)}</h1>`,
    `<p class="byline">${chinaTime(x.publishedAt)} ${escapeHtml(x.sourceName)}</p>`,
    ...x.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
    ...x.images.map((img) => `<figure><img src="${img}" alt=""></figure>`),
    '</article>',
    '</main>',
    '<aside><h2>相關閱讀</h2><ul><li><a href="/about.html">關於我們</a></li><li><a href="/feeds/rss2.xml">RSS</a></li></ul></aside>',
    '<footer><p>東北新聞速遞 版權所有</p></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const META_UTF8 = '<meta charset="utf-8">';
const META_GB2312 = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';

/** Encodes with iconv-lite and insists nothing was lost (a lossy fixture would be a bug here). */
function encodeExact(text: string, encoding: 'big5hkscs' | 'gbk'): Buffer {
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text) {
    throw new Error(`fixture-site: text does not survive ${encoding}`);
  }
  return bytes;
}

function encodeGb(text: string, encoding: 'gbk' | 'gb18030'): Buffer {
  if (encoding === 'gbk') {
    const bytes = iconv.encode(text, 'gbk');
    if (iconv.decode(bytes, 'gbk') === text) return bytes;
  }
  return iconv.encode(text, 'gb18030');
}

function renderArticle(x: FixtureArticle): Rendered {
  if (!x.template) {
    return {
      body: Buffer.from(plainPage(x), 'utf8'),
      type: 'text/html; charset=utf-8',
      lastModified: x.publishedAt,
    };
  }
  switch (x.encoding) {
    case 'utf-8':
      return {
        body: Buffer.from(templatePage(x, META_UTF8), 'utf8'),
        type: 'text/html; charset=utf-8',
        lastModified: x.publishedAt,
      };
    case 'utf-8-declared-gb2312':
      return {
        body: Buffer.from(templatePage(x, META_GB2312), 'utf8'),
        type: 'text/html',
        lastModified: x.publishedAt,
      };
    case 'gbk':
    case 'gb18030':
      return {
        body: encodeGb(templatePage(x, META_GB2312), x.encoding),
        type: 'text/html',
        lastModified: x.publishedAt,
      };
  }
}

function listItem(x: FixtureArticle, index: number, origin: string, withPicture: boolean): string {
  // Link styles vary as they do on the real channel: absolute, root-relative, path-relative.
  const href = index % 3 === 0 ? `${origin}${x.path}` : index % 3 === 1 ? x.path : `../..${x.path}`;
  const picture =
    withPicture && x.images[0] !== undefined
      ? `<div class="pic"><a href="${href}" target="_blank"><img src="${x.images[0]}" alt=""></a></div>`
      : '';
  return [
    `<li class="list-item">${picture}<div class="txt">`,
    `<h4><a href="${href}" target="_blank" title="${escapeHtml(x.title)}">${escapeHtml(x.title)}</a></h4>`,
    `<span class="time">${chinaTime(x.publishedAt).slice(0, 16)}</span>`,
    '</div></li>',
  ].join('');
}

function pager(page: number, pages: number): string {
  const name = (p: number): string => (p === 1 ? 'index.html' : `index_${p}.html`);
  const parts: string[] = [];
  if (page > 1) {
    parts.push(
      `<a href="${name(1)}">首頁</a>`,
      `<a class="prev" href="${name(page - 1)}">上一頁</a>`,
    );
  }
  for (let p = 1; p <= pages; p += 1) {
    parts.push(p === page ? `<span class="cur">${p}</span>` : `<a href="${name(p)}">${p}</a>`);
  }
  if (page < pages) {
    parts.push(
      `<a class="next" href="${name(page + 1)}">下一頁</a>`,
      `<a href="${name(pages)}">尾頁</a>`,
    );
  }
  return `<div class="page-nav">${parts.join(' ')}</div>`;
}

function listPage(
  region: RegionId,
  page: number,
  pages: number,
  items: readonly FixtureArticle[],
  first: number,
  origin: string,
): string {
  const label = regionLabel(region);
  return [
    pageHead(`${label}_關東黑土_國際在線`, META_UTF8, `國際在線吉林頻道${label}新聞`),
    '<body>',
    header(),
    '<div class="banner"><a href="http://ad.cri.cn/click?id=jl-banner-960x90" target="_blank"><img src="/img/ad-banner.jpg" alt="廣告"></a></div>',
    '<div class="wrap"><div class="main-left">',
    `<div class="list-box"><div class="list-title"><h2>${label}</h2><a class="more" href="/jilin/index.html">返回頻道首頁</a></div>`,
    '<div class="list-content"><ul class="news-list">',
    ...items.map((x, i) => listItem(x, first + i, origin, i === 0)),
    '</ul>',
    pager(page, pages),
    '</div></div></div>',
    '<div class="main-right">',
    '<div class="ad"><a href="http://ad.cri.cn/click?id=jl-list-300x250" target="_blank">吉林旅遊 冰雪嘉年華</a></div>',
    '<div class="hot"><h3>其他頻道</h3><ul>',
    '<li><a href="/news/world/index.html">國際</a></li>',
    '<li><a href="/news/china/index.html">國內</a></li>',
    '<li><a href="/video/index.html">視頻</a></li>',
    '<li><a href="http://heilongjiang.cri.cn/index.html">黑龍江</a></li>',
    '<li><a href="/about.html">關於我們</a></li>',
    '</ul></div>',
    '</div></div>',
    footer(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---- Feeds --------------------------------------------------------------------------------------

function cdata(html: string): string {
  return `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function summaryOf(x: FixtureArticle, length = 80): string {
  const text = x.paragraphs.join('');
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function rss2(
  origin: string,
  path: string,
  items: readonly FixtureArticle[],
  options: { encoding: string; title: string; language?: string; summaryOnly?: boolean },
): string {
  const newest = items[0]?.publishedAt ?? NEWEST;
  const body = items.map((x, k) => {
    const lines = [
      '<item>',
      `<title>${escapeHtml(x.title)}</title>`,
      `<link>${x.url}</link>`,
      k % 2 === 0
        ? `<guid isPermaLink="true">${x.url}</guid>`
        : `<guid isPermaLink="false">jilin-${x.path.slice(-37, -5)}</guid>`,
      `<pubDate>${rfc822China(x.publishedAt)}</pubDate>`,
    ];
    if (options.summaryOnly === true) {
      lines.push(`<description>${escapeHtml(summaryOf(x, 40))}</description>`);
    } else {
      lines.push(
        `<description>${escapeHtml(summaryOf(x))}</description>`,
        `<dc:creator>${escapeHtml(x.editor)}</dc:creator>`,
        `<content:encoded>${cdata(articleBodyHtml(x, origin))}</content:encoded>`,
      );
    }
    lines.push('</item>');
    return lines.join('\n');
  });
  return [
    `<?xml version="1.0" encoding="${options.encoding}"?>`,
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeHtml(options.title)}</title>`,
    `<link>${origin}/jilin/index.html</link>`,
    `<atom:link href="${origin}${path}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeHtml(`${options.title}:吉林省各地新聞`)}</description>`,
    `<language>${options.language ?? 'zh-cn'}</language>`,
    `<lastBuildDate>${rfc822China(newest)}</lastBuildDate>`,
    ...body,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function rss091(origin: string, items: readonly FixtureArticle[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
    '<rss version="0.91">',
    '<channel>',
    `<title>${CHANNEL}(舊版)</title>`,
    `<link>${origin}/jilin/index.html</link>`,
    '<description>吉林新聞 RSS 0.91</description>',
    '<language>zh-tw</language>',
    ...items.map((x) =>
      [
        '<item>',
        `<title>${escapeHtml(x.title)}</title>`,
        `<link>${x.url}</link>`,
        `<description>${escapeHtml(summaryOf(x, 120))}</description>`,
        '</item>',
      ].join('\n'),
    ),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function rdf(origin: string, path: string, items: readonly FixtureArticle[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    `<channel rdf:about="${origin}${path}">`,
    `<title>${CHANNEL}(RDF)</title>`,
    `<link>${origin}/jilin/index.html</link>`,
    '<description>吉林新聞 RSS 1.0</description>',
    '<items><rdf:Seq>',
    ...items.map((x) => `<rdf:li rdf:resource="${x.url}"/>`),
    '</rdf:Seq></items>',
    '</channel>',
    ...items.map((x) =>
      [
        `<item rdf:about="${x.url}">`,
        `<title>${escapeHtml(x.title)}</title>`,
        `<link>${x.url}</link>`,
        `<description>${escapeHtml(summaryOf(x))}</description>`,
        `<content:encoded>${cdata(articleBodyHtml(x, origin))}</content:encoded>`,
        `<dc:date>${isoChina(x.publishedAt)}</dc:date>`,
        `<dc:creator>${escapeHtml(x.editor)}</dc:creator>`,
        '</item>',
      ].join('\n'),
    ),
    '</rdf:RDF>',
    '',
  ].join('\n');
}

function atom(origin: string, path: string, items: readonly FixtureArticle[]): string {
  const newest = items[0]?.publishedAt ?? NEWEST;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh">',
    `<title>${CHANNEL}(Atom)</title>`,
    `<id>${origin}${path}</id>`,
    `<link rel="self" href="${origin}${path}"/>`,
    `<link rel="alternate" type="text/html" href="${origin}/jilin/index.html"/>`,
    `<updated>${isoChina(newest)}</updated>`,
    '<author><name>國際在線吉林頻道</name></author>',
    ...items.map((x) =>
      [
        '<entry>',
        `<title type="text">${escapeHtml(x.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${x.url}"/>`,
        `<id>tag:jilin.cri.cn,2026:${x.path.slice(-37, -5)}</id>`,
        `<published>${isoChina(x.publishedAt)}</published>`,
        `<updated>${isoChina(x.publishedAt)}</updated>`,
        `<author><name>${escapeHtml(x.editor)}</name></author>`,
        `<summary type="text">${escapeHtml(summaryOf(x))}</summary>`,
        `<content type="html">${escapeHtml(articleBodyHtml(x, origin))}</content>`,
        '</entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}

function jsonFeed(origin: string, path: string, items: readonly FixtureArticle[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: `${CHANNEL}(JSON)`,
      home_page_url: `${origin}/jilin/index.html`,
      feed_url: `${origin}${path}`,
      language: 'zh',
      items: items.map((x) => ({
        id: x.url,
        url: x.url,
        title: x.title,
        summary: summaryOf(x),
        content_html: articleBodyHtml(x, origin),
        date_published: isoChina(x.publishedAt),
        authors: [{ name: x.editor }],
        language: x.script === 'hant' ? 'zh-Hant' : 'zh-Hans',
        ...(x.images[0] === undefined ? {} : { image: `${origin}${x.images[0]}` }),
      })),
    },
    null,
    2,
  )}\n`;
}

// ---- The server ---------------------------------------------------------------------------------

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const seed = options.seed ?? 1;
  const articlesPerRegion = options.articlesPerRegion ?? 50;
  const pageSize = options.pageSize ?? 20;
  if (!Number.isInteger(articlesPerRegion) || articlesPerRegion < 0) {
    throw new RangeError('articlesPerRegion must be a non-negative integer');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError('pageSize must be a positive integer');
  }
  const model = new SiteModel(seed, articlesPerRegion, pageSize);
  const hits = new Map<string, number>();
  const headersByPath = new Map<string, Record<string, string | string[] | undefined>>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const hostile = readStatic('hostile.html');
  const malformed = readStatic('malformed.xml');
  const notFeed = readStatic('not-feed.xml');
  const feedCache = new Map<string, Rendered>();

  const materialised = (spec: Spec): FixtureArticle => model.materialise(spec, origin);
  const portalArticles = (region: RegionId): FixtureArticle[] =>
    (model.regionSpecs.get(region) ?? []).map(materialised);
  const feedArticles = (feed: FeedName): FixtureArticle[] =>
    (model.feedSpecs.get(feed) ?? []).map(materialised);

  function renderFeed(name: FeedName, path: string): Rendered {
    const items = feedArticles(name);
    const lastModified = items[0]?.publishedAt ?? NEWEST;
    const xml = (text: string, type = 'application/rss+xml; charset=utf-8'): Rendered => ({
      body: Buffer.from(text, 'utf8'),
      type,
      lastModified,
    });
    switch (name) {
      case 'rss2':
        return xml(rss2(origin, path, items, { encoding: 'utf-8', title: CHANNEL }));
      case 'rss091':
        return xml(rss091(origin, items));
      case 'rdf':
        return xml(rdf(origin, path, items), 'application/rdf+xml; charset=utf-8');
      case 'atom':
        return xml(atom(origin, path, items), 'application/atom+xml; charset=utf-8');
      case 'json':
        return xml(jsonFeed(origin, path, items), 'application/feed+json; charset=utf-8');
      case 'big5': {
        const text = rss2(origin, path, items, {
          encoding: 'big5',
          title: '吉林新聞(繁體版,主編王堃)',
          language: 'zh-tw',
        });
        return { body: encodeExact(text, 'big5hkscs'), type: 'application/rss+xml', lastModified };
      }
      case 'gb2312': {
        const text = rss2(origin, path, items, { encoding: 'gb2312', title: '吉林新闻(简体)' });
        return { body: encodeExact(text, 'gbk'), type: 'application/rss+xml', lastModified };
      }
      case 'summary-only':
        return xml(
          rss2(origin, path, items, {
            encoding: 'utf-8',
            title: '東北新聞速遞(摘要)',
            summaryOnly: true,
          }),
        );
      case 'lying-charset':
        return xml(
          rss2(origin, path, items, { encoding: 'gb2312', title: `${CHANNEL}(編碼聲明錯誤)` }),
          'application/rss+xml',
        );
    }
  }

  function send(req: IncomingMessage, res: ServerResponse, r: Rendered): void {
    const etag = `"${createHash('sha1').update(r.body).digest('hex').slice(0, 20)}"`;
    const lastModified = httpDate(r.lastModified);
    const status = r.status ?? 200;
    if (status === 200 && notModified(req, etag, r.lastModified)) {
      res.writeHead(304, { ETag: etag, 'Last-Modified': lastModified });
      res.end();
      return;
    }
    res.writeHead(status, {
      'Content-Type': r.type,
      'Content-Length': String(r.body.length),
      ETag: etag,
      'Last-Modified': lastModified,
      ...r.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : r.body);
  }

  function simple(res: ServerResponse, status: number, extra: Record<string, string> = {}): void {
    const body = Buffer.from(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1></body></html>\n`,
    );
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      ...extra,
    });
    res.end(body);
  }

  /** Streams `total` bytes (starting with `first`) with back-pressure, until the client leaves. */
  function stream(req: IncomingMessage, res: ServerResponse, total: number, first: Buffer): void {
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    let sent = 0;
    let stopped = false;
    res.on('close', () => {
      stopped = true;
    });
    const pump = (): void => {
      while (!stopped && sent < total) {
        const size = Math.min(JUNK.length, total - sent);
        const chunk =
          sent === 0 ? Buffer.concat([first, JUNK]).subarray(0, size) : JUNK.subarray(0, size);
        sent += size;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!stopped) res.end();
    };
    pump();
  }

  const faulty: Readonly<Record<string, Handler>> = {
    '/faulty/slow': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.flushHeaders();
      const text = '<!DOCTYPE html><html><body><p>慢</p>';
      const bytes = Buffer.from(text);
      let i = 0;
      const timer = setInterval(() => {
        res.write(bytes.subarray(i % bytes.length, (i % bytes.length) + 1));
        i += 1;
      }, 500);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    },
    '/faulty/hang': () => {
      // Never answers; close() destroys the socket.
    },
    '/faulty/500': (_req, res) => {
      simple(res, 500);
    },
    '/faulty/429': (_req, res) => {
      simple(res, 429, { 'Retry-After': '2' });
    },
    '/faulty/503-date': (_req, res) => {
      simple(res, 503, { 'Retry-After': httpDate(Date.now() + 3000) });
    },
    '/faulty/loop': (_req, res) => {
      res.writeHead(302, { Location: '/faulty/loop', 'Content-Length': '0' });
      res.end();
    },
    '/faulty/to-file': (_req, res) => {
      res.writeHead(302, { Location: 'file:///etc/passwd', 'Content-Length': '0' });
      res.end();
    },
    '/faulty/gzip-bomb': (req, res) => {
      const body = gzipBomb();
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Content-Length': String(body.length),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    '/faulty/huge': (req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(HUGE_BODY_BYTES),
      });
      stream(req, res, HUGE_BODY_BYTES, Buffer.from('<!DOCTYPE html><html><body>'));
    },
    '/faulty/malformed.xml': (req, res) => {
      send(req, res, {
        body: malformed,
        type: 'application/rss+xml; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
    },
    '/faulty/hostile.html': (req, res) => {
      send(req, res, {
        body: hostile,
        type: 'text/html; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
    },
    '/faulty/not-feed.xml': (req, res) => {
      send(req, res, {
        body: notFeed,
        type: 'text/xml; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
    },
  };

  function serveImage(req: IncomingMessage, res: ServerResponse, name: string, ext: string): void {
    const referer = req.headers.referer ?? '';
    if (referer !== origin && !referer.startsWith(`${origin}/`)) {
      simple(res, 403);
      return;
    }
    if (name === 'huge' && ext === 'jpg') {
      res.writeHead(200, {
        'Content-Type': 'image/jpeg',
        'Content-Length': String(HUGE_IMAGE_BYTES),
        'Last-Modified': httpDate(FIXED_LAST_MODIFIED),
      });
      stream(req, res, HUGE_IMAGE_BYTES, TINY_JPEG.subarray(0, 20));
      return;
    }
    if (name === 'not-an-image') {
      send(req, res, {
        body: Buffer.from(
          '<!DOCTYPE html><html><head><meta charset="utf-8"><title>圖片不存在</title></head><body><p>您訪問的圖片不存在。</p></body></html>\n',
        ),
        type: 'text/html; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
      return;
    }
    send(req, res, {
      body: ext === 'png' ? TINY_PNG : TINY_JPEG,
      type: ext === 'png' ? 'image/png' : 'image/jpeg',
      lastModified: FIXED_LAST_MODIFIED,
      headers: { 'Cache-Control': 'max-age=2592000' },
    });
  }

  function servePortal(
    req: IncomingMessage,
    res: ServerResponse,
    region: RegionId,
    page: number,
  ): void {
    const specs = model.regionSpecs.get(region) ?? [];
    const pages = Math.max(1, Math.ceil(specs.length / pageSize));
    if (page < 1 || page > pages) {
      simple(res, 404);
      return;
    }
    const items = specs.slice((page - 1) * pageSize, page * pageSize).map(materialised);
    send(req, res, {
      body: Buffer.from(
        listPage(region, page, pages, items, (page - 1) * pageSize, origin),
        'utf8',
      ),
      type: 'text/html; charset=utf-8',
      lastModified: items[0]?.publishedAt ?? NEWEST,
    });
  }

  const handler: Handler = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headersByPath.set(path, { ...req.headers });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      simple(res, 405, { Allow: 'GET, HEAD' });
      return;
    }

    const fault = faulty[path];
    if (fault !== undefined) {
      fault(req, res);
      return;
    }
    const spec = model.routes.get(path);
    if (spec !== undefined) {
      send(req, res, renderArticle(materialised(spec)));
      return;
    }
    const list = /^\/jilin\/([a-z]+)\/index(?:_(\d+))?\.html$/.exec(path);
    const region = FIXTURE_REGIONS.find((r) => r === list?.[1]);
    if (list !== null && region !== undefined && list[2] !== '1') {
      servePortal(req, res, region, list[2] === undefined ? 1 : Number(list[2]));
      return;
    }
    const image = /^\/img\/([A-Za-z0-9_-]+)\.(jpg|png)$/.exec(path);
    if (image !== null) {
      serveImage(req, res, image[1] ?? '', image[2] ?? 'jpg');
      return;
    }
    const feed = FEEDS.find((f) => f.path === path);
    if (feed !== undefined) {
      let rendered = feedCache.get(path);
      if (rendered === undefined) {
        rendered = renderFeed(feed.name, path);
        feedCache.set(path, rendered);
      }
      send(req, res, rendered);
      return;
    }
    if (path === '/about.html' || path === '/jilin/index.html') {
      const body = [
        pageHead(path === '/about.html' ? '關於我們_國際在線' : '關東黑土_國際在線', META_UTF8),
        '<body>',
        header(),
        path === '/about.html'
          ? '<div class="wrap"><p>國際在線吉林頻道由中國國際廣播電臺主辦。</p></div>'
          : `<div class="wrap"><ul class="region-list">${regionNav()}</ul></div>`,
        footer(),
        '</body>',
        '</html>',
        '',
      ].join('\n');
      send(req, res, {
        body: Buffer.from(body),
        type: 'text/html; charset=utf-8',
        lastModified: FIXED_LAST_MODIFIED,
      });
      return;
    }
    simple(res, 404);
  };

  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      handler(req, res);
    } catch (error) {
      // A fixture bug: answer 500 with the message rather than crash the test process.
      if (res.headersSent) res.destroy();
      else simple(res, 500, { 'X-Fixture-Error': encodeURIComponent(String(error)) });
    }
  };
  const latencyMs = options.latencyMs ?? 0;
  const server = createServer((req, res) => {
    if (latencyMs > 0) setTimeout(() => answer(req, res), latencyMs);
    else answer(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    origin,
    hits,
    articlesPerRegion,
    pageSize,
    seed,
    special: model.special,
    lastHeaders: (path) => headersByPath.get(path),
    portalArticles,
    feedArticles,
    article: (path) => {
      const spec = model.routes.get(path);
      return spec === undefined ? undefined : materialised(spec);
    },
    writeSourcesFile(dir, which = 'all') {
      const sources: Record<string, string>[] = [];
      if (which !== 'feeds') {
        for (const region of FIXTURE_REGIONS) {
          sources.push({
            id: `cri-jilin-${region}`,
            type: 'portal',
            profile: 'cri-jilin',
            region,
            url: `${origin}/jilin/${region}/index.html`,
          });
        }
      }
      if (which !== 'portal') {
        for (const feed of FEEDS)
          sources.push({ id: feed.id, type: 'feed', url: `${origin}${feed.path}` });
      }
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'sources.json');
      writeFileSync(file, `${JSON.stringify({ sources }, null, 2)}\n`);
      return file;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        timers.clear();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
