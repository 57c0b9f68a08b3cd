/**
 * Electron main process, kept thin: lifecycle, the window and its security, the app:// protocol,
 * the menu. The library (SQLite, sync, scheduler, image cache, search index) runs in a utility
 * process of its own (./library.ts); the window talks to it over a MessagePort, not through here.
 * Everything with logic lives in app/core and is tested under Node.
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, screen, session, shell } from 'electron';
import { defaultDataDir, PRODUCT_NAME } from '../core/data-dir.ts';
import { createLogger } from '../core/log.ts';
import { loadSourcesFile } from '../core/sync/sources-file.ts';
import { fromRemote } from '../shared/client.ts';
import { unwrapResult } from '../shared/errors.ts';
import type { ImageBytes } from '../shared/port-protocol.ts';
import { optionValue } from './args.ts';
import { startLibrary } from './library.ts';
import { startAnnouncer } from './announce.ts';
import { exportBookmarksToFile, importBookmarksFromFile } from './bookmark-files.ts';
import { MENU_LABELS, menuTemplate } from './menu.ts';
import { BOOKMARK_FILE_MESSAGES } from '../shared/bookmark-file-messages.ts';
import { catalogueFor, resolveLocale, type Locale } from '../shared/locale.ts';
import { effectiveScript, type Settings } from '../shared/settings.ts';
import { APP_START_URL, isAppUrl, isOpenableExternally, isPermissionGranted } from './policy.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state.ts';
import { startUpdater } from './updater.ts';

const log = createLogger('main');
const distDir = join(__dirname, '..');

app.setName(PRODUCT_NAME);
// One library folder for the desktop app, the CLI and browser mode (see app/core/data-dir.ts).
app.setPath('userData', defaultDataDir());
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // No navigation away from the app, no new windows, no <webview>; http(s) links go to the
    // system browser.
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isOpenableExternally(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // The library could not open (a database from a newer version, an unwritable folder…).
      log.error('startup failed', error);
      dialog.showErrorBox(PRODUCT_NAME, (error as Error).message);
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
}

async function start(): Promise<void> {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionGranted(permission, contents.getURL()));
  });
  ses.setPermissionCheckHandler((_contents, permission, origin) =>
    isPermissionGranted(permission, origin),
  );
  // `--sources FILE`, like the CLI and browser mode; the built-in Jilin channel otherwise.
  const sourcesFile = optionValue(process.argv, 'sources');
  const sources = sourcesFile === null ? null : loadSourcesFile(sourcesFile);
  // The window shows at once; its calls wait until the library answers.
  const library = startLibrary(
    distDir,
    {
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      check: 'background',
      schedule: true,
      ...(sources === null ? {} : { sources }),
    },
    () => mainWindow?.webContents ?? null,
  );
  mainWindow = createWindow();
  const { supervisor, dispose } = await library;
  const service = fromRemote(supervisor.remote);
  serveRenderer(join(distDir, 'renderer'), async (id) => {
    const result = await supervisor.remote.call('getImage', [id]);
    return result.ok ? (unwrapResult(result) as ImageBytes | null) : null;
  });
  // New articles: a notification and the unread badge, when the reader asks (app/main/announce.ts).
  const stopAnnouncing = startAnnouncer(
    service,
    () => mainWindow,
    app.isPackaged ? join(process.resourcesPath, 'badges') : join(distDir, '..', 'build', 'badges'),
  );
  // Updates (installed AppImage, NSIS and macOS apps only): app/main/updater.ts.
  const updates = startUpdater(service, () => mainWindow);
  // The menu and its dialogs speak the UI language in the reader's script's wording (catalogueFor),
  // and follow both when the reader changes them.
  const applyMenu = (catalogue: Locale): void => {
    // The menu is built again when the catalogue changes: its actions keep the words it has.
    const words = BOOKMARK_FILE_MESSAGES[catalogue];
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          process.platform,
          !app.isPackaged,
          PRODUCT_NAME,
          {
            exportBookmarks: () => void exportBookmarksToFile(service, mainWindow, words),
            importBookmarks: () => void importBookmarksFromFile(service, mainWindow, words),
            ...(updates === null ? {} : { checkForUpdates: updates.checkNow }),
          },
          MENU_LABELS[catalogue],
        ),
      ),
    );
  };
  let menuCatalogue: Locale | null = null;
  const followLanguage = (settings: Settings): void => {
    const languages = app.getPreferredSystemLanguages();
    const locale = resolveLocale(settings.uiLanguage, languages);
    const catalogue = catalogueFor(locale, effectiveScript(settings, languages));
    if (catalogue === menuCatalogue) return;
    menuCatalogue = catalogue;
    applyMenu(catalogue);
  };
  void service.getSettings().then(followLanguage);
  service.subscribe((event) => {
    if (event.type === 'settingsChanged') followLanguage(event.settings);
  });

  // Quitting waits (bounded) for the library to finish its transaction and close its files.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    updates?.stop();
    stopAnnouncing();
    event.preventDefault();
    dispose();
    void supervisor.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

function createWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const state = fitToDisplays(
    loadWindowState(userData),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 480,
    minHeight: 360,
    show: false,
    title: '黑土閱讀',
    webPreferences: {
      preload: join(distDir, 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    try {
      saveWindowState(userData, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      log.warn('could not remember the window size', error);
    }
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_START_URL);
  return win;
}
