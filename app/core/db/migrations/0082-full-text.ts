import type { Migration } from './index.ts';

/**
 * The full text of an article fetched on demand ("read the full article", issue 18), kept apart
 * from `articles`: a sync that sees the article's summary again updates the article's row and
 * links, never this text, and the text goes with its article (prune). `full_text_images` keeps
 * the full text's cached images from pruning, as article_images does for a synced body. Two
 * partial indexes serve a tab's "unread only" view.
 */
export const migration0082: Migration = {
  version: 82,
  name: 'full-text-and-unread',
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
      -- A tab's unread articles in list order, for its "unread only" view: only unread rows are
      -- in these, so a tab read to the end answers at once.
      CREATE INDEX articles_unread ON articles (sort_key) WHERE read_at IS NULL;
      CREATE INDEX article_regions_unread ON article_regions (region, sort_key) WHERE unread = 1;
    `);
  },
};
