import type { Locale } from './messages.ts';

/**
 * What a sync did and why a source failed, in the UI language (issue 18): the sync corner's
 * outcome, the first run's empty list, a call that could not start a sync, and each kind of
 * source error (app/shared/sync-errors.ts). A flat table, so convertMessages can change its script.
 */
export interface SyncMessages {
  /** Every source answered. `leftOut`: older items past a source's cap, not read. */
  readonly done: (inserted: number, leftOut: number) => string;
  /** Some sources failed, others did not: never called complete. */
  readonly partial: (inserted: number, failed: number) => string;
  /** Every source failed, not for want of a network. */
  readonly failedAll: (failed: number) => string;
  /** Every source failed as if there were no network. */
  readonly offline: string;
  readonly cancelled: string;
  /** The sync button's words after a failed sync. */
  readonly retry: string;
  /** A sync call refused (`reason` from one of the err* entries). */
  readonly couldNotSync: (reason: string) => string;
  // Why a call failed, by the contract's error code (app/shared/errors.ts).
  readonly errBusy: string;
  readonly errUnavailable: string;
  readonly errStorage: string;
  readonly errTooNew: string;
  readonly errOther: string;
  // Why a source failed, by kind (SyncErrorKind); `host` is the source's.
  readonly errDns: (host: string) => string;
  readonly errRefused: (host: string) => string;
  readonly errCutOff: (host: string) => string;
  readonly errTls: (host: string) => string;
  readonly errNetwork: (host: string) => string;
  readonly errTimeout: (host: string) => string;
  readonly errTooLarge: (host: string) => string;
  readonly errDenied: (host: string) => string;
  readonly errMissing: (host: string) => string;
  readonly errSlowDown: (host: string) => string;
  readonly errUnavailableHost: (host: string) => string;
  readonly errServer: (host: string, status: number) => string;
  readonly errHttp: (host: string, status: number) => string;
  readonly errRedirect: (host: string) => string;
  readonly errAddress: string;
  readonly errCancelled: string;
  readonly errBudget: string;
  readonly errWebPage: string;
  readonly errNotFeed: string;
  readonly errEmpty: string;
  // The list of an empty library.
  readonly firstRunHeading: string;
  readonly firstRunHint: string;
  readonly firstSyncing: string;
  readonly offlineHeading: string;
  readonly offlineHint: string;
  readonly failedHeading: string;
  readonly failedHint: string;
  readonly addFeed: string;
  readonly showSources: string;
  /** The empty list's buttons (named apart from the header's 同步 and 重試). */
  readonly syncFirst: string;
  readonly tryAgain: string;
}

export const SYNC_MESSAGES: Readonly<Record<Locale, SyncMessages>> = {
  'zh-Hant': {
    done: (inserted, leftOut) =>
      `同步完成：新增 ${inserted} 篇` + (leftOut > 0 ? `，${leftOut} 篇較舊的超出上限未取` : ''),
    partial: (inserted, failed) => `部分來源同步失敗：新增 ${inserted} 篇，${failed} 個來源失敗`,
    failedAll: (failed) => `同步失敗：${failed} 個來源都無法取得`,
    offline: '同步失敗：連不上任何來源，可能沒有網路連線',
    cancelled: '同步已停止',
    retry: '重試',
    couldNotSync: (reason) => `無法同步：${reason}`,
    errBusy: '已經在同步中',
    errUnavailable: '文庫正在重新啟動，請稍後再試',
    errStorage: '無法寫入文庫（磁碟可能已滿）',
    errTooNew: '文庫來自較新版本的黑土閱讀',
    errOther: '發生了意外的錯誤',
    errDns: (host) => `找不到伺服器 ${host}：請檢查網址與網路連線`,
    errRefused: (host) => `${host} 拒絕連線`,
    errCutOff: (host) => `與 ${host} 的連線中斷`,
    errTls: (host) => `無法驗證 ${host} 的安全連線`,
    errNetwork: (host) => `無法從 ${host} 下載`,
    errTimeout: (host) => `${host} 回應逾時`,
    errTooLarge: (host) => `${host} 的頁面太大，超過上限`,
    errDenied: (host) => `${host} 拒絕存取這個頁面`,
    errMissing: (host) => `${host} 上沒有這個頁面（可能已移除）`,
    errSlowDown: (host) => `${host} 要求放慢速度，稍後會再試`,
    errUnavailableHost: (host) => `${host} 暫時無法使用，稍後會再試`,
    errServer: (host, status) => `${host} 伺服器出錯（HTTP ${status}）`,
    errHttp: (host, status) => `${host} 拒絕了請求（HTTP ${status}）`,
    errRedirect: (host) => `${host} 的轉址有誤`,
    errAddress: '這不是 http 或 https 網址',
    errCancelled: '同步被停止',
    errBudget: '超過同步時間上限，下次同步會繼續',
    errWebPage: '這個網址是網頁，不是 RSS 或 Atom 訂閱',
    errNotFeed: '這個網址的內容不是可讀的訂閱（RSS、Atom 或 JSON Feed）',
    errEmpty: '訂閱是空的',
    firstRunHeading: '文庫還是空的',
    firstRunHint: '按「同步」下載吉林頻道的新聞，或加入你自己的訂閱。同步之後，離線也能閱讀。',
    firstSyncing: '正在第一次同步，文章稍後會出現在這裡…',
    offlineHeading: '沒有網路連線，還無法取得文章',
    offlineHint: '連上網路後按「重試」。同步過的文章，離線也能閱讀。',
    failedHeading: '所有來源都同步失敗',
    failedHint: '到「來源」看看每個來源出了什麼問題，或稍後再試。',
    addFeed: '加入訂閱',
    showSources: '查看來源',
    syncFirst: '立即同步',
    tryAgain: '再試一次',
  },
  'zh-Hans': {
    done: (inserted, leftOut) =>
      `同步完成：新增 ${inserted} 篇` + (leftOut > 0 ? `，${leftOut} 篇较旧的超出上限未取` : ''),
    partial: (inserted, failed) => `部分来源同步失败：新增 ${inserted} 篇，${failed} 个来源失败`,
    failedAll: (failed) => `同步失败：${failed} 个来源都无法获取`,
    offline: '同步失败：连不上任何来源，可能没有网络连接',
    cancelled: '同步已停止',
    retry: '重试',
    couldNotSync: (reason) => `无法同步：${reason}`,
    errBusy: '已经在同步中',
    errUnavailable: '文库正在重新启动，请稍后再试',
    errStorage: '无法写入文库（磁盘可能已满）',
    errTooNew: '文库来自较新版本的黑土阅读',
    errOther: '发生了意外的错误',
    errDns: (host) => `找不到服务器 ${host}：请检查网址和网络连接`,
    errRefused: (host) => `${host} 拒绝连接`,
    errCutOff: (host) => `与 ${host} 的连接中断`,
    errTls: (host) => `无法验证 ${host} 的安全连接`,
    errNetwork: (host) => `无法从 ${host} 下载`,
    errTimeout: (host) => `${host} 响应超时`,
    errTooLarge: (host) => `${host} 的页面太大，超过上限`,
    errDenied: (host) => `${host} 拒绝访问这个页面`,
    errMissing: (host) => `${host} 上没有这个页面（可能已删除）`,
    errSlowDown: (host) => `${host} 要求放慢速度，稍后会再试`,
    errUnavailableHost: (host) => `${host} 暂时无法使用，稍后会再试`,
    errServer: (host, status) => `${host} 服务器出错（HTTP ${status}）`,
    errHttp: (host, status) => `${host} 拒绝了请求（HTTP ${status}）`,
    errRedirect: (host) => `${host} 的重定向有误`,
    errAddress: '这不是 http 或 https 网址',
    errCancelled: '同步被停止',
    errBudget: '超过同步时间上限，下次同步会继续',
    errWebPage: '这个网址是网页，不是 RSS 或 Atom 订阅',
    errNotFeed: '这个网址的内容不是可读的订阅（RSS、Atom 或 JSON Feed）',
    errEmpty: '订阅是空的',
    firstRunHeading: '文库还是空的',
    firstRunHint: '点击“同步”下载吉林频道的新闻，或添加你自己的订阅。同步之后，离线也能阅读。',
    firstSyncing: '正在第一次同步，文章稍后会出现在这里…',
    offlineHeading: '没有网络连接，还无法获取文章',
    offlineHint: '连上网络后点击“重试”。同步过的文章，离线也能阅读。',
    failedHeading: '所有来源都同步失败',
    failedHint: '到“来源”看看每个来源出了什么问题，或稍后再试。',
    addFeed: '添加订阅',
    showSources: '查看来源',
    syncFirst: '立即同步',
    tryAgain: '再试一次',
  },
  en: {
    done: (inserted, leftOut) =>
      `Sync finished: ${inserted} new` +
      (leftOut > 0 ? `, ${leftOut} older left out (over the cap)` : ''),
    partial: (inserted, failed) =>
      `Some sources failed: ${inserted} new, ${failed} source${failed === 1 ? '' : 's'} failed`,
    failedAll: (failed) => `Sync failed: none of the ${failed} sources could be reached`,
    offline: 'Sync failed: no source could be reached; you may be offline',
    cancelled: 'Sync stopped',
    retry: 'Retry',
    couldNotSync: (reason) => `Could not sync: ${reason}`,
    errBusy: 'a sync is already running',
    errUnavailable: 'the library is restarting; try again in a moment',
    errStorage: 'the library cannot be written (is the disk full?)',
    errTooNew: 'the library comes from a newer Heitu Reader',
    errOther: 'something unexpected went wrong',
    errDns: (host) => `Could not find the server ${host}; check the address and the connection`,
    errRefused: (host) => `${host} refused the connection`,
    errCutOff: (host) => `The connection to ${host} was cut off`,
    errTls: (host) => `The secure connection to ${host} could not be verified`,
    errNetwork: (host) => `Could not download from ${host}`,
    errTimeout: (host) => `${host} took too long to answer`,
    errTooLarge: (host) => `The page at ${host} is over the size limit`,
    errDenied: (host) => `${host} refused access to this page`,
    errMissing: (host) => `${host} says this page does not exist (removed?)`,
    errSlowDown: (host) => `${host} asked us to slow down; it will be tried later`,
    errUnavailableHost: (host) => `${host} is unavailable for now; it will be tried later`,
    errServer: (host, status) => `${host} had a server error (HTTP ${status})`,
    errHttp: (host, status) => `${host} refused the request (HTTP ${status})`,
    errRedirect: (host) => `${host} redirects wrongly`,
    errAddress: 'This is not an http or https address',
    errCancelled: 'The sync was stopped',
    errBudget: 'The sync ran out of time; the next one carries on',
    errWebPage: 'This address is a web page, not an RSS or Atom feed',
    errNotFeed: 'What this address returns is not a readable feed (RSS, Atom or JSON Feed)',
    errEmpty: 'The feed is empty',
    firstRunHeading: 'The library is empty',
    firstRunHint:
      'Sync to download the Jilin channel’s news, or add a feed of your own. Once synced, everything reads offline.',
    firstSyncing: 'The first sync is running; articles will appear here…',
    offlineHeading: 'No network: no articles could be fetched yet',
    offlineHint: 'Connect, then press Retry. Synced articles read offline.',
    failedHeading: 'Every source failed to sync',
    failedHint: 'Open Sources to see what went wrong with each, or try again later.',
    addFeed: 'Add a feed',
    showSources: 'Show sources',
    syncFirst: 'Sync now',
    tryAgain: 'Try again',
  },
};
