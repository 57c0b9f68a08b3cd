/**
 * Site profiles: how to read a portal's list pages and article pages, as data. When the portal
 * changes its markup, the fix is an edit here, not in portal.ts. Patterns are regular-expression
 * sources (strings), selectors are CSS selectors.
 */

export interface SiteProfile {
  readonly id: string;
  /** The channel's name as it prints it: with the region, it names a portal source. */
  readonly channelName?: string;
  /** Regex source matched against the path of a link: which links are articles. */
  readonly articleUrlPattern: string;
  /** Texts of the "next page" link (compared without spaces and arrows, case-insensitively). */
  readonly nextPageTexts: readonly string[];
  readonly selectors: {
    readonly title: string;
    /** the publish time, e.g. `2019-05-30 08:54:03` */
    readonly time: string;
    /** `來源:…` */
    readonly source: string;
    /** `編輯:…` */
    readonly editor: string;
    /** the article body (its inner HTML is the article) */
    readonly body: string;
    /** `責編:…`; when absent or not found, the element starting with the label, or the info line */
    readonly responsibleEditor?: string;
    /** more ways to the next page besides its text (default: rel="next", class "next") */
    readonly nextPage?: string;
  };
  /** Minutes east of UTC of times written without a zone (China: 480). */
  readonly timeZoneOffsetMinutes: number;
  /** Regex source for the hosts of article links; absent: the list page's own host only. */
  readonly articleHostPattern?: string;
  /** The labels before each field; absent: DEFAULT_LABELS. */
  readonly labels?: ProfileLabels;
  /** Regex source matched against the start of the copyright notice; absent: DEFAULT_COPYRIGHT. */
  readonly copyrightPattern?: string;
  /** Regex source removed from a `<title>` used as the article title (the site's name). */
  readonly titleSuffixPattern?: string;
}

export interface ProfileLabels {
  readonly source: readonly string[];
  readonly editor: readonly string[];
  readonly responsibleEditor: readonly string[];
  readonly originalTitle: readonly string[];
}

/** Traditional and Simplified spellings of the labels of Chinese news pages. */
export const DEFAULT_LABELS: ProfileLabels = {
  source: ['來源', '来源', '稿源'],
  editor: ['編輯', '编辑'],
  responsibleEditor: ['責編', '责编', '責任編輯', '责任编辑'],
  originalTitle: ['原題', '原题', '原標題', '原标题'],
};

/** A block that opens with the portal's notice, or with "…版權…聲明" (either script). */
export const DEFAULT_COPYRIGHT =
  '^(?:國際在線版權與信息[産產]品內容銷售的聲明|国际在线版权与信息产品内容销售的声明|.{0,24}(?:版權|版权).{0,16}(?:聲明|声明))';

export const DEFAULT_NEXT_PAGE = 'a[rel~="next"], a.next, link[rel~="next"]';

/** `/YYYYMMDD/<a UUID, or 16 to 40 hex digits>.html` (a link's path must end so) */
const CRI_ARTICLE =
  String.raw`/(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/` +
  String.raw`(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,40})\.html?$`;

export const PROFILES: Readonly<Record<string, SiteProfile>> = {
  'cri-jilin': {
    id: 'cri-jilin',
    channelName: '吉林頻道',
    articleUrlPattern: CRI_ARTICLE,
    nextPageTexts: ['下一頁', '下一页', '下頁', '下页', 'Next'],
    selectors: {
      title: '#atitle',
      time: '#apublishtime',
      source: '#asource',
      editor: '#aeditor',
      body: '#abody',
      nextPage: DEFAULT_NEXT_PAGE,
    },
    timeZoneOffsetMinutes: 480,
    labels: DEFAULT_LABELS,
    copyrightPattern: DEFAULT_COPYRIGHT,
    titleSuffixPattern: String.raw`\s*[-_|–—]\s*(?:國際在線|国际在线|CRI\s*Online|關東黑土|关东黑土)[\s\S]*$`,
  },
};
