/** The UI's languages and how the setting picks one; shared by the renderer and the app menu. */
import type { ScriptMode, UiLanguage } from './settings.ts';

export type Locale = 'zh-Hant' | 'zh-Hans' | 'en';

/** The UI language setting, or for `system` the first of the preferred languages we have. */
export function resolveLocale(setting: UiLanguage, preferred: readonly string[]): Locale {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)\b/.test(lower)) return 'zh-Hant';
    if (lower.startsWith('zh')) return 'zh-Hans';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/**
 * The catalogue whose wording suits a script mode: mainland wording (导出, 界面, 文件) for
 * 简体, Taiwan's (匯出, 介面, 檔) for the Traditional modes, whichever Chinese the UI is set to.
 * Converting one catalogue's characters keeps its wording (汇出, 介面, 档 in a 繁體 UI read in
 * 简体), which reads as foreign: the characters follow the script, and so must the words. An
 * English UI stays English.
 */
export function catalogueFor(locale: Locale, mode: ScriptMode): Locale {
  if (locale === 'en' || mode === 'original') return locale;
  return mode === 'cn' ? 'zh-Hans' : 'zh-Hant';
}
