/**
 * The tolerance corpus (test/support/feed-corpus.ts): every small feed of every shape other readers
 * accept is read, with the items, links, titles and dates its data says.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedCorpus, FORMATS, SHAPES } from '../../../test/support/feed-corpus.ts';
import { decodeText } from './decode.ts';
import { parseFeedText } from './feed.ts';

const corpus = feedCorpus();

test('the corpus has at least 60 feeds, every format in every shape', () => {
  assert.ok(corpus.length >= 60, `${corpus.length} feeds`);
  for (const format of FORMATS) assert.ok(corpus.some((f) => f.name.startsWith(`${format}/`)));
  for (const shape of SHAPES) assert.ok(corpus.some((f) => f.name.endsWith(`/${shape}`)));
});

for (const feed of corpus) {
  test(`${feed.name}: read as written`, () => {
    const kind = feed.url.endsWith('.json') ? 'json' : 'xml';
    const parsed = parseFeedText(decodeText(feed.bytes, feed.contentType, kind).text, feed.url);
    assert.equal(parsed.title, feed.expected.title);
    assert.deepEqual(
      parsed.items.map((i) => ({ url: i.url, title: i.title, publishedAt: i.publishedAt })),
      feed.expected.items,
    );
  });
}
