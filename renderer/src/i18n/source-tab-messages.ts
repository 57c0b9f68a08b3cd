import type { Locale } from './messages.ts';

// Issue 18's words for sources and the reader's own tabs (wt-18a): naming a source, the full-text
// switch, what adding a feed found, the OPML report, and the tabs editor. A table of its own, so
// the other tables' changes merge cleanly. Flat, as convertMessages() needs.

export interface SourceTabMessages {
  readonly rename: string;
  readonly nameLabel: string;
  readonly save: string;
  readonly renamed: (name: string) => string;
  readonly fullText: string;
  readonly fullTextHint: string;
  readonly tabLabel: string;
  readonly noTab: string;
  readonly addFeedChecking: string;
  readonly addFeedFound: (name: string, items: number) => string;
  readonly addFeedDuplicate: (name: string) => string;
  readonly addFeedHttp: (status: number) => string;
  readonly addFeedNotFeed: string;
  readonly addFeedNetwork: string;
  readonly addFeedTimeout: string;
  readonly addFeedTooLarge: string;
  readonly addFeedRedirect: string;
  readonly opmlReport: (added: number, existing: number, invalid: number, tabs: number) => string;
  readonly tabsHeading: string;
  readonly tabsEmpty: string;
  readonly tabName: (name: string) => string;
  readonly newTabName: string;
  readonly addTab: string;
  readonly tabAdded: (name: string) => string;
  readonly moveUp: string;
  readonly moveDown: string;
  readonly deleteTab: string;
  readonly tabDeleted: (name: string) => string;
}

export const SOURCE_TAB_MESSAGES: Readonly<Record<Locale, SourceTabMessages>> = {
  'zh-Hant': {
    rename: '改名',
    nameLabel: '名稱（留空則用來源自己的）',
    save: '儲存',
    renamed: (name) => `已改名為「${name}」。`,
    fullText: '抓取全文',
    fullTextHint: '只有摘要的訂閱：逐篇打開原文取出全文',
    tabLabel: '分頁',
    noTab: '（無）',
    addFeedChecking: '正在讀取這個網址…',
    addFeedFound: (name, items) => `已加入「${name}」：目前有 ${items} 篇，正在同步…`,
    addFeedDuplicate: (name) => `這個訂閱已經在來源裡了：「${name}」。`,
    addFeedHttp: (status) => `無法加入：網站回應錯誤（HTTP ${status}）。`,
    addFeedNotFeed: '無法加入：這個網址不是訂閱（RSS、Atom 或 JSON Feed）。',
    addFeedNetwork: '無法加入：連不上這個網站，請檢查網路或網址。',
    addFeedTimeout: '無法加入：網站太久沒有回應。',
    addFeedTooLarge: '無法加入：回應太大，不像是訂閱。',
    addFeedRedirect: '無法加入：網址轉向太多次或轉到不支援的地方。',
    opmlReport: (added, existing, invalid, tabs) =>
      `新增 ${added} 個，已存在 ${existing} 個，無效 ${invalid} 個` +
      (tabs > 0 ? `，建立 ${tabs} 個分頁` : '') +
      (added > 0 ? '；正在同步新增的來源…' : '。'),
    tabsHeading: '我的分頁',
    tabsEmpty: '還沒有自己的分頁。把訂閱放進分頁，就能在分頁列上一起看。',
    tabName: (name) => `分頁名稱：${name}`,
    newTabName: '新分頁名稱',
    addTab: '新增分頁',
    tabAdded: (name) => `已新增分頁「${name}」。`,
    moveUp: '左移',
    moveDown: '右移',
    deleteTab: '刪除分頁',
    tabDeleted: (name) => `已刪除分頁「${name}」；其中的訂閱和文章都還在。`,
  },
  'zh-Hans': {
    rename: '改名',
    nameLabel: '名称（留空则用来源自己的）',
    save: '保存',
    renamed: (name) => `已改名为“${name}”。`,
    fullText: '抓取全文',
    fullTextHint: '只有摘要的订阅：逐篇打开原文取出全文',
    tabLabel: '标签页',
    noTab: '（无）',
    addFeedChecking: '正在读取这个网址…',
    addFeedFound: (name, items) => `已添加“${name}”：目前有 ${items} 篇，正在同步…`,
    addFeedDuplicate: (name) => `这个订阅已经在来源里了：“${name}”。`,
    addFeedHttp: (status) => `无法添加：网站返回错误（HTTP ${status}）。`,
    addFeedNotFeed: '无法添加：这个网址不是订阅源（RSS、Atom 或 JSON Feed）。',
    addFeedNetwork: '无法添加：连不上这个网站，请检查网络或网址。',
    addFeedTimeout: '无法添加：网站太久没有响应。',
    addFeedTooLarge: '无法添加：响应太大，不像是订阅源。',
    addFeedRedirect: '无法添加：网址重定向太多次或转到不支持的地方。',
    opmlReport: (added, existing, invalid, tabs) =>
      `新增 ${added} 个，已存在 ${existing} 个，无效 ${invalid} 个` +
      (tabs > 0 ? `，新建 ${tabs} 个标签页` : '') +
      (added > 0 ? '；正在同步新增的来源…' : '。'),
    tabsHeading: '我的标签页',
    tabsEmpty: '还没有自己的标签页。把订阅放进标签页，就能在标签栏上一起看。',
    tabName: (name) => `标签页名称：${name}`,
    newTabName: '新标签页名称',
    addTab: '新建标签页',
    tabAdded: (name) => `已新建标签页“${name}”。`,
    moveUp: '左移',
    moveDown: '右移',
    deleteTab: '删除标签页',
    tabDeleted: (name) => `已删除标签页“${name}”；其中的订阅和文章都还在。`,
  },
  en: {
    rename: 'Rename',
    nameLabel: 'Name (blank: the source’s own)',
    save: 'Save',
    renamed: (name) => `Renamed to “${name}”.`,
    fullText: 'Fetch full text',
    fullTextHint: 'For feeds with only a summary: open each article’s page and take its text',
    tabLabel: 'Tab',
    noTab: '(none)',
    addFeedChecking: 'Reading that address…',
    addFeedFound: (name, items) =>
      `Added “${name}”: ${items} article${items === 1 ? '' : 's'} there now; syncing…`,
    addFeedDuplicate: (name) => `That feed is already a source: “${name}”.`,
    addFeedHttp: (status) => `Not added: the site answered with an error (HTTP ${status}).`,
    addFeedNotFeed: 'Not added: that address is not a feed (RSS, Atom or JSON Feed).',
    addFeedNetwork: 'Not added: the site cannot be reached; check the network or the address.',
    addFeedTimeout: 'Not added: the site took too long to answer.',
    addFeedTooLarge: 'Not added: the answer is too large to be a feed.',
    addFeedRedirect: 'Not added: the address redirects too often, or somewhere unsupported.',
    opmlReport: (added, existing, invalid, tabs) =>
      `${added} added, ${existing} already there, ${invalid} invalid` +
      (tabs > 0 ? `; ${tabs} tab${tabs === 1 ? '' : 's'} made for its folders` : '') +
      (added > 0 ? '; syncing the new ones…' : '.'),
    tabsHeading: 'Your tabs',
    tabsEmpty: 'No tabs of your own yet. Put feeds in a tab to read them together.',
    tabName: (name) => `Name of the tab ${name}`,
    newTabName: 'New tab’s name',
    addTab: 'Add tab',
    tabAdded: (name) => `Added the tab “${name}”.`,
    moveUp: 'Move left',
    moveDown: 'Move right',
    deleteTab: 'Delete tab',
    tabDeleted: (name) => `Deleted the tab “${name}”; its feeds and articles stay.`,
  },
};
