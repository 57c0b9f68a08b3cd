import type { Locale } from './messages.ts';

/** The settings of "new articles announced" (issue 18). A flat table (convertMessages). */
export interface NotifyMessages {
  readonly heading: string;
  readonly enable: string;
  readonly hint: string;
  readonly regions: string;
  /** Browser mode, notifications blocked for this page. */
  readonly blocked: string;
}

export const NOTIFY_MESSAGES: Readonly<Record<Locale, NotifyMessages>> = {
  'zh-Hant': {
    heading: '新文章通知',
    enable: '背景同步帶來新文章時通知我，並在程式圖示上顯示未讀數',
    hint: '桌面版使用系統通知；瀏覽器模式需要允許這個網頁顯示通知。',
    regions: '要通知的地區',
    blocked: '瀏覽器封鎖了這個網頁的通知：請在網址列的網站設定中允許。',
  },
  'zh-Hans': {
    heading: '新文章通知',
    enable: '后台同步带来新文章时通知我，并在程序图标上显示未读数',
    hint: '桌面版使用系统通知；浏览器模式需要允许这个网页显示通知。',
    regions: '要通知的地区',
    blocked: '浏览器屏蔽了这个网页的通知：请在地址栏的网站设置中允许。',
  },
  en: {
    heading: 'New articles',
    enable:
      'Notify me when a background sync brings new articles, and show the unread count on the app icon',
    hint: 'The desktop app uses system notifications; in browser mode, allow this page to show notifications.',
    regions: 'Regions to notify about',
    blocked:
      'The browser blocks notifications from this page: allow them in the site settings by the address bar.',
  },
};
