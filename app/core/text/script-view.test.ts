import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, ArticleId, SearchHit } from '../../shared/articles.ts';
import { convertArticle, convertHit, converterFor, convertHtmlText } from './script-view.ts';

const article: Article = {
  id: 'a1' as ArticleId,
  title: '长春冰雪新天地开园',
  publishedAt: '2026-11-20T00:54:03.000Z',
  sourceName: '长春日报',
  snippet: '长春冰雪新天地今天开园。',
  thumbnail: null,
  unread: true,
  bookmarked: false,
  script: 'hans',
  url: 'https://example.cn/长春/a.html',
  author: null,
  editor: '田东艳',
  responsibleEditor: '刘征宇',
  originalTitle: '冰雪新天地开园',
  copyright: null,
  contentHtml:
    '<p title="长春">长春<a href="https://example.cn/长春">链接</a></p><pre>长春 code</pre>',
  fetchedAt: null,
  fromBookmark: false,
};

test('every text field converts; URLs, attributes and <pre> do not', () => {
  const tw = convertArticle(converterFor('tw'), article);
  assert.equal(tw.title, '長春冰雪新天地開園');
  assert.equal(tw.sourceName, '長春日報');
  assert.equal(tw.editor, '田東豔');
  assert.equal(tw.originalTitle, '冰雪新天地開園');
  assert.equal(tw.url, article.url);
  assert.equal(
    tw.contentHtml,
    '<p title="长春">長春<a href="https://example.cn/长春">鏈接</a></p><pre>长春 code</pre>',
  );
  assert.deepEqual(convertArticle(converterFor('original'), article), article);
});

test('a search highlight still covers the match after conversion', () => {
  const hit: SearchHit = {
    ...article,
    title: '发布长春信息',
    titleHighlights: [{ start: 2, length: 2 }],
    snippet: '今天发布:长春冰雪新天地',
    highlights: [{ start: 5, length: 2 }],
  };
  for (const mode of ['tw', 'twp', 'hk'] as const) {
    const converted = convertHit(converterFor(mode), hit);
    const [h] = converted.highlights;
    assert.ok(h);
    assert.equal(converted.snippet.slice(h.start, h.start + h.length), '長春', mode);
    const [t] = converted.titleHighlights;
    assert.ok(t);
    assert.equal(converted.title.slice(t.start, t.start + t.length), '長春', mode);
  }
});

test('HTML text conversion leaves markup alone', () => {
  assert.equal(
    convertHtmlText('<p>a<b>b</b></p>', (t) => t.toUpperCase()),
    '<p>A<b>B</b></p>',
  );
});
