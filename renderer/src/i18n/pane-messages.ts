import type { Locale } from './messages.ts';

/**
 * The reading pane's UI strings. The article's own text (title, 來源/編輯/責編/原題, body,
 * copyright) is channel text and is not here: it follows the script switch, not the UI language.
 * A flat table of strings, so `convertMessages` can put it in another Chinese script.
 */
export interface PaneMessages {
  /** Accessible name of the pane (a region landmark). */
  readonly paneLabel: string;
  /** Shown when no article is open. */
  readonly selectArticle: string;
  /** Accessible name and visible label of the bookmark toggle; its state is aria-pressed. */
  readonly bookmark: string;
  /** Tooltip of the bookmark toggle when not bookmarked. */
  readonly addBookmark: string;
  /** Tooltip of the bookmark toggle when bookmarked. */
  readonly removeBookmark: string;
  /** The read toggle's label while the article is unread. */
  readonly markRead: string;
  /** The read toggle's label while the article is read. */
  readonly markUnread: string;
  /** Link to the article on the channel's site, opened in the browser. */
  readonly openOriginal: string;
  /** Note above an article whose library copy was pruned: this is the bookmark's copy. */
  readonly fromBookmark: string;
  /** Accessible name of the group of article actions. */
  readonly actionsLabel: string;
}

export const PANE_MESSAGES: Readonly<Record<Locale, PaneMessages>> = {
  'zh-Hant': {
    paneLabel: '文章',
    selectArticle: '選擇一篇文章，在這裡閱讀。',
    bookmark: '收藏',
    addBookmark: '加入收藏',
    removeBookmark: '取消收藏',
    markRead: '標為已讀',
    markUnread: '標為未讀',
    openOriginal: '在瀏覽器中開啟原文',
    fromBookmark: '這是收藏時保存的副本：文章本身已從文庫中清除。',
    actionsLabel: '文章操作',
  },
  'zh-Hans': {
    paneLabel: '文章',
    selectArticle: '选择一篇文章，在这里阅读。',
    bookmark: '收藏',
    addBookmark: '加入收藏',
    removeBookmark: '取消收藏',
    markRead: '标为已读',
    markUnread: '标为未读',
    openOriginal: '在浏览器中打开原文',
    fromBookmark: '这是收藏时保存的副本：文章本身已从文库中清除。',
    actionsLabel: '文章操作',
  },
  en: {
    paneLabel: 'Article',
    selectArticle: 'Select an article to read it here.',
    bookmark: 'Bookmark',
    addBookmark: 'Add bookmark',
    removeBookmark: 'Remove bookmark',
    markRead: 'Mark read',
    markUnread: 'Mark unread',
    openOriginal: 'Open original in browser',
    fromBookmark: 'Kept from your bookmarks: the article itself was pruned from the library.',
    actionsLabel: 'Article actions',
  },
};
