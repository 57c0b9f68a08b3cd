/**
 * Updates for the installed app, kept thin: electron-updater's autoUpdater (GitHub releases, from
 * the app-update.yml electron-builder writes) driven by UpdateController (app/core/updates), which
 * decides when to check and what happened. Here: which installs update themselves, the dialogs
 * of "Check for updates…", and the quiet notice in the window when an update is ready.
 */
import { BrowserWindow, app, dialog } from 'electron';
import { autoUpdater } from 'electron-updater';
import { createLogger } from '../core/log.ts';
import { UpdateController } from '../core/updates/update-controller.ts';
import { noticeFor, updateSupport, type UpdateStatus } from '../core/updates/update-policy.ts';
import type { NewsApi } from '../shared/contract.ts';
import { resolveLocale, type Locale } from '../shared/locale.ts';
import { UPDATE_READY_CHANNEL } from '../shared/port-channels.ts';

const log = createLogger('updater');

export interface Updates {
  /** "Check for updates…": checks now and says what it found. */
  readonly checkNow: () => void;
  readonly stop: () => void;
}

/**
 * Starts checking (at once, then daily) in an installed AppImage, NSIS or macOS app; null
 * anywhere else (development, the .deb), where the menu then offers no update item.
 */
export function startUpdater(
  service: Pick<NewsApi, 'getSettings'>,
  window: () => BrowserWindow | null,
): Updates | null {
  const support = updateSupport({
    isPackaged: app.isPackaged,
    platform: process.platform,
    appImage: process.env.APPIMAGE,
    resourcesPath: process.resourcesPath,
  });
  if (support !== 'self') {
    log.info(`no self-updates: ${support}`);
    return null;
  }
  autoUpdater.logger = log;
  const locale = async (): Promise<Locale> =>
    resolveLocale((await service.getSettings()).uiLanguage, app.getPreferredSystemLanguages());
  const controller: UpdateController = new UpdateController({
    updater: autoUpdater,
    checksEnabled: async () => (await service.getSettings()).updateChecks,
    onStatus: (status, manual) => {
      void locale().then((l) => show(status, manual, UPDATE_LABELS[l]));
    },
  });

  let noticeShown = false;
  const show = async (status: UpdateStatus, manual: boolean, t: UpdateLabels): Promise<void> => {
    const win = window();
    const notice = noticeFor(status, manual);
    if (notice === 'restart-to-update' && status.kind === 'ready' && win !== null) {
      // The quiet notice: one line in the window's status bar (preload → heitu-app.ts), once.
      if (!noticeShown) {
        win.webContents.send(UPDATE_READY_CHANNEL, status.version);
        noticeShown = true;
      }
      if (!manual) return;
      const answer = await dialog.showMessageBox(win, {
        type: 'info',
        message: t.ready(status.version),
        detail: t.readyDetail,
        buttons: [t.restart, t.later],
        defaultId: 0,
        cancelId: 1,
      });
      if (answer.response === 0) controller.restartToUpdate();
      return;
    }
    if (notice !== 'result-dialog' || win === null) return;
    await dialog.showMessageBox(win, {
      type: status.kind === 'failed' ? 'warning' : 'info',
      message: resultText(status, t),
      buttons: [t.ok],
    });
  };

  controller.start();
  return {
    checkNow: () => void controller.check(true),
    stop: () => {
      controller.stop();
    },
  };
}

interface UpdateLabels {
  readonly ready: (version: string) => string;
  readonly readyDetail: string;
  readonly restart: string;
  readonly later: string;
  readonly ok: string;
  readonly upToDate: (version: string) => string;
  readonly unreachable: string;
  readonly failed: (message: string) => string;
  readonly notSelf: string;
}

/** What a check the reader asked for found, in their language. */
function resultText(status: UpdateStatus, t: UpdateLabels): string {
  switch (status.kind) {
    case 'up-to-date':
      return t.upToDate(app.getVersion());
    case 'unreachable':
      return t.unreachable;
    case 'failed':
      return t.failed(status.message);
    default:
      return t.notSelf;
  }
}

const UPDATE_LABELS: Readonly<Record<Locale, UpdateLabels>> = {
  'zh-Hant': {
    ready: (v) => `新版本 ${v} 已下載`,
    readyDetail: '關閉黑土閱讀時會自動安裝；現在重新啟動即可使用新版本。',
    restart: '重新啟動',
    later: '稍後',
    ok: '好',
    upToDate: (v) => `已是最新版本（${v}）。`,
    unreachable: '無法連線到更新伺服器，請稍後再試。',
    failed: (m) => `檢查更新失敗：${m}`,
    notSelf: '此版本不會自動更新。',
  },
  'zh-Hans': {
    ready: (v) => `新版本 ${v} 已下载`,
    readyDetail: '退出黑土阅读时会自动安装；现在重新启动即可使用新版本。',
    restart: '重新启动',
    later: '稍后',
    ok: '好',
    upToDate: (v) => `已是最新版本（${v}）。`,
    unreachable: '无法连接到更新服务器，请稍后再试。',
    failed: (m) => `检查更新失败：${m}`,
    notSelf: '此版本不会自动更新。',
  },
  en: {
    ready: (v) => `Version ${v} has been downloaded`,
    readyDetail: 'It installs when you quit Heitu Reader; restart now to use it.',
    restart: 'Restart',
    later: 'Later',
    ok: 'OK',
    upToDate: (v) => `Heitu Reader is up to date (${v}).`,
    unreachable: 'The update server cannot be reached. Try again later.',
    failed: (m) => `Checking for updates failed: ${m}`,
    notSelf: 'This copy does not update itself.',
  },
};
