/**
 * A feed whose every field carries a payload that would set `window.__pwned` if it ever ran:
 * scripts, event handlers, javascript:/data:/vbscript: URLs, SVG and MathML tricks, a meta
 * refresh, <base>, forms, iframes and srcdoc, CSS url(javascript:), entity-encoded and
 * CDATA-wrapped markup, mutation-XSS shapes; in titles, authors, links and enclosures; and one
 * body of 10,000 nested elements. For test/e2e/hostile-content.spec.ts.
 */
const RUN = "window.__pwned='ran'";

/** Markup that must come out of the sanitiser inert. */
export const HOSTILE_BODIES: readonly string[] = [
  `<p>長春市的新聞,腳本。</p><script>${RUN}</script><script src="http://127.0.0.1:9/x.js"></script>`,
  `<p onclick="${RUN}" style="background:url(javascript:${RUN})">長春市的新聞,事件。</p><img src="x" onerror="${RUN}"><body onload="${RUN}">`,
  `<p><a href="javascript:${RUN}">點擊</a> <a href="JaVaScRiPt:${RUN}">大小寫</a> <a href="&#106;avascript:${RUN}">實體</a> <a href=" javascript:${RUN}">空格</a> <a href="vbscript:msgbox(1)">vb</a> <a href="data:text/html,<script>${RUN}</script>">data</a> <a href="https://news.example.cn/ok.html">正常鏈接</a></p>`,
  `<p>長春市的新聞,SVG。</p><svg onload="${RUN}"><script>${RUN}</script><a xlink:href="javascript:${RUN}"><circle r="4"/></a><foreignObject><iframe srcdoc="<script>${RUN}</script>"></iframe></foreignObject><animate attributeName="href" to="javascript:${RUN}"/></svg>`,
  `<p>長春市的新聞,MathML。</p><math><mtext><table><mglyph><style><img src=x onerror="${RUN}"></style></mglyph></table></mtext></math><noscript><p title="</noscript><img src=x onerror=${RUN}>"></p></noscript>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}"><base href="http://127.0.0.1:9/"><p>長春市的新聞,頁首。</p><form action="http://127.0.0.1:9/steal"><input name="pw"><button formaction="javascript:${RUN}">提交</button></form><iframe src="javascript:${RUN}"></iframe><object data="javascript:${RUN}"></object><embed src="javascript:${RUN}">`,
  `<p>長春市的新聞,編碼。</p>&lt;script&gt;${RUN}&lt;/script&gt;<div style="width:expression(${RUN})">x</div><style>@import 'javascript:${RUN}';</style><link rel="import" href="javascript:${RUN}">`,
  `<p>長春市的新聞,變形。</p><svg></p><style><a id="</style><img src=1 onerror=${RUN}>"></svg><form><math><mtext></form><form><mglyph><style></math><img src onerror=${RUN}>`,
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The hostile RSS 2.0 feed; `nested` adds an item with 10,000 nested elements. */
export function hostileFeed(): string {
  const items = HOSTILE_BODIES.map(
    (body, i) => `<item>
<title>長春市 ${i} &lt;img src=x onerror="${RUN}"&gt;&lt;script&gt;${RUN}&lt;/script&gt;</title>
<link>https://news.example.cn/hostile/${i}.html</link>
<author>editor@example.cn (&lt;script&gt;${RUN}&lt;/script&gt;)</author>
<enclosure url="javascript:${RUN}" type="image/jpeg" length="1"/>
<pubDate>${new Date(Date.UTC(2026, 11, 1) - i * 60_000).toUTCString()}</pubDate>
<description>${escapeXml(body)}</description>
<content:encoded><![CDATA[${body}]]></content:encoded>
</item>`,
  );
  const deep = `${'<div>'.repeat(10_000)}長春市的新聞,深。${'</div>'.repeat(10_000)}`;
  items.push(`<item><title>長春市 深層</title><link>https://news.example.cn/hostile/deep.html</link>
<pubDate>${new Date(Date.UTC(2026, 10, 30)).toUTCString()}</pubDate>
<content:encoded><![CDATA[${deep}]]></content:encoded></item>`);
  items.push(
    `<item><title>長春市 鏈接</title><link>javascript:${RUN}</link><description>不存</description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>&lt;script&gt;${RUN}&lt;/script&gt;</title><link>https://news.example.cn/</link><description>d</description>
${items.join('\n')}
</channel></rss>`;
}
