/**
 * Feed documents of the fixture site, one per `FEEDS` entry: RSS 2.0 (in UTF-8, Big5, GB2312, a
 * lying charset and a summary-only variant), RSS 0.91, RSS 1.0 (RDF), Atom and JSON Feed.
 */
import {
  encodeExact,
  escapeHtml,
  isoChina,
  rfc822China,
  type Rendered,
} from './fixture-site-format.ts';
import { NEWEST, type FeedName, type FixtureArticle } from './fixture-site-model.ts';
import { articleBodyHtml } from './fixture-site-pages.ts';

const CHANNEL = '國際在線吉林頻道';

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

/** A feed's document and type; `items` are the articles it links to, in item order. */
export function renderFeed(
  name: FeedName,
  origin: string,
  path: string,
  items: readonly FixtureArticle[],
): Rendered {
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
