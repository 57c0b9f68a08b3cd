import type { Migration } from './index.ts';

/**
 * The offline library: sources, articles, their regions, images, bookmarks and the search index.
 * docs/technotes/0004-search.md and 0005-storage.md explain the choices; in short:
 * - `sort_key` = published time in ms × 1024 + a slot, unique: one integer orders every list
 *   newest first, is the keyset cursor, and is the search index's rowid, so search results come
 *   out of FTS5 already newest first.
 * - Small columns first, large ones (HTML, text) last: list queries never touch overflow pages.
 * - `tab_counts` is kept by triggers, so unread counts for every tab cost a dozen row reads.
 * - Bookmarks copy what the reader needs and never reference articles by foreign key: pruning an
 *   article cannot touch a bookmark.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'library',
  up: (db) => {
    db.exec(`
      CREATE TABLE sources (
        id              TEXT PRIMARY KEY NOT NULL,
        type            TEXT NOT NULL CHECK (type IN ('portal', 'feed')),
        url             TEXT NOT NULL,
        title           TEXT,
        region          TEXT,
        profile         TEXT,
        enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        etag            TEXT,
        last_modified   TEXT,
        last_success_at INTEGER,
        last_error      TEXT,
        last_error_at   INTEGER,
        error_count     INTEGER NOT NULL DEFAULT 0,
        next_due_at     INTEGER
      ) STRICT;

      CREATE TABLE articles (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        sort_key           INTEGER NOT NULL UNIQUE,
        published_at       INTEGER NOT NULL,
        fetched_at         INTEGER NOT NULL,
        updated_at         INTEGER,
        read_at            INTEGER,
        source_id          TEXT REFERENCES sources (id) ON DELETE SET NULL,
        script             TEXT NOT NULL DEFAULT 'unknown' CHECK (script IN ('hans', 'hant', 'unknown')),
        thumbnail_image_id INTEGER,
        title              TEXT NOT NULL,
        source_name        TEXT,
        summary            TEXT NOT NULL DEFAULT '',
        url                TEXT NOT NULL UNIQUE,
        guid               TEXT,
        content_hash       TEXT,
        author             TEXT,
        editor             TEXT,
        responsible_editor TEXT,
        original_title     TEXT,
        copyright          TEXT,
        content_html       TEXT NOT NULL DEFAULT '',
        text               TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX articles_guid ON articles (source_id, guid) WHERE guid IS NOT NULL;
      CREATE INDEX articles_hash ON articles (content_hash) WHERE content_hash IS NOT NULL;
      CREATE INDEX articles_published ON articles (published_at);

      CREATE TABLE article_regions (
        region     TEXT NOT NULL,
        sort_key   INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        unread     INTEGER NOT NULL CHECK (unread IN (0, 1)),
        PRIMARY KEY (region, sort_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_regions_article ON article_regions (article_id);

      CREATE TABLE tab_counts (
        region TEXT PRIMARY KEY NOT NULL,
        total  INTEGER NOT NULL DEFAULT 0,
        unread INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;
      INSERT INTO tab_counts (region) VALUES
        ('all'), ('changchun'), ('jilin'), ('siping'), ('liaoyuan'), ('tonghua'),
        ('baicheng'), ('baishan'), ('songyuan'), ('yanbian'), ('changbaishan');

      CREATE TRIGGER article_regions_ai AFTER INSERT ON article_regions BEGIN
        UPDATE tab_counts SET total = total + 1, unread = unread + NEW.unread WHERE region = NEW.region;
      END;
      CREATE TRIGGER article_regions_ad AFTER DELETE ON article_regions BEGIN
        UPDATE tab_counts SET total = total - 1, unread = unread - OLD.unread WHERE region = OLD.region;
      END;
      CREATE TRIGGER article_regions_au AFTER UPDATE OF unread ON article_regions BEGIN
        UPDATE tab_counts SET unread = unread - OLD.unread + NEW.unread WHERE region = NEW.region;
      END;
      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        UPDATE tab_counts SET total = total + 1, unread = unread + (NEW.read_at IS NULL) WHERE region = 'all';
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        UPDATE tab_counts SET total = total - 1, unread = unread - (OLD.read_at IS NULL) WHERE region = 'all';
        DELETE FROM search_index WHERE rowid = OLD.sort_key;
      END;
      CREATE TRIGGER articles_read AFTER UPDATE OF read_at ON articles
        WHEN (OLD.read_at IS NULL) <> (NEW.read_at IS NULL) BEGIN
        UPDATE tab_counts SET unread = unread - (OLD.read_at IS NULL) + (NEW.read_at IS NULL) WHERE region = 'all';
        UPDATE article_regions SET unread = (NEW.read_at IS NULL) WHERE article_id = NEW.id;
      END;

      -- Folded bigram tokens (app/core/text/search-tokens.ts), no stored content, rowid = sort_key.
      CREATE VIRTUAL TABLE search_index USING fts5 (
        tokens, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none', prefix = '1'
      );
      -- Fewer, larger merges while filling: 1.5× faster inserts, queries unchanged (technote 0004).
      INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 16000000);
      INSERT INTO search_index (search_index, rank) VALUES ('automerge', 16);
      INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 64);

      CREATE TABLE images (
        id         INTEGER PRIMARY KEY,
        url        TEXT NOT NULL UNIQUE,
        mime       TEXT NOT NULL,
        size       INTEGER NOT NULL,
        width      INTEGER,
        height     INTEGER,
        fetched_at INTEGER NOT NULL,
        bytes      BLOB NOT NULL
      ) STRICT;
      CREATE TABLE article_images (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        image_id   INTEGER NOT NULL REFERENCES images (id),
        position   INTEGER NOT NULL,
        PRIMARY KEY (article_id, image_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_images_image ON article_images (image_id);

      CREATE TABLE bookmarks (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id         INTEGER,
        bookmarked_at      INTEGER NOT NULL,
        published_at       INTEGER NOT NULL,
        script             TEXT NOT NULL DEFAULT 'unknown' CHECK (script IN ('hans', 'hant', 'unknown')),
        url                TEXT NOT NULL UNIQUE,
        title              TEXT NOT NULL,
        source_name        TEXT,
        summary            TEXT NOT NULL DEFAULT '',
        author             TEXT,
        editor             TEXT,
        responsible_editor TEXT,
        original_title     TEXT,
        copyright          TEXT,
        content_html       TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX bookmarks_article ON bookmarks (article_id) WHERE article_id IS NOT NULL;
      CREATE INDEX bookmarks_time ON bookmarks (bookmarked_at, id);
      CREATE TABLE bookmark_images (
        bookmark_id INTEGER NOT NULL REFERENCES bookmarks (id) ON DELETE CASCADE,
        image_id    INTEGER NOT NULL REFERENCES images (id),
        PRIMARY KEY (bookmark_id, image_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX bookmark_images_image ON bookmark_images (image_id);
    `);
  },
};
