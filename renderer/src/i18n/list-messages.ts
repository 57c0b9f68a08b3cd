import type { Locale } from './messages.ts';

/**
 * The strings of <heitu-article-list>. Times are not here: Intl formats them in the locale
 * (list-time.ts).
 */
export interface ListMessages {
  /** Read out after an unread article's details. */
  readonly unread: string;
  /** Read out after a bookmarked article's details. */
  readonly bookmarked: string;
  /** Tooltip of ☆: what a click does. */
  readonly star: string;
  /** Tooltip of ★: what a click does. */
  readonly unstar: string;
  /** Between the time and the 來源 on a row's second line. */
  readonly metaSeparator: string;
  /** Shown (and announced) while the next page is on its way. */
  readonly loadingMore: string;
}

export const LIST_MESSAGES: Readonly<Record<Locale, ListMessages>> = {
  'zh-Hant': {
    unread: '未讀',
    bookmarked: '已收藏',
    star: '加入收藏',
    unstar: '取消收藏',
    metaSeparator: ' · ',
    loadingMore: '正在載入更多文章…',
  },
  'zh-Hans': {
    unread: '未读',
    bookmarked: '已收藏',
    star: '加入收藏',
    unstar: '取消收藏',
    metaSeparator: ' · ',
    loadingMore: '正在加载更多文章…',
  },
  en: {
    unread: 'Unread',
    bookmarked: 'Bookmarked',
    star: 'Bookmark',
    unstar: 'Remove bookmark',
    metaSeparator: ' · ',
    loadingMore: 'Loading more articles…',
  },
};
