import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NewsApi, NewsEvent, NewsListener, Status } from '../shared/contract.ts';
import { NewsApiError } from '../shared/errors.ts';
import { REGIONS, type Region } from '../shared/regions.ts';
import { applySettingsPatch, type Settings, type SettingsPatch } from '../shared/settings.ts';
import { DATABASE_FILE } from './data-dir.ts';
import { openDatabase, schemaVersion, type Database } from './db/database.ts';
import { settingsRepo, type SettingsRepo } from './db/settings-repo.ts';
import { createLogger } from './log.ts';

const log = createLogger('news-service');

export interface NewsServiceOptions {
  /** The folder that holds the library; created if missing. */
  readonly dataDir: string;
  readonly appVersion: string;
}

/**
 * The one implementation of NewsApi. Electron's IPC bridge, the browser-mode server and the CLI
 * all call this; none of them holds any logic of its own.
 */
export class NewsService implements NewsApi {
  readonly #db: Database;
  readonly #settings: SettingsRepo;
  readonly #listeners = new Set<NewsListener>();
  readonly #options: NewsServiceOptions;
  readonly #startedAt = new Date().toISOString();

  private constructor(db: Database, options: NewsServiceOptions) {
    this.#db = db;
    this.#options = options;
    this.#settings = settingsRepo(db);
  }

  static open(options: NewsServiceOptions): NewsService {
    try {
      mkdirSync(options.dataDir, { recursive: true });
    } catch (error) {
      throw new NewsApiError(
        'STORAGE',
        `Cannot create the data folder ${options.dataDir}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const file = join(options.dataDir, DATABASE_FILE);
    log.info(`opening ${file}`);
    return new NewsService(openDatabase(file), options);
  }

  /** For tests and tools: a service over an in-memory library. */
  static inMemory(appVersion = '0.0.0-test'): NewsService {
    return new NewsService(openDatabase(':memory:'), { dataDir: ':memory:', appVersion });
  }

  listRegions(): Promise<readonly Region[]> {
    return settle(() => REGIONS);
  }

  getSettings(): Promise<Settings> {
    return settle(() => this.#settings.read());
  }

  setSettings(patch: SettingsPatch): Promise<Settings> {
    return settle(() => {
      const next = applySettingsPatch(this.#settings.read(), patch);
      try {
        this.#settings.write(next);
      } catch (error) {
        const reason = (error as Error).message;
        throw new NewsApiError('STORAGE', `Could not save the settings: ${reason}`, {
          cause: error,
        });
      }
      this.#emit({ type: 'settingsChanged', settings: next });
      return next;
    });
  }

  getStatus(): Promise<Status> {
    return settle(() => ({
      appVersion: this.#options.appVersion,
      dataDir: this.#options.dataDir,
      schemaVersion: schemaVersion(this.#db),
      startedAt: this.#startedAt,
      sync: { state: 'idle', lastSyncedAt: null },
      notices: [],
    }));
  }

  subscribe(listener: NewsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#listeners.clear();
    if (this.#db.open) this.#db.close();
  }

  #emit(event: NewsEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error('an event listener threw', error);
      }
    }
  }
}

/** Runs synchronous work (better-sqlite3 is synchronous) so that a throw becomes a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}
