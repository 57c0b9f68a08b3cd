/** Sources and their sync state. This file's exports are its whole API. */
import type { RegionId } from '../../shared/regions.ts';
import type { Database } from './database.ts';

export interface SourceRecord {
  readonly id: string;
  readonly type: 'portal' | 'feed';
  readonly url: string;
  readonly title?: string | null;
  readonly region?: RegionId | null;
  readonly profile?: string | null;
  readonly enabled?: boolean;
}

export interface SourcesRepo {
  /** Adds the source or updates its definition; sync state is kept. */
  save(source: SourceRecord): void;
  ids(): string[];
}

export function sourcesRepo(db: Database): SourcesRepo {
  const upsert = db.prepare(`
    INSERT INTO sources (id, type, url, title, region, profile, enabled)
    VALUES (@id, @type, @url, @title, @region, @profile, @enabled)
    ON CONFLICT (id) DO UPDATE SET type = excluded.type, url = excluded.url, title = excluded.title,
      region = excluded.region, profile = excluded.profile, enabled = excluded.enabled`);
  const all = db.prepare<[], string>('SELECT id FROM sources ORDER BY id').pluck();
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
  };
}
