import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../shared/locale.ts';

/** What the app's own menu items do; main.ts wires them to NewsService. */
export interface MenuActions {
  readonly exportBookmarks: () => void;
  readonly importBookmarks: () => void;
  /** Present only where the app updates itself (app/main/updater.ts). */
  readonly checkForUpdates?: () => void;
}

/** Our own menu labels in the UI language (the platform's roles label themselves). */
export interface MenuLabels {
  readonly file: string;
  readonly view: string;
  readonly exportBookmarks: string;
  readonly importBookmarks: string;
  readonly checkForUpdates: string;
}

export const MENU_LABELS: Readonly<Record<Locale, MenuLabels>> = {
  'zh-Hant': {
    file: '檔案',
    view: '檢視',
    exportBookmarks: '匯出收藏…',
    importBookmarks: '匯入收藏…',
    checkForUpdates: '檢查更新…',
  },
  'zh-Hans': {
    file: '文件',
    view: '视图',
    exportBookmarks: '导出收藏…',
    importBookmarks: '导入收藏…',
    checkForUpdates: '检查更新…',
  },
  en: {
    file: 'File',
    view: 'View',
    exportBookmarks: 'Export bookmarks…',
    importBookmarks: 'Import bookmarks…',
    checkForUpdates: 'Check for Updates…',
  },
};

/**
 * The native menu: the platform's usual roles and shortcuts (copy/paste, zoom, full screen,
 * minimise, quit), and bookmark export and import under File. Developer tools only in
 * development builds.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  isDev: boolean,
  appName: string,
  actions: MenuActions,
  labels: MenuLabels = MENU_LABELS.en,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const { checkForUpdates } = actions;
  // In the app menu on macOS, under File elsewhere.
  const updates: MenuItemConstructorOptions[] =
    checkForUpdates === undefined
      ? []
      : [{ label: labels.checkForUpdates, click: () => checkForUpdates() }, { type: 'separator' }];
  // What role: 'fileMenu' holds (Close on macOS, Quit elsewhere), after our own items.
  const file: MenuItemConstructorOptions[] = [
    { label: labels.exportBookmarks, click: () => actions.exportBookmarks() },
    { label: labels.importBookmarks, click: () => actions.importBookmarks() },
    { type: 'separator' },
    ...(mac ? [] : updates),
    mac ? { role: 'close' } : { role: 'quit' },
  ];
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    ...(mac
      ? [
          {
            label: appName,
            submenu: [
              { role: 'about' },
              ...updates,
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: labels.file, submenu: file },
    { role: 'editMenu' },
    { label: labels.view, submenu: view },
    { role: 'windowMenu' },
  ];
  return template;
}
