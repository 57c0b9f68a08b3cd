import type { Region } from '../../../app/shared/regions.ts';
import type { UiLanguage } from '../../../app/shared/settings.ts';

export type Locale = 'zh-Hant' | 'zh-Hans' | 'en';

/** Every string the UI shows. Components take these; none hard-codes its own text. */
export interface Messages {
  readonly appName: string;
  readonly channelName: string;
  readonly regionTabsLabel: string;
  readonly neverSynced: string;
  readonly lastSynced: (when: string) => string;
  readonly emptyAll: string;
  readonly emptyRegion: (label: string) => string;
  readonly emptyBookmarks: string;
  readonly emptyHint: string;
  readonly loadFailed: (reason: string) => string;
  readonly articlesIn: (label: string) => string;
  readonly scriptLabel: string;
}

const MESSAGES: Readonly<Record<Locale, Messages>> = {
  'zh-Hant': {
    appName: '黑土閱讀',
    channelName: '關東黑土 · 吉林',
    regionTabsLabel: '地區',
    neverSynced: '尚未同步',
    lastSynced: (when) => `上次同步：${when}`,
    emptyAll: '文庫還是空的。',
    emptyRegion: (label) => `${label}還沒有文章。`,
    emptyBookmarks: '還沒有收藏。為文章加上星號，它就會永遠留在這裡。',
    emptyHint: '同步之後，文章會出現在這裡，離線也能閱讀。',
    loadFailed: (reason) => `無法載入：${reason}`,
    articlesIn: (label) => `${label}的文章`,
    scriptLabel: '文字',
  },
  'zh-Hans': {
    appName: '黑土阅读',
    channelName: '关东黑土 · 吉林',
    regionTabsLabel: '地区',
    neverSynced: '尚未同步',
    lastSynced: (when) => `上次同步：${when}`,
    emptyAll: '文库还是空的。',
    emptyRegion: (label) => `${label}还没有文章。`,
    emptyBookmarks: '还没有收藏。为文章加上星号，它就会永远留在这里。',
    emptyHint: '同步之后，文章会出现在这里，离线也能阅读。',
    loadFailed: (reason) => `无法加载：${reason}`,
    articlesIn: (label) => `${label}的文章`,
    scriptLabel: '文字',
  },
  en: {
    appName: 'Heitu Reader',
    channelName: 'Jilin channel',
    regionTabsLabel: 'Regions',
    neverSynced: 'Not synced yet',
    lastSynced: (when) => `Last synced ${when}`,
    emptyAll: 'The library is empty.',
    emptyRegion: (label) => `No articles from ${label} yet.`,
    emptyBookmarks: 'No bookmarks yet. Star an article to keep it here for good.',
    emptyHint: 'After a sync, articles appear here and read offline.',
    loadFailed: (reason) => `Could not load: ${reason}`,
    articlesIn: (label) => `Articles from ${label}`,
    scriptLabel: 'Script',
  },
};

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** The UI language setting, or for `system` the browser's preferred languages. */
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

/** The region label in the script of the UI; the channel's own Traditional for English. */
export function regionLabel(region: Region, locale: Locale): string {
  return locale === 'zh-Hans' ? region.labelHans : region.labelHant;
}

/** BCP 47 tag for the `lang` attribute of text in this locale. */
export function langTag(locale: Locale): string {
  return locale === 'zh-Hant' ? 'zh-Hant-TW' : locale;
}

/** The same messages with every string passed through `convert` (for a Chinese UI in another script). */
export function convertMessages(messages: Messages, convert: (text: string) => string): Messages {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(messages)) {
    out[key] =
      typeof value === 'string'
        ? convert(value)
        : (...args: string[]) => convert((value as (...a: string[]) => string)(...args));
  }
  return out as unknown as Messages;
}
