import type { Migration } from './index.ts';

/** Settings are key → JSON value, so that adding a setting needs no migration. */
export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `);
  },
};
