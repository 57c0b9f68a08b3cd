/**
 * Every source the reader has: the configured ones (the built-in channel, or a sources file) and
 * the reader's own feeds (addSource, importOpml), with the reader's enabled choices, which are
 * stored in the library and so survive restarts. A configured source's definition belongs to its
 * configuration and is rewritten by each sync; only its enabled flag is the reader's to change.
 */
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { NewsApiError } from '../../shared/errors.ts';
import { MAX_READER_TABS } from '../../shared/tabs.ts';
import { isPlaceRegionId } from '../../shared/regions.ts';
import {
  NewSourceSchema,
  SourcePatchSchema,
  type NewSource,
  type OpmlImportResult,
  type SourceOrigin,
  type SourcePatch,
  type SourceStatus,
} from '../../shared/sync.ts';
import type { Database } from '../db/database.ts';
import { sourcesRepo, type SourceState, type SourcesRepo } from '../db/sources-repo.ts';
import { storageError } from '../db/storage-error.ts';
import { tabsRepo, type TabsRepo } from '../db/tabs-repo.ts';
import type { feedsInOpml, sourcesToOpml } from './opml.ts';
import { sourceName } from './source-names.ts';
import { DEFAULT_MAX_ITEMS, type Source } from './sources-file.ts';

/** The most feeds the reader can add: a sync works through every one of them. */
export const MAX_READER_SOURCES = 1000;

export interface SourceCatalogOptions {
  readonly db: Database;
  /** The built-in channel or the sources file's sources. */
  readonly configured: readonly Source[];
  readonly origin: Exclude<SourceOrigin, 'user'>;
  readonly now: () => number;
  /** Called after the reader's change to the sources is stored. */
  readonly changed?: () => void;
}

interface Entry {
  readonly source: Source;
  readonly origin: SourceOrigin;
  /** Stored state, when it belongs to this source's URL. */
  readonly state: SourceState | null;
  /** The stored row whatever its URL: the reader's choices go with the id. */
  readonly row: SourceState | null;
  readonly name: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Two URLs name the same feed when they parse to the same address (fragments aside). */
function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

export class SourceCatalog {
  readonly #options: SourceCatalogOptions;
  readonly #repo: SourcesRepo;
  readonly #db: Database;
  readonly #tabs: TabsRepo;

  constructor(options: SourceCatalogOptions) {
    this.#options = options;
    this.#db = options.db;
    this.#repo = sourcesRepo(options.db);
    this.#tabs = tabsRepo(options.db);
  }

  get configured(): readonly Source[] {
    return this.#options.configured;
  }

  /**
   * What a sync works through: the configured sources, then the reader's, enabled and fetching
   * full text as chosen, titled with their names (a sync's errors name them so).
   */
  sources(): Source[] {
    return this.#entries().map((e) => ({ ...e.source, title: e.name }));
  }

  statuses(): SourceStatus[] {
    return this.#entries().map(toStatus);
  }

  /** The source that has this URL already, if any. */
  withUrl(url: string): SourceStatus | null {
    const same = this.#entries().find((e) => urlKey(e.source.url) === urlKey(url));
    return same === undefined ? null : toStatus(same);
  }

  /** Adds a reader's feed; `feedTitle` is the title a fetch just found, if one did. */
  add(raw: NewSource, feedTitle: string | null = null): SourceStatus {
    const input = checked(NewSourceSchema, raw);
    const url = new URL(input.url).href;
    const same = this.withUrl(url);
    if (same !== null) {
      throw new NewsApiError('CONFLICT', `The feed ${url} is already a source (${same.name}).`);
    }
    this.#roomFor(1);
    const id = this.#newId(url);
    this.#write('add the source', () => {
      this.#repo.addUser({
        id,
        url,
        title: input.title ?? null,
        region: input.region ?? null,
        at: this.#options.now(),
      });
      if (feedTitle !== null) this.#repo.recordFeedTitle(id, feedTitle);
    });
    return this.#status(id);
  }

  update(id: string, raw: SourcePatch): SourceStatus {
    const patch = checked(SourcePatchSchema, raw);
    const entry = this.#entries().find((e) => e.source.id === id);
    if (entry === undefined) throw new NewsApiError('NOT_FOUND', `There is no source ${id}.`);
    const { source, origin } = entry;
    const mine = origin === 'user';
    if (patch.region !== undefined && patch.region !== (source.region ?? null) && !mine) {
      throw new NewsApiError(
        'CONFLICT',
        `The region of ${entry.name} comes from ${origin === 'file' ? 'the sources file' : 'the built-in channel'}; it can be renamed, switched on or off, or put in a tab.`,
      );
    }
    if (patch.tab !== undefined && patch.tab !== null && this.#tabs.get(patch.tab) === null) {
      throw new NewsApiError('NOT_FOUND', `There is no tab ${patch.tab}.`);
    }
    // A reader's feed belongs to a region or to one of the reader's tabs, not both.
    const region =
      patch.region !== undefined
        ? patch.region
        : mine && patch.tab !== undefined && patch.tab !== null
          ? null
          : (source.region ?? null);
    const tab =
      patch.tab !== undefined
        ? patch.tab
        : mine && patch.region !== undefined && patch.region !== null
          ? null
          : undefined;
    this.#write('change the source', () => {
      this.#db.transaction(() => {
        // A configured source gets its row now if it has never been synced.
        if (!mine && this.#repo.get(id) === null) this.#saveDefinition(source);
        if (mine) {
          const title = patch.title === undefined ? (source.title ?? null) : patch.title;
          this.#repo.updateUser(id, { title, region });
        }
        if (patch.enabled !== undefined) this.#repo.setReaderEnabled(id, patch.enabled);
        this.#repo.setChoices(id, {
          ...(!mine && patch.title !== undefined ? { readerTitle: patch.title } : {}),
          ...(patch.fullText === undefined ? {} : { readerFullText: patch.fullText }),
          ...(tab === undefined ? {} : { tabId: tab }),
        });
      })();
    });
    return this.#status(id);
  }

  remove(id: string): { readonly removed: boolean } {
    const configured = this.#options.configured.find((s) => s.id === id);
    if (configured !== undefined) {
      throw new NewsApiError(
        'CONFLICT',
        `${id} comes from ${this.#options.origin === 'file' ? 'the sources file' : 'the built-in channel'}; it can be disabled but not removed.`,
      );
    }
    // Its articles stay: they lose the link to the source (ON DELETE SET NULL), nothing else.
    return { removed: this.#write('remove the source', () => this.#repo.removeUser(id)) };
  }

  /**
   * The OPML codec (opml.ts, on feedsmith) is the caller's to load: it is a large module that
   * only these two calls need, so the library does not load it at start.
   */
  exportOpml(write: typeof sourcesToOpml): string {
    const tabs = new Map(this.#tabs.list().map((t) => [t.id, t.name]));
    return write(this.statuses(), tabs, this.#options.now());
  }

  /**
   * Adds the file's feeds not already sources, all or nothing; a folder of feeds becomes the
   * reader's tab of that name (made if missing), as other readers' folders do.
   */
  importOpml(text: string, read: typeof feedsInOpml): OpmlImportResult {
    const feeds = read(text);
    const seen = new Set(this.#entries().map((e) => urlKey(e.source.url)));
    const fresh: {
      url: string;
      title: string | null;
      region: NewSource['region'];
      folder: string | null;
    }[] = [];
    let invalid = 0;
    for (const feed of feeds) {
      if (feed.url === null) {
        invalid += 1;
        continue;
      }
      const url = new URL(feed.url).href;
      if (seen.has(urlKey(url))) continue;
      seen.add(urlKey(url));
      fresh.push({ url, title: feed.title, region: feed.region, folder: feed.folder });
    }
    this.#roomFor(fresh.length);
    const at = this.#options.now();
    const addedIds: string[] = [];
    let tabsAdded = 0;
    this.#write('import the sources', () => {
      this.#db.transaction(() => {
        const tabOf = new Map<string, number>();
        for (const feed of fresh) {
          const id = this.#newId(feed.url);
          // A feed in a folder belongs to that tab rather than to a region.
          const tab =
            feed.folder === null
              ? null
              : this.#tabNamed(feed.folder, tabOf, () => (tabsAdded += 1));
          this.#repo.addUser({
            id,
            url: feed.url,
            title: feed.title,
            region: tab === null ? (feed.region ?? null) : null,
            at,
          });
          if (tab !== null) this.#repo.setChoices(id, { tabId: tab });
          addedIds.push(id);
        }
      })();
    });
    return {
      added: fresh.length,
      skipped: feeds.length - fresh.length,
      existing: feeds.length - fresh.length - invalid,
      invalid,
      total: feeds.length,
      addedIds,
      tabsAdded,
    };
  }

  /** The id of the reader's tab called `name`, made when there is none (and room for one). */
  #tabNamed(name: string, known: Map<string, number>, made: () => void): number | null {
    const cached = known.get(name);
    if (cached !== undefined) return cached;
    let id = this.#tabs.byName(name)?.id ?? null;
    if (id === null) {
      if (this.#tabs.list().length >= MAX_READER_TABS) return null;
      id = this.#tabs.add(name);
      made();
    }
    known.set(name, id);
    return id;
  }

  /** Stores a configured source's definition (a sync does this for every one). */
  #saveDefinition(source: Source): void {
    this.#repo.save(source);
  }

  /** Stores every configured definition; only a sync calls this, so reading never writes. */
  saveDefinitions(): void {
    for (const source of this.#options.configured) this.#saveDefinition(source);
  }

  #entries(): Entry[] {
    const stored = new Map(this.#repo.list().map((s) => [s.id, s]));
    const configured = this.#options.configured.map((source): Entry => {
      const row = stored.get(source.id);
      const state = row?.url === source.url ? row : null;
      // The reader's choice goes with the id, even if the configuration moved the source.
      const enabled = row?.readerEnabled ?? source.enabled;
      const fullText = row?.readerFullText ?? source.fullText;
      return {
        source: { ...source, enabled, fullText },
        origin: this.#options.origin,
        state,
        row: row ?? null,
        name: sourceName(source, row ?? null),
      };
    });
    const ids = new Set(this.#options.configured.map((s) => s.id));
    const user = this.#repo
      .userSources()
      .filter((row) => !ids.has(row.id))
      .map((row): Entry => {
        const source = readerSource(row);
        return { source, origin: 'user', state: row, row, name: sourceName(source, row) };
      });
    return [...configured, ...user];
  }

  #status(id: string): SourceStatus {
    const entry = this.#entries().find((e) => e.source.id === id);
    if (entry === undefined) throw new NewsApiError('NOT_FOUND', `There is no source ${id}.`);
    return toStatus(entry);
  }

  #roomFor(count: number): void {
    const have = this.#repo.userSources().length;
    if (have + count > MAX_READER_SOURCES) {
      throw new NewsApiError(
        'CONFLICT',
        `That would make ${have + count} sources of your own; the most is ${MAX_READER_SOURCES}. Nothing was added.`,
      );
    }
  }

  /** `user:` and a hash of the URL: a configured id cannot contain ":", so the two never clash. */
  #newId(url: string): string {
    const hash = createHash('sha256').update(url).digest('hex');
    // Ids stay within the 64 characters sync({ sourceIds }) takes.
    for (let length = 10; length <= 40; length += 1) {
      const id = `user:${hash.slice(0, length)}`;
      if (this.#repo.get(id) === null) return id;
    }
    throw new NewsApiError('INTERNAL', 'Could not find a free id for the source.');
  }

  #write<T>(action: string, work: () => T): T {
    let result: T;
    try {
      result = work();
    } catch (error) {
      throw storageError(action, error);
    }
    this.#options.changed?.();
    return result;
  }
}

/**
 * The transports validate every call; this keeps the catalog's rules (trimmed titles, http(s)
 * URLs) for callers inside the app too.
 */
function checked<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new NewsApiError(
    'BAD_ARGUMENT',
    `The source ${v.getDotPath(issue) ?? ''} ${issue.message}`.replace(/\s+/g, ' '),
  );
}

function readerSource(row: SourceState): Source {
  return {
    id: row.id,
    type: 'feed',
    url: row.url,
    ...(row.title === null || row.title === undefined ? {} : { title: row.title }),
    ...(isPlaceRegionId(row.region) ? { region: row.region } : {}),
    enabled: row.readerEnabled ?? row.enabled,
    fullText: row.readerFullText ?? false,
    maxPages: 1,
    maxItems: DEFAULT_MAX_ITEMS,
  };
}

function toStatus({ source, origin, state, row, name }: Entry): SourceStatus {
  return {
    id: source.id,
    type: source.type,
    origin,
    url: source.url,
    title: row?.readerTitle ?? source.title ?? null,
    name,
    feedTitle: state?.feedTitle ?? null,
    region: source.region ?? null,
    tab: row?.tabId ?? null,
    fullText: source.fullText,
    enabled: source.enabled,
    lastSuccessAt: iso(state?.lastSuccessAt ?? null),
    lastErrorAt: iso(state?.lastErrorAt ?? null),
    lastError: state?.lastError ?? null,
    errorCount: state?.errorCount ?? 0,
    nextDueAt: iso(state?.nextDueAt ?? null),
  };
}
