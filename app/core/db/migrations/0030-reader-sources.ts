import type { Migration } from './index.ts';

/**
 * The reader manages sources (technote 0006): a row now says whose it is. `origin` is 'config' for
 * the built-in channel and the sources file (their definitions are rewritten by every sync) and
 * 'user' for feeds the reader added, which only the reader changes. `reader_enabled` is the
 * reader's choice to enable or disable a source, NULL until they make one: it overrides a
 * configured source's own `enabled` (the configuration's default), which a sync keeps rewriting.
 * `added_at` orders the reader's sources. One URL is one reader source.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'reader-sources',
  up: (db) => {
    db.exec(`
      ALTER TABLE sources ADD COLUMN origin TEXT NOT NULL DEFAULT 'config'
        CHECK (origin IN ('config', 'user'));
      ALTER TABLE sources ADD COLUMN reader_enabled INTEGER CHECK (reader_enabled IN (0, 1));
      ALTER TABLE sources ADD COLUMN added_at INTEGER;
      CREATE UNIQUE INDEX sources_user_url ON sources (url) WHERE origin = 'user';
    `);
  },
};
