import * as v from 'valibot';
import { PLACE_REGION_IDS, REGION_IDS } from './regions.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export const SCRIPT_MODES = ['original', 'cn', 'tw', 'twp', 'hk'] as const;
export const UI_LANGUAGES = ['system', 'zh-Hans', 'zh-Hant', 'en'] as const;

export type Theme = (typeof THEMES)[number];
/** 原文 / 简体 / 繁體 / 臺灣 (with phrases) / 香港. */
export type ScriptMode = (typeof SCRIPT_MODES)[number];
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The modes that convert (every one but 原文): where the reader's own entries can apply. */
export const CONVERTING_MODES = ['cn', 'tw', 'twp', 'hk'] as const satisfies readonly ScriptMode[];
export type ConvertingMode = (typeof CONVERTING_MODES)[number];

/** The most entries the reader's dictionary holds. */
export const USER_DICTIONARY_MAX = 500;

const OneLine = v.regex(/^[^\r\n\u2028\u2029]*$/u, 'has a line break');

/**
 * One entry of the reader's own dictionary: `from` as it appears in the published text, shown as
 * `to`; in `mode` only, or in every converting mode when absent. Applied by createScriptConverter
 * (script-convert.ts), before and over the project dictionary.
 */
export const UserEntrySchema = v.strictObject({
  from: v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(50), OneLine),
  to: v.pipe(v.string(), v.maxLength(50), OneLine),
  mode: v.optional(v.picklist(CONVERTING_MODES)),
});
export type UserEntry = Readonly<v.InferOutput<typeof UserEntrySchema>>;

/** `retentionDays` that keeps every article: nothing is pruned. */
export const RETENTION_NEVER = 0;
export const RETENTION_MIN = 7;
export const RETENTION_MAX = 3650;

export const SettingsSchema = v.strictObject({
  theme: v.picklist(THEMES),
  /** Text size of the reading pane, as a percentage of the default. */
  textScale: v.pipe(v.number(), v.integer(), v.minValue(75), v.maxValue(200)),
  script: v.picklist(SCRIPT_MODES),
  /** False until the reader picks a script: until then it follows the system locale. */
  scriptChosen: v.boolean(),
  uiLanguage: v.picklist(UI_LANGUAGES),
  /** The tab the reader had open last, restored on the next start. */
  lastRegion: v.picklist(REGION_IDS),
  markReadOnOpen: v.boolean(),
  /**
   * Articles older than this that their source no longer lists are pruned; bookmarks never are.
   * RETENTION_NEVER (0) keeps every article.
   */
  retentionDays: v.union(
    [
      v.literal(RETENTION_NEVER),
      v.pipe(v.number(), v.integer(), v.minValue(RETENTION_MIN), v.maxValue(RETENTION_MAX)),
    ],
    `must be ${RETENTION_NEVER} (never) or ${RETENTION_MIN} to ${RETENTION_MAX} days`,
  ),
  /** 0 turns periodic sync off. */
  refreshIntervalMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)),
  /** The reader's own script dictionary (see UserEntrySchema). */
  userDictionary: v.pipe(
    v.array(UserEntrySchema),
    v.maxLength(USER_DICTIONARY_MAX, `has more than ${USER_DICTIONARY_MAX} entries`),
  ),
  /** The installed desktop app looks for a new version at start and once a day (app/main/updater.ts). */
  updateChecks: v.boolean(),
  /**
   * After a sync, a desktop notification of new articles in `notifyRegions`, and the unread count
   * on the app's badge (issue 18; app/main/announce.ts, renderer/src/sync/web-notifier.ts).
   */
  notifyNewArticles: v.boolean(),
  /** The places whose new articles are announced. */
  notifyRegions: v.pipe(
    v.array(v.picklist(PLACE_REGION_IDS)),
    v.maxLength(PLACE_REGION_IDS.length),
  ),
  // ---- Triage (issue 18, wt-18c) ----
  /** The tabs shown with unread articles only (tab ids: regions, and the reader's own tabs). */
  unreadOnlyTabs: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
    v.maxLength(500),
  ),
});

export type Settings = Readonly<v.InferOutput<typeof SettingsSchema>>;

export const SettingsPatchSchema = v.partial(SettingsSchema);

export type SettingsPatch = Readonly<v.InferOutput<typeof SettingsPatchSchema>>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  textScale: 100,
  script: 'original',
  scriptChosen: false,
  uiLanguage: 'system',
  lastRegion: 'all',
  markReadOnOpen: true,
  retentionDays: 180,
  refreshIntervalMinutes: 30,
  userDictionary: [],
  updateChecks: true,
  notifyNewArticles: false,
  notifyRegions: [...PLACE_REGION_IDS],
  unreadOnlyTabs: [],
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as readonly (keyof Settings)[];

/** The settings with the patch's defined values applied (an `undefined` in a patch changes nothing). */
export function applySettingsPatch(base: Settings, patch: SettingsPatch): Settings {
  const next: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
  return next as unknown as Settings;
}

/**
 * The script a reader in this locale most likely wants: zh-TW → 繁體, zh-HK/zh-MO → 香港,
 * zh-CN/zh-SG → 简体, anything else → as published.
 */
export function scriptForLocale(tags: readonly string[]): ScriptMode {
  for (const tag of tags) {
    const t = tag.toLowerCase().replace('_', '-');
    if (!t.startsWith('zh')) continue;
    if (/-(hk|mo)\b/.test(t)) return 'hk';
    if (/-(tw|hant)\b/.test(t)) return 'tw';
    if (/-(cn|sg|my|hans)\b/.test(t)) return 'cn';
    return 'original';
  }
  return 'original';
}

/** The script in force: the reader's choice, or the locale's until they make one. */
export function effectiveScript(settings: Settings, locales: readonly string[]): ScriptMode {
  return settings.scriptChosen ? settings.script : scriptForLocale(locales);
}
