/**
 * What a search hit shows (issue 18): the matches marked in the title and in the snippet, in
 * either script, and a snippet that starts a little before its match and never cuts a match.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Highlight, SearchHit } from '../shared/articles.ts';
import type { NewArticle } from './db/articles-repo.ts';
import { NewsService } from './news-service.ts';

const NOW = Date.UTC(2026, 11, 1);
const filler = (n: number): string => '今天天氣晴朗，市民出行順利。'.repeat(n);

function article(n: number, title: string, text: string): NewArticle {
  return {
    url: `https://example.org/${n}.html`,
    title,
    text,
    publishedAt: NOW - n * 60_000,
    fetchedAt: NOW,
    script: 'unknown',
    regions: ['changchun'],
  };
}

const marked = (text: string, marks: readonly Highlight[]): string[] =>
  marks.map((h) => text.slice(h.start, h.start + h.length));

async function hits(query: string): Promise<readonly SearchHit[]> {
  const service = NewsService.inMemory('test', () => NOW);
  service.storeArticles([
    article(1, '长春市發展新闻', `${filler(20)}長春的冰雪節今天開幕。${filler(20)}`),
    article(2, '吉林新聞', `${filler(30)}冰雪新天地${'今天開園了'.repeat(30)}`),
  ]);
  service.waitForSearchIndex();
  const page = await service.search(query);
  service.close();
  return page.items;
}

test('a cross-script query marks the match in the title and the snippet as published', async () => {
  const [hit] = await hits('长春');
  assert.ok(hit);
  assert.deepEqual(marked(hit.title, hit.titleHighlights), ['长春']);
  assert.deepEqual(marked(hit.snippet, hit.highlights), ['長春']);
  // A little context before the match, so that it shows on the list's one line.
  const at = hit.highlights[0]?.start ?? -1;
  assert.ok(at > 1 && at <= 11, `the match starts at ${at}`);
  assert.ok(hit.snippet.startsWith('…'));
});

test('a snippet never ends inside a match, however long the query', async () => {
  const query = `冰雪新天地${'今天開園了'.repeat(22)}`;
  const [hit] = await hits(query);
  assert.ok(hit);
  assert.equal(hit.title, '吉林新聞');
  assert.deepEqual(hit.titleHighlights, []);
  assert.deepEqual(marked(hit.snippet, hit.highlights), [query], 'the whole match, not cut');
});
