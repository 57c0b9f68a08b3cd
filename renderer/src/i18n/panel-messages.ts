import {
  BOOKMARK_FILE_MESSAGES,
  type BookmarkFileMessages,
} from '../../../app/shared/bookmark-file-messages.ts';
import type { Locale } from './messages.ts';

// The three dialogs' strings. Tables are flat (strings, or functions returning one) so that
// convertMessages() can put them in another script.

/** <heitu-settings-panel>. */
export interface SettingsPanelMessages extends BookmarkFileMessages {
  readonly title: string;
  readonly close: string;
  readonly appearance: string;
  readonly theme: string;
  readonly themeSystem: string;
  readonly themeLight: string;
  readonly themeDark: string;
  readonly textSize: string;
  readonly percent: (n: number) => string;
  readonly uiLanguage: string;
  readonly followSystem: string;
  readonly reading: string;
  readonly markReadOnOpen: string;
  readonly sync: string;
  readonly refreshInterval: string;
  readonly refreshOff: string;
  readonly everyMinutes: (n: number) => string;
  readonly retentionDays: string;
  readonly retentionHint: string;
  readonly retentionNever: string;
  readonly updateChecks: string;
  readonly retentionInvalid: (min: number, max: number) => string;
  readonly dictionary: string;
  readonly dictionaryHint: string;
  readonly dictionaryEmpty: string;
  readonly from: string;
  readonly to: string;
  readonly mode: string;
  readonly allModes: string;
  readonly modeCn: string;
  readonly modeTw: string;
  readonly modeTwp: string;
  readonly modeHk: string;
  readonly addEntry: string;
  readonly removeEntry: (from: string) => string;
  readonly dictionaryFull: (max: number) => string;
  readonly bookmarks: string;
  readonly exportBookmarks: string;
  readonly importBookmarks: string;
  readonly failed: (reason: string) => string;
}

/** <heitu-sources-panel>. */
export interface SourcesPanelMessages {
  readonly title: string;
  readonly close: string;
  readonly loading: string;
  readonly listHeading: string;
  readonly empty: string;
  readonly okSince: (when: string) => string;
  readonly neverSynced: string;
  readonly failing: (error: string, count: number) => string;
  readonly nextDue: (when: string) => string;
  readonly enabled: string;
  readonly syncNow: string;
  readonly syncing: string;
  readonly synced: (inserted: number) => string;
  readonly remove: string;
  readonly confirmRemove: (title: string) => string;
  readonly cancel: string;
  readonly removed: (title: string) => string;
  readonly addHeading: string;
  readonly feedUrl: string;
  readonly feedTitle: string;
  readonly add: string;
  readonly added: (title: string) => string;
  readonly opmlHeading: string;
  readonly exportOpml: string;
  readonly importOpml: string;
  readonly opmlImported: (added: number, skipped: number, total: number) => string;
  readonly failed: (reason: string) => string;
}

/** <heitu-help-overlay>. */
export interface HelpOverlayMessages {
  readonly title: string;
  readonly close: string;
  readonly or: string;
  readonly nextArticle: string;
  readonly previousArticle: string;
  readonly openArticle: string;
  readonly bookmark: string;
  readonly toggleRead: string;
  readonly sync: string;
  readonly tabs: string;
  readonly tenthTab: string;
  readonly search: string;
  readonly cycleScript: string;
  readonly help: string;
  readonly closeDialogs: string;
}

export const SETTINGS_PANEL_MESSAGES: Readonly<Record<Locale, SettingsPanelMessages>> = {
  'zh-Hant': {
    title: '設定',
    close: '關閉',
    appearance: '外觀',
    theme: '主題',
    themeSystem: '跟隨系統',
    themeLight: '淺色',
    themeDark: '深色',
    textSize: '文字大小',
    percent: (n) => `${n}%`,
    uiLanguage: '介面語言',
    followSystem: '跟隨系統',
    reading: '閱讀',
    markReadOnOpen: '開啟文章時標為已讀',
    sync: '同步',
    refreshInterval: '自動同步',
    refreshOff: '關閉',
    everyMinutes: (n) => (n % 60 === 0 ? `每 ${n / 60} 小時` : `每 ${n} 分鐘`),
    retentionDays: '文章保留天數',
    retentionHint: '來源已不再列出的較舊文章會被清除；收藏永遠保留。',
    retentionNever: '永久保留所有文章',
    updateChecks: '自動檢查更新（桌面版）',
    retentionInvalid: (min, max) => `請輸入 ${min} 到 ${max} 之間的整數。`,
    dictionary: '自訂詞典',
    dictionaryHint: '轉換文字時，先套用你自己的詞條。',
    dictionaryEmpty: '還沒有自訂詞條。',
    from: '原詞',
    to: '改為',
    mode: '適用於',
    allModes: '所有模式',
    modeCn: '简体',
    modeTw: '繁體',
    modeTwp: '臺灣',
    modeHk: '香港',
    addEntry: '加入詞條',
    removeEntry: (from) => `刪除「${from}」`,
    dictionaryFull: (max) => `詞典最多 ${max} 條，請先刪除一些。`,
    bookmarks: '收藏',
    exportBookmarks: '匯出收藏',
    importBookmarks: '匯入收藏（JSON 檔）',
    ...BOOKMARK_FILE_MESSAGES['zh-Hant'],
    failed: (reason) => `失敗：${reason}`,
  },
  'zh-Hans': {
    title: '设置',
    close: '关闭',
    appearance: '外观',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    textSize: '文字大小',
    percent: (n) => `${n}%`,
    uiLanguage: '界面语言',
    followSystem: '跟随系统',
    reading: '阅读',
    markReadOnOpen: '打开文章时标为已读',
    sync: '同步',
    refreshInterval: '自动同步',
    refreshOff: '关闭',
    everyMinutes: (n) => (n % 60 === 0 ? `每 ${n / 60} 小时` : `每 ${n} 分钟`),
    retentionDays: '文章保留天数',
    retentionHint: '来源已不再列出的较旧文章会被清除；收藏永远保留。',
    retentionNever: '永久保留所有文章',
    updateChecks: '自动检查更新（桌面版）',
    retentionInvalid: (min, max) => `请输入 ${min} 到 ${max} 之间的整数。`,
    dictionary: '自定义词典',
    dictionaryHint: '转换文字时，先应用你自己的词条。',
    dictionaryEmpty: '还没有自定义词条。',
    from: '原词',
    to: '改为',
    mode: '适用于',
    allModes: '所有模式',
    modeCn: '简体',
    modeTw: '繁体',
    modeTwp: '台湾',
    modeHk: '香港',
    addEntry: '添加词条',
    removeEntry: (from) => `删除“${from}”`,
    dictionaryFull: (max) => `词典最多 ${max} 条，请先删除一些。`,
    bookmarks: '收藏',
    exportBookmarks: '导出收藏',
    importBookmarks: '导入收藏（JSON 文件）',
    ...BOOKMARK_FILE_MESSAGES['zh-Hans'],
    failed: (reason) => `失败：${reason}`,
  },
  en: {
    title: 'Settings',
    close: 'Close',
    appearance: 'Appearance',
    theme: 'Theme',
    themeSystem: 'Follow system',
    themeLight: 'Light',
    themeDark: 'Dark',
    textSize: 'Text size',
    percent: (n) => `${n}%`,
    uiLanguage: 'Interface language',
    followSystem: 'Follow system',
    reading: 'Reading',
    markReadOnOpen: 'Mark articles as read when opened',
    sync: 'Sync',
    refreshInterval: 'Sync automatically',
    refreshOff: 'Off',
    everyMinutes: (n) =>
      n % 60 === 0 ? `Every ${n / 60} hour${n === 60 ? '' : 's'}` : `Every ${n} minutes`,
    retentionDays: 'Keep articles for (days)',
    retentionHint:
      'Older articles that their source no longer lists are removed; bookmarks are kept for good.',
    retentionNever: 'Keep every article for good',
    updateChecks: 'Check for updates automatically (desktop app)',
    retentionInvalid: (min, max) => `Enter a whole number from ${min} to ${max}.`,
    dictionary: 'Your script dictionary',
    dictionaryHint: 'Your own entries, applied before the built-in conversion.',
    dictionaryEmpty: 'No entries of your own yet.',
    from: 'From',
    to: 'To',
    mode: 'Applies to',
    allModes: 'All modes',
    modeCn: 'Simplified',
    modeTw: 'Traditional',
    modeTwp: 'Taiwan',
    modeHk: 'Hong Kong',
    addEntry: 'Add entry',
    removeEntry: (from) => `Remove “${from}”`,
    dictionaryFull: (max) => `The dictionary holds at most ${max} entries; remove some first.`,
    bookmarks: 'Bookmarks',
    exportBookmarks: 'Export bookmarks',
    importBookmarks: 'Import bookmarks (JSON file)',
    ...BOOKMARK_FILE_MESSAGES.en,
    failed: (reason) => `Failed: ${reason}`,
  },
};

export const SOURCES_PANEL_MESSAGES: Readonly<Record<Locale, SourcesPanelMessages>> = {
  'zh-Hant': {
    title: '新聞來源',
    close: '關閉',
    loading: '載入中…',
    listHeading: '所有來源',
    empty: '還沒有來源。',
    okSince: (when) => `正常，上次成功：${when}`,
    neverSynced: '尚未同步',
    failing: (error, count) => `${error}（連續失敗 ${count} 次）`,
    nextDue: (when) => `下次同步：${when}`,
    enabled: '啟用',
    syncNow: '立即同步',
    syncing: '同步中…',
    synced: (inserted) => `同步完成，新增 ${inserted} 篇。`,
    remove: '移除',
    confirmRemove: (title) => `確定移除「${title}」？已存的文章會保留。`,
    cancel: '取消',
    removed: (title) => `已移除「${title}」。`,
    addHeading: '加入訂閱',
    feedUrl: '訂閱網址（RSS 或 Atom）',
    feedTitle: '名稱（選填）',
    add: '加入',
    added: (title) => `已加入「${title}」，正在同步…`,
    opmlHeading: 'OPML',
    exportOpml: '匯出 OPML',
    importOpml: '匯入 OPML 檔',
    opmlImported: (added, skipped, total) => `共 ${total} 個：新增 ${added}，略過 ${skipped}。`,
    failed: (reason) => `失敗：${reason}`,
  },
  'zh-Hans': {
    title: '新闻来源',
    close: '关闭',
    loading: '加载中…',
    listHeading: '所有来源',
    empty: '还没有来源。',
    okSince: (when) => `正常，上次成功：${when}`,
    neverSynced: '尚未同步',
    failing: (error, count) => `${error}（连续失败 ${count} 次）`,
    nextDue: (when) => `下次同步：${when}`,
    enabled: '启用',
    syncNow: '立即同步',
    syncing: '同步中…',
    synced: (inserted) => `同步完成，新增 ${inserted} 篇。`,
    remove: '移除',
    confirmRemove: (title) => `确定移除“${title}”？已存的文章会保留。`,
    cancel: '取消',
    removed: (title) => `已移除“${title}”。`,
    addHeading: '添加订阅',
    feedUrl: '订阅网址（RSS 或 Atom）',
    feedTitle: '名称（选填）',
    add: '添加',
    added: (title) => `已添加“${title}”，正在同步…`,
    opmlHeading: 'OPML',
    exportOpml: '导出 OPML',
    importOpml: '导入 OPML 文件',
    opmlImported: (added, skipped, total) => `共 ${total} 个：新增 ${added}，跳过 ${skipped}。`,
    failed: (reason) => `失败：${reason}`,
  },
  en: {
    title: 'News sources',
    close: 'Close',
    loading: 'Loading…',
    listHeading: 'All sources',
    empty: 'No sources yet.',
    okSince: (when) => `Working; last success ${when}`,
    neverSynced: 'Never synced',
    failing: (error, count) => `${error} (failed ${count} time${count === 1 ? '' : 's'} in a row)`,
    nextDue: (when) => `Next sync ${when}`,
    enabled: 'Enabled',
    syncNow: 'Sync now',
    syncing: 'Syncing…',
    synced: (inserted) => `Synced; ${inserted} new.`,
    remove: 'Remove',
    confirmRemove: (title) => `Remove “${title}”? Articles already stored stay.`,
    cancel: 'Cancel',
    removed: (title) => `Removed “${title}”.`,
    addHeading: 'Add a feed',
    feedUrl: 'Feed address (RSS or Atom)',
    feedTitle: 'Name (optional)',
    add: 'Add feed',
    added: (title) => `Added “${title}”; syncing…`,
    opmlHeading: 'OPML',
    exportOpml: 'Export OPML',
    importOpml: 'Import an OPML file',
    opmlImported: (added, skipped, total) => `${total} feeds: ${added} added, ${skipped} skipped.`,
    failed: (reason) => `Failed: ${reason}`,
  },
};

export const HELP_OVERLAY_MESSAGES: Readonly<Record<Locale, HelpOverlayMessages>> = {
  'zh-Hant': {
    title: '鍵盤快速鍵',
    close: '關閉',
    or: '或',
    nextArticle: '下一篇文章',
    previousArticle: '上一篇文章',
    openArticle: '開啟文章',
    bookmark: '收藏或取消收藏',
    toggleRead: '標為已讀或未讀',
    sync: '立即同步',
    tabs: '切換分頁：1 是「全部」，2 到 9 依序是各地區',
    tenthTab: '第十個分頁',
    search: '搜尋',
    cycleScript: '切換文字（原文、简体、繁體、臺灣、香港）',
    help: '顯示這份說明',
    closeDialogs: '關閉對話框',
  },
  'zh-Hans': {
    title: '键盘快捷键',
    close: '关闭',
    or: '或',
    nextArticle: '下一篇文章',
    previousArticle: '上一篇文章',
    openArticle: '打开文章',
    bookmark: '收藏或取消收藏',
    toggleRead: '标为已读或未读',
    sync: '立即同步',
    tabs: '切换标签页：1 是“全部”，2 到 9 依次是各地区',
    tenthTab: '第十个标签页',
    search: '搜索',
    cycleScript: '切换文字（原文、简体、繁体、台湾、香港）',
    help: '显示这份说明',
    closeDialogs: '关闭对话框',
  },
  en: {
    title: 'Keyboard shortcuts',
    close: 'Close',
    or: 'or',
    nextArticle: 'Next article',
    previousArticle: 'Previous article',
    openArticle: 'Open the article',
    bookmark: 'Bookmark or unbookmark',
    toggleRead: 'Mark read or unread',
    sync: 'Sync now',
    tabs: 'Go to a tab: 1 is All, 2 to 9 the regions in order',
    tenthTab: 'The tenth tab',
    search: 'Search',
    cycleScript: 'Cycle the script (原文, 简体, 繁體, 臺灣, 香港)',
    help: 'Show this help',
    closeDialogs: 'Close dialogs',
  },
};
