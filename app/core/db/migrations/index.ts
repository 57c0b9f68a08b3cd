import type { Database } from 'better-sqlite3';
import { migration0010 } from './0010-initial.ts';
import { migration0020 } from './0020-library.ts';
import { migration0030 } from './0030-reader-sources.ts';
import { migration0040 } from './0040-search-unigrams.ts';
import { migration0050 } from './0050-search-ids.ts';
import { migration0060 } from './0060-search-file.ts';
import { migration0070 } from './0070-retention.ts';
import { migration0080 } from './0080-reader-tabs.ts';
import { migration0082 } from './0082-full-text.ts';

export interface Migration {
  /** Numbered in tens; recorded in PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}

/** Append-only: a migration that has shipped is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0082,
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
