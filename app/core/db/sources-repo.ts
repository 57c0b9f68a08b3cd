/** Sources and their sync state. This file's exports are its whole API. */
import type { RegionId } from '../../shared/regions.ts';
import type { Database } from './database.ts';

export interface SourceRecord {
  readonly id: string;
  readonly type: 'portal' | 'feed';
  readonly url: string;
  // `undefined` too: a sources-file Source is a SourceRecord as it is.
  readonly title?: string | null | undefined;
  readonly region?: RegionId | null | undefined;
  readonly profile?: string | null | undefined;
  readonly enabled?: boolean | undefined;
}

/** A source with its sync state, as stored. Times are ms since the epoch. */
export interface SourceState extends SourceRecord {
  /** The configuration's default (for the reader's own sources: true). */
  readonly enabled: boolean;
  /** 'config': built-in or sources file, rewritten by each sync; 'user': the reader's own. */
  readonly origin: 'config' | 'user';
  /** The reader's choice, overriding `enabled`; null until they make one. */
  readonly readerEnabled: boolean | null;
  readonly addedAt: number | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly lastErrorAt: number | null;
  readonly errorCount: number;
  readonly nextDueAt: number | null;
  /** The feed's own title from its last successful parse. */
  readonly feedTitle: string | null;
  /** The reader's name for a configured source (a reader's own keeps its name in `title`). */
  readonly readerTitle: string | null;
  /** The reader's full-text choice, overriding the configuration's; null until they make one. */
  readonly readerFullText: boolean | null;
  /** The reader's tab the source belongs to. */
  readonly tabId: number | null;
}

/** What the reader may change on any source, stored or not yet (see `ensure`). */
export interface ReaderChoices {
  readonly readerTitle?: string | null;
  readonly readerFullText?: boolean | null;
  readonly tabId?: number | null;
}

export interface SourcesRepo {
  /** Adds the source or updates its definition; sync state is kept. */
  save(source: SourceRecord): void;
  ids(): string[];
  get(id: string): SourceState | null;
  list(): SourceState[];
  recordSuccess(
    id: string,
    state: { etag: string | null; lastModified: string | null; at: number; nextDueAt: number },
  ): void;
  recordError(id: string, state: { message: string; at: number; nextDueAt: number }): void;
  /** The reader's sources, oldest first. */
  userSources(): SourceState[];
  /** Adds a reader's source (a feed). Throws on a duplicate id or URL (a UNIQUE constraint). */
  addUser(source: {
    id: string;
    url: string;
    title: string | null;
    region: RegionId | null;
    at: number;
  }): void;
  /** Changes a reader's source's title and region; false when there is no such reader's source. */
  updateUser(id: string, change: { title: string | null; region: RegionId | null }): boolean;
  /** Records the reader's enabled choice for a stored source; false when there is no row. */
  setReaderEnabled(id: string, enabled: boolean): boolean;
  /** Deletes a reader's source (its articles stay, unlinked); false when there is none. */
  removeUser(id: string): boolean;
  /** Records the title a successful parse found. */
  recordFeedTitle(id: string, title: string): void;
  /** Stores the reader's choices given (the others are kept); false when there is no row. */
  setChoices(id: string, choices: ReaderChoices): boolean;
}

interface SourceRow {
  id: string;
  type: 'portal' | 'feed';
  url: string;
  title: string | null;
  region: RegionId | null;
  profile: string | null;
  enabled: 0 | 1;
  etag: string | null;
  last_modified: string | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  error_count: number;
  next_due_at: number | null;
  origin: 'config' | 'user';
  reader_enabled: 0 | 1 | null;
  added_at: number | null;
  feed_title: string | null;
  reader_title: string | null;
  reader_full_text: 0 | 1 | null;
  tab_id: number | null;
}

function toState(r: SourceRow): SourceState {
  return {
    id: r.id,
    type: r.type,
    url: r.url,
    title: r.title,
    region: r.region,
    profile: r.profile,
    enabled: r.enabled === 1,
    etag: r.etag,
    lastModified: r.last_modified,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    errorCount: r.error_count,
    nextDueAt: r.next_due_at,
    origin: r.origin,
    readerEnabled: r.reader_enabled === null ? null : r.reader_enabled === 1,
    addedAt: r.added_at,
    feedTitle: r.feed_title,
    readerTitle: r.reader_title,
    readerFullText: r.reader_full_text === null ? null : r.reader_full_text === 1,
    tabId: r.tab_id,
  };
}

export function sourcesRepo(db: Database): SourcesRepo {
  const upsert = db.prepare(`
    INSERT INTO sources (id, type, url, title, region, profile, enabled)
    VALUES (@id, @type, @url, @title, @region, @profile, @enabled)
    ON CONFLICT (id) DO UPDATE SET type = excluded.type, url = excluded.url, title = excluded.title,
      region = excluded.region, profile = excluded.profile, enabled = excluded.enabled,
      -- Validators belong to the URL that issued them.
      etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
      last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END
    WHERE (sources.type, sources.url, sources.title, sources.region, sources.profile, sources.enabled)
      IS NOT (excluded.type, excluded.url, excluded.title, excluded.region, excluded.profile, excluded.enabled)`);
  const all = db.prepare<[], string>('SELECT id FROM sources ORDER BY id').pluck();
  const one = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE id = ?');
  const every = db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY id');
  const success = db.prepare(`UPDATE sources SET etag = @etag, last_modified = @lastModified,
    last_success_at = @at, last_error = NULL, error_count = 0, next_due_at = @nextDueAt WHERE id = @id`);
  const failure = db.prepare(`UPDATE sources SET last_error = @message, last_error_at = @at,
    error_count = error_count + 1, next_due_at = @nextDueAt WHERE id = @id`);
  const users = db.prepare<[], SourceRow>(
    "SELECT * FROM sources WHERE origin = 'user' ORDER BY added_at, rowid",
  );
  const insertUser =
    db.prepare(`INSERT INTO sources (id, type, url, title, region, enabled, origin, added_at)
    VALUES (@id, 'feed', @url, @title, @region, 1, 'user', @at)`);
  const changeUser = db.prepare(
    "UPDATE sources SET title = @title, region = @region WHERE id = @id AND origin = 'user'",
  );
  const choose = db.prepare<[0 | 1, string]>('UPDATE sources SET reader_enabled = ? WHERE id = ?');
  const deleteUser = db.prepare<[string]>("DELETE FROM sources WHERE id = ? AND origin = 'user'");
  const feedTitle = db.prepare<[{ id: string; title: string }]>(
    'UPDATE sources SET feed_title = @title WHERE id = @id AND feed_title IS NOT @title',
  );
  const choices = {
    readerTitle: db.prepare<[string | null, string]>(
      'UPDATE sources SET reader_title = ? WHERE id = ?',
    ),
    readerFullText: db.prepare<[0 | 1 | null, string]>(
      'UPDATE sources SET reader_full_text = ? WHERE id = ?',
    ),
    tabId: db.prepare<[number | null, string]>('UPDATE sources SET tab_id = ? WHERE id = ?'),
  };
  const setChoices = db.transaction((id: string, change: ReaderChoices): boolean => {
    if (one.get(id) === undefined) return false;
    if (change.readerTitle !== undefined) choices.readerTitle.run(change.readerTitle, id);
    if (change.readerFullText !== undefined) {
      const on = change.readerFullText;
      choices.readerFullText.run(on === null ? null : on ? 1 : 0, id);
    }
    if (change.tabId !== undefined) choices.tabId.run(change.tabId, id);
    return true;
  });
  return {
    save(source) {
      upsert.run({
        id: source.id,
        type: source.type,
        url: source.url,
        title: source.title ?? null,
        region: source.region ?? null,
        profile: source.profile ?? null,
        enabled: source.enabled === false ? 0 : 1,
      });
    },
    ids: () => all.all(),
    get(id) {
      const row = one.get(id);
      return row === undefined ? null : toState(row);
    },
    list: () => every.all().map(toState),
    recordSuccess(id, state) {
      success.run({ id, ...state });
    },
    recordError(id, state) {
      failure.run({ id, ...state });
    },
    userSources: () => users.all().map(toState),
    addUser(source) {
      insertUser.run(source);
    },
    updateUser: (id, change) => changeUser.run({ id, ...change }).changes > 0,
    setReaderEnabled: (id, enabled) => choose.run(enabled ? 1 : 0, id).changes > 0,
    removeUser: (id) => deleteUser.run(id).changes > 0,
    recordFeedTitle(id, title) {
      feedTitle.run({ id, title });
    },
    setChoices: (id, change) => setChoices(id, change),
  };
}
