import type { Region } from '../../../app/shared/regions.ts';
import type { Locale } from '../../../app/shared/locale.ts';

export { resolveLocale, type Locale } from '../../../app/shared/locale.ts';

/** Every string the app shell shows. Components take these; none hard-codes its own text. */
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
  /** Read by screen readers after a tab's label, e.g. 長春（3 篇未讀）. */
  readonly unreadSuffix: (count: number) => string;
  readonly syncNow: string;
  readonly syncing: string;
  readonly cancelSync: string;
  readonly syncProgressLabel: string;
  readonly syncProgress: (done: number, total: number) => string;
  readonly updateReady: (version: string) => string;
  readonly offline: string;
  readonly offlineHint: string;
  readonly sourcesButton: string;
  readonly settingsButton: string;
  readonly helpButton: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly searchScopeLabel: string;
  readonly searchScopeTab: (label: string) => string;
  readonly searchScopeAll: string;
  readonly searchResults: (query: string) => string;
  readonly noResults: (query: string) => string;
  /** Above search results while the search index is still being filled. */
  readonly searchIndexing: string;
  readonly clearSearch: string;
  readonly backToList: string;
  readonly splitterLabel: string;
  readonly dismiss: string;
  readonly toolbarLabel: string;
}

export const MESSAGES: Readonly<Record<Locale, Messages>> = {
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
    unreadSuffix: (count) => (count > 0 ? `（${count} 篇未讀）` : ''),
    syncNow: '同步',
    syncing: '同步中…',
    cancelSync: '停止同步',
    syncProgressLabel: '同步進度',
    syncProgress: (done, total) => `${done}/${total} 個來源`,
    updateReady: (version) => `新版本 ${version} 已下載，重新啟動即完成更新`,
    offline: '離線',
    offlineHint: '沒有網路連線：顯示的是已存在本機的文章。',
    sourcesButton: '來源',
    settingsButton: '設定',
    helpButton: '快捷鍵',
    searchLabel: '搜尋文章',
    searchPlaceholder: '搜尋（/）',
    searchScopeLabel: '搜尋範圍',
    searchScopeTab: (label) => `只搜${label}`,
    searchScopeAll: '搜全部',
    searchResults: (query) => `「${query}」的搜尋結果`,
    noResults: (query) => `找不到「${query}」。`,
    searchIndexing: '搜尋索引仍在建立中，結果可能不完整。請稍後再搜尋一次。',
    clearSearch: '清除搜尋',
    backToList: '返回列表',
    splitterLabel: '調整列表寬度',
    dismiss: '知道了',
    toolbarLabel: '工具列',
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
    unreadSuffix: (count) => (count > 0 ? `（${count} 篇未读）` : ''),
    syncNow: '同步',
    syncing: '同步中…',
    cancelSync: '停止同步',
    syncProgressLabel: '同步进度',
    syncProgress: (done, total) => `${done}/${total} 个来源`,
    updateReady: (version) => `新版本 ${version} 已下载，重新启动即完成更新`,
    offline: '离线',
    offlineHint: '没有网络连接：显示的是已存在本机的文章。',
    sourcesButton: '来源',
    settingsButton: '设置',
    helpButton: '快捷键',
    searchLabel: '搜索文章',
    searchPlaceholder: '搜索（/）',
    searchScopeLabel: '搜索范围',
    searchScopeTab: (label) => `只搜${label}`,
    searchScopeAll: '搜全部',
    searchResults: (query) => `“${query}”的搜索结果`,
    noResults: (query) => `找不到“${query}”。`,
    searchIndexing: '搜索索引仍在建立中，结果可能不完整。请稍后再搜索一次。',
    clearSearch: '清除搜索',
    backToList: '返回列表',
    splitterLabel: '调整列表宽度',
    dismiss: '知道了',
    toolbarLabel: '工具栏',
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
    unreadSuffix: (count) => (count > 0 ? ` (${count} unread)` : ''),
    syncNow: 'Sync',
    syncing: 'Syncing…',
    cancelSync: 'Stop sync',
    syncProgressLabel: 'Sync progress',
    syncProgress: (done, total) => `${done} of ${total} sources`,
    updateReady: (version) =>
      `Version ${version} is ready: restart Heitu Reader to finish updating`,
    offline: 'Offline',
    offlineHint: 'No network: showing the articles stored on this computer.',
    sourcesButton: 'Sources',
    settingsButton: 'Settings',
    helpButton: 'Shortcuts',
    searchLabel: 'Search articles',
    searchPlaceholder: 'Search (/)',
    searchScopeLabel: 'Search in',
    searchScopeTab: (label) => `Only ${label}`,
    searchScopeAll: 'Everything',
    searchResults: (query) => `Results for “${query}”`,
    noResults: (query) => `Nothing matches “${query}”.`,
    searchIndexing:
      'The search index is still being built: these results may be incomplete. Search again in a moment.',
    clearSearch: 'Clear search',
    backToList: 'Back to the list',
    splitterLabel: 'Resize the list',
    dismiss: 'Dismiss',
    toolbarLabel: 'Toolbar',
  },
};

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** The region label in the script of the UI; the channel's own Traditional for English. */
export function regionLabel(region: Region, locale: Locale): string {
  return locale === 'zh-Hans' ? region.labelHans : region.labelHant;
}

/** BCP 47 tag for the `lang` attribute of text in this locale. */
export function langTag(locale: Locale): string {
  return locale === 'zh-Hant' ? 'zh-Hant-TW' : locale;
}

/**
 * The same messages with every string passed through `convert` (for a Chinese UI in another
 * script). Works on any flat message table whose values are strings or functions returning one.
 * A function's string arguments (a search query, a dictionary entry, a region label already
 * converted) are put back unconverted: only the message's own words change script.
 *
 * A string is converted when first read, then kept: a first switch to a script converts the
 * words on screen, not every error message and closed dialog of the table (they were a sixth of
 * a first switch); realizeMessages() converts the rest ahead, in idle time.
 */
export function convertMessages<M extends object>(
  messages: M,
  convert: (text: string) => string,
): M {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string')
      Object.defineProperty(out, key, {
        enumerable: true,
        configurable: true,
        get: () => {
          const converted = convert(value);
          Object.defineProperty(out, key, { value: converted, enumerable: true });
          return converted;
        },
      });
    else if (typeof value === 'function') {
      const fn = value as (...a: unknown[]) => unknown;
      out[key] = (...args: unknown[]) => {
        const strings: string[] = [];
        // Private-use placeholders pass through OpenCC untouched.
        const masked = args.map((arg) =>
          typeof arg === 'string' ? `\uE000${String(strings.push(arg) - 1)}\uE001` : arg,
        );
        return convert(String(fn(...masked))).replace(
          /\uE000(\d+)\uE001/g,
          (_, i: string) => strings[Number(i)] ?? '',
        );
      };
    } else out[key] = value;
  }
  return out as M;
}

/** Converts every string of a table made by convertMessages now (reads each once). */
export function realizeMessages(messages: object): void {
  for (const key of Object.keys(messages)) void Reflect.get(messages, key);
}
