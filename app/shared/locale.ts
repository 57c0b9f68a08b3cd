/** The UI's languages and how the setting picks one; shared by the renderer and the app menu. */
import type { UiLanguage } from './settings.ts';

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
