import { searchTokens } from '../../text/search-tokens.ts';
import type { Migration } from './index.ts';

/**
 * The search index without FTS5's `prefix` index (docs/technotes/0004-search.md): every distinct
 * character of a document is now a token of its own, so a 1-character query is one exact token.
 * FTS5 kept a second index of every token's first character, written per token, which was about a
 * third of the cost of filling the index. The index is rebuilt from the articles, in sort-key
 * order (FTS5 fills fastest in ascending rowid order).
 */
export const migration0040: Migration = {
  version: 40,
  name: 'search-unigrams',
  up: (db) => {
    db.exec(`
      DROP TABLE search_index;
      CREATE VIRTUAL TABLE search_index USING fts5 (
        tokens, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none'
      );
      INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 16000000);
      INSERT INTO search_index (search_index, rank) VALUES ('automerge', 16);
      INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 64);
    `);
    const insert = db.prepare<[number, string]>(
      'INSERT INTO search_index (rowid, tokens) VALUES (?, ?)',
    );
    const chunk = db.prepare<[number], [number, string, string, string]>(
      'SELECT sort_key, title, summary, text FROM articles WHERE sort_key > ? ORDER BY sort_key LIMIT 1000',
    );
    for (let after = Number.MIN_SAFE_INTEGER; ;) {
      const rows = chunk.raw().all(after);
      for (const [sortKey, title, summary, text] of rows)
        insert.run(sortKey, searchTokens(title, summary, text));
      const last = rows.at(-1);
      if (last === undefined) break;
      after = last[0];
    }
  },
};
