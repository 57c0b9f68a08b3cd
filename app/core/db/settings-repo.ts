/** The settings table. This file's exports are its whole API. */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/settings.ts';
import { createLogger } from '../log.ts';
import type { Database } from './database.ts';

const log = createLogger('settings');

export interface SettingsRepo {
  read(): Settings;
  write(settings: Settings): void;
}

export function settingsRepo(db: Database): SettingsRepo {
  const selectAll = db.prepare<[], { key: string; value: string }>(
    'SELECT key, value FROM settings',
  );
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const writeAll = db.transaction((settings: Settings) => {
    for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value));
  });

  return {
    /** Stored values over the defaults; a stored value that no longer validates falls back. */
    read(): Settings {
      const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const row of selectAll.all()) {
        if (!(row.key in DEFAULT_SETTINGS)) continue;
        const candidate = { ...merged, [row.key]: JSON.parse(row.value) as unknown };
        if (v.safeParse(SettingsSchema, candidate).success) merged[row.key] = candidate[row.key];
        else log.warn(`ignoring stored setting ${row.key}: not valid any more`);
      }
      return v.parse(SettingsSchema, merged);
    },
    write(settings: Settings): void {
      writeAll(v.parse(SettingsSchema, settings));
    },
  };
}
