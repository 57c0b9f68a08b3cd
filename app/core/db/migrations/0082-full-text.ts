import type { Migration } from './index.ts';

/**
 * The full text of an article fetched on demand ("read the full article", issue 18), kept apart
 * from `articles`: a sync that sees the article's summary again updates the article's row and
 * links, never this text, and the text goes with its article (prune). `full_text_images` keeps
 * the full text's cached images from pruning, as article_images does for a synced body.
 */
export const migration0082: Migration = {
  version: 82,
  name: 'full-text',
  up: (db) => {
    db.exec(`
      CREATE TABLE article_full_text (
        article_id   INTEGER PRIMARY KEY NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        content_html TEXT NOT NULL,
        text         TEXT NOT NULL,
        fetched_at   INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE full_text_images (
        article_id INTEGER NOT NULL REFERENCES article_full_text (article_id) ON DELETE CASCADE,
        image_id   INTEGER NOT NULL REFERENCES images (id),
        PRIMARY KEY (article_id, image_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX full_text_images_image ON full_text_images (image_id);
    `);
  },
};
