import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ParseError } from './feed-errors.ts';
import { parseArticlePage, parseListPage, PROFILES, type SiteProfile } from './portal.ts';

const profile: SiteProfile = PROFILES['cri-jilin']!;
const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/parsers/${name}`, import.meta.url), 'utf8');

const LIST_URL = 'https://jl.cri.cn/cc/index.html';
const ARTICLE_URL = 'https://jl.cri.cn/20190530/9a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.html';
const ORIGINAL_TITLE =
  '天津市黨政代表團來吉考察對口合作 深入推進東北振興戰略與京津冀協同發展戰略對接 共同開創新時代津吉合作的新局面 李鴻忠巴音朝魯張國清景俊海出席相關活動';

/** A page in the article template, with the given info line and body. */
function templatePage(info: string, body: string, after = ''): string {
  return `<!DOCTYPE html><html><head><title>測試_國際在線</title></head><body>
    <h1 id="atitle">長春召開合作交流座談會</h1>
    <div class="info">${info}</div>
    <div id="abody">${body}</div>
    ${after}
  </body></html>`;
}

test('cri-jilin profile: article URLs are /YYYYMMDD/<hex or UUID>.html', () => {
  const pattern = new RegExp(profile.articleUrlPattern, 'i');
  assert.ok(pattern.test('/20190530/9a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.html'));
  assert.ok(pattern.test('/20190530/0123456789abcdef0123456789abcdef.html'));
  assert.ok(!pattern.test('/20190530/index.html'));
  assert.ok(!pattern.test('/cc/index.html'));
  assert.ok(!pattern.test('/20191345/0123456789abcdef0123456789abcdef.html'));
});

test('list page: the three articles in page order, once each, and the next page', () => {
  const list = parseListPage(fixture('cri-jilin-list.html'), LIST_URL, profile);
  assert.deepEqual(list.articleUrls, [
    ARTICLE_URL,
    'https://jl.cri.cn/20190529/0123456789ABCDEF0123456789abcdef.html',
    'https://jl.cri.cn/20190528/fedcba9876543210fedcba9876543210.html?from=list',
  ]);
  assert.equal(list.nextPageUrl, 'https://jl.cri.cn/cc/index_2.html');
});

test('list page: article links are found by their URL, whatever the markup around them', () => {
  const redesigned = `<html><body>
    <section class="cards-2024">
      <article><h2><a href="/20190601/1234567890abcdef1234567890abcdef.html">新版頁面的文章</a></h2></article>
      <div><span><a href="https://jl.cri.cn/20190602/aaaabbbb-cccc-dddd-eeee-ffff00001111.html">另一篇</a></span></div>
      <a href="/20190601/1234567890abcdef1234567890abcdef.html#top">重複的連結</a>
    </section></body></html>`;
  const list = parseListPage(redesigned, LIST_URL, profile);
  assert.deepEqual(list.articleUrls, [
    'https://jl.cri.cn/20190601/1234567890abcdef1234567890abcdef.html',
    'https://jl.cri.cn/20190602/aaaabbbb-cccc-dddd-eeee-ffff00001111.html',
  ]);
  assert.equal(list.nextPageUrl, null);
});

test('list page: the next page by 下一页, Next, rel="next" or class "next"; never the page itself', () => {
  const next = (links: string): string | null =>
    parseListPage(`<html><body><div>${links}</div></body></html>`, LIST_URL, profile).nextPageUrl;
  assert.equal(next('<a href="index_3.html">下一页 &gt;</a>'), 'https://jl.cri.cn/cc/index_3.html');
  assert.equal(next('<a href="index_3.html">下頁</a>'), 'https://jl.cri.cn/cc/index_3.html');
  assert.equal(next('<a href="?page=2">Next »</a>'), 'https://jl.cri.cn/cc/index.html?page=2');
  assert.equal(
    next('<a rel="next" href="index_4.html">›</a>'),
    'https://jl.cri.cn/cc/index_4.html',
  );
  assert.equal(
    next('<a class="pager next" href="index_5.html"></a>'),
    'https://jl.cri.cn/cc/index_5.html',
  );
  assert.equal(next('<a href="index.html">上一頁</a><a href="index_9.html">尾頁</a>'), null);
  // On the last page the next link points at the page itself, or nowhere.
  assert.equal(next('<a href="index.html">下一頁</a><a href="javascript:;">Next</a>'), null);
});

test('article page: every field of the template, 原題 and the notice out of the body', async () => {
  const item = await parseArticlePage(fixture('cri-jilin-article.html'), ARTICLE_URL, profile);
  assert.equal(item.url, ARTICLE_URL);
  assert.equal(item.title, '天津市黨政代表團來吉林考察對口合作');
  assert.equal(item.publishedAt, Date.UTC(2019, 4, 30, 0, 54, 3));
  assert.equal(item.sourceName, '吉林日報');
  assert.equal(item.editor, '田東艷');
  assert.equal(item.responsibleEditor, '劉徵宇');
  assert.equal(item.originalTitle, ORIGINAL_TITLE);
  assert.equal(item.author, null);
  assert.equal(item.guid, null);

  const html = item.contentHtml ?? '';
  assert.match(
    html,
    /吉林日報5月29日訊\(記者任勝章\):28日至29日,天津市黨政代表團來吉林考察對口合作工作。/,
  );
  assert.match(
    html,
    /天津市領導陰和俊、李毅、梁寶明、金湘軍,省及長春市領導高廣濱、劉金波、劉忻參加活動。/,
  );
  assert.doesNotMatch(html, /原題/, 'the 原題 paragraph is not repeated in the body');
  assert.doesNotMatch(html, /版權與信息産品/, 'the notice is not part of the body');
  assert.doesNotMatch(html, /熱線|廣告|長白山保護開發區/, 'no navigation or ads');
  assert.ok(item.summary.startsWith('吉林日報5月29日訊(記者任勝章):28日至29日'));
  assert.ok(Array.from(item.summary).length <= 500);

  // Images in body order, absolute; the lazily loaded one by its real address.
  assert.deepEqual(item.imageUrls, [
    'https://jl.cri.cn/images/20190530/meeting.jpg',
    'https://jl.cri.cn/images/20190530/visit.jpg',
  ]);
  assert.match(html, /<img src="https:\/\/jl\.cri\.cn\/images\/20190530\/visit\.jpg"/);

  const copyright = (item.copyright ?? '').split('\n');
  assert.equal(copyright[0], '國際在線版權與信息産品內容銷售的聲明:');
  assert.equal(copyright.length, 7);
  assert.ok(copyright[1]!.startsWith('1、“國際在線”由中國國際廣播電臺主辦。'));
  assert.ok(copyright[6]!.startsWith('6、如因作品內容、版權和其他問題需要與本網聯繫的'));
});

test('article page: 責編 in its own element; labels with full-width colons and spaces', async () => {
  const item = await parseArticlePage(
    templatePage(
      '<span id="apublishtime">2019-05-29 17:05</span> <span id="asource">來源 \uFF1A 長春日報</span> <span id="aeditor">編輯\uFF1A 王麗</span>',
      '<p>長春市今天召開合作交流座談會。</p>',
      '<div class="editor-charge">責編 : 劉徵宇</div>',
    ),
    ARTICLE_URL,
    profile,
  );
  assert.equal(item.title, '長春召開合作交流座談會');
  assert.equal(item.publishedAt, Date.UTC(2019, 4, 29, 9, 5, 0));
  assert.equal(item.sourceName, '長春日報');
  assert.equal(item.editor, '王麗');
  assert.equal(item.responsibleEditor, '劉徵宇');
});

test('article page: 責任編輯 is not read as 編輯; Simplified labels; a value without its label', async () => {
  const item = await parseArticlePage(
    templatePage(
      '<span id="apublishtime">2019-05-29 17:05:00</span> | <span id="asource">新华网</span> | 责任编辑:张三 | <span id="aeditor">编辑:李四</span>',
      '<p>原题\uFF1A长春召开座谈会<br>长春市今天召开合作交流座谈会。</p>',
    ),
    ARTICLE_URL,
    profile,
  );
  assert.equal(item.sourceName, '新华网');
  assert.equal(item.editor, '李四');
  assert.equal(item.responsibleEditor, '张三');
  // 原題 on the first line of the first paragraph: only that line leaves the body.
  assert.equal(item.originalTitle, '长春召开座谈会');
  assert.equal(item.contentHtml, '<p>长春市今天召开合作交流座谈会。</p>');
});

test('page without the template: title from <h1>, body from the largest text block, labels found on the page', async () => {
  const item = await parseArticlePage(
    fixture('plain-article.html'),
    'https://jl.cri.cn/20190528/abcdefabcdefabcdefabcdefabcdefab.html',
    profile,
  );
  assert.equal(item.title, '延边州举办春季农业技术培训');
  assert.equal(item.publishedAt, Date.UTC(2019, 4, 28, 6, 20, 0));
  assert.equal(item.sourceName, '延边日报');
  assert.equal(item.editor, '金美花');
  assert.equal(item.responsibleEditor, '朴成浩');
  assert.equal(item.originalTitle, '延边州春耕备耕技术培训走进田间地头 千余名农民现场学技术');
  const html = item.contentHtml ?? '';
  assert.match(html, /为做好春耕生产工作/);
  assert.match(html, /为全年粮食丰收打下坚实基础/);
  assert.doesNotMatch(html, /原题|热点新闻|长春地铁新线开通|限时优惠|关于我们/);
  assert.deepEqual(item.imageUrls, ['https://jl.cri.cn/20190528/pic/20190528/training.jpg']);
  assert.equal(
    item.copyright,
    [
      '国际在线版权与信息产品内容销售的声明\uFF1A',
      '1、“国际在线”由中国国际广播电台主办。',
      '2、本网其他来源作品\uFF0C均转载自其他媒体\uFF0C转载目的在于传播更多信息\uFF0C此类稿件不代表本网观点。',
    ].join('\n'),
  );
  assert.ok(item.summary.startsWith('延边日报5月27日讯'));
});

test('page without <h1> or template title: the <title> without the site name', async () => {
  const item = await parseArticlePage(
    `<html><head><title>松原查干湖冬捕節開幕_國際在線</title></head><body>
      <div id="abody"><p>松原查干湖第十八屆冰雪漁獵文化旅遊節今天開幕。</p></div></body></html>`,
    'https://jl.cri.cn/20190105/0000111122223333444455556666777a.html',
    profile,
  );
  assert.equal(item.title, '松原查干湖冬捕節開幕');
  assert.equal(item.contentHtml, '<p>松原查干湖第十八屆冰雪漁獵文化旅遊節今天開幕。</p>');
  assert.equal(item.publishedAt, null);
  assert.equal(item.sourceName, null);
  assert.equal(item.copyright, null);
});

test('a page with neither a title nor a body is a ParseError', async () => {
  await assert.rejects(
    () =>
      parseArticlePage('<html><head></head><body><div></div></body></html>', ARTICLE_URL, profile),
    (error: unknown) => error instanceof ParseError && error.message.includes(ARTICLE_URL),
  );
});

test('fixing the portal is editing data: a profile with other selectors reads a redesigned page', async () => {
  const redesigned: SiteProfile = {
    ...profile,
    selectors: {
      title: '.headline',
      time: '.meta time',
      source: '.meta .origin',
      editor: '.meta .by',
      body: '.story',
    },
  };
  const item = await parseArticlePage(
    `<html><body><h2 class="headline">白城風電項目投產</h2>
      <div class="meta"><time>2019-06-01 09:00:00</time><em class="origin">來源:白城日報</em><em class="by">編輯:趙強</em></div>
      <div class="story"><p>白城風電項目今天投產。</p></div></body></html>`,
    'https://jl.cri.cn/20190601/abcdef0123456789abcdef0123456789.html',
    redesigned,
  );
  assert.equal(item.title, '白城風電項目投產');
  assert.equal(item.publishedAt, Date.UTC(2019, 5, 1, 1, 0, 0));
  assert.equal(item.sourceName, '白城日報');
  assert.equal(item.editor, '趙強');
  assert.equal(item.contentHtml, '<p>白城風電項目今天投產。</p>');
});
