import type { Locale } from './messages.ts';

/**
 * Strings of triage (mark read with undo, unread only, the keys that go with them), of the search
 * count and of "read the full article" (issue 18). A table of its own, so the catalogues other
 * work touches stay apart; `convertMessages` puts it in the reader's script.
 */
export interface TriageMessages {
  /** Accessible name of the bar above the list. */
  readonly listToolbar: string;
  readonly markTabRead: string;
  readonly markAllRead: string;
  /** The toggle's label; its state is aria-pressed. */
  readonly unreadOnly: string;
  readonly markedRead: (count: number) => string;
  readonly nothingToMark: string;
  readonly undo: string;
  readonly undone: (count: number) => string;
  readonly noMoreUnread: string;
  readonly linkCopied: string;
  readonly copyFailed: string;
  readonly notOpenable: string;
  /** Search results: exact, or at least this many when more pages follow. */
  readonly resultCount: (count: number, more: boolean) => string;
  readonly emptyUnread: string;
  // The reading pane.
  readonly summaryOnly: string;
  readonly fetchFullText: string;
  readonly fetchingFullText: string;
  readonly fullTextNetwork: string;
  readonly fullTextHttp: (status: string) => string;
  readonly fullTextUnreadable: string;
  readonly fullTextNoArticle: string;
  readonly fullTextUnavailable: string;
  // The keyboard help.
  readonly keyNextUnread: string;
  readonly keyPage: string;
  readonly keyOpenOriginal: string;
  readonly keyCopyLink: string;
  readonly keyMarkTabRead: string;
  readonly keyUnreadOnly: string;
  readonly keyUndo: string;
  readonly keyTabsAround: string;
  readonly keySearchResults: string;
}

export const TRIAGE_MESSAGES: Readonly<Record<Locale, TriageMessages>> = {
  'zh-Hant': {
    listToolbar: '文章列表操作',
    markTabRead: '本分頁全部標為已讀',
    markAllRead: '全部標為已讀',
    unreadOnly: '只看未讀',
    markedRead: (count) => `已將 ${count} 篇標為已讀。`,
    nothingToMark: '沒有未讀的文章。',
    undo: '復原',
    undone: (count) => `已將 ${count} 篇恢復為未讀。`,
    noMoreUnread: '這裡沒有更多未讀文章了。',
    linkCopied: '已複製連結。',
    copyFailed: '無法複製連結。',
    notOpenable: '這篇文章沒有可以在瀏覽器中開啟的網址。',
    resultCount: (count, more) => (more ? `至少 ${count} 篇` : `${count} 篇`),
    emptyUnread: '這裡沒有未讀文章。',
    summaryOnly: '這個來源只提供摘要。',
    fetchFullText: '讀取全文',
    fetchingFullText: '正在讀取全文…',
    fullTextNetwork: '無法連線到文章所在的網站，請稍後再試。',
    fullTextHttp: (status) => `文章所在的網站回應錯誤（${status}）。`,
    fullTextUnreadable: '文章頁面太大、太慢或不是網頁，無法讀取。',
    fullTextNoArticle: '在文章頁面上找不到正文，請在瀏覽器中開啟原文。',
    fullTextUnavailable: '這篇文章無法讀取全文。',
    keyNextUnread: '下一篇未讀文章',
    keyPage: '文章向下翻頁，到底後開啟下一篇未讀',
    keyOpenOriginal: '在瀏覽器中開啟原文',
    keyCopyLink: '複製文章連結',
    keyMarkTabRead: '本分頁全部標為已讀',
    keyUnreadOnly: '只看未讀或看全部',
    keyUndo: '復原「全部標為已讀」（提示顯示時）',
    keyTabsAround: '上一個或下一個分頁（包括收藏）',
    keySearchResults: '在搜尋框中：移到搜尋結果',
  },
  'zh-Hans': {
    listToolbar: '文章列表操作',
    markTabRead: '本标签页全部标为已读',
    markAllRead: '全部标为已读',
    unreadOnly: '只看未读',
    markedRead: (count) => `已将 ${count} 篇标为已读。`,
    nothingToMark: '没有未读的文章。',
    undo: '撤销',
    undone: (count) => `已将 ${count} 篇恢复为未读。`,
    noMoreUnread: '这里没有更多未读文章了。',
    linkCopied: '已复制链接。',
    copyFailed: '无法复制链接。',
    notOpenable: '这篇文章没有可以在浏览器中打开的网址。',
    resultCount: (count, more) => (more ? `至少 ${count} 篇` : `${count} 篇`),
    emptyUnread: '这里没有未读文章。',
    summaryOnly: '这个来源只提供摘要。',
    fetchFullText: '读取全文',
    fetchingFullText: '正在读取全文…',
    fullTextNetwork: '无法连接到文章所在的网站，请稍后再试。',
    fullTextHttp: (status) => `文章所在的网站返回错误（${status}）。`,
    fullTextUnreadable: '文章页面太大、太慢或不是网页，无法读取。',
    fullTextNoArticle: '在文章页面上找不到正文，请在浏览器中打开原文。',
    fullTextUnavailable: '这篇文章无法读取全文。',
    keyNextUnread: '下一篇未读文章',
    keyPage: '文章向下翻页，到底后打开下一篇未读',
    keyOpenOriginal: '在浏览器中打开原文',
    keyCopyLink: '复制文章链接',
    keyMarkTabRead: '本标签页全部标为已读',
    keyUnreadOnly: '只看未读或看全部',
    keyUndo: '撤销“全部标为已读”（提示显示时）',
    keyTabsAround: '上一个或下一个标签页（包括收藏）',
    keySearchResults: '在搜索框中：移到搜索结果',
  },
  en: {
    listToolbar: 'List actions',
    markTabRead: 'Mark this tab read',
    markAllRead: 'Mark all read',
    unreadOnly: 'Unread only',
    markedRead: (count) => `Marked ${count} ${count === 1 ? 'article' : 'articles'} read.`,
    nothingToMark: 'Nothing is unread.',
    undo: 'Undo',
    undone: (count) => `${count} ${count === 1 ? 'article is' : 'articles are'} unread again.`,
    noMoreUnread: 'No more unread articles here.',
    linkCopied: 'Link copied.',
    copyFailed: 'Could not copy the link.',
    notOpenable: 'This article has no address a browser can open.',
    resultCount: (count, more) =>
      more ? `at least ${count} articles` : `${count} ${count === 1 ? 'article' : 'articles'}`,
    emptyUnread: 'Nothing unread here.',
    summaryOnly: 'This source gives only a summary.',
    fetchFullText: 'Read the full article',
    fetchingFullText: 'Fetching the full article…',
    fullTextNetwork: 'Could not reach the article’s site. Try again later.',
    fullTextHttp: (status) => `The article’s site answered with an error (${status}).`,
    fullTextUnreadable: 'The article’s page is too large, too slow, or not a web page.',
    fullTextNoArticle: 'No article text was found on its page. Open the original in your browser.',
    fullTextUnavailable: 'The full text of this article cannot be fetched.',
    keyNextUnread: 'Next unread article',
    keyPage: 'Page down the article, then open the next unread one',
    keyOpenOriginal: 'Open the original in your browser',
    keyCopyLink: 'Copy the article’s link',
    keyMarkTabRead: 'Mark this tab read',
    keyUnreadOnly: 'Unread only, or everything',
    keyUndo: 'Undo “mark read” (while its notice shows)',
    keyTabsAround: 'Previous or next tab (收藏 included)',
    keySearchResults: 'In the search box: move into the results',
  },
};
