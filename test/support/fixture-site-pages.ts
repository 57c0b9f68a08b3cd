/**
 * HTML pages of the fixture site: article pages in the channel's template (or plain pages for
 * summary-only feed items), paged region lists and the channel's index and about pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGIONS, type RegionId } from '../../app/shared/regions.ts';
import { chinaTime, encodeGb, escapeHtml, type Rendered } from './fixture-site-format.ts';
import { FIXTURE_REGIONS, type FixtureArticle } from './fixture-site-model.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

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

const CONTACT = '熱線:0431-81126178 郵箱:jilin@cri.cn';

const regionLabel = (id: RegionId): string => REGIONS.find((r) => r.id === id)?.labelHant ?? id;

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

export function articleBodyHtml(x: FixtureArticle, imageBase = ''): string {
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

export function renderArticle(x: FixtureArticle): Rendered {
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

export function listPage(
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

/** The channel's index page (the region list) or its about page. */
export function channelPage(path: '/about.html' | '/jilin/index.html'): string {
  return [
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
}
