/**
 * A corpus of small feeds written for our tests, each with what a reader must get out of it: every
 * format other readers accept (RSS 0.90–0.94 and 2.0, RSS 1.0/RDF, Atom 0.3 and 1.0, JSON Feed 1.0
 * and 1.1) in every shape that used to be refused or misread: no title, no items, only the
 * elements some spec calls optional, nothing at all (no title, no items), relative links with and without `xml:base`, and GBK and Big5
 * bytes. The expected output is built from the same data as the document, never by our parser.
 * The benchmark (scripts/bench-sync-run.ts) parses a larger corpus made by `benchCorpus`.
 */
import iconv from 'iconv-lite';

export const FORMATS = [
  'rss090',
  'rss091',
  'rss092',
  'rss093',
  'rss094',
  'rss20',
  'rdf',
  'atom03',
  'atom10',
  'json10',
  'json11',
] as const;
export type Format = (typeof FORMATS)[number];

export const SHAPES = [
  'full',
  'untitled',
  'empty',
  'bare',
  'relative-base',
  'relative-url',
  'minimal',
  'html',
  'gbk',
  'big5',
] as const;
export type Shape = (typeof SHAPES)[number];

export interface ExpectedItem {
  readonly url: string;
  readonly title: string;
  readonly publishedAt: number | null;
}

export interface CorpusFeed {
  readonly name: string;
  readonly url: string;
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly expected: { readonly title: string; readonly items: readonly ExpectedItem[] };
}

const HOST = 'feeds.example';
const BASE = 'http://base.example/news/';
const DAY = 86_400_000;
const NEWEST = Date.UTC(2025, 4, 30, 8, 0, 0);

interface Item {
  readonly link: string;
  readonly title: string | null;
  readonly summary: string | null;
  readonly date: number | null;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isJson = (format: Format): boolean => format.startsWith('json');

/** Every format in every shape it can take (JSON is UTF-8 only): 11 × 10 − 6 = 104 feeds. */
export function feedCorpus(itemsPerFeed = 3): CorpusFeed[] {
  const out: CorpusFeed[] = [];
  for (const format of FORMATS)
    for (const shape of SHAPES) {
      if (isJson(format) && (shape === 'gbk' || shape === 'big5' || shape === 'relative-base'))
        continue;
      out.push(makeFeed(format, shape, itemsPerFeed, out.length));
    }
  return out;
}

/** A larger corpus for the benchmark: `feeds` feeds of `items` items, formats and encodings mixed. */
export function benchCorpus(feeds: number, items: number): CorpusFeed[] {
  // Half the feeds carry HTML bodies with images, as most real Chinese news feeds do.
  const shapes: Shape[] = ['html', 'gbk', 'html', 'big5', 'html', 'relative-url'];
  return Array.from({ length: feeds }, (_, i) => {
    const format = FORMATS[i % FORMATS.length] ?? 'rss20';
    let shape = shapes[i % shapes.length] ?? 'full';
    if (isJson(format) && (shape === 'gbk' || shape === 'big5')) shape = 'full';
    return makeFeed(format, shape, items, i);
  });
}

function makeFeed(format: Format, shape: Shape, count: number, serial: number): CorpusFeed {
  const ext = isJson(format) ? 'json' : 'xml';
  const url = `http://${HOST}/${format}/${shape}-${serial}.${ext}`;
  const minimal = shape === 'minimal';
  const relative = shape === 'relative-base' || shape === 'relative-url';
  const n = shape === 'empty' || shape === 'bare' ? 0 : count;
  const items: Item[] = Array.from({ length: n }, (_, i) => {
    const path = `${format}/${serial}/${i + 1}.html`;
    return {
      link: relative ? path : `http://news.example/${path}`,
      title: minimal ? null : `長春新聞第${i + 1}篇：${format}`,
      // RSS 0.90 and 0.91 have no item dates; minimal items carry none either.
      date: minimal || format === 'rss090' || format === 'rss091' ? null : NEWEST - i * DAY,
      summary: minimal
        ? null
        : shape === 'html'
          ? `<p>吉林省長春市的消息，第${i + 1}篇。</p><p><img src="/img/${serial}-${i}.jpg" alt="圖"></p>` +
            `<p>更多請看<a href="more/${i}.html">這裡</a>。長春市今天召開會議，研究部署冬季冰雪旅遊工作。</p>`
          : `吉林省長春市的消息，第${i + 1}篇。`,
    };
  });
  const title = shape === 'untitled' || shape === 'bare' || minimal ? null : `吉林新聞 ${format}`;
  const base = shape === 'relative-base' ? BASE : null;
  const encoding = shape === 'gbk' ? 'gbk' : shape === 'big5' ? 'big5' : 'utf-8';
  const text = render(format, title, items, base, encoding);
  const resolveAgainst = base ?? url;
  return {
    name: `${format}/${shape}`,
    url,
    bytes: encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding),
    contentType: isJson(format) ? 'application/feed+json' : 'application/xml',
    expected: {
      title: title ?? HOST,
      items: items.map((item) => ({
        url: new URL(item.link, resolveAgainst).href,
        title: item.title ?? '',
        publishedAt: item.date,
      })),
    },
  };
}

function render(
  format: Format,
  title: string | null,
  items: readonly Item[],
  base: string | null,
  encoding: string,
): string {
  const decl = `<?xml version="1.0" encoding="${encoding}"?>\n`;
  const xb = base === null ? '' : ` xml:base="${base}"`;
  const t = (tag: string, value: string | null): string =>
    value === null ? '' : `<${tag}>${esc(value)}</${tag}>`;
  const rfc822 = (ms: number | null): string | null =>
    ms === null ? null : new Date(ms).toUTCString();
  const iso = (ms: number | null): string | null =>
    ms === null ? null : new Date(ms).toISOString();
  switch (format) {
    case 'rss090': {
      const body = items.map((i) => `<item>${t('title', i.title)}${t('link', i.link)}</item>`);
      return `${decl}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"${xb}><channel>${t('title', title)}</channel>${body.join('\n')}</rdf:RDF>`;
    }
    case 'rss091':
    case 'rss092':
    case 'rss093':
    case 'rss094':
    case 'rss20': {
      const version = format === 'rss20' ? '2.0' : `0.${format.slice(4)}`;
      const body = items.map(
        (i) =>
          `<item>${t('title', i.title)}${t('link', i.link)}${t('description', i.summary)}${t('pubDate', rfc822(i.date))}</item>`,
      );
      return `${decl}<rss version="${version}"${xb}><channel>${t('title', title)}\n${body.join('\n')}</channel></rss>`;
    }
    case 'rdf': {
      const body = items.map(
        (i) =>
          `<item rdf:about="${esc(i.link)}">${t('title', i.title)}${t('link', i.link)}${t('description', i.summary)}${t('dc:date', iso(i.date))}</item>`,
      );
      return `${decl}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"${xb}><channel rdf:about="http://news.example/">${t('title', title)}</channel>\n${body.join('\n')}</rdf:RDF>`;
    }
    case 'atom03': {
      const body = items.map(
        (i) =>
          `<entry>${t('title', i.title)}<link rel="alternate" type="text/html" href="${esc(i.link)}"/>${t('issued', iso(i.date))}${t('modified', iso(i.date))}${t('summary', i.summary)}</entry>`,
      );
      return `${decl}<feed version="0.3" xmlns="http://purl.org/atom/ns#"${xb}>${t('title', title)}\n${body.join('\n')}</feed>`;
    }
    case 'atom10': {
      const body = items.map(
        (i, n) =>
          `<entry>${t('title', i.title)}<link href="${esc(i.link)}"/>${i.title === null ? '' : `<id>urn:x:${n}</id>`}${t('updated', iso(i.date))}${t('summary', i.summary)}</entry>`,
      );
      return `${decl}<feed xmlns="http://www.w3.org/2005/Atom"${xb}>${t('title', title)}\n${body.join('\n')}</feed>`;
    }
    case 'json10':
    case 'json11': {
      const version = format === 'json10' ? '1' : '1.1';
      return JSON.stringify({
        version: `https://jsonfeed.org/version/${version}`,
        ...(title === null ? {} : { title }),
        items: items.map((i, n) => ({
          id: String(n),
          url: i.link,
          ...(i.title === null ? {} : { title: i.title }),
          ...(i.summary === null
            ? {}
            : i.summary.startsWith('<')
              ? { content_html: i.summary }
              : { content_text: i.summary }),
          ...(i.date === null ? {} : { date_published: iso(i.date) }),
        })),
      });
    }
  }
}
