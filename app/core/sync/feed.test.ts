import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from './dates.ts';
import { ParseError } from './feed-errors.ts';
import { parseFeedText, SUMMARY_MAX, type ParsedItem } from './feed.ts';

const FEED_URL = 'https://jl.cri.cn/rss/jilin.xml';
/** 2019-05-30 08:54:03 China time */
const MAY_30 = Date.UTC(2019, 4, 30, 0, 54, 3);

function only(items: readonly ParsedItem[]): ParsedItem {
  assert.equal(items.length, 1);
  return items[0]!;
}

test('RSS 2.0 (Traditional Chinese): every field, relative links resolved, HTML stripped from titles', () => {
  const feed = parseFeedText(
    `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>關東黑土 &amp; 吉林</title>
    <link>https://jl.cri.cn/</link>
    <description>吉林頻道</description>
    <item>
      <title><![CDATA[<b>天津市黨政代表團</b>來吉林考察對口合作 &amp; 交流]]></title>
      <link>/20190530/9a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.html</link>
      <description>&lt;p&gt;兩省市在&lt;strong&gt;長春&lt;/strong&gt;召開合作交流座談會。&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>吉林日報5月29日訊:天津市黨政代表團來吉林考察。</p><p><img src="../images/meeting.jpg" alt="座談會"></p><p><a href="/cc/index.html">長春</a></p>]]></content:encoded>
      <dc:creator>任勝章</dc:creator>
      <pubDate>Thu, 30 May 2019 08:54:03 +0800</pubDate>
      <guid isPermaLink="false">cri-jilin-9a1b2c3d</guid>
      <source url="http://jlrbszb.cnjiwang.com/rss.xml">吉林日報</source>
    </item>
    <item>
      <title>沒有連結的條目</title>
      <description>這一條沒有連結,讀者無法打開它。</description>
    </item>
  </channel>
</rss>`,
    FEED_URL,
  );
  assert.equal(feed.title, '關東黑土 & 吉林');
  const item = only(feed.items);
  assert.equal(item.url, 'https://jl.cri.cn/20190530/9a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d.html');
  assert.equal(item.guid, 'cri-jilin-9a1b2c3d');
  assert.equal(item.title, '天津市黨政代表團來吉林考察對口合作 & 交流');
  assert.equal(item.summary, '兩省市在長春召開合作交流座談會。');
  assert.equal(item.author, '任勝章');
  assert.equal(item.publishedAt, MAY_30);
  assert.equal(item.sourceName, '吉林日報');
  assert.match(item.contentHtml ?? '', /<p>吉林日報5月29日訊:天津市黨政代表團來吉林考察。<\/p>/);
  // Relative addresses in the body are made absolute against the item's own URL.
  assert.match(item.contentHtml ?? '', /src="https:\/\/jl\.cri\.cn\/images\/meeting\.jpg"/);
  assert.match(item.contentHtml ?? '', /href="https:\/\/jl\.cri\.cn\/cc\/index\.html"/);
  assert.deepEqual(item.imageUrls, ['https://jl.cri.cn/images/meeting.jpg']);
  assert.equal(item.editor, null);
  assert.equal(item.responsibleEditor, null);
  assert.equal(item.originalTitle, null);
  assert.equal(item.copyright, null);
});

test('RSS 0.91 (Simplified Chinese): a summary-only item without a date', () => {
  const feed = parseFeedText(
    `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
  <channel>
    <title>长春新闻</title>
    <link>https://jl.cri.cn/cc/</link>
    <description>长春</description>
    <language>zh-cn</language>
    <item>
      <title>长春地铁新线开通</title>
      <link>https://jl.cri.cn/20190527/11112222333344445555666677778888.html</link>
      <description>长春地铁新线今天开通运营,市民乘车更方便。</description>
    </item>
  </channel>
</rss>`,
    FEED_URL,
  );
  assert.equal(feed.title, '长春新闻');
  const item = only(feed.items);
  assert.equal(item.title, '长春地铁新线开通');
  assert.equal(item.url, 'https://jl.cri.cn/20190527/11112222333344445555666677778888.html');
  assert.equal(item.summary, '长春地铁新线今天开通运营,市民乘车更方便。');
  assert.equal(item.contentHtml, null);
  assert.equal(item.publishedAt, null);
  assert.equal(item.author, null);
  assert.equal(item.guid, null);
  assert.deepEqual(item.imageUrls, []);
});

test('RSS 2.0: an item with only a permalink guid opens that guid', () => {
  const feed = parseFeedText(
    `<rss version="2.0"><channel><title>白山</title>
      <item><title>白山新聞</title><guid>https://jl.cri.cn/20190525/abcdefabcdefabcdefabcdefabcdefab.html</guid></item>
      <item><title>不是網址</title><guid isPermaLink="false">abc-123</guid></item>
    </channel></rss>`,
    FEED_URL,
  );
  const item = only(feed.items);
  assert.equal(item.url, 'https://jl.cri.cn/20190525/abcdefabcdefabcdefabcdefabcdefab.html');
  assert.equal(item.title, '白山新聞');
});

test('RSS 1.0 (RDF): dc:date and dc:creator, relative link, rdf:about as guid', () => {
  const feed = parseFeedText(
    `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://jl.cri.cn/yb/">
    <title>延邊新聞</title>
    <link>https://jl.cri.cn/yb/</link>
    <description>延邊</description>
  </channel>
  <item rdf:about="https://jl.cri.cn/20190528/fedcba9876543210fedcba9876543210.html">
    <title>延吉機場新航線開通</title>
    <link>../20190528/fedcba9876543210fedcba9876543210.html</link>
    <description>延吉至首爾航線今日首航。</description>
    <content:encoded>&lt;p&gt;延吉至首爾航線今日首航,每週四班。&lt;/p&gt;</content:encoded>
    <dc:creator>金美花</dc:creator>
    <dc:date>2019-05-28T14:20:00+08:00</dc:date>
  </item>
</rdf:RDF>`,
    'https://jl.cri.cn/yb/rss.rdf',
  );
  assert.equal(feed.title, '延邊新聞');
  const item = only(feed.items);
  assert.equal(item.url, 'https://jl.cri.cn/20190528/fedcba9876543210fedcba9876543210.html');
  assert.equal(item.guid, 'https://jl.cri.cn/20190528/fedcba9876543210fedcba9876543210.html');
  assert.equal(item.title, '延吉機場新航線開通');
  assert.equal(item.summary, '延吉至首爾航線今日首航。');
  assert.equal(item.contentHtml, '<p>延吉至首爾航線今日首航,每週四班。</p>');
  assert.equal(item.author, '金美花');
  assert.equal(item.publishedAt, Date.UTC(2019, 4, 28, 6, 20, 0));
});

test('Atom 1.0: HTML title, XHTML content, alternate link, a time without zone is China time', () => {
  const feed = parseFeedText(
    `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">吉林 &lt;i&gt;頻道&lt;/i&gt;</title>
  <id>urn:cri:jilin</id>
  <updated>2019-05-30T00:00:00Z</updated>
  <author><name>國際在線吉林頻道</name></author>
  <entry>
    <title type="html">&lt;b&gt;長春&lt;/b&gt;召開合作交流座談會</title>
    <link rel="enclosure" type="audio/mpeg" href="/audio/0530.mp3"/>
    <link rel="alternate" type="text/html" href="/20190529/0123456789abcdef0123456789abcdef.html"/>
    <id>tag:jl.cri.cn,2019:0123456789abcdef</id>
    <updated>2019-05-30T10:00:00+08:00</updated>
    <published>2019-05-30T08:54:03</published>
    <summary type="text">兩地 1 &lt; 2 的合作</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>座談會在長春召開。<img src="/images/0529.jpg"/></p></div></content>
  </entry>
  <entry>
    <title>只有更新時間</title>
    <link href="https://jl.cri.cn/20190526/99990000aaaabbbbccccddddeeeeffff.html"/>
    <id>tag:jl.cri.cn,2019:9999</id>
    <updated>2019-05-26T09:00:00Z</updated>
    <content>純文字 &lt;不是標籤&gt; 內容</content>
  </entry>
  <entry>
    <title>沒有連結</title>
    <id>tag:jl.cri.cn,2019:none</id>
    <updated>2019-05-26T09:00:00Z</updated>
  </entry>
</feed>`,
    FEED_URL,
  );
  assert.equal(feed.title, '吉林 頻道');
  assert.equal(feed.items.length, 2);
  const [first, second] = feed.items as [ParsedItem, ParsedItem];
  assert.equal(first.url, 'https://jl.cri.cn/20190529/0123456789abcdef0123456789abcdef.html');
  assert.equal(first.guid, 'tag:jl.cri.cn,2019:0123456789abcdef');
  assert.equal(first.title, '長春召開合作交流座談會');
  assert.equal(first.summary, '兩地 1 < 2 的合作');
  assert.equal(first.publishedAt, MAY_30);
  assert.equal(first.author, '國際在線吉林頻道');
  assert.match(first.contentHtml ?? '', /座談會在長春召開。/);
  assert.deepEqual(first.imageUrls, ['https://jl.cri.cn/images/0529.jpg']);
  assert.equal(second.publishedAt, Date.UTC(2019, 4, 26, 9, 0, 0));
  // Atom text content is literal text: shown as text, not swallowed as a tag.
  assert.equal(second.contentHtml, '<p>純文字 &lt;不是標籤&gt; 內容</p>');
  assert.equal(second.summary, '純文字 <不是標籤> 內容');
});

test('JSON Feed 1.1: content_html, relative url, date_published, authors; items without url skipped', () => {
  const feed = parseFeedText(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: '通化新聞',
      home_page_url: 'https://jl.cri.cn/th/',
      authors: [{ name: '通化頻道' }],
      items: [
        {
          id: 'th-1',
          url: '/20190524/aaaabbbbccccddddeeeeffff00001111.html',
          title: '通化葡萄酒節開幕 <em>現場</em>',
          summary: '第十屆通化葡萄酒節今天開幕。',
          content_html: '<p>第十屆通化葡萄酒節今天開幕。</p><img src="img/wine.jpg">',
          date_published: '2019-05-24T09:30:00+08:00',
          authors: [{ name: '王麗' }],
        },
        {
          id: 'th-2',
          external_url: 'https://www.tonghua.gov.cn/news/2019/0523.html',
          title: '通化市政府公告',
          content_text: '第一段。\n\n第二段 <b>不是粗體</b>。',
        },
        { id: 'th-3', title: '沒有網址', content_text: '讀者打不開。' },
      ],
    }),
    'https://jl.cri.cn/th/feed.json',
  );
  assert.equal(feed.title, '通化新聞');
  assert.equal(feed.items.length, 2);
  const [first, second] = feed.items as [ParsedItem, ParsedItem];
  assert.equal(first.url, 'https://jl.cri.cn/20190524/aaaabbbbccccddddeeeeffff00001111.html');
  assert.equal(first.guid, 'th-1');
  assert.equal(first.title, '通化葡萄酒節開幕 現場');
  assert.equal(first.summary, '第十屆通化葡萄酒節今天開幕。');
  assert.equal(first.author, '王麗');
  assert.equal(first.publishedAt, Date.UTC(2019, 4, 24, 1, 30, 0));
  assert.deepEqual(first.imageUrls, ['https://jl.cri.cn/20190524/img/wine.jpg']);
  assert.equal(second.url, 'https://www.tonghua.gov.cn/news/2019/0523.html');
  assert.equal(second.author, '通化頻道');
  assert.equal(second.contentHtml, '<p>第一段。</p><p>第二段 &lt;b&gt;不是粗體&lt;/b&gt;。</p>');
  assert.equal(second.summary, '第一段。 第二段 <b>不是粗體</b>。');
  assert.equal(second.publishedAt, null);
});

test('a long summary is cut to 500 characters, an item without a title takes its summary', () => {
  const long = '長白山天池景區今日開放。'.repeat(60);
  const feed = parseFeedText(
    `<rss version="2.0"><channel><title>長白山</title>
      <item><link>https://jl.cri.cn/20190601/1234567890abcdef1234567890abcdef.html</link><description>${long}</description></item>
    </channel></rss>`,
    FEED_URL,
  );
  const item = only(feed.items);
  assert.equal(Array.from(item.summary).length, SUMMARY_MAX);
  assert.ok(item.summary.endsWith('…'));
  assert.ok(item.title.startsWith('長白山天池景區今日開放。'));
  assert.ok(Array.from(item.title).length <= 80);
});

test('dates: RFC 822 and ISO 8601; a time without a zone is China time; nonsense is null', () => {
  const cases: [string, number | null][] = [
    ['Thu, 30 May 2019 08:54:03 +0800', MAY_30],
    ['Thu, 30 May 2019 00:54:03 GMT', MAY_30],
    ['30 May 2019 00:54:03 Z', MAY_30],
    ['Wed, 29 May 2019 19:54:03 EST', MAY_30],
    ['Thu, 30 May 19 08:54:03 +0800', MAY_30],
    ['Thu May 30 08:54:03 CST 2019', MAY_30],
    ['2019-05-30T00:54:03Z', MAY_30],
    ['2019-05-30T08:54:03+08:00', MAY_30],
    ['2019-05-30T08:54:03.250+0800', MAY_30 + 250],
    ['2019-05-30 08:54:03', MAY_30],
    ['2019-05-30T08:54:03', MAY_30],
    ['2019/5/30 8:54:03', MAY_30],
    ['2019年5月30日 08:54', Date.UTC(2019, 4, 30, 0, 54, 0)],
    ['2019-05-30', Date.UTC(2019, 4, 29, 16, 0, 0)],
    ['2019-02-30 10:00:00', null],
    ['2019-13-01', null],
    ['昨天', null],
    ['', null],
  ];
  for (const [raw, expected] of cases) assert.equal(parseDate(raw), expected, raw);
  assert.equal(parseDate('2019-05-30 08:54:03', 0), Date.UTC(2019, 4, 30, 8, 54, 3));
});

test('an item with an unreadable date keeps the item, without a date', () => {
  const feed = parseFeedText(
    `<rss version="2.0"><channel><title>四平</title>
      <item><title>四平新聞</title><link>https://jl.cri.cn/20190520/aaaa0000bbbb1111cccc2222dddd3333.html</link><pubDate>上週五</pubDate></item>
    </channel></rss>`,
    FEED_URL,
  );
  const item = only(feed.items);
  assert.equal(item.title, '四平新聞');
  assert.equal(item.publishedAt, null);
});

test('malformed XML is a ParseError that names the line', () => {
  assert.throws(
    () =>
      parseFeedText(
        '<?xml version="1.0"?>\n<rss version="2.0">\n<channel><title>吉林</title>\n<item><title>壞的</item>\n</channel></rss>',
        FEED_URL,
      ),
    (error: unknown) =>
      error instanceof ParseError &&
      error.message === 'The feed is not valid XML (line 4): </item> where </title> was expected.',
  );
  assert.throws(
    () => parseFeedText('<rss version="2.0">\n<channel><title>吉林</ti', FEED_URL),
    (error: unknown) =>
      error instanceof ParseError && error.message.startsWith('The feed is not valid XML (line 2)'),
  );
});

test('documents that are not feeds are ParseErrors that say what they are', () => {
  const cases: [string, RegExp][] = [
    ['', /The feed is empty/],
    ['<!DOCTYPE html><html><body><p>吉林</p></body></html>', /web page \(HTML\), not a feed/],
    ['{"version": "https://jsonfeed.org/version/1.1", "title": ', /not valid JSON/],
    ['{"title": "吉林"}', /JSON but not a JSON Feed/],
    [
      '<?xml version="1.0"?><opml version="2.0"><body/></opml>',
      /not an RSS, Atom or RDF feed \(its root is <opml>\)/,
    ],
    ['吉林新聞', /not a feed \(neither XML nor JSON\)/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseFeedText(text, FEED_URL),
      (error: unknown) => error instanceof ParseError && message.test(error.message),
      text,
    );
  }
});
